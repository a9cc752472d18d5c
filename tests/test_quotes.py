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


def test_a_title_naming_the_office_before_the_person(analyze_text):
    record = analyze_text(
        "Le pape dénonce une « cruauté sans nom » en Ukraine\n"
        "Dans un entretien publié mardi, les soldats ont été critiqués.\n"
        "Le pape François a reçu des journalistes au Vatican.", lang="fr")
    speaker = quote_containing(record, "cruauté sans nom")["speaker"]
    assert speaker == actor_named(record, "pape François")["id"]


def test_an_incise_with_an_inverted_compound_tense(analyze_text):
    record = analyze_text(
        "La porte-parole Maria Vassilieva a répondu aux journalistes.\n"
        "« Ce n'est plus un débat, c'est une dérive à un point que je ne sais même pas décrire », "
        "a-t-elle souligné.", lang="fr")
    quote = quote_containing(record, "une dérive")
    assert quote["cue"]["text"] == "souligné"
    assert quote["speaker"] == actor_named(record, "Maria Vassilieva")["id"]


def test_a_participle_speaks_for_the_state_its_clause_hangs_from(analyze_text):
    record = analyze_text(
        "Les États-Unis condamnent le coup d'État, déclarant que Washington « s'oppose à toute tentative "
        "de modifier le résultat des élections ».", lang="fr")
    assert quote_containing(record, "s'oppose à toute tentative")["speaker"] == actor_named(record, "États-Unis")["id"]


def test_the_subject_of_the_quoted_verb_before_the_marks(analyze_text):
    record = analyze_text(
        "Le secrétaire d'État Antony Blinken a dénoncé le coup.\n"
        "En Australie, la ministre des Affaires étrangères, Marise Payne, « invite les militaires à respecter "
        "l'État de droit ».", lang="fr")
    assert quote_containing(record, "invite les militaires")["speaker"] == actor_named(record, "Marise Payne")["id"]


def test_an_inverted_subject_after_comme(analyze_text):
    record = analyze_text(
        "L'ONG Human Rights Watch a publié un rapport mardi. La Syrie n'ayant pas ratifié le traité, l'ONG a "
        "demandé au Conseil d'agir, bien que, comme le rappelle HRW, « la Russie et la Chine ont bloqué les "
        "efforts du Conseil ».", lang="fr")
    assert quote_containing(record, "ont bloqué les efforts")["speaker"] == actor_named(record, "HRW")["id"]


def test_a_relative_clause_is_not_part_of_its_antecedent(analyze_text):
    record = analyze_text(
        "Ces destructions sont des représailles de l'organisation islamiste, qui affirme « agir au nom de "
        "Dieu », suite à la décision de l'UNESCO, le 28 juin, de classer la ville.", lang="fr")
    speaker = quote_containing(record, "agir au nom de Dieu")["speaker"]
    assert speaker != actor_named(record, "UNESCO")["id"]


def test_the_nearest_subject_when_the_parser_loses_the_cue_subject(analyze_text):
    record = analyze_text(
        "Des mausolées ont été détruits à Tombouctou. Le gouvernement sénégalais, impuissant, a de son côté "
        "dénoncé « une fureur assimilable à des crimes de guerre » et a menacé les auteurs de poursuites.", lang="fr")
    speaker = quote_containing(record, "une fureur")["speaker"]
    assert speaker == actor_named(record, "Le gouvernement sénégalais")["id"]


def test_a_gendered_collective_is_il(analyze_text):
    record = analyze_text(
        "Le nouveau gouvernement grec a présenté son plan mardi, selon le ministre Kostas Andreou. Il a déclaré "
        "que « cette révision ne doit pas mettre en danger la voie européenne du pays ».", lang="fr")
    speaker = quote_containing(record, "cette révision")["speaker"]
    assert speaker == actor_named(record, "Le nouveau gouvernement grec")["id"]


