"""Finding quotations: quote marks of every kind, broken and run-on quotes, partial and scare quotes."""

from hypothesis import given, settings
from hypothesis import strategies as st

from clipdesk.store.index.schema import open_db
from clipdesk.store.ingest import ingest_text
from clipdesk.store.text.article import parse_article
from clipdesk.store.text.model import Article
from clipdesk.store.text.quotes import extract_quotes


def parse_and_quote(raw: str):
    return extract_quotes(parse_article(raw, "t.txt"))


def quotes_in(*paragraphs: str, title: str | None = None):
    return extract_quotes(Article(id="t", source="t.txt", paragraphs=paragraphs, title=title))


def test_straight_double_quotes_give_the_text_without_marks_its_paragraph_and_cue():
    found = quotes_in(
        "GENEVA (Reuters) - Swiss Foreign Minister Ignazio Cassis hosted the talks on Tuesday.",
        '"We made real progress today, and both sides want to continue," Cassis told reporters.',
    )
    assert [(q.text, q.paragraph, q.speaker, q.cue) for q in found] == [
        ("We made real progress today, and both sides want to continue", 1, "Ignazio Cassis", "told")]


def test_curly_double_quotes_and_guillemets_are_both_quotation_marks():
    found = quotes_in(
        "Polish Prime Minister Donald Tusk spoke after the summit in Warsaw.",
        "“Europe has to be able to defend itself without waiting for anyone,” Tusk said.",
        "«We will not be intimidated by threats from Moscow,» he added.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(1, "Donald Tusk"), (2, "Donald Tusk")]
    assert found[1].text == "We will not be intimidated by threats from Moscow"


def test_curly_single_quotes_are_partial_quotes_and_apostrophes_are_not():
    found = quotes_in(
        "Foreign Secretary David Lammy urged Russia’s leaders to ‘step back from the brink’ in the east.",
    )
    assert [(q.text, q.speaker, q.partial) for q in found] == [
        ("step back from the brink", "David Lammy", True)]


def test_quotation_marks_written_as_entities_without_their_ampersand_are_quotation_marks():
    found = parse_and_quote(
        "Chile's Foreign Minister Alberto van Klaveren received his Peruvian counterpart in Santiago.\n\n"
        "At a press conference, van Klaveren said: ldquo;We agreed on a road map for the border"
        " crossings,rdquo; adding that ldquo;trade must not wait for politics.rdquo;")
    assert [(q.text, q.speaker) for q in found] == [
        ("We agreed on a road map for the border crossings", "Alberto van Klaveren"),
        ("trade must not wait for politics", "Alberto van Klaveren")]


def test_a_paragraph_whose_opening_mark_was_lost_still_gives_its_quotation():
    found = quotes_in(
        "Dutch Defence Minister Ruben Brekelmans met his German counterpart in The Hague on Monday.",
        "We are buying more air defence this year than in the previous decade,” Brekelmans said.",
    )
    assert [(q.text, q.speaker, q.partial) for q in found] == [
        ("We are buying more air defence this year than in the previous decade", "Ruben Brekelmans", False)]


def test_a_quotation_running_over_paragraphs_is_attributed_in_every_paragraph():
    found = quotes_in(
        "Speaking in Leeds, Chancellor Rachel Reeves said: “The choices in this budget are hard ones.",
        "“But they are the right choices for working people, and I will not duck them.”",
        "Economists said the plans were broadly as expected.",
    )
    assert [(q.paragraph, q.speaker) for q in found] == [(0, "Rachel Reeves"), (1, "Rachel Reeves")]
    assert found[1].text.startswith("But they are the right choices")


def test_a_quoted_paragraph_after_an_attributed_one_continues_the_same_speaker():
    found = quotes_in(
        "He “urged restraint on all sides”, the German government said in a statement.",
        "“The chancellor stressed that a ceasefire must hold before any talks can begin.”",
    )
    assert [q.speaker for q in found] == ["German government", "German government"]


def test_a_second_sentence_quoted_after_the_attribution_keeps_the_speaker():
    found = quotes_in(
        "“We see a pattern of provocations,” said analyst Kristi Raik. “Allies have to respond calmly.”",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("We see a pattern of provocations", "Kristi Raik"),
        ("Allies have to respond calmly.", "Kristi Raik"),
    ]


def test_partial_quotes_inside_reported_speech_are_marked_partial():
    found = quotes_in(
        "Japanese Defence Minister Minoru Kihara called the talks in Tokyo “frank and useful” and said "
        "the two countries would meet “again before the summer.”",
    )
    assert [(q.text, q.speaker, q.partial) for q in found] == [
        ("frank and useful", "Minoru Kihara", True), ("again before the summer", "Minoru Kihara", True)]


def test_bracketed_editorial_insertions_are_kept_as_written():
    found = quotes_in(
        "Latvian President Edgars Rinkevics spoke to the BBC on Friday.",
        "“They [the Russians] test us every week, and we answer [them] every week,” Rinkevics said.",
    )
    assert found[0].text == "They [the Russians] test us every week, and we answer [them] every week"


def test_scare_quotes_and_unattributed_fragments_are_not_stored():
    found = quotes_in(
        "The authorities have labelled the newspaper a “foreign agent” and its work “undesirable”.",
        "Critics describe the law as part of a wider “crackdown on dissent in the country”.",
    )
    assert found == []


def test_an_unattributed_full_sentence_is_stored_without_inventing_a_speaker():
    found = quotes_in(
        "Sirens sounded across the city before dawn.",
        "“We ran to the basement with the children and waited for the explosions to stop.”",
    )
    assert [(q.speaker, q.partial) for q in found] == [(None, False)]


def test_quotes_in_the_headline_are_not_body_quotations():
    found = quotes_in("The minister spoke in parliament on Monday.",
                      title="Minister says cuts are ‘unavoidable’")
    assert found == []


def test_ingest_stores_extracted_quotes_with_their_speaker():
    db = open_db(memory=True)
    ingest_text(db, "Ceasefire talks resume\n\nDOHA (Al Jazeera) - Qatar's Prime Minister Mohammed bin "
                    "Abdulrahman Al Thani said the talks would resume on Sunday.\n\n\"We are closer than we "
                    "have been for months,\" Al Thani said.\n", "aj.txt")
    rows = list(db["quotes"].rows)
    assert [(r["text"], r["cue"], r["partial"]) for r in rows] == [
        ("We are closer than we have been for months", "said", 0)]
    assert rows[0]["speaker"] is not None and "Al Thani" in rows[0]["speaker"]


def test_curly_marks_typed_the_wrong_way_round_still_delimit_the_quotation():
    found = quotes_in(
        "Slovak Prime Minister Robert Fico spoke after the cabinet meeting in Bratislava.",
        "”We will not send a single bullet to Ukraine,“ Fico said.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("We will not send a single bullet to Ukraine", "Robert Fico")]


def test_a_lost_closing_mark_does_not_swallow_the_paragraphs_after_it():
    found = quotes_in(
        "“We will rebuild every school in the region, Governor Oleh Syniehubov said.",
        "Emergency services said the fire had been put out by morning.",
        "Officials said repairs would begin next week.",
    )
    assert [q.paragraph for q in found] == [0]


PIECES = st.sampled_from(["“", "”", '"', "‘", "’", "«", "»", ", ", ". ", ": ", " he said", " said Anna Berg",
                          "The minister", " warned", " the Kremlin", "Mr Smith", " called it ", "[the army]",
                          " according to ", "Peace", " talks ", "it’s", " U.S. ", "—", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=25).map("".join), min_size=1, max_size=6))
def test_any_text_gives_quotations_that_are_found_in_their_paragraph(paragraphs):
    paragraphs = tuple(p for p in paragraphs if p.strip()) or ("Nothing here.",)
    for quote in quotes_in(*paragraphs):
        assert quote.text and quote.text in paragraphs[quote.paragraph]
        assert quote.speaker is None or quote.speaker.strip()


def test_short_quoted_names_and_labels_are_not_anyones_quotation():
    found = quotes_in(
        "The daily Northern Courier reported that the leader of the biker club “Night Owls”, Ivan Petrov, "
        "warned spokesman Oleg Marin about the “Kremlin file”.",
        "Marin said the “Kremlin file” was a hostile step, and that Viktor “The Mechanic” S. had left.",
        "Researcher Aiko Tanaka observed that the slugs shed their bodies at a “breakage plane” in the neck.",
        "Marin called the exchange “frank and useful”.",
    )
    assert [(q.text, q.speaker) for q in found] == [("frank and useful", "Oleg Marin")]


def test_quotes_scraped_without_spaces_around_their_marks_keep_their_speakers():
    article = parse_article(
        "Union rejects pay offer\n\n"
        "Union leader Grace Okafor said members had rejected the offer.\"It is overdue and too little,\" "
        "she said.Transport Secretary Neil Brennan added that talks would go on.“We will find a way through "
        "this together,”Brennan said.\n", "okafor.txt")
    assert [(q.text, q.speaker) for q in extract_quotes(article)] == [
        ("It is overdue and too little", "Grace Okafor"),
        ("We will find a way through this together", "Neil Brennan")]


def test_a_colon_label_or_a_name_line_above_names_the_speaker():
    article = parse_article(
        "What the managers said\n\n"
        "Derby County 0-1 Rovers\n"
        "Jane Doe: “We were unlucky today and we know it. We will come back stronger.\n"
        "“Next week is another game and we are ready for it.”\n"
        "Tom Smith (Rovers)\n"
        "“I don’t feel lucky at all, we earned every point of this one.”\n"
        "Anna Berg, shadow transport minister\n"
        "“A lot of confected outrage about this, but it will allow every member a vote.”\n", "managers.txt")
    assert [q.speaker for q in extract_quotes(article)] == ["Jane Doe", "Jane Doe", "Tom Smith", "Anna Berg"]


def test_a_quotation_paragraph_after_a_sentence_about_a_named_person_is_theirs():
    found = quotes_in(
        "Speaking to a broadcaster, analyst Ann Lee shared her view on why the shares fell.",
        "\"Click prices declined for the fourth quarter in a row. That is the mobile problem.\"",
        "Police arrested a man named John Smith on Monday.",
        "“We ran to the basement with the children and waited there.”",
    )
    assert [q.speaker for q in found] == ["Ann Lee", None]


def test_a_bracketed_party_and_state_or_an_aside_after_the_name_keeps_the_speaker():
    found = quotes_in(
        '"We cannot fund a road that goes nowhere," Sen. Ada Morrow (D-Ore.) said before the vote.',
        "Sen. Hal Price (R-Kan.) asked Sen. Joan Bell (D-Md.) as they met in the corridor, "
        "“Joan, did you sleep here?”",
        "And Sen. Ray Dunn (R-Ga.), spotting reporters as he came in, quipped, “Six a.m., really?”")
    assert [q.speaker for q in found] == ["Ada Morrow", "Hal Price", "Ray Dunn"]


def test_the_quoted_title_of_a_report_is_not_a_quotation():
    found = quotes_in(
        "The two agencies jointly issued a report entitled “Harbours at Risk: The Cost of the Storm Season "
        "for Small Ports” on Monday, the ministry said.")
    assert found == []


def test_who_assures_or_urges_someone_speaks_not_the_one_addressed():
    found = quotes_in(
        'Minister Grace Okafor assured union leader Neil Brennan that "the money is coming soon enough".',
        'Neil Brennan urged the minister to hurry, saying "our members cannot wait another winter".')
    assert [(q.speaker, q.cue) for q in found] == [("Grace Okafor", "assured"), ("Neil Brennan", "saying")]


def test_quotes_whose_closing_marks_were_left_out_end_where_the_next_one_opens():
    found = quotes_in("Grace Okafor told reporters: “We will not wait. “The money must come now,” she said.",
                      "“Talks are over. “We go on strike on Monday,” union leader Neil Brennan said.")
    assert [(q.text, q.speaker) for q in found] == [
        ("We will not wait.", "Grace Okafor"), ("The money must come now", "Grace Okafor"),
        ("Talks are over.", "Neil Brennan"), ("We go on strike on Monday", "Neil Brennan")]


def test_quotes_glued_to_the_words_around_them_pair_up_as_written():
    found = parse_and_quote(
        "Port deal signed\n\n"
        'Minister Ann Kerr welcomed the offer."It is overdue and we are glad of it," she said."The port '
        'will open next spring. "We will hire four hundred people," Kerr added.Critics were not convinced.\n')
    assert [(q.text, q.speaker) for q in found] == [
        ("It is overdue and we are glad of it", "Ann Kerr"),
        ("The port will open next spring.", "Ann Kerr"),
        ("We will hire four hundred people", "Ann Kerr"),
    ]


def test_a_quote_whose_closing_mark_was_left_out_ends_where_the_next_opens():
    found = quotes_in('"We played well for an hour. "We have the players to win it," said coach Dan Ruiz.')
    assert [(q.text, q.speaker) for q in found] == [
        ("We played well for an hour.", "Dan Ruiz"), ("We have the players to win it", "Dan Ruiz")]


def test_a_pronoun_after_a_speaker_named_in_the_same_paragraph_is_that_speaker():
    found = quotes_in('"Next week will be different," said coach Dan Ruiz. "We have the players," he said.')
    assert [q.speaker for q in found] == ["Dan Ruiz", "Dan Ruiz"]


def test_an_unnamed_source_keeps_a_partial_quotation_without_a_name():
    found = quotes_in(
        "Envoy Peter Holm arrived in Geneva on Friday.",
        "Critics said the deal “would reward aggression and punish the victims”.",
    )
    assert [(q.text, q.speaker) for q in found] == [("would reward aggression and punish the victims", None)]


def test_a_documents_title_in_capitals_is_not_a_quotation():
    found = quotes_in(
        'Spokesman Li Wen was asked about the "Rules for Managing the Release of News by Foreign Agencies."')
    assert found == []


def test_straight_single_quotes_are_quotation_marks_and_possessives_inside_them_are_not():
    found = quotes_in(
        "Union organiser Jack Moss told the paper the decision lay with the employers.",
        "'The ball is now in the employers' court. If they refuse to improve the offer, we will ballot for "
        "strike action,' he said.",
        "'We don't want a strike, and nobody in the '90s wanted one either,' a spokeswoman said.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("The ball is now in the employers' court. If they refuse to improve the offer, we will ballot for "
         "strike action", "Jack Moss"),
        ("We don't want a strike, and nobody in the '90s wanted one either", None)]


