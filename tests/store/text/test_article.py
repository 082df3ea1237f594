"""Parsing whole articles scraped from different outlets: body, title, outlet, date, byline, dateline."""

import pytest

from clipdesk.store.text.article import NotAnArticle, article_id, parse_article
from clipdesk.store.text.quotes import extract_quotes

REUTERS = """Skip to main content
Exclusive news, data and analytics for financial market professionals
World
Europe
Britain and Norway agree to deepen Arctic defence cooperation
By Andrew MacAskill and Gwladys Fouche
February 12, 2025 6:41 PM GMT
Updated 2 hours ago

LONDON, Feb 12 (Reuters) - Britain and Norway agreed on Wednesday to deepen defence cooperation in \
the Arctic, British Defence Secretary John Healey said, as both countries seek to counter Russian \
submarine activity in the North Atlantic.

"We face a new era of threat and we must meet it together," Healey told reporters after talks with \
his Norwegian counterpart Tore O. Sandvik.

Sign up here.

The agreement covers joint patrols and the sharing of intelligence on Russian naval movements, \
according to a statement from the Ministry of Defence.

Sandvik said Norway would buy at least five British-built frigates over the next decade.

Reporting by Andrew MacAskill in London and Gwladys Fouche in Oslo; Editing by Mark Heinrich

Our Standards: The Thomson Reuters Trust Principles., opens new tab

Suggested Topics:
Europe
Britain
"""

AP = """AP News
World News
Putin says Russia is open to talks with Britain on Arctic security
BY JIM HEINTZ
Updated 3:14 PM GMT, March 4, 2025
Share
MOSCOW (AP) — Russian President Vladimir Putin said Tuesday that Moscow was open to talks with \
Britain on security in the Arctic, but warned that “any attempt to militarize the region will \
meet a response.”
Speaking at a forum in Murmansk, Putin said Russia had no plans to expand its military presence in the region.
“We have never refused dialogue,” Putin said. “But dialogue requires two sides.”
Britain’s Foreign Office did not immediately respond to a request for comment.
___
Associated Press writer Jill Lawless in London contributed to this report.
Copyright 2025 The Associated Press. All rights reserved. This material may not be published, \
broadcast, rewritten or redistributed without permission.
"""

BBC = """Skip to content
British Broadcasting Corporation
Home
News
UK defence secretary visits Kyiv as allies weigh peacekeeping plan
3 March 2025
Share
Save
Jonathan Beale
Defence correspondent
Image source, Getty Images
Image caption, John Healey met Ukrainian soldiers during his visit
The UK defence secretary has arrived in Kyiv for talks on a possible European peacekeeping force, \
as allies race to agree a plan before a summit in London.
John Healey said Britain was "ready to play its part" in securing any ceasefire.
"Ukraine's security is our security," he told the BBC.
Related
Starmer to host European leaders for Ukraine talks
What could a peacekeeping force look like?
Officials in Kyiv said the visit had not been announced in advance for security reasons.
Copyright 2025 BBC. All rights reserved. The BBC is not responsible for the content of external \
sites. Read about our approach to external linking.
"""

GUARDIAN = """Russia
Ukraine war
Kremlin rejects UK proposal for Black Sea ceasefire monitoring
Moscow says British plan would ‘legitimise Nato presence’ as talks on maritime truce stall
Pjotr Sauer in Moscow
Tue 11 Mar 2025 14.05 GMT
The Kremlin has rejected a British proposal for international monitors to oversee a ceasefire in \
the Black Sea, saying the plan would legitimise a Nato presence on Russia’s doorstep.
“We see no need for any outside monitors,” the Kremlin spokesperson, Dmitry Peskov, told reporters on Tuesday.
Sign up to First Edition, our free daily newsletter – every weekday morning at 7am GMT
Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by \
outside parties. For more information see our “Privacy Policy”.
after newsletter promotion
British officials said the proposal remained on the table and would be discussed with Kyiv next week.
Explore more on these topics
Russia
Ukraine
Share
Reuse this content
© 2025 Guardian News & Media Limited or its affiliated companies. All rights reserved.
"""