def test_a_chain_of_pronouns_carries_its_person_across_paragraphs(analyze_text):
    record = analyze_text(
        "Prime Minister Tony Blair spoke to The Times on Friday about the election.\n"
        'He said some people were in "a sort of state of denial" about the result. America needed to listen to '
        'the world too, he said. "The fact is that President Bush is there for four years," he argued. He also '
        "made clear he intended to take his role seriously.\n"
        'Britain was "uniquely placed" to find the common ground, he suggested.', lang="en")
    assert quote_containing(record, "uniquely placed")["speaker"] == actor_named(record, "Tony Blair")["id"]


def test_a_cue_the_lemmatiser_left_inflected_and_an_outlet_after_it(analyze_text):
    record = analyze_text(
        "« La coopération atteint de nouveaux sommets », indique le communiqué de l’agence russe TASS.", lang="fr")
    quote = quote_containing(record, "nouveaux sommets")
    assert quote["cue"]["text"] == "indique"
    assert quote["speaker"] == actor_named(record, "TASS")["id"]


def test_a_quote_leading_into_a_quote_with_an_incise_shares_its_speaker(analyze_text):
    record = analyze_text(
        "Le ministre Arnaud Delorme a visité la centrale mardi.\n"
        "« Avec une consommation en hausse, même en gardant notre parc actuel », la question est de savoir "
        "« si nous allons continuer à investir » affirme-t-il.", lang="fr")
    delorme = actor_named(record, "Arnaud Delorme")["id"]
    assert quote_containing(record, "consommation en hausse")["speaker"] == delorme


def test_the_noun_an_infinitive_hangs_from_speaks(analyze_text):
    record = analyze_text(
        "Le reportage a suffi à convaincre la veuve de l'ancien président, Nadia Karam, de demander l'exhumation "
        "du corps : « Je veux que le corps de mon mari soit exhumé immédiatement ».", lang="fr")
    assert quote_containing(record, "soit exhumé")["speaker"] == actor_named(record, "Nadia Karam")["id"]


def test_a_definite_organisation_noun_is_the_organisation_it_introduced(analyze_text):
    record = analyze_text(
        "L'ONG Amnesty International a publié un rapport mardi sur les prisons. Le Conseil de sécurité de l'ONU "
        "se réunira jeudi.\nCependant, l'ONG précise que « le nombre de centres est probablement plus élevé ».",
        lang="fr")
    speaker = quote_containing(record, "le nombre de centres")["speaker"]
    assert speaker == actor_named(record, "Amnesty International")["id"]


def test_a_definite_organisation_noun_after_the_organisation_named_as_subject(analyze_text):
    record = analyze_text(
        "Le ministre Arnaud Delorme a défendu le nucléaire.\n"
        "Europe Écologie Les Verts faisait part de son étonnement ; le parti écologiste pense qu'il s'agit de "
        "« propos isolés ».", lang="fr")
    speaker = quote_containing(record, "propos isolés")["speaker"]
    assert speaker == actor_named(record, "Europe Écologie Les Verts")["id"]


def test_a_name_before_the_incise_verb_after_a_question(analyze_text):
    record = analyze_text(
        "Senator Lindsey Graham spoke to students on Tuesday.\n"
        "“Does anybody know what the environmental platform of the party is?” Graham asked.", lang="en")
    quote = quote_containing(record, "Does anybody know")
    assert quote["cue"]["text"] == "asked"
    assert quote["speaker"] == actor_named(record, "Lindsey Graham")["id"]


def test_scare_quotes_and_titles_in_the_author_s_voice_are_not_quotes(analyze_text):
    record = analyze_text("A “historic” storm hit the coast on Monday. “We will win,” the mayor said.", lang="en")
    assert [q["text"] for q in record["quotes"]] == ["We will win,"]
    record = analyze_text("La « réforme » a été adoptée en 2019. « Nous gagnerons », a dit la ministre.")
    assert [q["text"] for q in record["quotes"]] == ["Nous gagnerons"]


def test_a_statement_named_again_speaks_for_its_author(analyze_text):
    record = analyze_text("Le documentaire de la chaîne Al Jazeera, réalisé en neuf mois, précise : « La conclusion "
                          "est claire. » Des traces ont été trouvées sur un bonnet. « Les niveaux étaient élevés, "
                          "ce qui montre une quantité anormale de polonium », ajoute le documentaire.")
    author = quote_containing(record, "Les niveaux")["speaker"]
    assert author and next(a for a in record["actors"] if a["id"] == author)["name"] == "Al Jazeera"


