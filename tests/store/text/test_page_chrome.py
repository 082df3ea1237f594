"""Page chrome around the story (date bars, menus, banners, captions) never becomes its title or date."""

import pytest

from clipdesk.store.text.article import parse_article


def parse(text: str):
    return parse_article(text, "page.txt")


WIRE_WITH_TEASERS = """Markets data and news for professionals
Directory of sites
Login
Harbour pilots strike halts grain exports at Varna
Sections
Copper climbs as warehouses empty
Commodities
Copper climbs as warehouses empty
Airline cuts winter routes after fuel spike
Transport
Airline cuts winter routes after fuel spike
#Shipping
March 9, 2019 / 7:05 AM / 2 years ago

Harbour pilots strike halts grain exports at Varna

Staff Writer

2 Min Read

VARNA, March 9 (Wire) - Harbour pilots at Bulgaria's largest Black Sea port walked out on Saturday, \
halting grain loadings for a second day, the port authority said.

"We cannot move a single ship without them," port director Elena Marinova told reporters.
"""


def test_a_date_bar_and_repeated_teasers_give_way_to_the_headline_under_them():
    article = parse(WIRE_WITH_TEASERS)
    assert article.title == "Harbour pilots strike halts grain exports at Varna"
    assert article.published.startswith("2019-03-09")
    assert article.paragraphs[0].startswith("VARNA, March 9")


ARCHIVE_WITH_TOP_BAR = """Visit our partner library Read the charter of the straits commission
Hellenic Press Archive - Compact version
HomeAbout UsNewsWeb SitesDocumentsOnline HelpContact us
Wednesday, 12 June 2024
News
Latest News
From the Region
Archives

Harbour Agency: Bulletin in English, 21-02-03

03 FEB 2021

The port authority said on Wednesday that grain exports had resumed after a two-day strike by \
harbour pilots, and that twelve ships were waiting to load.

"The queue will be cleared by the weekend," the authority's spokesman, Petar Ivanov, told the agency.
"""


def test_todays_date_in_the_top_bar_loses_to_the_date_the_story_states():
    assert parse(ARCHIVE_WITH_TOP_BAR).published == "2021-02-03"


DATE_IN_LOGIN_BAR = """Jun. 4, 2023 SIGN IN | REGISTER

Council Approves Budget, Leaves Town Hall After Midnight

Photo by Dana Ruiz/City Desk

Council member Rosa Lind (D-District 4) led a series of speeches against the amendment, calling it \
a giveaway that would empty the reserve fund.

"We cannot spend money we do not have," Lind said after the vote.
"""


def test_a_date_glued_to_login_links_is_the_day_of_viewing_not_the_story_date():
    article = parse(DATE_IN_LOGIN_BAR)
    assert article.title == "Council Approves Budget, Leaves Town Hall After Midnight"
    assert article.published is None and article.published_text is None
    assert article.outlet is None


LANGUAGE_MENU = """العربية Español Русский Français 中文

Ministry Spokesperson's Regular Briefing on 14 March 2024

2024-03-14 18:02

Spokesperson Lina Ortega: The ministry has noted the report on fishing quotas and will respond \
through the usual channels after consulting the coastal provinces.
"""


def test_a_language_menu_is_not_the_title():
    article = parse(LANGUAGE_MENU)
    assert article.title == "Ministry Spokesperson's Regular Briefing on 14 March 2024"
    assert article.published == "2024-03-14T18:02"


CAPTION_ON_TOP = """Mayor Anton Berg. Photo: screenshot

Mayor Anton Berg said on Tuesday that the tram line would reopen in May after repairs to the \
bridge over the river were finished ahead of schedule.
"""


def test_a_caption_with_its_photo_credit_is_not_a_title():
    article = parse(CAPTION_ON_TOP)
    assert article.title is None
    assert article.paragraphs[0].startswith("Mayor Anton Berg said")


GOVERNMENT_BANNER = """An official website of the United States Government
Here's how you know

Official websites use .gov

.gov website belongs to an official government organization in the United States.

Secure .gov websites use HTTPS

This page is part of an archived collection and some links may no longer work as they once did.

Department of Agriculture Press Briefing by Spokesperson Mara Quinn in the Briefing Room

Feb. 2, 2017
Spokesperson Mara Quinn

MARA QUINN: Good afternoon, everyone. I have two announcements before I take your questions today.
"""


def test_the_government_banner_is_chrome_and_the_headline_sits_above_the_date():
    article = parse(GOVERNMENT_BANNER)
    assert article.title == ("Department of Agriculture Press Briefing by Spokesperson Mara Quinn "
                             "in the Briefing Room")
    assert article.published == "2017-02-02"


AGGREGATOR_CHROME = """Get every paper you read in one app.
Hundreds of titles.
One login.
Start reading
Northern Evening Courier
Northern Evening Courier
Sport
Pat Rowe

Rovers boss in first interview since the cup final - this is what he told local radio

Rovers manager Ivo Stanek gave his first interview since the cup final to local radio on Monday.

"We were tired, and it showed in the last twenty minutes," Stanek said.
"""


def test_short_promotional_sentences_above_the_masthead_do_not_start_the_body():
    article = parse(AGGREGATOR_CHROME)
    assert article.title == ("Rovers boss in first interview since the cup final - this is what he told "
                             "local radio")
    assert article.paragraphs[0].startswith("Rovers manager Ivo Stanek")


FORUM_THREAD = """Announcement

Collapse
No announcement yet.

Bridge Talks Resume Between The Two Towns

Collapse
X
  • Filter
  • Time
Clear All
new posts

  • Bridge Talks Resume Between The Two Towns

    BRIDGE TALKS RESUME BETWEEN THE TWO TOWNS

    16:20 23/09/2011

    The mayors of the two towns agreed on Monday to resume talks on the new bridge, the regional
    council said. "Both sides want the bridge built," said council chair Ines Vaar.
"""


def test_forum_chrome_and_bullets_are_not_part_of_the_title():
    article = parse(FORUM_THREAD)
    assert article.title == "Bridge Talks Resume Between The Two Towns"
    assert article.published == "2011-09-23T16:20"


READ_TIME_AND_CLOSE = """✕ Close
Estimated read time: Less than a minute
✕ Close Ferry operator adds night crossings for the summer
Islands Daily

The ferry operator will add two night crossings to the islands from June, its chief executive said \
on Friday, after record bookings over Easter.
"""


def test_read_time_lines_and_close_buttons_are_not_the_title():
    assert parse(READ_TIME_AND_CLOSE).title == "Ferry operator adds night crossings for the summer"