def test_apostrophes_alone_make_no_straight_single_quotation():
    assert quotes_in("It's the workers' view that rock 'n roll's best days are gone, said Ann Lee's "
                     "brother.") == []


def test_a_named_role_holder_after_a_lower_case_word_or_a_possessive_is_the_speaker():
    found = quotes_in(
        "“Counting in the hill districts will take a week,” party spokesman Daw Mya Thet said.",
        "“No ballot box will be opened before the observers arrive,” the commission’s chairman Tun Lwin "
        "told reporters.",
        "“A paper whose experiments do not support it is withdrawn,” the journal’s editor-in-chief "
        "Ruth Okafor wrote.",
        "“We will ask again next week,” a party spokesman said. Tun Lwin did not reply.")
    assert [q.speaker for q in found] == ["Daw Mya Thet", "Tun Lwin", "Ruth Okafor", None]


def test_a_name_between_commas_after_an_unnamed_role_is_the_speaker():
    found = quotes_in(
        "“The shelling starts at dawn,” said the commander, Falcon, 41, who gave only his call sign.",
        "“We keep the road open,” said the driver, and the others agreed.",
        "“Nobody sleeps here,” said a spokeswoman, Ilse Varga.")
    assert [q.speaker for q in found] == ["Falcon", None, "Ilse Varga"]