def test_a_sentence_according_to_someone_is_their_claim(analyze_text):
    record = analyze_text(
        "The bridge will reopen in March, according to Mayor Ellen Brody.\n"
        "According to the latest figures, the city lost two thousand jobs last year.", lang="en")
    quote = quote_containing(record, "The bridge will reopen in March")
    assert quote["text"] == "The bridge will reopen in March"
    assert quote["speaker"] == actor_named(record, "Ellen Brody")["id"]
    assert quote_containing(record, "the city lost")["text"] == "the city lost two thousand jobs last year"


def test_a_bare_per_is_a_rate_not_an_attribution(analyze_text):
    record = analyze_text("Tickets for the new ferry line cost ten dollars per adult on weekdays.", lang="en")
    assert record["quotes"] == []


def test_a_speech_verb_inserted_in_the_clause_it_reports(analyze_text):
    record = analyze_text(
        "Senator Ruth Calloway spoke in Denver on Monday.\n"
        "Acts of protest, Calloway said, are acts of patriotism.\n"
        "The new rules would cost farmers millions, the Daily Ledger reports.", lang="en")
    quote = quote_containing(record, "are acts of patriotism")
    assert quote["text"] == "Acts of protest, Calloway said, are acts of patriotism"
    assert quote["speaker"] == actor_named(record, "Ruth Calloway")["id"]
    assert quote_containing(record, "The new rules")["text"] == "The new rules would cost farmers millions"


def test_an_opinion_verb_or_learning_is_not_indirect_speech_in_english(analyze_text):
    record = analyze_text(
        "Governor Alan Pryce believes his reforms will be remembered.\n"
        "The Ledger has learned that the governor met donors in May.\n"
        "Pryce said the reforms would pass.", lang="en")
    assert [q["text"] for q in record["quotes"]] == ["the reforms would pass"]


def test_selon_lesquels_and_an_outlet_relaying_an_act_are_not_attributions(analyze_text):
    record = analyze_text(
        "Le ministre Paul Girard a visité le port de Brest, selon l'agence Reuters.\n"
        "La mairie a répondu aux critiques selon lesquelles le projet coûterait trop cher.\n"
        "Les banques ont fermé leurs guichets, selon l'Association des banques.", lang="fr")
    assert [q["text"] for q in record["quotes"]] == ["Les banques ont fermé leurs guichets"]


def test_what_the_object_of_a_speech_verb_says(analyze_text):
    record = analyze_text(
        "Senator Ruth Calloway called for a moratorium on new mines.\n"
        "Calloway cited rising cancer rates in the valley.\n"
        "Calloway accused the company of hiding its reports.\n"
        "Calloway called the charges unsubstantiated and fabricated by the company.\n"
        "She called an emergency meeting.", lang="en")
    calloway = actor_named(record, "Ruth Calloway")["id"]
    for text in ("a moratorium on new mines", "rising cancer rates in the valley",
                 "the company of hiding its reports",
                 "the charges unsubstantiated and fabricated by the company"):
        quote = quote_containing(record, text)
        assert (quote["text"], quote["speaker"]) == (text, calloway)
    assert not [q for q in record["quotes"] if "meeting" in q["text"]]


def test_a_reported_clause_stops_before_the_next_attribution(analyze_text):
    record = analyze_text(
        "Senator Ruth Calloway said the plan would fail, arguing that costs were rising.\n"
        "Calloway said the mine would close and warned that jobs would be lost.", lang="en")
    texts = [q["text"] for q in record["quotes"]]
    assert "the plan would fail" in texts and "the mine would close" in texts
    assert "costs were rising" in texts and "jobs would be lost" in texts


def test_the_actor_before_a_cue_whose_subject_the_parser_lost(analyze_text):
    record = analyze_text("Last week Governor Alan Pryce was seen criticizing the new tariffs on steel imports.",
                          lang="en")
    quote = quote_containing(record, "the new tariffs on steel imports")
    assert quote["speaker"] == actor_named(record, "Alan Pryce")["id"]


