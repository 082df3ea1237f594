"""Events: what happened, who took part, where and when, as the article tells it."""

import json

import pytest

from clipdesk.store.ingest import ingest_text
from clipdesk.store.text.events import extract_events, mask_quotations
from clipdesk.store.text.lexicon import sentences
from clipdesk.store.text.model import Article

SEED_002 = "002_3eb661917a67719b.txt"


def article(*paragraphs: str, published: str | None = None, dateline: str | None = None,
            published_text: str | None = None) -> Article:
    return Article(id="x", source="x.txt", paragraphs=paragraphs, published=published,
                   published_text=published_text, dateline=dateline)


def kinds(events) -> list[str]:
    return [e.kind for e in events]


def test_a_reuters_style_meeting_has_participants_place_and_date():
    events = extract_events(article(
        "BERLIN, May 12 (Reuters) - German Chancellor Olaf Scholz met French President Emmanuel Macron "
        "in Berlin on Friday to discuss support for Ukraine, a government spokesman said.",
        published="2023-05-13T10:00:00Z", dateline="Berlin"))
    assert len(events) == 1
    event = events[0]
    assert event.kind == "meeting"
    assert event.participants == ("Olaf Scholz", "Emmanuel Macron")
    assert event.place == "Berlin"
    assert (event.date, event.date_text) == ("2023-05-12", "on Friday")
    assert event.paragraph == 0 and event.summary.startswith("BERLIN, May 12")


def test_surnames_and_pronouns_resolve_to_names_written_earlier():
    events = extract_events(article(
        "Polish Foreign Minister Radoslaw Sikorski arrived in Vilnius on Tuesday.",
        "He held talks with Lithuanian counterpart Gabrielius Landsbergis about air defence.",
        "Later, Sikorski travelled to Riga.",
        published="2024-03-08"))
    talks = next(e for e in events if e.kind == "talks")
    assert talks.participants == ("Radoslaw Sikorski", "Gabrielius Landsbergis")
    visits = [e for e in events if e.kind == "visit"]
    assert {e.place for e in visits} == {"Vilnius", "Riga"}
    assert all(e.participants == ("Radoslaw Sikorski",) for e in visits)
    assert next(e for e in visits if e.place == "Vilnius").date == "2024-03-05"


def test_a_phone_call_mentioned_again_is_one_event_that_gains_the_date():
    events = extract_events(article(
        "Turkish President Recep Tayyip Erdogan told Russian President Vladimir Putin in a phone call that "
        "Ankara was ready to host talks.",
        "The call came days after a drone strike on the port.",
        "Erdogan said in Wednesday's call that the grain deal should be revived.",
        published="2023-09-01"))
    calls = [e for e in events if e.kind == "phone call"]
    assert len(calls) == 1
    assert calls[0].participants[:2] == ("Recep Tayyip Erdogan", "Vladimir Putin")
    assert (calls[0].date, calls[0].date_text) == ("2023-08-30", "Wednesday")


def test_invitations_conferences_summits_and_sanctions_are_kinds_of_their_own():
    events = extract_events(article(
        "On 3 March 2023, Japan's Prime Minister Fumio Kishida sent an invitation to Ukrainian President "
        "Volodymyr Zelensky to attend the summit in Hiroshima.",
        "The European Union on Monday imposed sanctions on three Iranian drone makers.",
        "Defence ministers gathered at a conference in Brussels.",
        published="2023-03-08"))
    assert kinds(events) == ["invitation", "sanctions", "conference"]
    assert events[0].date == "2023-03-03"
    assert events[1].date == "2023-03-06"
    assert events[2].place == "Brussels"


def test_wishes_conditions_and_quoted_words_are_not_events():
    events = extract_events(article(
        "Moscow wants immediate talks with the West, officials said.",
        "Any negotiations must involve Kyiv, the minister said.",
        "\u201cWe will meet them anywhere,\u201d the envoy said.",
        "Critics warned that the talks could collapse.",
        "The minister warned against threatening Russia with sanctions."))
    assert events == []


def test_without_date_words_there_is_no_date_and_without_a_year_no_iso_date():
    events = extract_events(article(
        "Finnish and Swedish defence chiefs met in Stockholm.",
        "On January 17, the Swedish minister visited Helsinki.",
        published_text="January 27"))
    assert (events[0].date, events[0].date_text) == (None, None)
    assert (events[1].date, events[1].date_text) == (None, "On January 17")


def test_relative_days_stay_unresolved_when_the_publication_day_is_unknown():
    events = extract_events(article("Ministers met yesterday in Warsaw."))
    assert (events[0].date, events[0].date_text, events[0].place) == (None, "yesterday", "Warsaw")


def test_a_dateline_places_a_local_event_only_in_the_lead():
    lead = "The foreign ministers met on Thursday."
    assert extract_events(article(lead, dateline="GENEVA"))[0].place == "Geneva"
    late = extract_events(article("Diplomats gathered.", "Officials spoke.", "Aid was sent.", lead,
                                  dateline="GENEVA"))
    assert late[0].place is None


def test_a_quotation_that_ends_a_sentence_still_ends_it():
    text = ("He urged the West \u201cto stop arming Kyiv.\u201d "
            "The minister hoped his meeting with Wallace went well.")
    masked = mask_quotations(text)
    assert "arming" not in masked
    assert [masked[a:b].strip()[:12] for a, b in sentences(masked)] == ["He urged the", "The minister"]