def test_dashed_and_dotted_dates_with_an_update_note_are_read():
    pipe = parse("""Mill workers end strike in 'meaningful' deal

NNA | Pune | Updated: 14-08-2021 09:12 IST

Workers at the textile mill ended a ten-day strike on Friday after the owners agreed to restore the \
night-shift allowance, union leaders said.
""")
    assert pipe.published == "2021-08-14T09:12"
    dotted = parse("""Port reopens after storm - report

09:40 GMT 05.11.2023 (Updated: 10:15 GMT 05.11.2023)
GDANSK (Wire) - The port of Gdansk reopened on Sunday after a storm closed it for two days, the \
harbour master said.
""")
    assert dotted.published == "2023-11-05T09:40"


def test_a_masthead_printed_above_the_story_names_the_outlet():
    assert parse(AGGREGATOR_CHROME).outlet == "Northern Evening Courier"


def test_a_label_line_and_a_site_name_name_the_outlet():
    label = parse("""Congressional Roundup

Capitol Wire Service

WASHINGTON - Here is how members of the state delegation voted on the farm bill this week, with \
both senators backing the final version.
""")
    assert label.outlet == "Capitol Wire Service"
    site = parse("""Minister Calls For Joint Museum Project

Lakeside.am
09:10 18/05/2012

The culture minister called on the neighbouring country to join a project to restore the old \
fortress, saying both peoples would gain from it.
""")
    assert site.outlet == "Lakeside.am"


def test_a_credit_line_gives_the_agency_and_a_source_list_its_first_name():
    pipe = parse("""Mill workers end strike

NNA | Pune | Updated: 14-08-2021 09:12 IST

Workers at the textile mill ended a ten-day strike on Friday after the owners agreed to restore the \
night-shift allowance, union leaders said.
""")
    assert pipe.outlet == "NNA"
    listed = parse("""Alliance ministers agree on drone shield after airspace breaches

"We are a defensive alliance and we will stay one," the secretary general told reporters after the \
meeting of defence ministers on Wednesday.
The ministers agreed to test new counter-drone systems along the eastern flank.
Source: NRA, PNA, alliance.int
""")
    assert listed.outlet == "NRA"


def test_a_site_name_closing_the_page_is_the_outlet():
    article = parse("""Coalition partners strengthen the alliance
Brussels, October 15 - The secretary general said before the meeting that he was pleased to bring \
the ministers together for the first time since the summit.
Northern Press Agency
""")
    assert article.outlet == "Northern Press Agency"


def test_tickers_sections_photo_credits_and_mentions_are_not_outlets():
    ticker = parse("""Harbor Foods Inc (HBF.N) reported on Thursday its first quarterly profit in two years \
and gave an outlook that beat expectations, sending its shares up 5 percent.
"It has stopped getting worse," analyst Kim Ode said.
""")
    assert ticker.outlet is None
    section = parse("""World News
Business News
Ferry operator adds night crossings for the summer

The ferry operator will add two night crossings to the islands from June, its chief executive told \
the Island Times on Friday, after record bookings over Easter.
""")
    assert section.outlet is None
    credit = parse("""Photo : HARBOUR News

The harbour minister denounced claims by a former adviser that the two ports should no longer seek \
to merge, saying a merger was the only way to keep both open.
""")
    assert credit.outlet is None


def test_a_one_word_label_line_the_story_uses_as_an_outlet_names_it():
    wire = parse("""Port strike ends after pay deal, union says

HarbourWire

Dock workers at the port agreed a pay deal on Monday, ending a week-long strike, the union said.

HarbourWire's Lena Ode reported that the first ships were loading by the evening.
""")
    assert wire.outlet == "HarbourWire"
    lower = parse("""Rovers sack manager after cup exit

coast radio

The club sacked its manager on Sunday after a cup defeat, a club official told Coast Radio.
""")
    assert lower.outlet == "Coast Radio"


def test_a_label_line_the_story_does_not_use_as_an_outlet_is_not_one():
    section = parse("""Rovers sack manager after cup exit

Sport

The club sacked its manager on Sunday after a cup defeat, a club official told reporters.
""")
    assert section.outlet is None


def test_a_reporting_and_editing_credit_names_reuters_and_a_mention_does_not():
    story = """Oil rises as supply fears grow

Oil prices rose on Tuesday as traders worried about supply from the Gulf, with crude up 2 percent by \
midday in London.

"The market is nervous," said analyst Tom Hale.
"""
    assert parse(story + "\nReporting by Ann Lee in London; Editing by Mark Potter\n").outlet == "Reuters"
    assert parse(story + "\nPrices rose further later, a trader told Reuters.\n").outlet is None
    assert parse(story + "\nReporting by Ann Lee\n").outlet is None


def test_breadcrumbs_and_a_top_bar_date_above_the_headline_are_chrome():
    crumbs = parse("""Home > World > Europe
Ferry strike ends as unions accept offer
By Ann Lee
Published 3 March 2024

The ferries will sail again on Monday after unions accepted a pay offer from the operator, the port \
authority said.
""")
    assert crumbs.title == "Ferry strike ends as unions accept offer"
    assert crumbs.published == "2024-03-03"
    top_bar = parse("""Sat 25 May 2024
Menu
World
Talks collapse as envoys leave Geneva
Envoys left Geneva on Tuesday without a deal, diplomats said, after a week of talks between the sides.
"There is nothing left to discuss," said mediator Jan Vos.
12 February 2022
""")
    assert top_bar.title == "Talks collapse as envoys leave Geneva"
    assert top_bar.published == "2022-02-12"


def test_a_headline_with_a_slash_is_not_a_breadcrumb():
    assert parse("""US / China trade war deepens as tariffs rise

Both countries raised tariffs again on Monday, officials in Washington and Beijing said.
""").title == "US / China trade war deepens as tariffs rise"


def test_a_broadcasters_name_in_capitals_above_the_story_is_the_outlet_when_the_story_uses_it():
    article = parse("""CBN

Minister defends rail plan in first interview since the election

The transport minister defended the rail plan on Tuesday in a long interview, telling the CBN that \
the new line would open on time and within its budget.
""")
    assert article.outlet == "CBN"


LEAD = ("The harbour office said on Tuesday that night pilots would be hired for the winter, after a month "
        "in which ships waited for days to enter the port.")