AL_JAZEERA = """News|Russia-Ukraine war
UK and France propose one-month partial truce in Ukraine
Macron says the truce would cover air, sea and energy infrastructure but not fighting on the ground.
Listen to this article
|
4 mins
Published On 2 Mar 2025
Britain and France have proposed a one-month truce in Ukraine that would cover attacks by air and \
sea and on energy infrastructure, French President Emmanuel Macron has said.
“What we are proposing is a truce in the air, at sea and on energy infrastructure,” Macron told Le Figaro.
British Prime Minister Keir Starmer said no agreement had yet been reached on what a truce would look like.
Follow Al Jazeera English on Telegram
Source: Al Jazeera and news agencies
"""

INTERFAX = """Interfax
All news
Lavrov says Moscow ready to discuss Arctic cooperation with London
MOSCOW. Jan 27 (Interfax) - Russian Foreign Minister Sergei Lavrov said Moscow was ready to resume \
a dialogue with London on Arctic cooperation if Britain "showed genuine interest."
"We have never closed the door," Lavrov said at a press conference in Moscow.
The British Foreign Office has not commented on the remarks.
Tags: Russia, Great Britain, Arctic
"""

KYIV_INDEPENDENT = """Ukraine war latest
UK to train more Ukrainian pilots, Healey says
by Martin Fornusek
March 3, 2025 6:02 PM
2 min read
This audio is created with AI assistance
The U.K. will expand its training program for Ukrainian fighter pilots, Defense Secretary John Healey \
said on March 3 during a visit to a training base in England.
"Ukraine's pilots are among the bravest in the world," Healey said.
The program has trained more than 300 pilots since 2023, according to the Defense Ministry.
Note from the author:
Hi, this is Martin. Thank you for reading. We are a team of "independent" journalists.
Become a member
"""

POLITICO = """POLITICO
Healey: Trump can bring Putin to the table
The UK defense secretary said no one else can end the war.
By Esther Webber
November 5, 2025 4:08 pm CET
3 Minute Read
LONDON — Donald Trump is the only leader who can bring Vladimir Putin to the negotiating table, \
U.K. Defense Secretary John Healey said Wednesday.
“He is the figure who can deliver an end to the fighting,” Healey told POLITICO.
Sign up for the London Playbook newsletter and get “the best briefing” in your inbox
Healey spoke after a meeting of the Joint Expeditionary Force in Norway.
"""

TASS = """WORLD
Share
Russia, UK hold consultations on strategic stability — MFA
According to the diplomat, the parties discussed a wide range of issues
Read in Russian
MOSCOW, March 14. /TASS/. Russian Deputy Foreign Minister Sergei Ryabkov held consultations with UK \
officials on strategic stability, the Russian Foreign Ministry said on Friday.
"The sides had a frank exchange of views," the ministry said in a statement.
Read also
Lavrov: Russia will respond to any UK provocations
The consultations were the first such meeting in three years.
Tags
Russia-UK relations
"""

CNN = """CNN
Britain to send tanks to Ukraine, Sunak tells Zelensky
By Luke McGee, CNN
Updated 9:02 AM EST, Sun January 15, 2023
London CNN —
Britain will send Challenger 2 tanks to Ukraine, Prime Minister Rishi Sunak told Ukrainian President \
Volodymyr Zelensky in a phone call on Saturday.
“The Prime Minister outlined the UK’s ambition to intensify our support to Ukraine,” Downing Street said.
CNN’s Sarah Dean contributed reporting.
Get our free Meanwhile in America newsletter
"""

RT = """HomeWorld News
UK playing ‘dangerous game’ – Kremlin
Dmitry Peskov has warned London against supplying long-range missiles to Kiev
UK playing ‘dangerous game’ – Kremlin
FILE PHOTO. Kremlin spokesman Dmitry Peskov. © Sputnik / Vyacheslav Prokofyev
The UK is playing a “dangerous game” by supplying Ukraine with long-range missiles, Kremlin spokesman \
Dmitry Peskov has said.
“This is a very dangerous game,” he added.
READ MORE: UK confirms Storm Shadow deliveries to Ukraine
The British Defense Ministry confirmed last week that it had delivered the missiles.
You can share this story on social media:
"""

DW = """Conflicts
UK's Healey: Russia is 'in a position of weakness'
Healey says Moscow should not read US talks as victory. The UK defense secretary spoke in Brussels.
https://p.dw.com/p/4qX1a
British Defense Secretary John Healey spoke on the sidelines of a NATO meeting
Image: Virginia Mayo/AP/picture alliance
British Defense Secretary John Healey said on Thursday that Russia was "in a position of weakness."
"Ukraine must be involved," Healey told reporters.
The remarks came a day after US President Donald Trump spoke with Russian President Vladimir Putin.
dh/rm (Reuters, AP)
Send us your feedback
"""