def test_seed_002_events_carry_participants_and_dates_as_written(seeded_db):
    rows = seeded_db.execute(
        "SELECT kind, participants, date, date_text, place FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE a.source = ? ORDER BY paragraph", [SEED_002]).fetchall()
    assert rows
    meeting = next(r for r in rows if r[0] == "meeting")
    assert {"Sergey Shoigu", "Ben Wallace"} <= set(json.loads(meeting[1]))
    assert meeting[2] is None and meeting[3] == "on Friday"  # the article's publication day is unknown
    assert any(r[4] == "Moscow" for r in rows)


def test_event_participants_are_canonical_people_after_ingest(db):
    ingest_text(db, "Sergey Shoigu met Ben Wallace in Moscow on Friday, the ministry said.\n\n"
                    "Wallace later visited an exhibition with Shoigu.\n", "interfax.txt")
    ingest_text(db, "Russian Defence Minister Sergei Shoigu held talks with his Chinese counterpart in "
                    "Beijing, state media reported on Tuesday.\n", "tass.txt")
    people = [row[0] for row in db.execute("SELECT name FROM people WHERE kind = 'person'")]
    assert people.count("Sergey Shoigu") == 1 and "Sergei Shoigu" not in people
    named = [json.loads(row[0]) for row in db.execute("SELECT participants FROM events")]
    assert all("Sergey Shoigu" in names for names in named)


def test_the_two_ministers_are_the_people_of_the_sentence_before():
    events = extract_events(article(
        "MOSCOW, Feb 3 (Interfax) - Russian Foreign Minister Sergei Lavrov will hold talks with his Turkish "
        "counterpart Hakan Fidan in Ankara next week, the ministry said.",
        "The two ministers last met in Moscow in December.",
        "European ministers also agreed new sanctions on Belarus.",
        published="2024-02-03T12:00:00Z", dateline="Moscow"))
    assert [(e.kind, e.place, e.date_text) for e in events] == [
        ("talks", "Ankara", "next week"), ("meeting", "Moscow", "in December"), ("sanctions", None, None)]
    assert events[1].participants == ("Sergei Lavrov", "Hakan Fidan")
    assert events[2].participants == ("Belarus",)  # whom the sanctions are on; the ministers are unnamed
    assert events[0].date is None  # a week is not a day


def test_an_abbreviated_rank_does_not_end_the_sentence_or_split_the_meeting():
    text = "Sgt. John Smith met Vladimir Putin in Moscow on Friday."
    assert sentences(text) == [(0, len(text))]
    events = extract_events(article(text))
    assert kinds(events) == ["meeting"]
    assert events[0].participants == ("John Smith", "Vladimir Putin")


def test_cancelled_postponed_refused_and_planned_meetings_are_not_events():
    events = extract_events(article(
        "A summit in Valletta, expected to be attended by President Anna Berg, has been cancelled.",
        "Minister Tom Hale's visit to Riga, scheduled for today, has been postponed.",
        "Berg said she wanted to speak by phone with President Ivo Marr, but he did not respond.",
        "Hale was to hold talks with his counterpart Lina Oster on Monday.",
        "Further negotiations between the two sides are possible, but not planned.",
        "He was considering the possibility of the first talks in years.",
        "The ministry gave no details of the talks.",
        published="2024-05-02"))
    assert events == []


def test_a_planned_second_clause_and_the_source_of_the_report_take_no_part():
    events = extract_events(article(
        "President Anna Berg held a telephone conversation with Chancellor Ivo Marr on Tuesday and plans "
        "to have a phone call with President Lina Oster soon, citing the presidential office.",
        "Defence Minister Tom Hale and his Latvian counterpart Karl Ozols discussed air defence by phone, "
        "the Estonian defence ministry said.",
        published="2024-05-02"))
    assert [(e.kind, e.participants) for e in events] == [
        ("phone call", ("Anna Berg", "Ivo Marr")), ("talks", ("Tom Hale", "Karl Ozols"))]
    assert "Oster" not in events[0].summary


def test_a_byline_in_the_dateline_takes_no_part_in_the_meeting():
    events = extract_events(article(
        "Northern Wire Agency Moscow, February 11 (Reporter Lin Bo)Defence Minister Pavel Orlov on Thursday "
        "held talks with visiting Defence Secretary Tom Hale in Moscow."))
    assert [e.participants for e in events] == [("Pavel Orlov", "Tom Hale")]


def test_a_conference_call_with_analysts_is_not_a_conference():
    events = extract_events(article(
        '"Our quarter was one of progress," chief executive Ed Marr said on a conference call '
        'with analysts.'))
    assert [e.kind for e in events] == []


def test_a_condition_or_how_a_couple_met_is_not_an_event():
    events = extract_events(article(
        "If Prime Minister Ann Lee meets President Tom Hale next week, the deal could be signed.",
        "The couple, who met while working at a nature preserve, now run a farm near Leeds.",
        "Lee and Hale, who met at university, spoke by phone on Friday."))
    assert [(e.kind, e.participants) for e in events] == [("phone call", ("Ann Lee", "Tom Hale"))]


def test_capitalised_common_words_are_not_participants():
    events = extract_events(article("Framework Convention talks resumed in Bonn on Monday."))
    assert events == []


def test_countries_whose_ministers_met_take_part_but_the_host_city_does_not():
    events = extract_events(article("Forestry ministers from Brazil and Norway met in Oslo on Tuesday."))
    assert [(e.kind, e.participants) for e in events] == [("meeting", ("Brazil", "Norway"))]


