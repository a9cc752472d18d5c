"""Event coding: triggers, sides, content of requests and accusations, demonyms, pronouns."""

from __future__ import annotations

import pytest


def dyads(record: dict, type_: str | None = None) -> set[tuple[str, str | None, str | None]]:
    """(type, source country, target country) of every event, countries read off the actors."""
    actors = {a["id"]: a for a in record["actors"]}

    def country(actor_id: str | None) -> str | None:
        return actors[actor_id]["country"] if actor_id else None

    return {(e["type"], country(e["source"]), country(e["target"])) for e in record["events"]
            if type_ is None or e["type"] == type_}


def types(record: dict) -> list[str]:
    return sorted(e["type"] for e in record["events"])


# ---------------------------------------------------------------- coordination
def test_coordinated_subjects_are_one_event_each(analyze_text):
    record = analyze_text("La Russie et la Chine ont condamné l'Ukraine.")
    assert dyads(record) == {("ACCUSE", "RUS", "UKR"), ("ACCUSE", "CHN", "UKR")}


def test_coordinated_demonyms_qualifying_one_noun(analyze_text):
    record = analyze_text("French and Egyptian warships launched joint exercises.", lang="en")
    assert {source for _, source, _ in dyads(record, "COOPERATE")} == {"FRA", "EGY"}


# ---------------------------------------------------------------- content of an event
def test_accused_act_is_not_coded_again(analyze_text):
    record = analyze_text("La France a accusé l'Iran de soutenir les rebelles.")
    assert dyads(record) == {("ACCUSE", "FRA", "IRN")}


def test_threat_takes_its_target_from_the_threatened_act(analyze_text):
    record = analyze_text("The United States threatened to sanction Iran.", lang="en")
    assert dyads(record) == {("THREATEN", "USA", "IRN")}


def test_praised_cooperation_gives_the_partner_not_the_place(analyze_text):
    record = analyze_text("L'Iran a salué en Syrie les résultats encourageants de sa coopération avec la Russie.")
    assert dyads(record) == {("SUPPORT", "IRN", "RUS")}


def test_an_inquiry_does_not_absorb_the_attack_it_is_about(analyze_text):
    record = analyze_text("L'ONU a ouvert une enquête sur l'assassinat d'un journaliste saoudien.")
    assert types(record) == ["ACCUSE", "ASSAULT"]  # one inquiry ("ouvert une enquête"), one killing
    assert ("ASSAULT", None, "SAU") in dyads(record)


def test_adjunct_participle_is_a_statement_of_its_own(analyze_text):
    record = analyze_text("L'armée birmane a contesté le résultat, déposant une plainte contre la Russie.")
    assert dyads(record) == {("REJECT", "MMR", None), ("ACCUSE", "MMR", "RUS")}


# ---------------------------------------------------------------- unnamed sides
def test_demonym_noun_is_its_state(analyze_text):
    record = analyze_text("Palestinians blamed Israel for the attack.", lang="en")
    assert dyads(record) == {("ACCUSE", "PSE", "ISR")}


def test_demonym_of_the_group_a_phrase_quantifies(analyze_text):
    record = analyze_text("Un groupe de diplomates marocains a rencontré des responsables algériens à Alger.")
    assert ("CONSULT", "MAR", "DZA") in dyads(record)


def test_pronoun_in_a_reported_clause_is_the_speaker(analyze_text):
    record = analyze_text("Switzerland said it had expelled two Russian diplomats.", lang="en")
    assert dyads(record) == {("SANCTION", "CHE", "RUS")}


def test_possessive_refers_to_the_clause_subject(analyze_text):
    record = analyze_text("Le Premier ministre indien a évoqué sa rencontre avec le Japon.")
    assert ("CONSULT", "IND", "JPN") in dyads(record)


def test_patient_noun_complement_is_the_target(analyze_text):
    record = analyze_text("Les enquêteurs ont parlé de l'assassinat de l'ambassadeur russe.")
    assert dyads(record, "ASSAULT") == {("ASSAULT", None, "RUS")}


# ---------------------------------------------------------------- lexicon
@pytest.mark.parametrize("text,lang,expected", [
    ("Les rebelles tchadiens ont capitulé.", "fr", "RETREAT"),
    ("Five hundred Ugandan rebels surrendered last week.", "en", "RETREAT"),
    ("Le Kenya a rejoint le bloc régional de l'Afrique de l'Est.", "fr", "COOPERATE"),
    ("Syria has promised to release Lebanese prisoners.", "en", "AGREE"),
    ("Israel has strengthened its forces in Lebanon.", "en", "MOBILIZE"),
])
def test_trigger_lexicon(analyze_text, text, lang, expected):
    assert types(analyze_text(text, lang=lang)) == [expected]


# ---------------------------------------------------------------- declined acts, "between"
def test_a_declined_cooperative_act_is_a_rejection(analyze_text):
    record = analyze_text("La Russie n'a pas signé l'accord avec l'Ukraine.")
    assert dyads(record) == {("REJECT", "RUS", "UKR")}
    assert record["events"][0]["negated"] is False  # the rejection itself is asserted


def test_between_names_both_sides_of_a_clash(analyze_text):
    record = analyze_text("Les combats entre l'armée congolaise et l'armée rwandaise ont repris.")
    assert dyads(record) == {("ASSAULT", "COD", "RWA")}


def test_cooperation_between_two_states_is_not_an_event_by_itself(analyze_text):
    record = analyze_text("Le ministre a déclaré que la coopération entre Moscou et Téhéran était excellente.")
    assert record["events"] == []