def test_lawyers_editors_and_medics_are_roles_before_a_name():
    found = quotes_in(
        "“The evidence was never put to the jury,” defence lawyer Tom Reyes said.",
        "“We stand by the report,” the paper’s editor Ruth Okafor wrote.",
        "“Nobody sleeps here,” said the medic, Ilse Varga.")
    assert [q.speaker for q in found] == ["Tom Reyes", "Ruth Okafor", "Ilse Varga"]


def test_a_quoted_description_after_a_possessive_is_not_the_possessors_quotation():
    found = quotes_in("The sanctions answer Russia’s “unjustified, unprovoked, and premeditated” attack "
                      "on its neighbour.")
    assert [(q.text, q.speaker) for q in found if q.speaker] == []


def test_a_hard_wrapped_page_whose_paragraphs_open_with_a_short_line_keeps_each_quotation_whole():
    found = parse_and_quote(
        "President Tomas Varga hosted President Ana Ruiz to a state dinner at the presidential palace in "
        "Lima on Friday.\n"
        "Speaking at the dinner,\n"
        "President Varga said the two countries would deepen their trade ties in line with\n"
        "the economic priorities that both governments had set out earlier this year.\n"
        "A statement by the\n"
        "president's spokesman, Luis Quispe, said the two leaders had held frank and\n"
        "friendly talks.\n"
        "” Throughout the\n"
        "dinner, the goodwill between the two leaders was plain for every guest to\n"
        "see,” the presidential aide said.\n"
        "President Ruiz, who\n"
        "is in Peru for a three-day visit, said the relations between the two\n"
        "nations had never been better in the twenty years she had been in office.\n")
    assert [(q.text, q.speaker) for q in found] == [
        ("Throughout the dinner, the goodwill between the two leaders was plain for every guest to see",
         "Luis Quispe")]