GUARDIAN_PAGE = """Skip to main content
Skip to navigation
Print subscriptions
Sign in
Europe edition
The Guardian - Back to homepage
News
Opinion
Sport
World
Europe
Russia
This article is more than 1 year old
UK and Norway sign pact to hunt Russian submarines
Joint patrols in the North Atlantic will track the ‘shadow fleet’, ministers say
Dan Sabbagh Defence and security editor
Thu 4 Dec 2025 10.00 GMT
Share
Britain and Norway will jointly hunt Russian submarines in the North Atlantic under a pact signed on \
Thursday, the two countries’ defence ministers said.
“Our navies will work as one,” said the UK defence secretary, John Healey.
Explore more on these topics
Most viewed
Zelensky says “peace is close” after talks in Berlin
"""

AP_PAGE = """Menu
World
Politics
Search Query
Submit Search
UK and France agree to share the burden of Ukraine guarantees
BY JILL LAWLESS AND SYLVIE CORBET
Updated 11:02 AM GMT, December 4, 2025

Share
Facebook
Copy
Link copied
Email
Read More
LONDON (AP) — Britain and France agreed Thursday to share the cost of security guarantees for \
Ukraine, the two governments said.

“We stand together,” French President Emmanuel Macron said.

Both leaders will meet again next month in Paris.
"""


def parse(text, sidecar=None):
    return parse_article(text, "story.txt", sidecar)


def test_reuters_story_keeps_body_drops_furniture_and_reads_metadata():
    article = parse(REUTERS)
    assert article.title == "Britain and Norway agree to deepen Arctic defence cooperation"
    assert article.outlet == "Reuters"
    assert article.byline == "Andrew MacAskill and Gwladys Fouche"
    assert article.published == "2025-02-12T18:41"
    assert article.dateline == "London"
    assert article.paragraphs[0].startswith("LONDON, Feb 12 (Reuters) - Britain and Norway agreed")
    assert article.paragraphs[-1].startswith("Sandvik said Norway")
    assert len(article.paragraphs) == 4
    body = " ".join(article.paragraphs)
    assert "Sign up" not in body and "Reporting by" not in body and "Trust Principles" not in body


def test_closing_reporting_credit_is_the_byline_when_there_is_no_by_line():
    article = parse(REUTERS.replace("By Andrew MacAskill and Gwladys Fouche\n", ""))
    assert article.byline == "Andrew MacAskill and Gwladys Fouche"
    assert article.title == "Britain and Norway agree to deepen Arctic defence cooperation"


def test_ap_story_reads_agency_dateline_and_time_first_date():
    article = parse(AP)
    assert article.title == "Putin says Russia is open to talks with Britain on Arctic security"
    assert article.outlet == "Associated Press"
    assert article.byline == "Jim Heintz"
    assert article.published == "2025-03-04T15:14"
    assert article.dateline == "Moscow"
    assert article.paragraphs[0].startswith("MOSCOW (AP) — Russian President Vladimir Putin")
    assert article.paragraphs[-1] == (
        "Britain’s Foreign Office did not immediately respond to a request for comment.")
    assert not any("contributed to this report" in p or "Copyright" in p for p in article.paragraphs)


def test_bbc_story_drops_image_captions_and_related_teasers():
    article = parse(BBC)
    assert article.title == "UK defence secretary visits Kyiv as allies weigh peacekeeping plan"
    assert article.outlet == "BBC"
    assert article.published == "2025-03-03"
    assert article.standfirst is None
    assert article.paragraphs == (
        "The UK defence secretary has arrived in Kyiv for talks on a possible European peacekeeping force, "
        "as allies race to agree a plan before a summit in London.",
        'John Healey said Britain was "ready to play its part" in securing any ceasefire.',
        '"Ukraine\'s security is our security," he told the BBC.',
        "Officials in Kyiv said the visit had not been announced in advance for security reasons.",
    )