def test_a_weekday_date_above_the_headline_is_the_top_bar_and_never_the_storys_date():
    article = parse(f"""Saturday, 11 Jan 2025

Pilots to be hired for winter nights at the harbour

{LEAD}

"We cannot leave ships waiting outside for a week," the harbour master said.
""")
    assert article.title == "Pilots to be hired for winter nights at the harbour"
    assert article.published is None and article.published_text is None


def test_a_full_date_after_an_agency_credit_a_label_or_a_sites_name_is_the_storys_date():
    for line, iso in [("Nordwire) 16:57, May 31, 2024", "2024-05-31T16:57"),
                      ("# 01 June 2024 19:40 (UTC +04:00)", "2024-06-01T19:40"),
                      ("date 2023-07-26 + A- A+", "2023-07-26"),
                      ("Ministry of Harbours 11.11.2016", "2016-11-11"),
                      ("Written: 2019-05-02 08:15:00 / Updated: 0000-00-00 00:00:00", "2019-05-02")]:
        article = parse(f"Pilots to be hired for winter nights at the harbour\n\n{line}\n\n{LEAD}\n")
        assert article.published == iso, line
        assert article.title == "Pilots to be hired for winter nights at the harbour"


def test_a_caption_printed_twice_and_a_banner_above_it_do_not_become_the_title():
    caption = "A pilot boat leaves the harbour at dusk to meet a tanker waiting in the outer roads."
    article = parse(f"""Enjoy 35% off the winter sailing guide today

{caption}
{caption} (Photo: Ann Lee/Coast Pictures)

Pilots to be hired for winter nights at the harbour

{LEAD}
""")
    assert article.title == "Pilots to be hired for winter nights at the harbour"
    assert article.paragraphs[0] == LEAD


def test_a_breadcrumb_trail_glued_to_the_headline_is_cut_from_it():
    article = parse(f"""Home » Ports » Pilots to be hired for winter nights at the harbour

Pilots to be hired for winter nights at the harbour

{LEAD}
""")
    assert article.title == "Pilots to be hired for winter nights at the harbour"


def test_a_piped_breadcrumb_trail_a_font_size_widget_and_glued_section_links_are_not_the_title():
    piped = parse(f"""Home | Ports | 'We need pilots'; Harbour to hire for winter nights

'We need pilots'; Harbour to hire for winter nights

By
Font size: Decrease font Enlarge font

{LEAD}
""")
    assert piped.title == "'We need pilots'; Harbour to hire for winter nights"
    glued = parse(f"""Ports and Coastal ShippingNewsTop Stories

Pilots to be hired for winter nights at the harbour

{LEAD}
""")
    assert glued.title == "Pilots to be hired for winter nights at the harbour"


def test_a_headline_holding_a_quotation_is_the_title():
    article = parse(f"""Ports

"We will not leave ships waiting": harbour hires night pilots

{LEAD}
""")
    assert article.title == '"We will not leave ships waiting": harbour hires night pilots'


def test_a_headline_set_under_the_lead_or_under_the_story_is_the_title():
    lead = "Kessel Harbour said on Tuesday that it would hire night pilots, after ships waited for days."
    below_lead = parse(f"""{lead}
Kessel hires night pilots for winter
The pilots will start work in November, the office said, and their contracts will run until March.
""")
    assert below_lead.title == "Kessel hires night pilots for winter"
    under_story = parse(f"""{lead}
The pilots will start work in November, the office said, and their contracts will run until March.
Kessel hires night pilots for winter
AdvertisementAdvertise with Coast Media.
""")
    assert under_story.title == "Kessel hires night pilots for winter"
    assert parse(f"""{lead}
Night pilots start in November
The pilots will start work in November, the office said, and their contracts will run until March.
""").title is None


STORY = f"""Pilots to be hired for winter nights at the harbour

{LEAD}

"We cannot leave ships waiting outside for a week," the harbour master said.
"""


def test_closing_notices_and_credits_name_the_outlet_but_captions_do_not():
    assert parse(STORY + "\nCoast Monitoring. Copyright Coast Media.\n").outlet == "Coast Monitoring"
    assert parse(STORY + "\nTranslated and edited by the Harbour Observer\n").outlet == "Harbour Observer"
    assert parse(STORY + "\n- NORDWIRE\n").outlet == "Nordwire"
    assert parse(STORY + "\nHarbour.Az\n").outlet == "Harbour.Az"
    assert parse(STORY + "\nTugs wait at the quay. Copyright AFP\n").outlet is None
    assert parse(STORY + "\n— Ann Lee\n").outlet is None
    assert parse(STORY + "\nEdited by Ann Lee\n").outlet is None


def test_a_site_reporting_under_its_own_name_is_the_outlet_when_a_credit_names_it_too():
    text = """Pilots to be hired for winter nights at the harbour

© Portnews | The harbour at dusk

The harbour office will hire night pilots for the winter, Portnews reports citing the office's \
spokesman, after ships waited for days to enter the port.
"""
    assert parse(text).outlet == "Portnews"
    assert parse(text.replace("© Portnews | ", "")).outlet is None


def test_a_date_above_the_headline_loses_to_the_date_set_under_it():
    article = parse(f"""Coast Courier - Your News, Your Harbour

October 27, 2017 6:32 pm

Pilots to be hired for winter nights at the harbour

Monday, March 13, 2017 @ 7:59 AM

{LEAD}
""")
    assert article.title == "Pilots to be hired for winter nights at the harbour"
    assert article.published == "2017-03-13T07:59"


def test_a_blogs_date_over_its_title_neither_becomes_the_title_nor_hides_it():
    article = parse(f"""Use this link to buy anything from the shop and some goes directly to our club

Sunday, 6 March 2011

Pilots to be hired for winter nights at the harbour

{LEAD}
""")
    assert article.title == "Pilots to be hired for winter nights at the harbour"
    assert article.published is None  # a weekday date over the headline may be the day the page was read


def test_relative_times_and_numbered_or_separated_dates_in_the_head():
    updated = parse(f"""Pilots to be hired for winter nights at the harbour
By Ann Lee
February 12, 2025 6:41 PM GMT
Updated 2 hours ago

{LEAD}
""")
    assert updated.title == "Pilots to be hired for winter nights at the harbour"
    assert updated.published.startswith("2025-02-12")
    for line, iso in [("| 24/04/2017", "2017-04-24"), ("No: 284, 11 November 2016", "2016-11-11")]:
        article = parse(f"Pilots to be hired for winter nights at the harbour\n\n{line}\n\n{LEAD}\n")
        assert article.title == "Pilots to be hired for winter nights at the harbour"
        assert article.published == iso