def test_a_paragraph_broken_after_said_keeps_its_speaker():
    found = parse_and_quote(
        "Ferry union leader cleared\n\nThe ferry union's leader Ann Okafor was cleared of contempt by the "
        "High Court in Lindley on Friday morning.\n\n"
        "\"It is a victory for justice in this town,\" said\n\n"
        "her defence lawyer Peter Brennan, who has defended the union for years.\n")
    assert [(q.text, q.speaker) for q in found] == [
        ("It is a victory for justice in this town", "Peter Brennan")]


def test_a_he_after_reported_speech_is_the_one_who_spoke_not_the_last_quoted():
    found = quotes_in(
        "Union leader Ann Okafor's brother Tom Okafor was cleared of contempt on Friday.",
        "\"Great. Thank God for that,\" Tom Okafor said outside the court.",
        "High Court Judge Peter Brennan said the prosecution had not proved that Tom Okafor had "
        "ignored the order.",
        "\"The court therefore returns a verdict of not guilty,\" he said.",
    )
    assert [q.speaker for q in found] == ["Tom Okafor", "Peter Brennan"]


def test_the_one_a_paper_quoted_speaks_not_the_paper():
    found = quotes_in(
        "Talks on the strike would continue next week, Peter Brennan, the union's former treasurer, "
        "said in an interview published on Saturday.",
        "The Lindley Courier quoted him: “The union's officers and the board met in the town hall "
        "on Friday.”",
    )
    assert [q.speaker for q in found] == ["Peter Brennan"]