def test_guardian_story_has_standfirst_reporter_and_drops_newsletter_promotion():
    article = parse(GUARDIAN)
    assert article.title == "Kremlin rejects UK proposal for Black Sea ceasefire monitoring"
    assert article.standfirst.startswith("Moscow says British plan would ‘legitimise Nato presence’")
    assert article.byline == "Pjotr Sauer"
    assert article.published == "2025-03-11T14:05"
    assert article.outlet == "The Guardian"
    assert [p[:20] for p in article.paragraphs] == [
        "The Kremlin has reje", "“We see no need for ", "British officials sa"]


def test_al_jazeera_story_takes_outlet_from_its_source_line():
    article = parse(AL_JAZEERA)
    assert article.title == "UK and France propose one-month partial truce in Ukraine"
    assert article.standfirst.startswith("Macron says the truce")
    assert article.outlet == "Al Jazeera"
    assert article.published == "2025-03-02"
    assert article.paragraphs[0].startswith("Britain and France have proposed")
    assert article.paragraphs[-1].startswith("British Prime Minister Keir Starmer")
    assert not any("Follow" in p or "Source" in p for p in article.paragraphs)


def test_interfax_day_without_year_stays_partial():
    article = parse(INTERFAX)
    assert article.outlet == "Interfax"
    assert article.dateline == "Moscow"
    assert article.published is None
    assert article.published_text == "Jan 27"
    assert article.title == "Lavrov says Moscow ready to discuss Arctic cooperation with London"
    assert len(article.paragraphs) == 3
    assert not any(p.startswith("Tags") for p in article.paragraphs)


def test_kyiv_independent_author_note_and_membership_appeal_are_cut():
    article = parse(KYIV_INDEPENDENT)
    assert article.title == "UK to train more Ukrainian pilots, Healey says"
    assert article.byline == "Martin Fornusek"
    assert article.standfirst is None  # what sits under the byline and date is not a standfirst
    assert article.published == "2025-03-03T18:02"
    assert article.paragraphs[-1].startswith("The program has trained")
    assert not any("independent" in p for p in article.paragraphs)


def test_politico_story_with_standfirst_and_no_outlet_cue():
    article = parse(POLITICO)
    assert article.title == "Healey: Trump can bring Putin to the table"
    assert article.standfirst == "The UK defense secretary said no one else can end the war."
    assert article.byline == "Esther Webber"
    assert article.published == "2025-11-05T16:08"
    assert article.dateline == "London"
    assert article.outlet is None
    assert len(article.paragraphs) == 3
    assert not any("best briefing" in p for p in article.paragraphs)


def test_tass_story_keeps_the_paragraph_after_a_related_headline():
    article = parse(TASS)
    assert (article.outlet, article.dateline, article.published_text) == ("TASS", "Moscow", "March 14")
    assert article.standfirst == "According to the diplomat, the parties discussed a wide range of issues"
    assert article.paragraphs[-1] == "The consultations were the first such meeting in three years."
    assert not any("Lavrov" in p or "Read" in p for p in article.paragraphs)
    assert len(article.paragraphs) == 3


def test_cnn_dateline_on_its_own_line_runs_into_the_lead():
    article = parse(CNN)
    assert (article.outlet, article.dateline, article.byline) == ("CNN", "London", "Luke McGee")
    assert article.published == "2023-01-15T09:02"
    assert article.paragraphs[0].startswith("London CNN — Britain will send Challenger 2 tanks")
    assert len(article.paragraphs) == 2


def test_repeated_headline_and_photo_credit_do_not_become_standfirst_or_body():
    article = parse(RT)
    assert article.title == "UK playing ‘dangerous game’ – Kremlin"
    assert article.standfirst == (
        "Dmitry Peskov has warned London against supplying long-range missiles to Kiev")
    assert [p[:12] for p in article.paragraphs] == ["The UK is pl", "“This is a v", "The British "]


def test_standfirst_set_above_a_picture_is_not_body():
    article = parse(DW)
    assert article.standfirst.startswith("Healey says Moscow should not read US talks")
    assert article.paragraphs[0].startswith("British Defense Secretary John Healey said on Thursday")
    assert len(article.paragraphs) == 3


def test_a_lead_directly_under_the_headline_stays_in_the_body():
    text = ("Russia and UK expel diplomats\n"
            "Russia has ordered a British diplomat to leave, days after the UK expelled an attaché.\n"
            "The Foreign Office called the move \"baseless\".\n"
            "Russia's foreign ministry said it had \"irrefutable evidence\" of spying.\n")
    article = parse(text)
    assert article.title == "Russia and UK expel diplomats"
    assert article.standfirst is None
    assert article.paragraphs[0].startswith("Russia has ordered a British diplomat")
    assert len(article.paragraphs) == 3