def test_a_country_discussed_is_not_a_participant():
    events = extract_events(article("President Emil Varga met Chancellor Ute Brandt and discussed Moldova."))
    assert [e.participants for e in events] == [("Emil Varga", "Ute Brandt")]


def test_one_leader_calling_another_is_a_phone_call():
    events = extract_events(article("President Emil Varga called Chancellor Ute Brandt on Sunday about gas."))
    assert [(e.kind, e.participants, e.date_text) for e in events] == [
        ("phone call", ("Emil Varga", "Ute Brandt"), "on Sunday")]


def test_cancelled_refused_negated_and_hypothetical_events_are_not_events():
    events = extract_events(article(
        "A planned call between Grace Okafor and the French president was cancelled on Tuesday.",
        "Okafor did not meet the Chinese delegation.",
        "Okafor refused to call the Chinese premier on Thursday.",
        "If the talks fail, Okafor could meet the Russian envoy next month.",
        "The pair, who met while studying in Leeds, now run a charity together.",
    ))
    assert events == []


def test_places_and_headline_words_are_not_participants():
    events = extract_events(article(
        "Minister Says Ruritania Is Open To Talks With Its Neighbours",
        "Defence Secretary Alan Price visited troops in Port Kessel on Monday, then Camp Hardy on Tuesday.",
    ))
    assert [e.participants for e in events if e.kind == "visit"] == [("Alan Price",)]
    assert all("Is Open" not in e.participants for e in events)


def test_talks_that_could_begin_or_are_a_condition_are_not_events():
    events = extract_events(article(
        "Direct talks between the Varnian government and the rebels could begin within two weeks, "
        "an official said on Saturday.",
        "Minister Lena Okafor said that for talks to take place the shelling must stop.",
        "Okafor said Varnia was open to talks with Delmar."))
    assert events == []


def test_a_visit_that_would_have_happened_or_no_longer_will_is_not_an_event():
    events = extract_events(article(
        "The visit to Delmar would have included talks with Prime Minister Tomas Brandt.",
        "President Ana Ruiz will no longer be visiting Delmar as planned in May, her office said."))
    assert events == []


def test_a_confirming_ministry_and_a_capitalised_post_do_not_take_part_in_a_visit():
    events = extract_events(article(
        "Defence secretary Mark Hollis has made a visit to troops in Basra, the Ministry of Defence "
        "(MoD) has confirmed.",
        "It was his first visit since taking up his Cabinet post."))
    visits = [e for e in events if e.kind == "visit"]
    assert len(visits) == 1 and visits[0].participants == ("Mark Hollis",)


def test_people_named_later_about_a_visit_do_not_join_it():
    events = extract_events(article(
        "Defence Secretary Mark Hollis arrived in Kabul on Friday on his first trip abroad.",
        "During the visit, General Omar Nadiri briefed reporters and President Farid Ahadi praised "
        "the troops."))
    visit = next(e for e in events if e.kind == "visit")
    assert visit.participants == ("Mark Hollis",)


def test_one_earlier_person_is_not_a_group_taking_part_in_generic_talks():
    events = extract_events(article(
        "Councillor Rhee Dong-hun led the delegation.",
        "Ministerial talks are the highest level of dialogue held by the two countries."))
    assert all("Rhee Dong-hun" not in e.participants for e in events)


def test_a_spokesman_for_the_talks_and_a_wish_to_return_to_them_are_not_talks():
    events = extract_events(article(
        "The spokesman for the talks, Ivo Brandt, left for the capital on Monday.",
        "Minister Lena Okafor urged the rebels to return to the four-way talks."))
    assert events == []


def test_the_source_of_a_report_is_not_one_of_the_negotiators():
    events = extract_events(article(
        "Foreign Minister Lena Okafor spoke to reporters in Delmar.",
        "According to Okafor, Premier Ivan Sokolov raised the issue during negotiations with his "
        "Varnian counterpart at the Delmar summit."))
    assert events and all("Lena Okafor" not in e.participants for e in events)


def test_a_meeting_that_was_set_to_follow_or_is_asked_about_is_not_an_event():
    events = extract_events(article(
        "He was set to be welcomed at the airport by Premier Tomas Brandt, followed by a one-on-one "
        "meeting with him.",
        "Asked whether Minister Lena Okafor will attend the conference, her spokesman declined to say.",
        "Okafor assured Brandt that she would soon be making a two-day visit to Delmar."))
    assert events == []


def test_a_palace_where_an_event_is_held_does_not_take_part():
    events = extract_events(article(
        "President Ana Ruiz was invited to attend a reception given by King Edmund at Marlow Palace."))
    invitation = next(e for e in events if e.kind == "invitation")
    assert "Marlow Palace" not in invitation.participants
    assert "Ana Ruiz" in invitation.participants


def test_a_surname_with_its_particle_and_a_possessive_body_are_each_one_participant():
    events = extract_events(article(
        "UN envoy Karel van der Berg met the opposition delegation in Geneva on Monday.",
        "Van der Berg said the meeting had been useful.",
        "Aid groups welcomed the European Commission’s talks with the delegation on Tuesday."))
    assert [e.participants for e in events] == [("Karel van der Berg",), ("European Commission",)]


def test_a_capitalised_plan_named_before_they_is_not_one_of_them():
    events = extract_events(article(
        "Foreign Minister Anna Kowalczyk briefed her counterpart Jonas Petraitis on Latvia’s Victory Plan.",
        "They also discussed grain exports."))
    assert [e.participants for e in events] == [("Anna Kowalczyk", "Jonas Petraitis")]