def test_a_book_title_after_a_quotation_does_not_stop_the_next_paragraph_continuing_it():
    found = quotes_in(
        "“The board is leading the charge. That signals a change of mind,” said Ann Okafor, author of "
        "the book “Harbour Town: Lindley and its Ferries”.",
        "“The return of these two men could portend a shift away from the cautious managers.”",
    )
    assert [(q.text[:18], q.speaker) for q in found] == [
        ("The board is leadi", "Ann Okafor"), ("The return of thes", "Ann Okafor")]


def test_a_he_speaking_on_condition_of_anonymity_is_left_unnamed():
    found = quotes_in(
        "Harbour Board chairman Peter Brennan on Wednesday dismissed the union's proposal.",
        "\"We expect the talks to be difficult,\" added the official, who is familiar with the talks.",
        "\"The two sides will hold several rounds of talks,\" he said on condition of anonymity.",
    )
    assert [q.speaker for q in found] == [None, None]


def test_two_single_marks_typed_for_a_double_one_close_the_quotation():
    found = parse_and_quote(
        "Court adjourns the ferry appeal\n\nThe Court of Appeal in Lindley on Monday adjourned the ferry "
        "union's appeal until next month.\n\n"
        "‘‘We shall be urging your Lordships to adjourn hearing on this appeal,’’ Ann Okafor said.\n\n"
        "“We appreciate the concerns of counsel, but we shall not be adjourning,’’ Peter Brennan said.\n")
    assert [q.speaker for q in found] == ["Ann Okafor", "Peter Brennan"]