def test_a_site_name_after_the_headline_names_the_outlet():
    article = parse("Putin warns UK over long-range missiles | The Moscow Times\n"
                    "Vladimir Putin warned Britain on Tuesday against sending long-range missiles.\n"
                    "“This would be a direct escalation,” Putin told reporters in the Kremlin.\n")
    assert article.title == "Putin warns UK over long-range missiles"
    assert article.outlet == "The Moscow Times"


def test_a_full_guardian_page_copy_keeps_the_headline_not_the_age_warning():
    article = parse(GUARDIAN_PAGE)
    assert article.title == "UK and Norway sign pact to hunt Russian submarines"
    assert article.standfirst.startswith("Joint patrols in the North Atlantic")
    assert article.published == "2025-12-04T10:00"
    assert [p[:20] for p in article.paragraphs] == ["Britain and Norway w", "“Our navies will wor"]


def test_a_read_more_button_above_the_lead_does_not_hide_it():
    article = parse(AP_PAGE)
    assert article.title == "UK and France agree to share the burden of Ukraine guarantees"
    assert article.byline == "Jill Lawless and Sylvie Corbet"
    assert (article.outlet, article.dateline, article.published) == (
        "Associated Press", "London", "2025-12-04T11:02")
    assert article.paragraphs[0].startswith("LONDON (AP) — Britain and France agreed Thursday")
    assert len(article.paragraphs) == 3


def test_sidecar_fills_what_the_text_lacks_but_never_overrides_it():
    sidecar = {"url": "https://example.org/a", "outlet": "Politico Europe", "title": "Other title",
               "published": "2025-11-06"}
    article = parse(POLITICO, sidecar)
    assert article.url == "https://example.org/a"
    assert article.outlet == "Politico Europe"
    assert article.title == "Healey: Trump can bring Putin to the table"
    assert article.published == "2025-11-05T16:08"
    reuters = parse(REUTERS, {"outlet": "Somebody Else", "url": "https://example.org/r"})
    assert reuters.outlet == "Reuters" and reuters.url == "https://example.org/r"


def test_sidecar_date_completes_a_day_written_without_a_year():
    assert parse(INTERFAX, {"published": "2025-01-27T10:30"}).published == "2025-01-27T10:30"
    assert parse(INTERFAX, {"published": "2025-01-28"}).published == "2025-01-27"
    assert parse(INTERFAX, {"published": "sometime"}).published is None


def test_kicker_above_the_headline_and_sidecar_title_pick_the_headline():
    text = ("Russia-Ukraine war live updates\n"
            "Kremlin says London talks are a waste of time\n"
            "Moscow dismisses the UK initiative as theatre\n"
            "Kremlin spokesman Dmitry Peskov said on Monday that talks in London were pointless.\n"
            "“It is theatre,” Peskov told reporters.\n")
    assert parse(text).title == "Kremlin says London talks are a waste of time"
    named = parse(text.replace("war live updates", "war: live updates from Kyiv and London"),
                  {"title": "Kremlin says London talks are a  waste of time"})
    assert named.title == "Kremlin says London talks are a waste of time"
    assert named.standfirst == "Moscow dismisses the UK initiative as theatre"
    assert named.paragraphs[0].startswith("Kremlin spokesman Dmitry Peskov said")


def test_sidecar_title_used_when_the_text_has_none():
    text = INTERFAX.split("\n", 3)[3]  # the story without its headline
    assert parse(text).title is None
    assert parse(text, {"title": "Lavrov on the Arctic"}).title == "Lavrov on the Arctic"


def test_unknown_metadata_stays_none():
    article = parse("Officials met in Geneva on Tuesday to discuss a ceasefire, diplomats said.\n"
                    "\"We made progress,\" one of them said.")
    assert (article.title, article.outlet, article.published, article.published_text, article.byline,
            article.dateline, article.standfirst, article.url) == (None,) * 8
    assert len(article.paragraphs) == 2


def test_nothing_article_like_is_not_an_article():
    for text in ("", "   \n\n", "Share\nPrint\nCopy link\nSubscribe\n© 2025 Example News",
                 "\x00\x01\x02binary\x00\x00" * 50, "#### %%%% 1234 //// ++++ " * 40):
        with pytest.raises(NotAnArticle):
            parse(text)