def test_ministers_preparing_to_meet_have_not_met():
    events = extract_events(article(
        "Defence ministers prepared to meet for a second day on Wednesday in Brussels.",
        "Officials were preparing talks with the delegation.",
        "Minister Anna Kowalczyk read a prepared statement at the conference on Friday."))
    assert kinds(events) == ["conference"]


def test_calling_on_someone_to_act_is_no_phone_call():
    found = extract_events(article("Minister Aziz Rahman also called on ASEAN to amplify its defence against "
                                   "biological threats.",
                                   "Varga called Chancellor Ute Brandt on Sunday to discuss the border."))
    assert [(e.kind, e.participants) for e in found] == [("phone call", ("Varga", "Ute Brandt"))]


def test_a_meeting_named_in_a_sentence_is_no_participant_and_ministers_of_countries_are():
    found = extract_events(article("Opening the ASEAN Defence Ministers’ Meeting here today, Defence "
                                   "Minister Aziz Rahman met his Thai counterpart.",
                                   "The foreign ministers of Chile, Peru and Ecuador met in Lima."))
    assert [e.participants for e in found] == [("Aziz Rahman",), ("Chile", "Peru", "Ecuador")]


def test_forecasts_are_not_events_and_a_captions_photographer_takes_no_part():
    found = extract_events(article("And talks with Moscow will also prove difficult, the minister said.",
                                   "Security Council meeting on the truce ( Photo: Ann Lee / Getty Images )"))
    assert [(e.kind, e.participants) for e in found] == [("meeting", ("Security Council",))]


def test_the_next_summit_has_not_happened():
    found = extract_events(article("The alliance chief said he aimed to reach an agreement no later than the "
                                   "alliance's next regular summit in Vilnius."))
    assert found == []


def test_overtures_met_with_silence_requirements_met_and_a_speaker_who_talks_are_no_events():
    found = extract_events(article("The envoy's overtures met with silence from his counterpart in Rome.",
                                   "The minister said there would be no limits on meeting other requirements "
                                   "of the army.",
                                   "Defence Secretary Ana Cruz (left) talks during a news conference.",
                                   "Defence Secretary Ana Cruz met Japanese envoy Ken Mori in Manila."))
    assert [(e.kind, e.participants) for e in found] == [("meeting", ("Ana Cruz", "Ken Mori"))]


def test_the_country_that_imposes_sanctions_takes_part():
    events = extract_events(article(
        "The United States on Thursday imposed new sanctions on firms that helped buy drones.",
        "Britain imposed sanctions on three banks on Friday, officials said.",
        published="2024-05-03"))
    assert [e.participants for e in events] == [("United States",), ("Britain",)]


def test_meetings_with_different_people_are_different_meetings():
    events = extract_events(article(
        "Foreign Minister Dana Whitlow held 9 bilateral meetings in Geneva on Monday.",
        "Whitlow also met UN envoy Tomas Brenner for the first time.",
        "She later met her counterpart Ilse Marr.",
        "Whitlow and Marr met again over dinner.",
        published="2024-03-08"))
    meetings = [e.participants for e in events if e.kind == "meeting"]
    assert meetings == [("Dana Whitlow",), ("Dana Whitlow", "Tomas Brenner"), ("Dana Whitlow", "Ilse Marr")]


def test_an_earlier_visit_on_the_same_trip_is_its_own_visit():
    events = extract_events(article(
        "Defence Minister Karl Ozols arrived in Vilnius on Thursday for a two-day visit.",
        "Earlier on Thursday, Ozols visited the war memorial in Kaunas.",
        published="2024-03-08"))
    assert [e.kind for e in events] == ["visit", "visit"]


def test_talks_on_the_sidelines_of_a_summit_are_between_the_people_and_the_summit_is_the_groups():
    events = extract_events(article(
        "Foreign Minister Dana Whitlow held talks with her Varnian counterpart Pavel Ostrov on the sidelines "
        "of the G7 summit in Rome on Friday.",
        published="2024-03-08"))
    assert [(e.kind, e.participants) for e in events] == [
        ("talks", ("Dana Whitlow", "Pavel Ostrov")), ("summit", ("G7",))]


def test_a_who_clause_about_attending_a_summit_does_not_hide_the_talks():
    events = extract_events(article(
        "Prime Minister Aki Tanaka, who was visiting Rome to attend the NATO Summit, held informal talks "
        "with Prime Minister Rosa Lind.",
        published="2024-03-08"))
    talks = next(e for e in events if e.kind == "talks")
    assert talks.participants == ("Aki Tanaka", "Rosa Lind")
    assert ("summit", ("NATO",)) in [(e.kind, e.participants) for e in events]


def test_the_spokesperson_who_reports_a_meeting_does_not_take_part():
    events = extract_events(article(
        "Foreign Minister Dana Whitlow met her counterpart Pavel Ostrov in Geneva on Monday.",
        "Following their meeting, Jo Tan, spokesperson of the foreign ministry, posted a photograph.",
        "The two held talks on trade, ministry spokesman Lee Park said.",
        published="2024-03-08"))
    assert all("Jo Tan" not in e.participants and "Lee Park" not in e.participants for e in events)
    assert events[0].participants == ("Dana Whitlow", "Pavel Ostrov")


