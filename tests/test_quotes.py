from conftest import actor_named, quote_containing

from chronique.analysis.marks import find_marked


def texts(text, english_single=False):
    return [text[m.start:m.end] for m in find_marked(text, english_single)]


def test_marks_of_every_style():
    text = "Il dit « un » puis “deux” puis \"trois\" et ‹ quatre ›."
    assert texts(text) == ["un", "deux", "trois", "quatre"]


def test_a_mark_left_open_closes_before_the_next_one():
    text = "Il a ajouté : « La pression est vaine. « La coopération progresse », dit le communiqué."
    assert texts(text) == ["La pression est vaine.", "La coopération progresse"]


def test_a_doubled_opening_mark_counts_once_and_a_paragraph_end_closes():
    text = "Il a dit que « « Le résultat est clair.» Puis « rien\nNouveau paragraphe."
    assert texts(text) == ["Le résultat est clair.", "rien"]


def test_english_single_quotes_are_not_apostrophes():
    text = "UK rebate 'unjustified' - Chirac's view, don't ask"
    assert texts(text, english_single=True) == ["unjustified"]


def test_speakers_through_incise_introduction_and_pronoun(analyze_text):
    record = analyze_text(
        "La ministre Claire Vautrin a reçu son homologue Jonas Albrecht.\n"
        "« Nous resterons unis », a déclaré Claire Vautrin.\n"
        "Jonas Albrecht a ajouté : « Berlin tiendra parole. »\n"
        "Il a souligné que « la coopération progresse ».", lang="fr", published="2024-03-14")
    vautrin, albrecht = actor_named(record, "Claire Vautrin"), actor_named(record, "Jonas Albrecht")
    assert quote_containing(record, "Nous resterons unis")["speaker"] == vautrin["id"]
    assert quote_containing(record, "Berlin tiendra parole")["speaker"] == albrecht["id"]
    assert quote_containing(record, "la coopération progresse")["speaker"] == albrecht["id"]
    assert quote_containing(record, "Nous resterons unis")["cue"]["text"] == "déclaré"


def test_relay_by_an_agency_is_via_not_speaker(analyze_text):
    record = analyze_text(
        "Le général Marc Dubreuil a déclaré que « la mission est terminée », a rapporté l'agence Reuters.",
        lang="fr", published="2024-03-14")
    quote = quote_containing(record, "la mission est terminée")
    assert quote["speaker"] == actor_named(record, "Marc Dubreuil")["id"]
    assert quote["via"] == actor_named(record, "Reuters")["id"]


def test_indirect_speech_without_marks(analyze_text):
    record = analyze_text("Le porte-parole Paul Girard a affirmé que le gouvernement ne reculera pas sur la réforme.",
                          lang="fr")
    quote = quote_containing(record, "le gouvernement ne reculera pas")
    assert quote["kind"] == "indirect"
    assert not quote["text"].startswith("que")
    assert quote["speaker"] == actor_named(record, "Paul Girard")["id"]


def test_trailing_unattributed_blurb_is_not_a_quote(analyze_text):
    record = analyze_text("Le maire Luc Perrin a déclaré : « Le pont rouvrira. »\n"
                          "« Amoureux des chats. Lecteur. Passionné de jardinage. »", lang="fr")
    assert [q["text"] for q in record["quotes"]] == ["Le pont rouvrira."]
    assert any("W002" in w or "author blurb" in w for w in record["warnings"])


def test_english_said_and_according_to(analyze_text):
    record = analyze_text(
        'Foreign Secretary Jack Harding said the deal was "a fair compromise". '
        "According to Reuters, the talks will resume in May.", lang="en")
    quote = quote_containing(record, "a fair compromise")
    assert quote["speaker"] == actor_named(record, "Jack Harding")["id"]