def test_a_date_label_run_into_the_first_line_and_a_bar_of_links_are_chrome():
    article = parse("""date 2023-12-28 Harbour Cup: Results | Watching @ Work? Stream It | Tides | More

Pilots to be hired for winter nights at the harbour

KESSEL (Coast Radio) — The harbour office said on Thursday that night pilots would be hired for the \
winter, after a month in which ships waited for days to enter the port.
""")
    assert article.title == "Pilots to be hired for winter nights at the harbour"
    assert (article.published, article.outlet) == ("2023-12-28", "Coast Radio")
    assert parse(f"date 2023-12-28 + A - 16 px\n\n{LEAD}\n").title is None


def test_a_masthead_carrying_its_motto_names_the_outlet():
    article = parse(f"""Coast News - Your News, Your Harbour

Pilots to be hired for winter nights at the harbour

{LEAD}
""")
    assert article.outlet == "Coast News"
    assert article.title == "Pilots to be hired for winter nights at the harbour"


def test_dates_in_a_most_read_list_are_never_the_storys():
    most_read = """Most read
Tug crews strike over pay
Updated 3 March 2024

"""
    above = parse(f"{most_read}Pilots to be hired for winter nights at the harbour\n\n{LEAD}\n")
    assert above.title == "Pilots to be hired for winter nights at the harbour"
    assert above.published is None
    dated = parse(f"{most_read}Pilots to be hired for winter nights at the harbour\n4 March 2024\n\n{LEAD}\n")
    assert dated.published == "2024-03-04"
    body = "\n\n".join([LEAD, '"We cannot leave ships waiting outside," the harbour master said.',
                        "The pilots will start in November, the office said, and stay until March."])
    below = parse(f"Pilots to be hired for winter nights at the harbour\n\n{body}\n\n{most_read}")
    assert below.published is None


def test_a_mastheads_picture_named_above_the_story_names_the_outlet_but_a_share_button_does_not():
    def outlet(top):
        return parse(f"{top}\n\nPilots to be hired for winter nights at the harbour\n\n{LEAD}\n").outlet
    assert outlet("Coast.ng logo") == "Coast.ng"
    assert outlet("Coast Herald logo") == "Coast Herald"
    assert outlet("Facebook logo") is None


def test_a_page_title_with_the_site_name_above_the_headline_gives_the_title_and_the_outlet():
    article = parse(f"""Pilots to be hired for winter nights at the harbour - The Harbour Gazette

Pilots to be hired for winter nights at the harbour

{LEAD}
""")
    assert article.title == "Pilots to be hired for winter nights at the harbour"
    assert article.outlet == "The Harbour Gazette"


def test_a_dash_in_a_headline_printed_once_stays_in_the_title():
    article = parse(f"""Winter pilots will keep the harbour open - mayor

{LEAD}
""")
    assert article.title == "Winter pilots will keep the harbour open - mayor"
    assert article.outlet is None


AGGREGATOR_LINE_ON_TOP = """As featured on Newsstand: Rugby news

Harlow coach Dean Price: Our young fly-half has never let the side down

Harlow coach Dean Price praised his fly-half after a narrow away win on Saturday.

“Every time he plays he gives everything, and he did again today,” Price told the local paper.
"""


def test_an_as_featured_on_line_above_the_headline_is_chrome():
    article = parse(AGGREGATOR_LINE_ON_TOP)
    assert article.title == "Harlow coach Dean Price: Our young fly-half has never let the side down"
    assert "As featured" not in " ".join(article.paragraphs)


CAPTION_WITH_GLUED_SOURCE = """Wales 2-1 Latvia: Rob Page hails late winner from Kieffer Moore

  • Published
Kieffer Moore celebrates scoring the late winner against LatviaImage source, Huw Evans Agency
Image caption,

Moore's winner was his tenth goal for Wales

Wales manager Rob Page praised striker Kieffer Moore after his late header beat Latvia in Cardiff.

"It was a big moment for him and for the whole squad," Page said.
"""


def test_a_caption_with_its_image_source_glued_on_is_not_the_title():
    title = parse(CAPTION_WITH_GLUED_SOURCE).title
    assert title == "Wales 2-1 Latvia: Rob Page hails late winner from Kieffer Moore"


def test_a_you_are_here_trail_and_a_wire_slug_are_not_the_title():
    article = parse(f"""You are here:   Home

2nd LD Writethru: Pilots to be hired for winter nights at the harbour

{LEAD}
""")
    assert article.title == "Pilots to be hired for winter nights at the harbour"


def test_a_date_bar_and_section_links_glued_to_the_headline_are_not_the_title():
    article = parse(f"""Friday, Mar 29, 2024 | Last Update : 07:45 AM IST

  Local   All Local  03 Aug 2019  Pilots to be hired for winter nights at the harbour

Pilots to be hired for winter nights at the harbour

{LEAD}
""")
    assert article.title == "Pilots to be hired for winter nights at the harbour"


def test_a_headline_opening_with_a_day_without_a_year_stays_a_headline():
    article = parse(f"""May 5 vote will decide who runs the harbour board

{LEAD}
""")
    assert article.title == "May 5 vote will decide who runs the harbour board"


def test_a_picture_agency_set_alone_under_its_caption_is_not_the_outlet():
    caption = "Pilots wait on the quay at dusk. Photo: Ann Lee/Harbour Wire."
    article = parse(f"""Pilots to be hired for winter nights at the harbour

{caption}

Harbour Wire

{LEAD}
""")
    assert article.outlet is None
    alone = parse(f"Pilots to be hired for winter nights at the harbour\n\nHarbour Wire\n\n{LEAD}\n")
    assert alone.outlet == "Harbour Wire"


RADIO_WITH_CUT_CRUMB = """Listen Live
HomeNewsHarbour board expects the ferry fare question to come back to council with...

Harbour board expects the ferry fare question to come back to council with other islands asking

Chair Lena Voss says she is expecting residents of the outer islands to ask the council for the same
discount that was granted to two small crossings last week.

Several councillors were hesitant to vote yes, saying that others would expect the same thing and that
the budget is already tight this year.

Voss says the board will look at its fare policy again in the spring.
"""


def test_a_breadcrumb_cutting_the_headline_short_is_chrome_and_a_long_headline_is_the_title():
    article = parse(RADIO_WITH_CUT_CRUMB)
    assert article.title == ("Harbour board expects the ferry fare question to come back to council "
                             "with other islands asking")
    assert article.paragraphs[0].startswith("Chair Lena Voss says")