def test_the_that_clause_of_a_statement_noun(analyze_text):
    record = analyze_text("Reporters checked Governor Alan Pryce's claim that the state hired ten thousand teachers.",
                          lang="en")
    quote = quote_containing(record, "the state hired")
    assert quote["text"] == "the state hired ten thousand teachers"
    assert quote["speaker"] == actor_named(record, "Alan Pryce")["id"]


def test_doubled_apostrophes_are_quotation_marks():
    text = ("''We will win,'' Ms. Varga said. ''The plan works.''\n''It goes on\n"
            "Next, ``TeX style'' and the players'' union.")
    assert texts(text, english_single=True) == ["We will win,", "The plan works.", "It goes on", "TeX style"]
    assert texts(text) == []


def test_a_quote_in_doubled_apostrophes_has_its_speaker(analyze_text):
    record = analyze_text("Helen Varga spoke on Monday.\n\n''The new plan will not work,'' Helen Varga said. "
                          "''We need another one before winter comes.''", lang="en")
    varga = actor_named(record, "Helen Varga")
    assert quote_containing(record, "The new plan will not work")["speaker"] == varga["id"]
    second = quote_containing(record, "We need another one")
    assert second["text"] == "We need another one before winter comes."
    assert second["speaker"] == varga["id"]


def test_called_on_someone_to_act(analyze_text):
    record = analyze_text("Senator Mara Quist called on President Obama to punish Russia for its interference in "
                          "the vote -- meddling the senator said is meant to \"sow chaos\" at home.", lang="en")
    quist = actor_named(record, "Mara Quist")
    quote = quote_containing(record, "to punish Russia")
    assert quote["text"] == "President Obama to punish Russia for its interference in the vote"
    assert quote["speaker"] == quist["id"]
    assert quote_containing(record, "sow chaos")["text"] == "sow chaos"


def test_a_title_naming_its_speaker_before_a_colon(analyze_text):
    record = analyze_text("Varga: Farm Subsidies Will Not Survive the Winter.\n\nSenator Helen Varga spoke on Monday "
                          "in Dayton.", lang="en")
    quote = quote_containing(record, "Farm Subsidies")
    assert quote["text"] == "Farm Subsidies Will Not Survive the Winter"
    assert quote["speaker"] == actor_named(record, "Helen Varga")["id"]
    poll = analyze_text("Poll: Varga and Moss Tied Before the Debate.\n\nThe race is close.", lang="en")
    assert quote_containing(poll, "Varga and Moss Tied")["speaker"] is None
    other = analyze_text("The Latest: Varga Visits Dayton.\n\nSenator Helen Varga spoke on Monday.", lang="en")
    assert not [q for q in other["quotes"] if "Visits" in q["text"]]


def test_a_paragraph_ending_on_a_speech_verb_and_a_colon_introduces_the_next(analyze_text):
    record = analyze_text("Senator Helen Varga spoke in Dayton on Monday. Varga added:\n\nThe farm bill is dead and "
                          "everyone in this town knows it.\n\nThe crowd left early. The list was as follows:\n\n"
                          "Bread, milk and three kinds of cheese.", lang="en")
    quote = quote_containing(record, "The farm bill is dead")
    assert quote["text"] == "The farm bill is dead and everyone in this town knows it"
    assert quote["speaker"] == actor_named(record, "Helen Varga")["id"]
    assert not [q for q in record["quotes"] if "cheese" in q["text"]]


def test_a_straight_mark_may_close_a_curly_one():
    text = "“Deals are not a favour,\" Varga said. \"They are rare,” she added. “Keep \"this\" here,” she said."
    assert texts(text) == ["Deals are not a favour,", "They are rare,", "Keep \"this\" here,"]


def test_an_introduction_ending_the_paragraph_before(analyze_text):
    record = analyze_text("Senator Helen Varga spoke in Dayton on Monday. Varga continued:\n\n\"The farm bill is dead "
                          "and everyone in this town knows it.\"", lang="en")
    quote = quote_containing(record, "The farm bill is dead")
    assert quote["speaker"] == actor_named(record, "Helen Varga")["id"]
    assert quote["cue"]["text"] == "continued"


