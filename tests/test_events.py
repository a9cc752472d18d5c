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


# ---------------------------------------------------------------- headline, hosting, restatement
def analyze_titled(text: str, title: str, lang: str) -> dict:
    from chronique.analysis.analyze import analyze
    from chronique.corpus.readers import Article

    (record,) = analyze([Article(id="t1", text=f"{title}\n{text}", source="test", title=title)], lang=lang)
    return record


def test_french_headline_repeating_a_body_event_is_not_coded_again():
    record = analyze_titled("L'armée birmane a arrêté Aung San Suu Kyi lundi.",
                            "L'armée birmane arrête Aung San Suu Kyi", "fr")
    assert [e["trigger"]["text"] for e in record["events"]] == ["a arrêté"]


def test_english_headline_is_coded():
    record = analyze_titled("Tony Blair has congratulated George Bush on his victory.", "Blair congratulates Bush",
                            "en")
    assert types(record) == ["SUPPORT", "SUPPORT"]


@pytest.mark.parametrize("text,expected", [
    ("Le président iranien a reçu son homologue russe à Téhéran.", {("CONSULT", "IRN", "RUS")}),
    ("Le ministre grec Panos Panayiotopoulos reçoit la Défense.", set()),
    ("Le pape François a reçu beaucoup d'informations de l'Ukraine.", set()),
])
def test_hosting_needs_a_guest(analyze_text, text, expected):
    assert dyads(analyze_text(text)) == expected


def test_a_purpose_of_the_same_type_is_the_same_event(analyze_text):
    record = analyze_text("Le président kényan a accueilli son homologue rwandais pour discuter de la crise.")
    assert dyads(record) == {("CONSULT", "KEN", "RWA")}


# ---------------------------------------------------------------- characterisation
@pytest.mark.parametrize("text,lang,expected", [
    ("Le président russe a qualifié de « terroriste » le gouvernement ukrainien.", "fr", ("ACCUSE", "RUS", "UKR")),
    ("Le président russe a traité les dirigeants ukrainiens de « nazis ».", "fr", ("ACCUSE", "RUS", "UKR")),
    ("French president Jacques Chirac has called the British rebate \"unjustified\".", "en",
     ("ACCUSE", "FRA", "GBR")),
])
def test_calling_an_actor_names_is_an_accusation(analyze_text, text, lang, expected):
    assert expected in dyads(analyze_text(text, lang=lang))


def test_praise_is_support(analyze_text):
    record = analyze_text("Liberal Democrat spokesman Mark Oaten called the British change pragmatic.", lang="en")
    assert types(record) == ["SUPPORT"]


def test_appeler_without_what_it_is_called_is_no_accusation(analyze_text):
    assert analyze_text("Le président français a appelé son homologue russe mardi.")["events"] == []


def test_a_subject_does_not_lend_its_preposition_to_the_trigger(analyze_text):
    record = analyze_text("Le candidat à l'élection, Jean-Luc Mélenchon, a appelé Marine Le Pen « la bourgeoise ».")
    assert types(record) == ["ACCUSE"]  # not "appeler à": the "à" is the subject's


# ---------------------------------------------------------------- quotes and threats
def test_an_event_noun_in_a_speakers_own_sentence_is_not_an_event(analyze_text):
    record = analyze_text("« La pression des sanctions sur la Russie s'est avérée vaine », a déclaré le ministre.")
    assert "SANCTION" not in types(record)


def test_staged_protest_and_remaining_on_alert(analyze_text):
    assert types(analyze_text("Algerian activists staged a hunger strike on Sunday.", lang="en")) == ["PROTEST"]
    assert types(analyze_text("Israeli troops remained on alert in the West Bank.", lang="en")) == ["MOBILIZE"]


def test_a_hostile_act_its_side_says_it_would_carry_out_is_a_threat(analyze_text):
    record = analyze_text("Palestinian leaders said they would boycott all official contact with the United States.",
                          lang="en")
    assert dyads(record) == {("THREATEN", "PSE", "USA")}


# ---------------------------------------------------------------- reactions, unnamed sides, participles
def test_rejecting_these_accusations_answers_the_accuser(analyze_text):
    record = analyze_text("La RD Congo a accusé le Rwanda de soutenir les rebelles, mais le gouvernement rwandais "
                          "rejette ces accusations.")
    assert ("REJECT", "RWA", "COD") in dyads(record)


def test_an_unnamed_side_named_by_a_noun_is_still_an_event(analyze_text):
    assert types(analyze_text("L'ONG dénonce le recours à la torture.")) == ["ACCUSE"]
    assert types(analyze_text("Les rebelles ont été invités à la table des négociations.")) == ["REQUEST"]