MENU_RUN_TOGETHER = """In The NewsPorts and Shipping

Port Authority To Speed Up Crane Orders As Terminals Struggle With Backlog

The port authority has stepped up efforts to cut red tape in ordering cranes, a policy that could
reshape how the terminals are run, the harbour board said on Friday.

“It is about the mechanical steps in the process,” a senior port official told the board. “How can we
bring the delays out of the system?”
"""


def test_menu_links_run_together_above_the_headline_are_not_the_title():
    article = parse(MENU_RUN_TOGETHER)
    assert article.title == "Port Authority To Speed Up Crane Orders As Terminals Struggle With Backlog"


PRESS_RELEASE_IN_CAPITALS = """Skip to Main Content

Growers Council Press Releases

  • March 3, 2025

GROWERS COUNCIL WARNS THAT A LATE FROST WILL RAISE
THE PRICE OF APPLES ACROSS THE REGION

Orchards report losses of up to a third of the blossom after two nights below zero.

The council said on Monday that growers would need help with the cost of frost protection.
"""


def test_a_headline_in_capitals_broken_over_two_lines_is_the_title():
    article = parse(PRESS_RELEASE_IN_CAPITALS)
    assert article.title == ("GROWERS COUNCIL WARNS THAT A LATE FROST WILL RAISE THE PRICE OF APPLES ACROSS "
                             "THE REGION")


LEFTOVER_TAGS = """Harbour Minister, Kofi Mensah <a href="//ads.example.net/rc?cs=1f2e"> <br /> \
<img src="https://example.com/p.jpg" border="0" alt="" /></a>

The Harbour Minister, Kofi Mensah, has defended the seizure of two fishing trawlers in the port.

“It was fair and right for me to be told that the trawlers were coming,” he said on local radio.
"""


def test_html_tags_left_in_scraped_text_never_reach_the_title_or_paragraphs():
    article = parse(LEFTOVER_TAGS)
    assert not any("<" in p or "href" in p for p in (article.title or "", *article.paragraphs))


DOTTED_DAY_AND_TWEET_TIME = [
    ("Read caption Nets drying in the sun. Photo: Ann Lee/Council\n\nCouncil statements on the harbour "
     "plan\n\nHCB|Published 04. Dec 2018\n\nThe harbour council said on Tuesday that the plan needed more "
     "money than had been promised.\n", "2018-12-04"),
    ("News\n\nMayor brushes off complaints\n\nIsland Radio\n\n4:23 PM - 21 Feb 2015\n\nThe mayor has "
     "brushed off criticism of a radio interview given earlier this week.\n", "2015-02-21"),
]


def test_a_day_written_with_a_full_stop_and_a_date_after_a_clock_time_date_the_story():
    for text, day in DOTTED_DAY_AND_TWEET_TIME:
        assert (parse(text).published or "").startswith(day)


def test_a_date_that_reads_either_way_round_is_read_by_its_day_of_the_week():
    text = ("ID :\n254328\nFri, 09/07/2012 - 15:25\n\nHarbour talks end positively\n\nThe two harbour "
            "boards met today to discuss all aspects of the plan, ahead of a meeting of their chairmen "
            "tomorrow.\n")
    assert (parse(text).published or "").startswith("2012-09-07")


def test_the_site_asking_to_be_followed_is_the_outlet_and_a_ministry_credited_as_source_is_not():
    text = ("Minister: hard times need closer ties\n\nClose ties between neighbours matter more than ever, "
            "the minister said on Friday at a meeting in the capital.\n\nThe two ministers also discussed "
            "energy and rail links between the two countries.\n\n--\nFollow Harbour News on Facebook and "
            "Twitter and never miss an update!\nEditor: Ann Lee\nSource: Ministry of Foreign Affairs\n")
    assert parse(text).outlet == "Harbour News"


def test_a_page_title_with_a_news_section_and_the_site_gives_the_headline_and_the_outlet():
    text = (" date 2022-07-08  Man, 27, who chased another with a sword to be charged in court, Latest "
            "Island News - The Harbour Paper\nThe sword seized by the police was 73cm long.\nAnn Lee\n"
            "Jul 08, 2022\n\n"
            "A 27-year-old man who allegedly chased another man while holding a sword was to be charged in "
            "court on Friday.\n\nThe police arrested the man after they received a call for help.\n")
    article = parse(text)
    assert (article.title, article.outlet) == (
        "Man, 27, who chased another with a sword to be charged in court", "The Harbour Paper")


def test_a_picture_s_logo_glued_to_the_copyright_notice_is_not_the_outlet():
    text = ("logo\nADVERTISEMENT\n\nMayor hosts trade envoys at the town hall\n\nThe mayor on Friday hosted "
            "trade envoys from three countries at the town hall, her office said.\n\nThe envoys discussed "
            "links between the port and the region's farms.\n\nlogo© The Harbour Star 2024. All rights "
            "reserved\n")
    assert parse(text).outlet == "The Harbour Star"


BANNER_ABOVE_WIRE_STORY = """×

Our award-winning reporting has moved

Context provides news and analysis on three of the world's most critical issues:

climate change, the impact of technology on society, and inclusive economies.

Harbour board could fine ship owners over late fees, ministry says

by Wire Service
Monday, 21 April 2014 22:36 GMT

(Corrects to remove references to fines on passengers)

PORTVILLE, April 21 (Wire) - The harbour board could fine ship owners who pay their fees late, the
ministry said on Monday.

The board will decide next month, the ministry added.
"""


def test_a_banner_above_the_headline_and_a_wire_correction_note_are_not_the_title_or_body():
    article = parse(BANNER_ABOVE_WIRE_STORY)
    assert article.title == "Harbour board could fine ship owners over late fees, ministry says"
    assert article.paragraphs[0].startswith("PORTVILLE, April 21 (Wire)")


@pytest.mark.parametrize("text, title", [
    ("LAST_UPDATESun, 20 May 2018 9pm\n\nRangers Move Two Rogue Elephants To A National Park\n\nJELI -- The "
     "wildlife department today moved two bull elephants caught in a village to the national park.\n\nThe "
     "elephants had destroyed crops, said assistant director Adnan Rais.\n",
     "Rangers Move Two Rogue Elephants To A National Park"),
    ('Posts tagged with "Health Notes"\n\nToo much of this common vitamin could trigger heart problems\n\n'
     "April 25, 2024\n\nA common vitamin might be harmful for your health, researchers at a clinic have "
     "found.\n\nThe study identifies a new pathway to heart disease.\n",
     "Too much of this common vitamin could trigger heart problems"),
])
def test_a_template_label_or_a_tag_page_header_is_not_the_title(text, title):
    assert parse(text).title == title