def test_straight_marks_spaced_on_both_sides_still_pair_up():
    found = quotes_in(
        "The union's president also voiced concern about the ferries. \" The union urges the board to "
        "restore the winter crossings at once, \" Ms Ann Okafor said.",
    )
    assert [(q.text[:25], q.speaker) for q in found] == [("The union urges the board", "Ann Okafor")]


def test_a_quotation_over_a_picture_credit_is_not_taken_for_its_caption():
    found = parse_and_quote(
        "Telescope finds a new planet\n\nAstronomers at the Lindley observatory have found what appears "
        "to be a planet orbiting a star like the Sun.\n\n"
        "\"Of course it would be premature to say that the object is definitely orbiting this star,\" "
        "said Dr Ann Okafor.\n\n(photo of planet courtesy of Lindley Observatory/AURA)\n")
    assert [q.speaker for q in found] == ["Ann Okafor"]


def test_a_quotation_after_a_sentence_of_reported_speech_in_its_paragraph_is_that_speakers():
    found = quotes_in(
        "Ferry talks would go on next week, the union's former treasurer Peter Brennan said on Saturday.",
        "Asked about the board's refusal to talk to the town council, Brennan replied that "
        "the dispute was with the board, not the town. “The crews want to end the strike.”",
    )
    assert [q.speaker for q in found] == ["Peter Brennan"]


def test_a_he_after_a_fronted_clause_is_that_clauses_subject_not_the_last_man_named():
    found = quotes_in(
        "Lindley Mayor Ann Okafor's deputy Tom Okafor spoke to reporters on Friday.",
        "Although Tom Okafor welcomed the talks between Mr Peter Brennan and the board chairman Joe Tan, "
        "he added “it was imperative a deal was reached before the winter timetable”.",
    )
    assert [q.speaker for q in found] == ["Tom Okafor"]


def test_two_straight_apostrophes_typed_for_a_double_mark_make_a_quotation():
    found = parse_and_quote(
        "Lindley win deserved, says coach\n\nLindley beat Portville 2-1 on Saturday night.\n\n"
        "''From our perspective we showed great belief in the second half,'' said Lindley coach "
        "Ann Okafor.\n")
    assert [(q.text[:20], q.speaker) for q in found] == [("From our perspective", "Ann Okafor")]


def test_a_she_after_a_paragraph_about_someone_else_than_the_last_speaker_is_that_paragraphs_subject():
    found = quotes_in(
        "Senators Juan Lopez, Nancy Okafor and Cynthia Brennan filed their first bills yesterday.",
        "Okafor said that she would make good on her campaign promise to open more day care centres.",
        "“This is the time I start working on my promises,” Okafor said.",
        "Brennan, for her part, filed bills seeking a department for ferry crews.",
        "“Considering the problems they face at sea, a department is needed,” she said.",
    )
    assert [q.speaker for q in found] == ["Nancy Okafor", "Cynthia Brennan"]