def test_a_bare_participle_is_an_adjective_not_an_event(analyze_text):
    assert analyze_text("Les groupes armés sont nombreux dans la région.")["events"] == []


def test_a_participle_takes_the_noun_it_qualifies_as_its_agent(analyze_text):
    record = analyze_text("Une vidéo montrait des commerçants chinois défilant dans la rue pour protester.")
    assert ("PROTEST", "CHN", None) in dyads(record)


def test_a_passive_backgrounded_in_a_relative_clause_is_no_event(analyze_text):
    record = analyze_text("Serbia lifted a curfew in Montenegro where 28 people have been killed.", lang="en")
    assert "ASSAULT" not in types(record)


def test_an_english_passive_agent_is_the_source(analyze_text):
    record = analyze_text("A camp for Congolese refugees was attacked by Burundian militiamen.", lang="en")
    assert {source for _, source, _ in dyads(record, "ASSAULT")} == {"BDI"}


def test_a_subject_the_parser_hangs_on_the_auxiliary_is_the_source(analyze_text):
    record = analyze_text("Le gouvernement malien, impuissant, a de son côté dénoncé une « furie destructrice » et a "
                          "menacé les auteurs de ces exactions de poursuites.")
    actors = {a["id"]: a for a in record["actors"]}
    sources = {e["type"]: actors[e["source"]]["country"] for e in record["events"] if e["source"]}
    assert sources.get("THREATEN") == "MLI" and sources.get("ACCUSE") == "MLI"


# ---------------------------------------------------------------- sides found in complements
def test_a_side_named_inside_the_object_is_the_target(analyze_text):
    record = analyze_text("The Israeli army lifted a blockade on Palestinian lorries.", lang="en")
    assert dyads(record) == {("RETREAT", "ISR", "PSE")}


def test_whom_the_object_concerns_beats_where_it_happened(analyze_text):
    record = analyze_text("L'Iran a salué la coopération avec la Russie, notamment en Syrie.")
    assert dyads(record) == {("SUPPORT", "IRN", "RUS")}


def test_a_passive_patient_that_names_no_actor_gives_its_complement(analyze_text):
    record = analyze_text("A camp for Congolese refugees was attacked by Burundian militiamen.", lang="en")
    assert dyads(record) == {("ASSAULT", "BDI", "COD")}


def test_a_threat_is_made_to_the_subject_of_its_condition(analyze_text):
    record = analyze_text("Russia threatened to stop the negotiations if the United States deploys new missiles.",
                          lang="en")
    assert ("THREATEN", "RUS", "USA") in dyads(record)


def test_a_possessor_or_demonym_before_an_institution_gives_its_country(analyze_text):
    record = analyze_text("Taiwan's vice foreign minister visited Russia. The Azerbaijani parliament condemned "
                          "Armenia.", lang="en")
    assert {("CONSULT", "TWN", "RUS"), ("ACCUSE", "AZE", "ARM")} <= dyads(record)


def test_a_resignation_is_a_withdrawal(analyze_text):
    record = analyze_text("Georgian President Eduard Shevardnadze resigned on Sunday.", lang="en")
    assert types(record) == ["RETREAT"]


def test_a_cooperative_act_announced_for_the_future_is_a_commitment(analyze_text):
    record = analyze_text("Finland will give Tanzania a grant of 580 million shillings.", lang="en")
    assert dyads(record) == {("AGREE", "FIN", "TZA")}
    assert types(analyze_text("Finland gave Tanzania a grant of 580 million shillings.", lang="en")) == ["AID"]


def test_a_host_trigger_needs_its_guest_as_object(analyze_text):
    record = analyze_text("The German government welcomed President Reagan's latest policy on arms control.",
                          lang="en")
    assert types(record) == ["SUPPORT"]


def test_coordinated_verbs_of_one_type_between_the_same_sides_are_one_event(analyze_text):
    record = analyze_text("Iraqi insurgents killed one U.S. soldier and wounded two others.", lang="en")
    assert [e["type"] for e in record["events"]] == ["ASSAULT"]
    record = analyze_text("La Russie a condamné l'Ukraine et a dénoncé la Pologne.")
    assert dyads(record) == {("ACCUSE", "RUS", "UKR"), ("ACCUSE", "RUS", "POL")}


def test_a_participle_before_its_noun_is_a_state(analyze_text):
    record = analyze_text("U.N. helicopters evacuated the wounded from the besieged Bosnian town.", lang="en")
    assert "COERCE" not in types(record)