def test_the_meeting_after_talks_is_those_talks():
    events = extract_events(article(
        "Foreign Minister Dana Whitlow on Friday held talks with her counterpart Pavel Ostrov.",
        "The meeting took place on the sidelines of the G-20 foreign ministers' conclave in Bali.",
        published="2024-03-08"))
    assert [(e.kind, e.participants) for e in events] == [
        ("talks", ("Dana Whitlow", "Pavel Ostrov")), ("conference", ("G-20",))]


def test_a_summit_looked_ahead_to_is_the_groups_and_one_attended_has_the_speaker_too():
    events = extract_events(article(
        "Looking ahead to this week's NATO Summit, Prime Minister Rosa Lind and President Omar Diaz agreed "
        "on the need to strengthen the alliance.",
        "Lind later spoke at the EU summit in Brussels.",
        published="2024-03-08"))
    assert [(e.kind, e.participants) for e in events] == [
        ("summit", ("NATO",)), ("summit", ("EU", "Rosa Lind"))]


def test_counterparts_from_a_list_of_countries_take_part_as_those_countries():
    events = extract_events(article(
        "On the first day of his visit, Foreign Minister Omar Diaz held talks with counterparts from Brazil, "
        "the United Arab Emirates and South Africa.",
        published="2024-03-08"))
    talks = next(e for e in events if e.kind == "talks")
    assert talks.participants == ("Omar Diaz", "Brazil", "United Arab Emirates", "South Africa")


def test_the_ministers_of_two_countries_are_the_ministers_named_before():
    events = extract_events(article(
        "Pakistan Foreign Minister Ali Raza and his Russian counterpart Ivan Sokolov held talks on Thursday.",
        "The foreign ministers of Pakistan and Russia arrived in Goa on Wednesday.",
        "The defence ministers of Pakistan and Chile arrived in Goa on Friday.",
        published="2024-03-08"))
    visits = [e.participants for e in events if e.kind == "visit"]
    assert visits == [("Ali Raza", "Ivan Sokolov"), ("Pakistan", "Chile")]


def test_what_was_discussed_takes_no_part_and_the_two_also_discussing_is_the_same_talks():
    events = extract_events(article(
        "Security chief Adam Nowicki held talks on Friday with Defence Minister Ivan Petrenko.",
        "The two officials also discussed relations between Ukraine, NATO and the European Union.",
        "Petrenko said after the talks that Kyiv valued the support it had received.",
        published="2024-03-08"))
    assert [(e.kind, e.participants) for e in events] == [("talks", ("Adam Nowicki", "Ivan Petrenko"))]


def test_whoever_reports_the_talks_does_not_take_part_in_them():
    events = extract_events(article(
        "Foreign Minister Ali Raza held talks with his counterpart Ivan Sokolov on Thursday.",
        "The Ministry of Foreign Affairs of Varnia, in an official statement, said the two ministers "
        "discussed trade.",
        "Minister Tom Hale said he met Defence Minister Karl Ozols on Friday.",
        published="2024-03-08"))
    assert [(e.kind, e.participants) for e in events] == [
        ("talks", ("Ali Raza", "Ivan Sokolov")), ("meeting", ("Tom Hale", "Karl Ozols"))]


def test_what_the_callers_discussed_is_part_of_the_call():
    events = extract_events(article(
        "Defence Secretary Ann Lee made a telephone call to Raksha Mantri Chidi Okonkwo today evening. "
        "Both the leaders discussed developments in Afghanistan. They discussed defence cooperation.",
        published="2024-03-08"))
    assert [(e.kind, e.participants, e.place) for e in events] == [
        ("phone call", ("Ann Lee", "Raksha Mantri Chidi Okonkwo"), None)]


def test_hosting_welcoming_and_receiving_credentials_are_meetings_with_the_guest():
    events = extract_events(article(
        "President Adebayo Okafor on Thursday hosted President Tomas Brenner to a dinner at the State House.",
        "Prime Minister Rosa Lind welcomed Chile's President Omar Diaz to Downing Street.",
        "Receiving Letters of Credence from the Ambassador of the Republic of Varnia, Dr Ilse Marr, "
        "President Okafor praised the ties between the two countries.",
        published="2024-03-08"))
    assert [(e.kind, e.participants) for e in events] == [
        ("meeting", ("Adebayo Okafor", "Tomas Brenner")), ("meeting", ("Rosa Lind", "Omar Diaz")),
        ("meeting", ("Ilse Marr", "Adebayo Okafor"))]


def test_long_discussions_are_talks_and_the_body_in_a_role_takes_no_part():
    events = extract_events(article(
        "Minister Ann Lee held long discussions with the secretary of the National Defence Council, "
        "Ivan Petrenko.",
        published="2024-03-08"))
    assert [(e.kind, e.participants) for e in events] == [("talks", ("Ann Lee", "Ivan Petrenko"))]


def test_a_counterpart_named_in_the_next_sentence_takes_part():
    events = extract_events(article(
        "Defence Minister Ann Lee held talks with her counterpart in Riga on Monday.",
        "Piotr Nowak, the Polish defence minister, said they agreed on air defence.",
        published="2024-03-08"))
    assert events[0].participants == ("Ann Lee", "Piotr Nowak")


def test_a_counterpart_of_another_country_is_not_taken_from_the_next_sentence():
    events = extract_events(article(
        "Defence Minister Ann Lee met her Polish counterpart on Monday. Chilean Foreign Minister Jorge Vidal "
        "said trade was good.",
        "Lee's spokesman Tom Hale, a former Polish defence minister, said the meeting went well.",
        published="2024-03-08"))
    assert events[0].participants == ("Ann Lee",)


