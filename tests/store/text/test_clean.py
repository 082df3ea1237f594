"""Cleaning: page furniture, appeals, teasers and credits never reach the article body."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clipdesk.store.text.article import NotAnArticle, parse_article
from clipdesk.store.text.clean import _RUN_ON, Kind, classify, kind_of, normalise, respace

BODY = [
    "LONDON (Reuters) - Britain will send more air defence systems to Ukraine, the ministry said on Monday.",
    '"We will keep supporting Ukraine for as long as it takes," Defence Secretary John Healey said.',
    "The package includes missiles and radar equipment, officials said.",
]


def body_of(text):
    return parse_article(text, "t.txt").paragraphs


def with_furniture(before, middle, after):
    return "\n".join([*before, BODY[0], BODY[1], *middle, BODY[2], *after])


@pytest.mark.parametrize("furniture", [
    ["Share", "Tweet", "Email", "Print", "Copy link", "Link copied", "Views: 1,204", "12 comments"],
    ["Advertisement", "Story continues below advertisement", "Loading...", "A+", "A-", "4 min read"],
    ["Hide Ad", "Hide Ad", "Skip Ad", "Close ad"],
    ["Your browser is no longer supported",
     "For the best possible experience using our website we recommend you upgrade to a newer version or "
     "another browser.",
     "Your browser appears to have cookies disabled. For the best experience of this website, please enable "
     "cookies in your browser", "Learn more"],
    ["Follow us on Telegram", "Follow The Daily Courier on X for the latest news",
     "Join us on WhatsApp", "Download our app"],
    ["Subscribe to our newsletter for daily updates", "Sign up for the Morning Brief newsletter",
     "We use cookies to improve your experience. By continuing you accept our cookie policy.",
     "Accept all cookies", "Manage preferences"],
    ["Tags: Russia, NATO, UK", "Topics: defence", "Filed under: World"],
    ["Photo: Getty Images", "Ministers at the summit in Brussels. Photograph: Olivier Hoslet/EPA",
     "Soldiers train near Kharkiv (AP Photo/Efrem Lukatsky)",
     "The minister speaks to reporters outside Downing Street. Reuters/Toby Melville",
     "Troops take part in exercises in Estonia AFP via Getty Images", "© REUTERS/Maxim Shemetov"],
    ["FILE - Keir Starmer speaks in London, Feb. 2, 2025. (AP Photo/Kin Cheung, File)",
     "Item 1 of 2 John Healey speaks in London, January 22, 2025. REUTERS/Toby Melville",
     "[1/2]John Healey speaks in London. REUTERS/Toby Melville Purchase Licensing Rights, opens new tab",
     "Keir Starmer, left, greets Volodymyr Zelenskyy in London [Ludovic Marin/Pool via Reuters]"],
    ["© 2025 Example Media Ltd. All rights reserved.",
     "Reproduction of materials is prohibited without a hyperlink to the source."],
    ["Read more: UK to boost defence spending to 2.5% of GDP", "Also read — Kremlin warns London",
     "RELATED: Healey visits Kyiv"],
    ["Liked the story? Share it on social media!", "Ссылка скопирована", "Remind me later.",
     "![logo](https://example.org/logo.png)", "https://example.org/share?id=1"],
])
def test_page_furniture_is_dropped_wherever_it_sits(furniture):
    assert body_of(with_furniture(furniture, furniture, furniture)) == tuple(BODY)


def test_navigation_run_before_the_headline_is_dropped():
    text = "\n".join(["Home", "World", "Europe", "Business", "Sport", "Search", "MENU",
                      "Britain pledges air defence for Ukraine", *BODY])
    article = parse_article(text, "t.txt")
    assert article.title == "Britain pledges air defence for Ukraine"
    assert article.paragraphs == tuple(BODY)


def test_related_teaser_block_inside_the_body_is_dropped_with_its_caption_and_headline():
    text = "\n\n".join([BODY[0], BODY[1],
                        "Related\nA Ukrainian soldier near Bakhmut. © Anadolu Agency\n"
                        "Kremlin says UK is ‘playing with fire’ over missiles", BODY[2]])
    assert body_of(text) == tuple(BODY)
    text = "\n".join([BODY[0], "You may also like", "Will the UK send troops to Ukraine?",
                      "“We are ready,” says Healey", BODY[1], BODY[2]])
    assert body_of(text) == tuple(BODY)


def test_a_caption_under_a_caption_label_is_dropped_with_its_quoted_words():
    caption = 'The embassy called the decision "unfriendly"'
    text = "\n".join([BODY[0], "Image caption,", caption, BODY[1], BODY[2]])
    assert body_of(text) == tuple(BODY)


def test_an_appeal_lead_in_goes_with_the_appeal():
    appeal = ["We've been covering the war since day one. Help us keep going.", "Become a member"]
    assert body_of("\n".join([*BODY, *appeal])) == tuple(BODY)


def test_a_teaser_marker_left_without_its_teaser_does_not_swallow_the_story():
    text = "\n\n".join([BODY[0], "Read more", BODY[1], BODY[2]])
    assert body_of(text) == tuple(BODY)


@pytest.mark.parametrize("appeal", [
    ["We have a small favour to ask.", "Millions turn to us for “open, independent” journalism. "
     "Unlike many others, we have no shareholders.", "Support us from just £1."],
    ["Dear readers,", "Our newsroom was labelled “undesirable” by the authorities. "
     "Your support keeps us going.", "Donate now"],
    ["Support independent journalism in Ukraine.", "We’ve been covering the “war of attrition” "
     "since day one. Join our community.", "Become a member"],
    ["A message from the Daily Courier:", "Journalism like this costs money. Please “chip in” today."],
    ["Before you go...", "“Quality journalism” depends on readers like you. Subscribe today."],
])
def test_closing_appeals_are_cut_and_their_quoted_words_never_become_paragraphs(appeal):
    paragraphs = body_of("\n".join([*BODY, *appeal]))
    assert paragraphs == tuple(BODY)


@pytest.mark.parametrize("marker", ["Comments (14)", "Post a Comment", "Join the conversation", "Discussion",
                                    "Most read", "More stories", "You may also like", "More from Europe"])
def test_comments_and_story_lists_after_the_story_are_cut(marker):
    comments = [marker, "ivan_1985", "“This is all lies,” says the West. Wake up people.", "12 hours ago"]
    assert body_of("\n".join([*BODY, *comments])) == tuple(BODY)
    share_bar = ["Share", marker]  # under the headline the marker is only page furniture
    assert body_of("\n".join([BODY[0], *share_bar, BODY[1], BODY[2]])) == tuple(BODY)


def test_words_that_appear_in_boilerplate_do_not_drop_real_news_sentences():
    news = [
        "Britain will donate 100 armoured vehicles to Ukraine, the ministry said.",
        "Support for Ukraine remains strong among NATO members, Healey said.",
        "Related talks are due in Geneva next week, diplomats said.",
        "Moscow said it would follow the talks on television with interest.",
        "The ministers shared a short statement with reporters after the meeting.",
        "She said the print edition of the report would be published on Friday.",
        "Before you go into the talks, you must know what you want, Healey said.",
        "A message from the Kremlin was read out at the start of the meeting.",
        "Support for independent journalism in Russia has collapsed, the report found.",
        "If you like this deal, you will love the next one, Trump told reporters.",
        "The newsletter, published by the embassy, criticised the decision.",
        "Source: a senior Western official told Reuters that the talks had stalled.",
    ]
    assert body_of("\n".join([BODY[0], *news])) == (BODY[0], *news)


def test_hard_wrapped_paragraphs_are_rejoined():
    wrapped = (
        "LONDON (Reuters) - Britain will send more air defence systems to\n"
        "Ukraine, the defence ministry said on Monday, as Kyiv braces for a\n"
        "new wave of Russian missile strikes on its energy infrastructure.\n"
        "\n"
        '"We will keep supporting Ukraine for as long as it takes," Defence\n'
        "Secretary John Healey told reporters in London after the meeting with\n"
        "his Ukrainian counterpart.\n"
        "\n"
        "The package includes missiles and radar equipment, officials said.\n"
    )
    paragraphs = body_of(wrapped)
    assert len(paragraphs) == 3
    assert paragraphs[0].endswith("to Ukraine, the defence ministry said on Monday, as Kyiv braces for a "
                                  "new wave of Russian missile strikes on its energy infrastructure.")
    assert paragraphs[1].startswith('"We will keep supporting Ukraine for as long as it takes," Defence '
                                    "Secretary John Healey")


def test_a_stray_line_break_mid_sentence_is_joined():
    text = "\n".join([BODY[0], "The package, which was agreed in March after weeks of",
                      "talks, includes missiles.", BODY[1]])
    assert body_of(text)[1] == ("The package, which was agreed in March after weeks of talks, "
                                "includes missiles.")


def test_bracketed_editorial_insertions_are_kept_as_written():
    line = "“I would tell them [Russia]: you are in a position of weakness,” he said [to reporters]."
    assert line in body_of("\n".join([BODY[0], line]))


def test_whitespace_is_normalised():
    assert normalise("a\u00a0 b\u200b\tc  \n\n d ") == ["a b c", "", "d"]


def test_entities_and_markdown_links_are_reduced_to_text():
    assert normalise("He said &#8220;no&#8221; &amp; left.") == ["He said “no” & left."]
    assert normalise("**Healey** told [the BBC](https://bbc.co.uk/x) about [Russia].") == [
        "Healey told the BBC about [Russia]."]


def test_entities_that_lost_their_ampersand_are_decoded():
    scraped = "She said: ldquo;We agreed,rdquo; after the welcomenbsp;ceremony at quot;Hall 4quot;."
    assert normalise(scraped) == [
        "She said: “We agreed,” after the welcome ceremony at \"Hall 4\"."]
    assert normalise("They set up camp; then left.") == ["They set up camp; then left."]


def test_two_single_marks_typed_for_an_opening_double_mark_open_a_quotation():
    assert normalise("She said Samoa was ‘’sliding away from the rule of law’’.") == [
        "She said Samoa was “sliding away from the rule of law”."]


def test_the_stars_of_a_censored_word_are_not_bold_marks():
    assert normalise("He called it 'a s*** goal' in **German**.") == ["He called it 'a s*** goal' in German."]


def test_lines_are_classified_by_shape():
    assert kind_of("Views: 86") is Kind.BOILER
    assert kind_of("UK Defense Secretary Ben Wallace EPA-EFE/WILL OLIVER") is Kind.BOILER
    assert kind_of("Trump can persuade Putin to enter Ukraine peace talks") is Kind.SHORT
    assert kind_of("“Thank you,” he said.") is Kind.PROSE
    marked = classify(["Intro sentence that is long enough to be prose here.", "Dear readers,",
                       "Please give generously to our “fund”."])
    assert [line.kind for line in marked] == [Kind.PROSE, Kind.FOOTER, Kind.BOILER]


@pytest.mark.parametrize("text", [
    "",
    "Share\nTweet\nPrint\n\nSubscribe",
    "Skip to main content\nHome\nWorld\n© 2025 Example News. All rights reserved.",
    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20,
    "\ufffd\ufffd\u0003\ufffd" * 100,
])
def test_nothing_article_like_raises(text):
    with pytest.raises(NotAnArticle):
        body_of(text)


SEED_FURNITURE = {
    "000": ["A Message from The Moscow Times", "Dear readers", "undesirable", "foreign agent",
            "discredits the decisions", "Remind me later", "paiment methods", "support us monthly"],
    "001": ["twitter", "WHAT ARE YOU LOOKING FOR", "Any use of materials", "Caliber.az ©", "A+",
            "Views:", "Liked the story", "copy link", "Ссылка", "ads", "The most important world news",
            "loading", "By Jeyhun Aghazada", "Caliber.Az", "06 November 2025"],
    "002": ["Read more", "© Sputnik", "Russia's Lavrov unhappy after talks with UK's Truss", "Post a Comment",
            "Fears expressed for British-Russia relations", "meet in Moscow amid growing tensions"],
    "003": ["All news", "EPA-EFE", "British defense chief confirms plans"],
    "004": ["Putin tells British PM, Russia wants talks", "as Moscow seeks to block Kyiv’s prospect"],
}
SEED_FIRST = {
    "000": "BRUSSELS — British Defense Secretary John Healey on Thursday warned Russia",
    "001": "UK Defence Secretary John Healey insists that US President Donald Trump",
    "002": "The level of cooperation between Moscow and London risks going “below zero,”",
    "003": "LONDON, January 27. /TASS/. British Defense Secretary Ben Wallace has confirmed",
    "004": "Russia’s President Vladimir Putin has told British Prime Minister Boris Johnson",
}

SEED_LAST = {
    "000": '"Our priority is to support Ukraine now',
    "001": "During his recent talks with Xi Jinping",
    "002": "During his visit to Russia, Wallace also laid down flowers",
    "003": "Kremlin Spokesman Dmitry Peskov castigated these claims",
    "004": "“Allow me to say, once again, firmly",
}


@pytest.mark.parametrize("prefix", sorted(SEED_FIRST))
def test_seed_bodies_are_clean_and_in_order(seeds, prefix):
    [path] = seeds.glob(f"{prefix}_*.txt")
    raw = path.read_text(encoding="utf-8")
    paragraphs = parse_article(raw, path.name).paragraphs
    assert paragraphs[0].startswith(SEED_FIRST[prefix])
    assert paragraphs[-1].startswith(SEED_LAST[prefix])
    for words in SEED_FURNITURE[prefix]:
        assert not any(words in p or p == words for p in paragraphs), words
    if prefix == "003":
        assert "UK Defense Secretary Ben Wallace" not in paragraphs
    raw_lines = normalise(raw)
    positions = [raw_lines.index(p) for p in paragraphs]  # every paragraph is a line of the seed
    assert positions == sorted(positions)


SCRAPS = ["\n", "\n\n", " ", "By ", "Read more", "©", "2025", "January 27", "LONDON", " — ", "(Reuters) - ",
          "“", "”", '"', "Share", "Dear readers,", "The minister said on Friday that talks would resume.",
          "|", "Source: ", "Image caption,", ".", "?", "\u00a0", "\t", "Title of a story here", "12:30",
          "/TASS/.", "Photo: X/Y", "\x00", "\ufffd"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SCRAPS), max_size=40).map("".join) | st.text(max_size=300))
def test_any_text_is_an_article_or_not_an_article(text):
    try:
        article = parse_article(text, "t.txt")
    except NotAnArticle:
        return
    assert article.paragraphs and all(p and p == p.strip() for p in article.paragraphs)


def test_a_page_of_only_a_wire_credit_and_a_day_is_not_an_article_rather_than_a_crash():
    with pytest.raises(NotAnArticle):
        parse_article("By (Reuters) - .\nJanuary 27", "t.txt")


def test_curly_marks_of_a_page_read_in_the_wrong_encoding_are_put_back():
    mended = normalise("¡°We will not wait,¡± the North¡¯s envoy said.")
    assert mended == ["“We will not wait,” the North’s envoy said."]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZbY.!?,;:)”’“ 1", max_size=24))
def test_respacing_skips_only_lines_that_have_no_join_to_space(line):
    if '"' not in line:  # the run-on rule alone: the quick test in front of it must never skip a join
        assert respace(line) == _RUN_ON.sub(" ", line)