def test_a_passive_subject_completes_a_multiword_trigger(analyze_text):
    record = analyze_text("À Naypyidaw, l'état d'urgence a été décrété par l'armée birmane.")
    assert "COERCE" in types(record)


def test_stopping_an_act_is_no_arrest(analyze_text):
    assert "COERCE" not in types(analyze_text("Les rebelles maliens ont arrêté la destruction des mausolées."))
    assert "COERCE" in types(analyze_text("La police malienne a arrêté trois rebelles."))


def test_a_gerund_takes_its_clauses_subject(analyze_text):
    record = analyze_text("Le gouvernement chinois a répondu aux préoccupations de discrimination en qualifiant "
                          "l'Afrique de bon ami.")
    assert ("SUPPORT", "CHN", None) in {(t, s, None) for t, s, _ in dyads(record)}


def test_an_object_pronoun_stands_for_the_last_actor_named_outside_the_source(analyze_text):
    record = analyze_text("Le président russe a reçu le chef de l'État ukrainien. Tout comme le ministre "
                          "polonais, le chef de l'ONU l'a critiqué.")
    events = {e["trigger"]["text"]: e for e in record["events"]}
    actors = {a["id"]: a for a in record["actors"]}
    target = actors[events["a critiqué"]["target"]]
    assert target["country"] == "UKR"


def test_we_in_a_quote_is_its_speaker(analyze_text):
    record = analyze_text("« Nous supplions le monde de venir à notre secours », a déclaré le président nigérian "
                          "Muhammadu Buhari.")
    assert ("REQUEST", "NGA", None) in dyads(record)


def test_what_a_condition_supposes_is_no_event(analyze_text):
    record = analyze_text('"If we do not work with Germany, we will fail," the French minister said.', lang="en")
    assert record["events"] == []


def test_two_word_demonyms_and_coordinated_demonyms_on_one_actor(analyze_text):
    record = analyze_text("Security forces in Guinea have tortured scores of Sierra Leonean refugees.", lang="en")
    assert dyads(record) == {("ASSAULT", "GIN", "SLE")}
    record = analyze_text("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.", lang="en")
    assert {source for _, source, _ in dyads(record, "AGREE")} == {"HUN", "ROU"}


def test_an_event_named_as_a_time_is_not_the_content_of_the_verb(analyze_text):
    record = analyze_text("L'usage du polonium avait déjà été soupçonné lors de l'assassinat de l'ex-espion russe "
                          "Alexandre Litvinenko à Londres.")
    assert ("ASSAULT", None, "RUS") in dyads(record)


def test_what_a_speaker_says_a_third_party_must_do_is_a_request(analyze_text):
    record = analyze_text("British Foreign Secretary Jack Straw said on Friday that the Sudanese government must "
                          "reach a peace agreement with the rebels.", lang="en")
    assert dyads(record) == {("REQUEST", "GBR", "SDN")}
    record = analyze_text("Le secrétaire d'État américain Antony Blinken a réagi. « L'armée birmane doit annuler ces "
                          "actions immédiatement », a-t-il déclaré.")
    assert ("REQUEST", "USA", "MMR") in dyads(record)
    record = analyze_text("« Nous devons protéger nos frontières », a déclaré le président ukrainien Volodymyr "
                          "Zelensky.")
    assert "REQUEST" not in types(record)


def test_condemning_the_event_already_reported_targets_its_author(analyze_text):
    record = analyze_text("Au Myanmar, l'armée birmane prend le contrôle du pays. Les États-Unis condamnent le coup "
                          "d'État.")
    assert ("ACCUSE", "USA", "MMR") in dyads(record)


def test_attacking_a_plan_is_criticism(analyze_text):
    record = analyze_text("The Conservative party attacked the government's asylum plans on Monday.", lang="en")
    assert types(record) == ["ACCUSE"]
    assert types(analyze_text("Rebels attacked a Nigerian army base on Monday.", lang="en")) == ["ASSAULT"]


def test_a_promised_act_is_the_content_of_the_promise(analyze_text):
    record = analyze_text("British Defence Secretary Tom King has promised to continue military aid to Mozambique.",
                          lang="en")
    assert dyads(record) == {("AGREE", "GBR", "MOZ")}


def test_the_attack_a_killing_happened_in_and_a_strike_with_its_purpose_are_one_event(analyze_text):
    record = analyze_text("At least three Iraqi civilians were killed in a car bombing in Baghdad.", lang="en")
    assert types(record) == ["ASSAULT"]
    record = analyze_text("Up to 1,000 ethnic Turks began a hunger strike on Monday to protest against Sweden's "
                          "decision.", lang="en")
    assert types(record) == ["PROTEST"]