def test_a_he_opening_a_sentence_is_the_one_person_the_sentence_before_named():
    events = extract_events(article(
        "Security chief Adam Nowicki held talks with Defence Minister Ivan Petrenko on Friday.",
        "Petrenko said the talks were useful.",
        "Friday was the last day of Adam Nowicki's trip to Ukraine. On Thursday, he met Foreign Minister "
        "Pavlo Kuzmenko.",
        published="2024-03-08"))
    meeting = next(e for e in events if e.kind == "meeting")
    assert meeting.participants == ("Adam Nowicki", "Pavlo Kuzmenko")


def test_who_said_something_at_a_conference_attended_it_and_whoever_asked_is_no_reporter():
    events = extract_events(article(
        "Defence Secretary Tom Hale spoke in Brussels.",
        "“We are ready,” he said in response to a question from a reporter on the sidelines of the NATO "
        "defence ministers' conference.",
        published="2024-03-08"))
    assert events[0].kind == "conference" and events[0].participants[:2] == ("NATO", "Tom Hale")


def test_a_visit_for_talks_is_the_visitors_visit_and_talks_with_the_host():
    events = extract_events(article(
        "Defence Minister Karl Ozols arrived in Vilnius on Thursday for talks with his Lithuanian "
        "counterpart Rasa Juknevičienė.",
        published="2024-03-08"))
    assert [(e.kind, e.participants, e.place) for e in events] == [
        ("visit", ("Karl Ozols",), "Vilnius"), ("talks", ("Karl Ozols", "Rasa Juknevičienė"), "Vilnius")]


def test_talks_put_on_hold_are_not_recorded():
    events = extract_events(article(
        "Earlier this month, envoy Ilse Marr put the Geneva peace talks on hold until February 25.",
        published="2024-03-08"))
    assert events == []


def test_a_place_whose_first_word_is_also_a_first_name_is_no_participant():
    """'York' is a first name too, but 'in New York City' is where they met."""
    events = extract_events(article(
        "Trade minister Lena Ostrova met her counterpart Amir Hadad in New York City on Wednesday."))
    assert [(e.participants, e.place) for e in events] == [(("Lena Ostrova", "Amir Hadad"), "New York")]


def test_a_president_named_after_the_office_of_his_country_takes_part_in_the_meeting():
    events = extract_events(article(
        "The President of Chile, Omar Diaz, met Prime Minister Georgia Hale in Santiago on Monday."))
    assert kinds(events) == ["meeting"]
    assert "Chile" not in events[0].participants
    assert {p.split()[-1] for p in events[0].participants} == {"Diaz", "Hale"}


def test_a_hotel_where_a_meeting_was_held_is_its_place_not_a_participant():
    events = extract_events(article(
        "Foreign Minister Ana Ruiz held talks with her counterpart Tomas Berg in Oslo on Monday.",
        "It was followed by a one-to-one meeting in the plush Fjord Hotel, officials said."))
    assert all("Hotel" not in p for e in events for p in e.participants)


def test_an_office_of_and_its_domain_never_takes_part_under_the_domain_s_name():
    events = extract_events(article(
        "The Minister of Mines and Steel Development, Dr Kofi Adu, attended a forum organised by the "
        "Investment Promotion Commission in London."))
    assert all(p not in ("Mines", "Steel Development") for e in events for p in e.participants)


def test_officials_named_by_their_countries_adjectives_are_those_countries_taking_part():
    events = extract_events(article(
        "Senior US and Canadian officials held talks on arms sales in Ottawa on Friday, the ministry said."))
    assert [(e.kind, e.participants) for e in events] == [("talks", ("United States", "Canada"))]


def test_a_minister_named_only_by_title_and_surname_takes_part():
    events = extract_events(article("Mr Peters met with Secretary of State Ann Rice in Washington."))
    assert [e.participants for e in events] == [("Peters", "Ann Rice")]


def test_two_office_holders_joined_by_and_both_take_part():
    events = extract_events(article("US Secretary of State Rex Hale and Chinese Foreign Minister Wang Lin "
                                    "held talks in Bonn on Thursday."))
    assert [e.participants for e in events] == [("Rex Hale", "Wang Lin")]


def test_a_denied_a_past_due_and_an_intended_visit_are_not_events():
    for sentence in ("His spokesman denied that the party president met the head of state on Monday.",
                     "The new prime minister, Eva Lind, had been due to make her first visit to Tallinn.",
                     "He also confirmed his intention to visit India later this year."):
        assert extract_events(article(sentence)) == [], sentence


def test_a_meeting_ahead_of_another_is_recorded_without_the_one_still_to_come():
    events = extract_events(article("The envoys met in Geneva ahead of a meeting between their foreign "
                                    "ministers."))
    assert [(e.kind, e.place) for e in events] == [("meeting", "Geneva")]


def test_the_country_sanctions_are_put_on_takes_part_by_its_name_or_its_people_s():
    for sentence, target in (("President Tom Hale announced new sanctions against Russia.", "Russia"),
                             ("The EU has imposed sanctions on Belarusian officials.", "Belarus")):
        events = extract_events(article(sentence))
        assert [e.kind for e in events] == ["sanctions"] and target in events[0].participants, sentence