def test_a_dateline_credit_with_seconds_dates_the_story():
    text = ("News\n\nCoach says the game could have gone either way\n\nHarbourtown (North) | April 10, 2024 "
            "2:28:11 PM IST\nThe head coach believes the outcome could have gone either way after the "
            "five-goal game on Tuesday.\n\nThe match was a back-and-forth affair.\n")
    assert parse(text).published == "2024-04-10T14:28"


def test_a_caption_printed_twice_with_its_bracketed_credit_is_not_the_title():
    page = ("Stay up to date with notifications from The Lindley Courier\n\n"
            "Notifications can be managed in browser preferences.\n\n"
            "Harbour board approves the new ferry terminal after a long fight\n\n"
            "Staff Writer\nThursday 01 October 2015 12:29 BST\n"
            "The ferry at the old quay last winter\n"
            "The ferry at the old quay last winter (Lindley Photo Agency)\n\n"
            "The harbour board approved the new ferry terminal on Wednesday night after three years of "
            "objections from residents of the old town.\n\n"
            "Work is due to begin in the spring and the terminal should open in two years.\n")
    article = parse(page)
    assert article.title == "Harbour board approves the new ferry terminal after a long fight"
    assert article.published == "2015-10-01T12:29"


def test_a_radio_player_bar_is_not_the_masthead_and_a_title_cased_headline_may_end_in_an_initialism():
    page = ("Play Live Radio\nNext Up:\n0:00\n0:00\nAvailable On Air Stations\nWatch Live\n\n"
            "Minister Says Norway Is Ready For Fishing Talks With U.K.\n\n"
            "Norway's fisheries minister said on Sunday that his country was ready to reopen talks on "
            "fishing rights in the North Sea.\n\n"
            "Officials from both countries are expected to meet in Bergen next month.\n")
    article = parse(page)
    assert article.title == "Minister Says Norway Is Ready For Fishing Talks With U.K."
    assert article.outlet is None


def test_a_long_published_and_updated_line_is_the_story_date_and_not_the_title():
    page = ("Lindley Herald\n\nCouncil votes to close the Lindley library\n\nBy Staff Reporter\n"
            "Published : Sept 19, 2022 - 09:30       Updated : Sept 19, 2022 - 11:45\n"
            "The old reading room (left) and its garden. (Lindley Archive)\n"
            "The old reading room (left) and its garden. (Lindley Archive)\n\n"
            "LINDLEY -- The town council voted on Monday to close the library at the end of the year, "
            "citing the cost of repairs to its roof.\n\n"
            "Residents have collected two thousand signatures against the closure.\n")
    article = parse(page)
    assert article.title == "Council votes to close the Lindley library"
    assert article.published == "2022-09-19T09:30"


def test_a_publishdate_label_gives_the_story_date():
    page = ("Code 190596\nPublishDate: Saturday, July 28, 2018 10:21\n\n"
            "Ferry talks will continue next week, union says\n\n"
            "Talks on ending the strike would continue at a higher level next week, the union's leader "
            "said on Saturday.\n\nThe ferries have not sailed for nine days.\n")
    assert parse(page).published == "2018-07-28T10:21"


def test_a_pop_up_appeal_closed_by_its_buttons_leaves_the_story_under_it():
    page = ("Ferry talks collapse in Lindley\n\nUnion seeks arbitration.\n\nJuly 26, 2007 00:42\n\n"
            "Dear Reader,\n\nMore people are reading the Lindley Courier than ever before.\n\n"
            "For $5 a month you will receive a paper free of ads.\n\nThank you,\n\n"
            "UPGRADE YOUR COURIER EXPERIENCE FOR 5$ PER MONTH Show me later Don't show it again\n\n"
            "Talks between the ferry union and the harbour board collapsed on Wednesday, the union's leader "
            "Ann Okafor said.\n\n"
            "\"We have been patient for nine days and the board has not moved,\" Okafor said.\n")
    article = parse(page)
    assert any("collapsed on Wednesday" in p for p in article.paragraphs)
    assert not any("Dear Reader" in p or "Show me later" in p for p in article.paragraphs)


def test_an_ad_free_prompt_between_the_lead_and_the_body_is_not_the_title():
    page = ("Continue on Courier App\nOpen App\nOPEN APP\n\n"
            "Lindley non-committal on ferry talks with Ann Okafor\n\n"
            "LINDLEY: The council on Thursday remained non- committal about holding talks with the ferry "
            "union's leader\n\nAnn Okafor\n\nduring the harbour conference which she will attend in\n\n"
            "Portville\n\nnext week.\n\nTired of too many ads?go ad free now\n"
            "Incidentally, the harbour master, who is ill, will not attend the two-day meeting on December 3 "
            "and 4.\n\nThe council's spokesman told a weekly briefing that the programme was still "
            "evolving.\n")
    assert parse(page).title == "Lindley non-committal on ferry talks with Ann Okafor"


def test_a_live_page_s_glued_skip_links_and_first_published_date_give_way_to_its_headline():
    page = ("Skip to main contentSkip to navigationSkip to key events\n\n"
            "Harbour strike talks: union and board agree a deal – as it happened\n\n"
            "Live coverage from Lindley, as the ferry union and the harbour board prepare to sign a deal on "
            "pay and hours after nine days of strikes\n\n"
            "Sat 12 Dec 2015 15.32 ESTFirst published on Sat 12 Dec 2015 03.51 EST\n\n"
            "Live feed\n\nKey events\n\n"
            "Union chief: deal a success for the crews\n\nStaff Writer\nStaff Writer\n\n"
            "Ann Okafor, the union's leader, said the deal was a success for the crews who had held out.\n")
    article = parse(page)
    assert article.title == "Harbour strike talks: union and board agree a deal – as it happened"
    assert article.published == "2015-12-12T15:32"
    assert article.published_text == "Sat 12 Dec 2015 15.32 EST"


@pytest.mark.parametrize("line, iso", [("10:06 am on 4 September 2017", "2017-09-04T10:06"),
                                       ("November 29, 2012 8:58 by", "2012-11-29T08:58")])
def test_a_time_before_on_and_a_byline_s_by_do_not_hide_the_date(line, iso):
    article = parse(f"Ferry strike ends after nine days\n\n{line}\n\nAnn Okafor\n\n"
                    "The ferry strike in Lindley ended on Monday after the union and the harbour board "
                    "agreed a deal on pay.\n\n"
                    "The ferries will sail again on Tuesday.\n")
    assert article.published == iso