def test_a_quote_after_a_sentence_ending_on_its_speech_verb(analyze_text):
    record = analyze_text("Senator Helen Varga met Omar Bell on Monday. The bill may fail this winter, Varga said. "
                          "\"Nobody in this town wants it.\"\n\nBell left. \"We will see what happens next.\"",
                          lang="en")
    assert quote_containing(record, "Nobody in this town")["speaker"] == actor_named(record, "Helen Varga")["id"]
    assert quote_containing(record, "We will see")["speaker"] is None


def test_a_french_title_topic_is_no_speaker(analyze_text):
    record = analyze_text("Claire Vautrin : le budget agricole sera voté en mars.\n\nLa ministre Claire Vautrin a "
                          "parlé lundi.", lang="fr")
    assert not [q for q in record["quotes"] if "budget agricole" in q["text"]]


def test_an_insertion_after_an_opening_clause(analyze_text):
    record = analyze_text("If this argument fails to persuade, Senator Helen Varga argues, there are other tools in "
                          "the toolbox.", lang="en")
    quote = quote_containing(record, "other tools")
    assert quote["text"] == "there are other tools in the toolbox"
    assert quote["speaker"] == actor_named(record, "Helen Varga")["id"]


def test_a_straight_mark_opening_a_sentence_inside_a_quote_starts_another():
    text = "Varga told reporters: \"Europe needs unity. \"That is the goal of the treaty.\" Then \"fine\"."
    assert texts(text) == ["Europe needs unity.", "That is the goal of the treaty.", "fine"]


def test_a_participle_cue_skips_a_thing_as_the_subject_above_it(analyze_text):
    record = analyze_text("Spokesman Omar Bell said a win by Helen Varga would have given the party a fresh start, "
                          "adding it was as if there was an \"open door\" between the two.", lang="en")
    assert quote_containing(record, "open door")["speaker"] == actor_named(record, "Omar Bell")["id"]


def test_a_quote_after_a_sentence_reporting_its_speaker(analyze_text):
    record = analyze_text("Senator Helen Varga met Omar Bell on Monday. Varga said the new code would stop the trade. "
                          "\"If the ban is lifted we will still control the exports.\"", lang="en")
    assert quote_containing(record, "If the ban is lifted")["speaker"] == actor_named(record, "Helen Varga")["id"]


def test_titles_nicknames_and_terms_in_marks_are_not_quotes(analyze_text):
    record = analyze_text(
        'Hillary Clinton would also close the notorious "carried interest" loophole. '
        'Bernie Sanders spoke on "Face the Nation" about taxes. '
        'Rep. Robert C. "Bobby" Scott threw open his yard. '
        'Harry Reid called Donald Trump a "human leech" on Monday.', lang="en")
    assert [q["text"] for q in record["quotes"]] == ["human leech"]


def test_a_french_title_after_the_work_it_names_is_not_a_quote(analyze_text):
    record = analyze_text("Marie Dupont a présenté son documentaire « La mémoire des camps » à Lyon, "
                          "où elle a dénoncé « une indifférence générale ».")
    assert [q["text"] for q in record["quotes"]] == ["une indifférence générale"]


def test_an_as_clause_attributes_the_clause_it_introduces(analyze_text):
    record = analyze_text("As Fred Goldberg has pointed out, Donald Trump is free to disclose his returns. "
                          "As the storm approached, residents left the town.", lang="en")
    assert [(q["text"], q["kind"]) for q in record["quotes"]] == [
        ("Donald Trump is free to disclose his returns", "indirect")]
    record = analyze_text("Comme l'a rappelé le ministre Jean Dupont, la situation reste très grave dans le nord.")
    (quote,) = record["quotes"]
    speaker = next(a for a in record["actors"] if a["id"] == quote["speaker"])
    assert (quote["text"], speaker["name"]) == ("la situation reste très grave dans le nord", "Jean Dupont")