def test_a_courtesy_call_on_someone_and_being_received_by_someone_are_meetings():
    for sentence in ("Prime Minister Ali Raza paid a courtesy call on President Mina Rai at her office.",
                     "President Ana Ruiz was received by Foreign Minister Tomas Berg at the airport."):
        events = extract_events(article(sentence))
        assert [(e.kind, len(e.participants)) for e in events] == [("meeting", 2)], sentence


def test_the_countries_of_foreign_secretaries_written_with_capitals_take_part():
    events = extract_events(article("The Foreign Secretaries of India and Pakistan met in Islamabad today."))
    assert [(e.kind, e.participants) for e in events] == [("meeting", ("India", "Pakistan"))]


def test_sanctions_on_a_country_s_company_are_not_on_the_country():
    events = extract_events(article("Ministers slapped sanctions on Russia's private army Wagner."))
    assert all("Russia" not in e.participants for e in events)


def test_an_announced_event_is_kept_and_marked_planned():
    events = extract_events(article(
        "Defence Minister Tom Hale will travel to Riga on Monday to meet his counterpart Lina Oster.",
        "Talks between Hale and Oster are scheduled for June 3.",
        "Last year Hale met President Ivo Marr in Vilnius.",
        "President Anna Berg is to visit Tallinn in May.",
        published="2024-05-02"))
    assert [(e.kind, e.planned) for e in events] == [
        ("meeting", True), ("talks", True), ("meeting", False), ("visit", True)]
    assert events[0].participants == ("Tom Hale", "Lina Oster")
    assert events[2].participants == ("Tom Hale", "Ivo Marr")


def test_the_timeline_says_which_events_are_planned(db):
    from clipdesk.handlers.commands import handle
    from clipdesk.handlers.types import Request

    ingest_text(db, "RIGA, May 2 - Defence Minister Tom Hale met his Latvian counterpart Lina Oster in "
                    "Riga on Thursday.\n\nHale will visit Vilnius on May 20 to meet President Ivo Marr.\n",
                "riga.txt")
    reply = handle(Request(platform="test", chat_id="c", user_id="u", text="/events", command="events",
                           args=""), db)
    when = {s.text.split(" \u2014 ")[1].split(" - ")[-1][:9]: s.text.split(" \u2014 ")[0]
            for s in reply.snippets}
    assert when == {"Defence M": "on Thursday", "Hale will": "on May 20, planned"}


def test_the_month_of_may_is_no_maybe():
    for text, written in (("Defence Secretary Tom Hale visited Riga in May.", "in May"),
                          ("In May, Defence Secretary Tom Hale visited Riga.", "In May")):
        events = extract_events(article(text, published="2024-09-02"))
        assert [(e.kind, e.participants, e.place, e.date_text) for e in events] == [
            ("visit", ("Tom Hale",), "Riga", written)]
    assert extract_events(article("Talks may begin soon.")) == []


def test_a_subject_with_the_is_a_new_meeting_not_the_talks_again():
    events = extract_events(article(
        "President Tom Hale held talks with Prime Minister Ivo Marr on Tuesday.",
        "Earlier in the day, the president met Foreign Minister Akio Sato.",
        "The meeting lasted two hours.", published="2024-05-08"))
    assert [(e.kind, e.participants) for e in events] == [
        ("talks", ("Tom Hale", "Ivo Marr")), ("meeting", ("Tom Hale", "Akio Sato"))]


def test_leaders_who_talked_over_the_phone_had_a_call():
    events = extract_events(article(
        "President Ann Lee and President Ivo Marr talked over the phone on Friday.", published="2024-05-08"))
    assert [(e.kind, e.participants, e.date) for e in events] == [
        ("phone call", ("Ann Lee", "Ivo Marr"), "2024-05-03")]


def test_a_surname_that_is_a_month_after_a_first_name_takes_part():
    article = Article(id="t", source="t.txt", title="Okafor meets May in Lindley", paragraphs=(
        "Lindley Mayor Ann Okafor and her Portville counterpart Theresa May met at the town hall on Monday.",
        "They will meet again in May 2027.",
    ))
    first = extract_events(article)[0]
    assert set(first.participants) >= {"Ann Okafor", "Theresa May"}
    assert "May" not in first.participants


def test_the_gathering_an_event_is_held_beside_does_not_take_part():
    article = Article(id="t", source="t.txt", title="Lindley and Portville mayors to meet", paragraphs=(
        "Lindley Mayor Ann Okafor will hold talks with Portville Mayor Peter Brennan on the sidelines of "
        "the Nordic Council in Bergen on Tuesday.",
    ))
    talks = extract_events(article)[0]
    assert set(talks.participants) == {"Ann Okafor", "Peter Brennan"}


def test_the_body_whose_statement_describes_the_meeting_does_not_join_it():
    article = Article(id="t", source="t.txt", title="Okafor and Brennan meet in Lindley", paragraphs=(
        "Lindley Mayor Ann Okafor and Portville Mayor Peter Brennan met at the town hall on Monday.",
        "A Harbour Ministry statement said the meeting focused on the ferry timetable.",
    ))
    assert [set(e.participants) for e in extract_events(article)] == [{"Ann Okafor", "Peter Brennan"}]