def test_accessibility_links_and_a_breaking_news_label_do_not_hide_a_question_headline():
    page = ("Accessibility links\n\nBreaking News\n\nWhat Happened To The Lindley Ferry Talks?\n\n"
            "According to a statement from the harbour board on March 10, the union's leader Ann Okafor was "
            "supposed to meet the board on March 10 and 11.\n\n"
            "But Okafor never showed up, and the union's spokesman said she was ill.\n")
    assert parse(page).title == "What Happened To The Lindley Ferry Talks?"


@pytest.mark.parametrize("line, outlet", [("By Lindleypress", "Lindleypress"), ("By Staff", None)])
def test_a_byline_of_one_agency_name_is_the_outlet_but_a_byline_of_staff_is_not(line, outlet):
    page = (f"Ferry talks collapse in Lindley\n\n{line}\nPublished : Sept 19, 2022 - 09:30\n\n"
            "LINDLEY -- The ferry talks collapsed on Monday, the union said.\n\n"
            "The board will meet again next week.\n")
    assert parse(page).outlet == outlet


def test_share_prompts_pagination_and_a_donation_banner_are_not_the_title():
    shared = parse("Skip to main content\n\nLindley ferry union and harbour board sign a pay deal\n\n"
                   "Posted , updated\nAnn Okafor speaks at the signing in Lindley\n"
                   "Ann Okafor speaks at the signing in Lindley.(AFP/GETTY)\n"
                   "Help keep family & friends informed by sharing this article\n\n"
                   "The ferry union and the harbour board signed a pay deal on Friday after nine days of "
                   "strikes in Lindley.\n\nThe ferries will sail again on Saturday.\n")
    assert shared.title == "Lindley ferry union and harbour board sign a pay deal"
    paged = parse("Share this story\nClose X\nSwitch to Desktop Site\n\n"
                  "Board rejects ferry deal. Is it now dead?\n\nNext Previous\n\nPage 2 of 3\n\n"
                  "About these ads\n\nThe harbour board on Tuesday rejected the deal the union had agreed "
                  "with the town council, the board's chairman said.\n\nTalks will resume next week.\n")
    assert paged.title == "Board rejects ferry deal. Is it now dead?"
    banner = parse("LINDLEY24 - Make a charitable donation in support of the ferry crews!\n\n"
                   "Ferry union calls for more talks with the board\n\n"
                   "The ferry union on Sunday called on the harbour board to hold more talks on pay.\n\n"
                   "Its leader said the crews were ready to meet at any time.\n")
    assert banner.title == "Ferry union calls for more talks with the board"


def test_a_date_above_the_headline_later_than_the_story_s_copyright_is_the_day_of_viewing():
    page = ("Sunday September 29th, 2024 12:22AM\n\nFerry union chief rejects talks\n\n"
            "By Lindley Wire\nLINDLEY (LW) -- The ferry union's leader rejected an invitation for talks with "
            "the harbour board on Tuesday.\n\nThe board said it would try again next week.\n\n"
            "© 2008 Lindley Wire. All rights reserved.\n© Copyright 2024 Lindley Radio\n")
    article = parse(page)
    assert article.title == "Ferry union chief rejects talks"
    assert article.published is None


def test_a_caption_printed_twice_with_the_photographer_glued_on_is_not_the_title():
    page = ("Mayor at the harbour opening, today\n"
            "Mayor at the harbour opening, todayJo Kessler\n\n"
            "Mayor Ana Ruiz opened the new harbour wall this morning after two years of building work and "
            "three winters of flooding in the old town.\n\n"
            "The wall cost twelve million and should hold back the highest tides for fifty years.\n")
    article = parse(page)
    assert article.title is None
    assert article.paragraphs[0].startswith("Mayor Ana Ruiz opened")


def test_a_numbered_list_of_skip_links_is_not_the_title():
    page = ("1. Content\n  2. Navigation\n  3. More content\n  4. Search\n  5. Choose from 12 languages\n\n\n"
            "Harbour board approves the new ferry terminal\n\n"
            "The harbour board approved the new ferry terminal on Wednesday night after three years of "
            "objections from residents of the old town.\n\n"
            "1. The terminal opens in two years.\n")
    article = parse(page)
    assert article.title == "Harbour board approves the new ferry terminal"
    assert article.paragraphs[-1] == "1. The terminal opens in two years."


def test_a_one_word_section_and_its_topic_between_pipes_are_neither_the_title_nor_the_outlet():
    page = ("Politics | Harbour Town Council\n\n"
            "Harbour mayor admits ministers are right to be concerned about the council\n\n"
            "The mayor of Harbour Town said on Tuesday that ministers were right to be concerned after "
            "threats of intervention in the council's affairs.\n\n"
            "The council meets again on Thursday.\n")
    article = parse(page)
    assert article.title == "Harbour mayor admits ministers are right to be concerned about the council"
    assert article.outlet is None


def test_a_day_in_the_dateline_brackets_is_its_date_not_an_agency():
    article = parse("Leaders meet at the regional summit\n\n"
                    "KUALA LUMPUR (May 10): Prime Minister Anwar Ibrahim held talks with four leaders on "
                    "bilateral ties at the summit today.\n\nThe talks covered trade and education.\n")
    assert article.outlet is None
    assert article.published_text == "May 10"


def test_a_date_line_followed_by_the_pages_links_dates_the_story_in_full():
    article = parse("Study: Harbour belief blows hot and cold\n\n"
                    "Feb. 5, 2013 at 3:15 PM   |   Comments\n\n"
                    "LINDLEY, Feb. 5 (UPI) -- Residents' belief in the harbour plan goes where the weather "
                    "goes, researchers say.\n\nThe study covered twenty years of polls.\n")
    assert article.published == "2013-02-05T15:15"


def test_a_page_title_cut_short_above_the_full_headline_is_not_the_title():
    page = ("Harbour navies hold joint drills\n\n"
            "Harbour navies hold joint drills in the Lindley Sea\n\n"
            "The navies of the two harbours carried out a series of drills in the Lindley Sea on Saturday, "
            "the coastguard said.\n\nThe drills lasted two days.\n")
    assert parse(page).title == "Harbour navies hold joint drills in the Lindley Sea"


def test_a_headline_that_the_lead_goes_on_from_stays_the_title():
    page = ("Harbour navies hold joint drills\n\n"
            "Harbour navies hold joint drills in the Lindley Sea on Saturday, the coastguard said, as the "
            "two fleets practised rescues.\n\nThe drills lasted two days.\n")
    assert parse(page).title == "Harbour navies hold joint drills"