def test_the_same_text_is_the_same_id():
    assert article_id(REUTERS) == article_id(REUTERS + "\n\n") != article_id(AP)
    assert parse(REUTERS).id == article_id(REUTERS)


def test_a_note_in_brackets_over_a_statement_is_not_its_title_and_the_lead_in_names_the_speaker():
    article = parse(
        "(Communicated by the Prime Minister's Media Adviser)\n"
        "Prime Minister Dana Orev, this morning, at the start of the weekly Cabinet meeting, made the"
        " following remarks:\n"
        '"Today the Cabinet will discuss a plan to increase cooperation with our neighbours in the region.'
        " We will also discuss the budget for next year, which the finance minister will present.\n")
    assert article.title is None
    assert [q.speaker for q in extract_quotes(article)] == ["Dana Orev"]


def test_a_source_line_with_the_date_under_the_headline_dates_the_story_of_its_dateline_s_day():
    article = parse(
        "Western countries need to understand Africa's ties with China, says Kenyan official\n"
        "                 Source: Xinhua | 2018-03-29 20:48:37 | Editor: huaxia\n\n"
        "NAIROBI, March 29 (Xinhua) -- A senior Kenyan official has urged Western countries to understand"
        " the relationship first, calling the criticism of Chinese loans to Africa unwarranted.\n\n"
        "The loans have transformed the region's railways and roads, the official told a forum.\n")
    assert article.published_text == "2018-03-29 20:48:37"
    assert article.published is not None and article.published.startswith("2018-03-29")


@pytest.mark.parametrize("page_title, title", [
    ("Defence minister visits troops in Latvia – Politics", "Defence minister visits troops in Latvia"),
    ("Talks must include everyone - Fidan", "Talks must include everyone - Fidan"),
])
def test_a_site_section_after_a_dash_is_cut_from_the_title_but_a_speaker_s_name_is_not(page_title, title):
    article = parse(f"{page_title}\n\nThe minister spent Christmas Eve with the soldiers at the base, the"
                    " ministry said on Sunday.\n\nHe thanked them for their service far from home.\n")
    assert article.title == title


def test_a_bulleted_link_under_the_lead_is_not_the_title():
    article = parse(
        "GREEN BAY, Wis. (WXYZ 5) -- Nearly three months after a jury found John Doe guilty of killing his"
        " wife, the 75-year old man from Pittsfield was sentenced to life in prison without parole.\n"
        "BACKGROUND\n- John Doe homicide trial verdict: Guilty\n"
        "- MAN ACCUSED OF MURDERING WIFE EIGHT YEARS AGO CONVICTED OF MURDER\n"
        '"It has been a very long eight years," a daughter of the victim said during the hearing.\n'
        "It has been eight years filled with questions, and the family finally has some answers.\n"
        '"The court will impose a sentence of life in the state prison system," the judge said.\n'
        "Prosecutors said he killed his wife to start an affair with his old girlfriend that year.\n"
        "The body was never found. At the sentencing, her daughters begged him for answers.\n")
    assert article.title is None


def test_a_dotted_date_and_a_line_of_places_under_the_headline_are_no_headline():
    article = parse("Mayoral Candidates Open Their Campaigns\n"
                    "2022.02.08\n"
                    "Santa Maria and Naga, Philippines\n"
                    "Candidates fanned out across the region on Tuesday to court votes before the May poll.\n"
                    "“We will win this city back,” the former mayor told a crowd of supporters.\n")
    assert article.title == "Mayoral Candidates Open Their Campaigns"
    assert article.published == "2022-02-08"
    assert article.paragraphs[0].startswith("Candidates fanned out")


def test_a_mastheads_staff_credits_above_the_headline_are_no_headline():
    article = parse("Supervisor Hala Nasser\n"
                    "Editor in Chief Omar Fathy\n\n"
                    "Oskia and Farland to Pursue 'More Complex' Joint Drills\n\n\n"
                    "Sat 10 Dec 2022 | 09:36 PM\n"
                    "Salma Adel\n\n"
                    "On Friday, Oskia's defence minister said the two would hold more complex drills.\n"
                    "“We will train together more often,” the minister told reporters after the meeting.\n")
    assert article.title == "Oskia and Farland to Pursue 'More Complex' Joint Drills"
