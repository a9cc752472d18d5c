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


def test_a_surname_the_recogniser_misses_is_the_person_named_before(analyze_text):
    record = analyze_text(
        "Attorney General Loretta Lynch spoke to students on Monday. "
        "Lynch said her colleague had not worked on the case.", lang="en")
    quote = quote_containing(record, "her colleague had not worked")
    assert quote["speaker"] == actor_named(record, "Loretta Lynch")["id"]


def test_a_name_inside_the_quote_is_not_the_antecedent_of_the_incise_pronoun(analyze_text):
    record = analyze_text(
        "Foreign Secretary Jack Straw spoke in Brussels on Monday.\n"
        '"The fact is that President Bush is there for four years," he said.', lang="en")
    quote = quote_containing(record, "President Bush is there")
    assert quote["speaker"] == actor_named(record, "Jack Straw")["id"]


def test_a_collective_is_never_he(analyze_text):
    record = analyze_text(
        "Foreign Secretary Jack Straw said the US government was suspicious of the plan. "
        'But he said the objections were based on a "lack of information".', lang="en")
    quote = quote_containing(record, "lack of information")
    assert quote["speaker"] == actor_named(record, "Jack Straw")["id"]


def test_the_passive_subject_of_a_speech_verb_is_not_the_speaker(analyze_text):
    record = analyze_text(
        'Home Secretary David Blunkett was accused by David Davis of using the "politics of confusion".', lang="en")
    quote = quote_containing(record, "politics of confusion")
    assert quote["speaker"] != actor_named(record, "David Blunkett")["id"]


def test_the_speech_verb_governing_the_clause_of_a_partial_quote(analyze_text):
    record = analyze_text(
        "Liberal Democrat leader Charles Kennedy welcomed the result.\n"
        'The first task was to "rebuild a sense of domestic purpose" within the country, Kennedy said.', lang="en")
    quote = quote_containing(record, "rebuild a sense")
    assert quote["cue"]["text"] == "said"
    assert quote["speaker"] == actor_named(record, "Charles Kennedy")["id"]


def test_a_quote_after_a_long_incise_continues_its_speaker(analyze_text):
    record = analyze_text(
        '"Wall Street is a cynical place," said Tim Hess, a real estate developer in Virginia who introduced '
        'the founder to his banking contacts. "But passion and integrity make people lean forward."', lang="en")
    quote = quote_containing(record, "passion and integrity")
    assert quote["speaker"] == actor_named(record, "Tim Hess")["id"]


def test_an_inverted_subject_pronoun_speaks(analyze_text):
    record = analyze_text(
        "Le ministre Arnaud Delorme a visité la centrale mardi.\n"
        "« Le nucléaire est une filière d'avenir », affirme-t-il. « Nous allons investir. »", lang="fr")
    delorme = actor_named(record, "Arnaud Delorme")["id"]
    assert quote_containing(record, "filière d'avenir")["speaker"] == delorme
    assert quote_containing(record, "Nous allons investir")["speaker"] == delorme


def test_an_opening_pour_phrase_after_a_conjunction_and_before_a_colon(analyze_text):
    record = analyze_text(
        "Barack Obama et Mitt Romney se sont affrontés mardi.\n"
        "Mais pour Barack Obama, « le problème est que tout le monde connaît déjà cette stratégie ».\n"
        "Pour la principale association de défense du logiciel libre, l'April : « Le vote est une victoire. »",
        lang="fr")
    assert quote_containing(record, "le problème est")["speaker"] == actor_named(record, "Barack Obama")["id"]
    assert quote_containing(record, "Le vote est une victoire")["speaker"] == actor_named(record, "April")["id"]


def test_transcript_labels_name_the_speaker(analyze_text):
    record = analyze_text(
        "Governor Mike Pence spoke on Sunday. Partial transcript as follows:\n"
        '"WALLACE: Will the guests be there tomorrow night?\n'
        '"PENCE: The guests will not be attending the debate.\n'
        '"WALLACE: Do you really see those two as equivalent?', lang="en")
    assert quote_containing(record, "will not be attending")["speaker"] == actor_named(record, "Pence")["id"]
    wallace = quote_containing(record, "Will the guests")["speaker"]
    assert wallace is not None and wallace == quote_containing(record, "equivalent")["speaker"]
    assert wallace != actor_named(record, "Pence")["id"]


def test_a_dash_after_the_closing_mark_signs_the_quote(analyze_text):
    record = analyze_text(
        "Readers shared their views on the debate.\n"
        "“He is someone no sane person would want as president.” ― Carla Mendes\n"
        "“The most unqualified candidate ever.” ― Diego Herrera\n", lang="en")
    assert quote_containing(record, "no sane person")["speaker"] == actor_named(record, "Carla Mendes")["id"]
    assert quote_containing(record, "most unqualified")["speaker"] == actor_named(record, "Diego Herrera")["id"]