@pytest.mark.parametrize("head, outlet", [("The Lindley Age | News", None), ("UNN | Kyiv", "UNN")])
def test_a_sites_name_and_one_section_word_between_pipes_is_no_title_but_an_agency_and_place_credit(
        head, outlet):
    page = (f"{head}\n\nHarbour board approves the new ferry terminal\n\n"
            "The harbour board approved the new ferry terminal on Wednesday night after three years of "
            "objections from residents.\n\nWork is due to begin in the spring.\n")
    article = parse(page)
    assert article.title == "Harbour board approves the new ferry terminal"
    assert article.outlet == outlet


SITE_DATE_ABOVE_A_WIRE_STORY = """The Harbour Post

October 1, 2023

Presidents of two neighbours confirm good relations

Santiago, Nov 27 (Tidewire).- The presidents of the two countries met here Tuesday to confirm the health \
of bilateral relations and sign a series of agreements.

"Our relations have never been better," the host president said after the signing.
"""


def test_the_dateline_s_day_wins_over_a_site_date_above_the_headline_that_is_another_day():
    article = parse(SITE_DATE_ABOVE_A_WIRE_STORY)
    assert (article.published, article.published_text) == (None, "Nov 27")
    same_day = parse(SITE_DATE_ABOVE_A_WIRE_STORY.replace("October 1", "November 27"))
    assert same_day.published == "2023-11-27"


@pytest.mark.parametrize("caption", [
    "Spokesperson Hana Qureshi briefing the press in Islamabad on May 18. — Screengrab/Ministry of Foreign "
    "Affairs Islamabad",
    "Deputy Minister Lee Min-su meets with reporters in Washington DC on the 5th. /Courtesy of News1",
])
def test_a_caption_ending_in_a_screengrab_or_courtesy_credit_is_not_the_title(caption):
    article = parse(f"{caption}\n\nISLAMABAD: The spokesperson said on Friday that talks would resume.\n\n"
                    "“We are ready,” she said.\n")
    assert article.title != caption
    assert caption not in article.paragraphs


def test_the_cut_off_end_of_a_tag_above_the_headline_is_dropped():
    article = parse('French President Marc Lune and US President Ray Dunn gave a joint press conference on '
                    'Thu" />\n\nUS friendship with France ‘unbreakable’, Dunn says on Paris visit\n\n'
                    "Marc Lune and Ray Dunn gave a joint press conference on Thursday.\n\n"
                    "“Our friendship is unbreakable,” Dunn said after the talks.\n")
    assert article.title == "US friendship with France ‘unbreakable’, Dunn says on Paris visit"


@pytest.mark.parametrize("caption", [
    "Cathaoirleach, Cllr Philip Brady (FF) confirmed the meeting.",
    "Councillor Sean Choat at Savages Crossing.\nCouncillor Sean Choat at Savages Crossing.",
])
def test_a_caption_sentence_over_the_headline_is_not_the_title(caption):
    article = parse(f"{caption}\n\nMinister Ryan to meet council early in New Year\n\n"
                    "Thirteen might be the lucky number for the county council after the minister agreed to "
                    "meet elected members early in the New Year.\n\n“We are delighted,” the chairman said.\n")
    assert article.title == "Minister Ryan to meet council early in New Year"


def test_a_reporter_s_name_run_into_their_job_is_neither_title_nor_outlet():
    glued = parse("PM hails new subs deal as ‘forever partnership’\n\nAndrew Tillett\n"
                  "Andrew TillettForeign affairs, defence correspondent\n\n"
                  "Prime Minister Scott Morrison says the new deal to acquire submarines is the start of a "
                  "“forever partnership”, as he warns defence spending will rise.\n")
    assert glued.title == "PM hails new subs deal as ‘forever partnership’"
    court = parse("Tendai Rupapa Senior Court Reporter\n\nA bid for freedom by a self-proclaimed pastor "
                  "yesterday hit a brick wall after his application was dismissed by a Harare magistrate.\n\n"
                  "“The State should be given another chance,” the magistrate said.\n")
    assert court.outlet is None


def test_a_press_release_label_and_the_issuer_s_name_are_not_the_title():
    article = parse("Foreign Minister Welcomes Potential Ukraine Ceasefire\n\n"
                    "Wednesday, 12 March 2025, 2:13 pm\nPress Release: New Zealand Government\n\n"
                    "Rt Hon Winston Peters\n\nForeign Minister Winston Peters has welcomed the agreement "
                    "reached by Ukraine and the United States on a potential ceasefire.\n\n"
                    "“We congratulate both sides,” Mr Peters said.\n")
    assert article.title == "Foreign Minister Welcomes Potential Ukraine Ceasefire"


def test_a_caption_closed_by_a_picture_number_is_furniture_not_the_headline_or_body():
    caption = ("Health Secretary Jeremy Hunt visited the hospital with local MP Henry Bellingham. "
               "ANL-150129-125214009")
    article = parse(f"Health minister Jeremy Hunt says hospital has a ‘great future’\n\n{caption}\n"
                    f"{caption}\n\nHealth minister Jeremy Hunt says the hospital “has a great future” but it "
                    "will not receive any extra funding.\n\nMr Hunt visited the wards on Friday.\n")
    assert article.title == "Health minister Jeremy Hunt says hospital has a ‘great future’"
    assert caption not in article.paragraphs


def test_a_headline_over_a_bare_byline_and_date_is_the_title_not_the_standfirst_under_them():
    article = parse("Subscribe For Free\n\nGoogle and HTC announce cooperation agreement\n\n"
                    "Elliot Mulley-Goodbarne\nSeptember 21, 2017\n\n"
                    "Agreement comes after HTC stocks stopped trading last night\n\n"
                    "Google and HTC have announced a cooperation agreement worth $1.1 billion that will see "
                    "HTC staff move across to Google.\n\nThe staff will work on the Pixel smartphone.\n")
    assert article.title == "Google and HTC announce cooperation agreement"
    assert article.published == "2017-09-21"


def test_a_date_under_the_search_link_above_the_headline_is_the_top_bar_s_not_the_story_s():
    article = parse("Search\n\n08 Sept 2025\n\n"
                    "Councillors tell police of anger at minister's 'secret' visit\n\n"
                    "COUNCILLORS in one district have expressed their distaste at the secrecy surrounding "
                    "the minister’s visit to unveil a new police station.\n\n"
                    "“It was kept quiet,” one councillor said.\n")
    assert (article.published, article.published_text) == (None, None)