def test_a_quotation_after_a_body_s_reported_speech_in_its_paragraph_is_the_body_s():
    found = quotes_in(
        "The talks will be held next week.",
        "The Harbour Ministry reported earlier in the day that the ministers would discuss the strike on "
        "December 20. \"On December 20, Lindley will host a meeting of the harbour ministers of the three "
        "towns.\"",
    )
    assert [q.speaker for q in found] == ["Harbour Ministry"]


def test_bare_quotations_in_a_bulleted_list_are_the_person_the_lead_reports():
    said = quotes_in(
        "Rovers manager Ines Kovac held her pre-match news conference on Thursday ahead of the derby.",
        "Her answers are shortened below.",
        "• Pleased with the young defenders.",
        "• “We are ready for the derby and we know what it means to the town.”",
        "• Expects a full stadium.",
        "• “Nobody in this squad is afraid of a hard game in the rain.”")
    assert [q.speaker for q in said] == ["Ines Kovac", "Ines Kovac"]


def test_a_bulleted_quotation_under_a_lead_about_no_one_stays_unattributed():
    said = quotes_in(
        "Tickets for the derby went on sale on Thursday morning at the club shop.",
        "• “We are ready for the derby and we know what it means to the town.”")
    assert [q.speaker for q in said] == [None]


def test_a_she_after_a_woman_named_in_her_own_paragraph_is_hers_not_the_last_paragraphs_subject():
    said = quotes_in(
        "In her remarks, Ada Brennan, the envoy for refugees, highlighted the rise in displaced families.",
        "Grace Okafor also pointed out in her remarks that half of the families were in camps.  “We must "
        "do better,” she told the council.")
    assert [q.speaker for q in said] == ["Grace Okafor"]


def test_a_headline_quotation_the_body_does_not_repeat_is_its_named_speakers():
    found = quotes_in("United won 2-0 on Saturday.",
                      "Manager Ole Gunnar Solskjaer praised his forward after the match.",
                      "“He was brilliant, as always,” Solskjaer said.",
                      title="“Cristiano is the best” – Ole praises star forward after first goal")
    assert [(q.text, q.speaker, q.paragraph) for q in found] == [
        ("Cristiano is the best", "Ole Gunnar Solskjaer", 0),
        ("He was brilliant, as always", "Ole Gunnar Solskjaer", 2)]


def test_a_headline_quotation_is_not_listed_twice_or_given_a_name_only_the_headline_has():
    repeated = quotes_in("“We will not give up the port,” Mayor Ann Vale said on Monday.",
                         title="‘We will not give up the port’, Mayor Vale says")
    assert [q.paragraph for q in repeated] == [0] and repeated[0].speaker == "Ann Vale"
    unknown = quotes_in("The council met on Monday.",
                        title="Hun Sen Admits ‘He Is The Only Court Here’")
    assert unknown == []


def test_a_who_said_what_list_credits_each_quotation_to_the_name_on_the_dash_line_under_it():
    found = parse_and_quote(
        "Who said what at the Cup\n\n"
        "Who said what during the Cup, which ended on Sunday with hosts Ivory Coast beating Nigeria:\n\n"
        '"We dreamed of this moment so many times."\n\n'
        "– Ivory Coast star Paul Kone after scoring the winner.\n\n"
        '"It is bizarre. I was not expecting that."\n\n'
        "– Kone, reacting to his face on billboards\n\n"
        '"All the giants will be plotting to dethrone us."\n\n'
        "– A prophetic comment from Senegal striker Ali Sarr as his team went out in the first round\n")
    assert [q.speaker for q in found] == ["Paul Kone", "Paul Kone", "Ali Sarr"]