def test_declining_or_failing_to_act_is_a_rejection(analyze_text):
    record = analyze_text("Vice-President Moody Awori has declined to resign despite growing pressure.", lang="en")
    assert types(record) == ["REJECT"]
    record = analyze_text("Palestinians and Israelis failed to reach agreement on the fate of the offices.", lang="en")
    assert {source for _, source, _ in dyads(record, "REJECT")} == {"PSE", "ISR"}


def test_a_nominal_event_measured_by_a_light_verbs_object_takes_its_subject(analyze_text):
    record = analyze_text("French and Egyptian warships on Monday launched 10 days of war games in the "
                          "Mediterranean.", lang="en")
    assert dyads(record) == {("COOPERATE", "FRA", None), ("COOPERATE", "EGY", None)}


def test_an_agentless_passive_names_the_patient_not_the_source(analyze_text):
    record = analyze_text("At least three Iraqi civilians have been killed in central Baghdad.", lang="en")
    assert dyads(record) == {("ASSAULT", None, "IRQ")}
    record = analyze_text("Le ministre russe de la Défense est arrivé à Téhéran mardi.")
    assert dyads(record) == {("CONSULT", "RUS", "IRN")}


def test_those_who_go_somewhere_for_talks_or_engage_in_an_act_take_part_in_it(analyze_text):
    record = analyze_text("U.S. and Russian negotiators return to Geneva this week for talks on nuclear arms.",
                          lang="en")
    assert {source for _, source, _ in dyads(record, "CONSULT")} == {"USA", "RUS"}
    record = analyze_text("Serb forces were engaged in ethnic cleansing in Montenegro.", lang="en")
    assert ("ASSAULT", "SRB", "MNE") in dyads(record)


def test_a_demonym_leading_a_compound_adjective_names_the_side(analyze_text):
    record = analyze_text("Israeli-backed militiamen attacked the Lebanese village of Khiam.", lang="en")
    assert ("ASSAULT", "ISR", "LBN") in dyads(record)


def test_a_place_named_inside_a_longer_entity_still_gives_its_country(analyze_text):
    record = analyze_text("Serbia eased emergency measures on Wednesday in Montenegro province.", lang="en")
    assert dyads(record) == {("CONCEDE", "SRB", "MNE")}


def test_a_noun_the_trigger_governs_completes_it_however_far(analyze_text):
    record = analyze_text("Le pape a indiqué qu'il avait parlé au président ukrainien Volodymyr Zelensky à plusieurs "
                          "reprises par téléphone.")
    assert "CONSULT" in types(record)


def test_a_participle_the_tagger_misreads_still_takes_the_object_it_shows(analyze_text):
    record = analyze_text("Une autre vidéo vue par la BBC montrait un propriétaire chinois s'excusant auprès de son "
                          "locataire.")
    assert ("CONCEDE", "CHN", None) in dyads(record)


def test_blocking_an_effort_is_a_rejection_by_each_side(analyze_text):
    record = analyze_text("La Russie et la Chine ont précédemment bloqué les efforts du Conseil de sécurité.")
    assert {source for _, source, _ in dyads(record, "REJECT")} == {"RUS", "CHN"}


def test_visiting_a_sight_is_no_consultation(analyze_text):
    assert analyze_text("Le ministre russe de la Défense a visité une exposition de drones.")["events"] == []
    assert dyads(analyze_text("Le ministre russe de la Défense a visité l'Iran.")) == {("CONSULT", "RUS", "IRN")}


def test_an_events_place_is_its_triggers_complement_before_other_places_of_the_sentence(analyze_text):
    record = analyze_text("L'Iran a participé à l'exposition militaire de Moscou en août. Le ministre russe de la "
                          "Défense est arrivé à Téhéran mardi soir, quelques semaines après l'exposition de Moscou.")
    places = {p["id"]: p["name"] for p in record["places"]}
    visit = next(e for e in record["events"] if "arrivé" in e["trigger"]["text"])
    assert places[visit["place"]] == "Tehran"


def test_an_adverbial_phrase_between_auxiliary_and_participle_keeps_the_subject(analyze_text):
    # "a de son côté dénoncé": the parser reads "a" as a verb with "côté" as its object; and the verb after a
    # quotation is coordinated with the one that governs the quotation, not with a word inside it
    record = analyze_text("Le gouvernement malien, impuissant, a de son côté dénoncé « la furie destructrice "
                          "assimilable à des crimes » et a menacé les islamistes de poursuites au Mali.")
    assert {(t, s) for t, s, _ in dyads(record)} == {("ACCUSE", "MLI"), ("THREATEN", "MLI")}