def test_an_agreement_signed_is_an_event_of_its_signatories_and_one_only_wished_for_is_not():
    signed = Article(id="t", source="t.txt", title="Chile and Peru sign fisheries pact", paragraphs=(
        "Chile and Peru on Friday signed a fisheries agreement in Lima, the foreign ministry said.",
        "The two countries would sign a second treaty if the talks on quotas succeed.",
    ))
    assert [(e.kind, set(e.participants)) for e in extract_events(signed) if e.kind == "agreement"] == [
        ("agreement", {"Chile", "Peru"})]
    ministers = Article(id="t", source="t.txt", title="Ferry accord signed", paragraphs=(
        "Harbour Minister Ann Okafor and Transport Minister Peter Brennan signed the ferry accord on "
        "Friday.",))
    assert [(e.kind, set(e.participants)) for e in extract_events(ministers)] == [
        ("agreement", {"Ann Okafor", "Peter Brennan"})]


def test_countries_listed_with_the_subject_take_part_in_its_sanctions():
    article = Article(id="t", source="t.txt", title="x", paragraphs=(
        "Chile, Peru and Ecuador imposed sanctions on Russia on Monday.",))
    assert set(extract_events(article)[0].participants) == {"Chile", "Peru", "Ecuador", "Russia"}


def test_a_name_before_a_spokesman_who_reports_the_event_takes_part_in_it():
    events = extract_events(article(
        "Chilean President Ana Ruiz will visit Lima in June for talks with Prime Minister Tomas Vidal, a "
        "Peruvian government spokesman said on Friday."))
    talks = [e for e in events if e.kind == "talks"]
    assert talks and talks[0].participants == ("Ana Ruiz", "Tomas Vidal")


def test_meetings_the_two_sides_agreed_to_schedule_are_planned_not_held():
    events = extract_events(article(
        "The two foreign ministers agreed to schedule meetings and a date for Ana Ruiz's visit to Lima at "
        "the earliest."))
    assert events and all(e.planned for e in events)


def test_a_minister_who_telephoned_or_spoke_to_another_by_telephone_held_a_call():
    telephoned = extract_events(article("Foreign Minister Ana Ruiz telephoned her Peruvian counterpart Tomas "
                                        "Vidal on Monday."))
    spoke = extract_events(article("Foreign Minister Ana Ruiz spoke to U.S. Secretary of State Tom Hale by "
                                   "telephone on Friday."))
    assert [(e.kind, e.participants) for e in telephoned + spoke] == [
        ("phone call", ("Ana Ruiz", "Tomas Vidal")), ("phone call", ("Ana Ruiz", "Tom Hale"))]


def test_whoever_says_that_an_event_happened_does_not_take_part_in_it():
    events = extract_events(article(
        "Foreign ministry spokeswoman Lina Park said on Tuesday that Argentina and Chile held talks "
        "in Santiago last week.",
        "Interior Minister Omar Reyes claimed that the two delegations met twice in Lima."))
    assert events[0].participants == ("Argentina", "Chile")
    assert all("Omar Reyes" not in e.participants for e in events)


def test_a_movement_listed_with_a_country_takes_part_but_a_place_it_left_does_not():
    events = extract_events(article(
        "Colombia and the ELN held talks in Havana on Monday.",
        "A senior ELN delegation departed Caracas late Saturday following talks with Venezuelan mediators."))
    assert events[0].participants == ("Colombia", "ELN")
    assert all("Caracas" not in e.participants for e in events)


def test_the_office_that_released_a_photo_and_a_body_announcing_recently_take_no_part():
    events = extract_events(article(
        "In this photo released from Malta's Press and Information Office, President Ada Borg, left, meets "
        "Prime Minister Jon Sant in Valletta on Monday.",
        "The White House announced recently that National Security Adviser Tim Cole and Ambassador Ivo Lanz "
        "met in Geneva."))
    assert [e.participants for e in events] == [("Ada Borg", "Jon Sant"), ("Tim Cole", "Ivo Lanz")]


def test_a_meeting_that_would_take_place_and_whoever_was_told_of_talks_are_no_event_or_party():
    events = extract_events(article(
        "The ministry said in a statement that the meeting between Mr. Wang and Mr. Sato in Tokyo would take "
        "place at an appropriate time.",
        "Finance Minister Karl Brandt told the weekly Die Woche that Chancellor Olaf Weiss held coalition "
        "talks with Green leader Ana Roth on Monday."))
    assert all(e.planned for e in events if e.kind == "meeting")
    assert [e.participants for e in events if e.kind == "talks"] == [("Olaf Weiss", "Ana Roth")]


@pytest.mark.parametrize("sentence", [
    "Local reporters said on Sunday that the meeting between Prime Minister Ana Silva and President "
    "Tomas Berg remained uncertain.",
    "The two ministers agreed to hold talks in Oslo next month.",
    "Kremlin spokesman Ivan Orlov promised to inform reporters about a visit by the president to Hanoi.",
    "As for the president's visit to Tehran, Orlov said the exact timing is yet to be determined.",
    "The province is the lone one holding out on signing a health-funding agreement with Ottawa.",
    "Opposition leader Dan Ross said the Prime Minister was right to decline a meeting with First "
    "Minister Ana Grey.",
    "Councillor Pinky Dube wrote to Mayor Sam Vale requesting that a council meeting take place soon.",
    "Governor Phil Ayres said he and President Tom Lamb did talk about a future presidential visit.",
    "President Ade Bello and his Turkish counterpart Kemal Arslan failed to sign the bilateral agreements.",
    "Some councillors are urging the restoration of regular meetings with government ministers.",
    "Economy Minister Ali Rahman was scheduled to jointly chair a meeting with minister Tan Wei yesterday.",
])
def test_an_event_uncertain_agreed_promised_untimed_declined_urged_failed_or_once_scheduled_is_not_held(
        sentence):
    assert all(e.planned for e in extract_events(article(sentence)))
