"""Who said it: cue verbs before and after, pronouns, role nouns, institutions, and unknown speakers."""

import pytest

from clipdesk.store.text.lexicon import is_cue
from clipdesk.store.text.model import Article
from clipdesk.store.text.quotes import extract_quotes


def speakers(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    article = Article(id="t", source="t.txt", paragraphs=paragraphs)
    return [(q.speaker, q.cue) for q in extract_quotes(article)]


@pytest.mark.parametrize("word", ["said", "added", "warned", "told", "explained", "continued", "replied",
                                  "insisted", "stressed", "noted", "says", "adding", "emphasised", "wrote",
                                  "underscored", "expects", "opined", "lamented", "reckoned", "informed"])
def test_the_cue_lexicon_knows_the_verbs_of_saying(word):
    assert is_cue(word)


@pytest.mark.parametrize("word", ["call", "report", "state", "post", "table", "the"])
def test_words_that_are_mostly_nouns_are_not_cues_in_their_bare_form(word):
    assert not is_cue(word)


@pytest.mark.parametrize("paragraph, cue", [
    ("“Sanctions are working, slowly but surely,” Finnish President Alexander Stubb said.", "said"),
    ("“Sanctions are working, slowly but surely,” said Finnish President Alexander Stubb.", "said"),
    ("“Sanctions are working, slowly but surely,” Finnish President Alexander Stubb told reporters.", "told"),
    ("Finnish President Alexander Stubb said: “Sanctions are working, slowly but surely.”", "said"),
    ("Finnish President Alexander Stubb says “sanctions are working, slowly but surely”.", "says"),
    ("“Sanctions are working, slowly but surely,” according to Finnish President Alexander Stubb.",
     "according to"),
    ("“Sanctions are working, slowly but surely,” the daily Helsingin Sanomat quoted Alexander Stubb as "
     "saying.", "quoted"),
])
def test_cues_before_or_after_the_quotation_name_the_speaker(paragraph, cue):
    assert speakers(paragraph) == [("Alexander Stubb", cue)]


def test_a_surname_alone_resolves_to_the_full_name_given_earlier_with_the_role_as_written():
    article = Article(id="t", source="t.txt", paragraphs=(
        "BERLIN (dpa) - German Defence Minister Boris Pistorius visited a tank plant in Kassel.",
        "“We need to produce faster and in greater numbers,” Pistorius said.",
    ))
    quote = extract_quotes(article)[0]
    assert (quote.speaker, quote.speaker_role) == ("Boris Pistorius", "German Defence Minister")


def test_pronouns_resolve_to_the_most_recent_compatible_person():
    assert speakers(
        "EU foreign policy chief Kaja Kallas met Chinese Foreign Minister Wang Yi in Brussels on Wednesday.",
        "“China holds the key to ending this war,” she said.",
        "Wang Yi rejected the claim. “China is not a party to the conflict,” he said.",
    ) == [("Kaja Kallas", "said"), ("Wang Yi", "said")]


def test_a_pronoun_with_nobody_named_before_stays_unknown():
    assert speakers("“We will rebuild every house,” he said.") == [(None, "said")]


def test_role_nouns_match_the_roles_written_next_to_names_earlier():
    assert speakers(
        "French Armed Forces Minister Catherine Vautrin hosted her Polish counterpart, "
        "Wladyslaw Kosiniak-Kamysz, in Paris on Tuesday.",
        "“Our two armies will train together on the eastern flank,” the Polish minister said.",
        "“France will be present for as long as it takes,” the French minister added.",
    ) == [("Wladyslaw Kosiniak-Kamysz", "said"), ("Catherine Vautrin", "added")]


def test_a_described_official_resolves_through_the_nationality_of_the_role():
    assert speakers(
        "Canadian Defence Minister David McGuinty met Russian Deputy Foreign Minister Sergei Ryabkov.",
        "“Nothing has changed in our assessment of the threat,” the Canadian official said.",
    ) == [("David McGuinty", "said")]


@pytest.mark.parametrize("paragraph, speaker", [
    ("“The president has no plans to travel abroad this month,” the Kremlin said.", "Kremlin"),
    ("“The prime minister made clear that the UK stands with Ukraine,” Downing Street said.",
     "Downing Street"),
    ("The Russian Defence Ministry said in a statement that its forces had “repelled four attacks.”",
     "Russian Defence Ministry"),
    ("He “called for calm on all sides and a return to talks”, a Spanish government statement said.",
     "Spanish government"),
])
def test_institutions_speak(paragraph, speaker):
    assert [s for s, _ in speakers(paragraph)] == [speaker]


def test_the_ministry_is_the_ministry_named_before():
    assert [s for s, _ in speakers(
        "The Ukrainian Foreign Ministry summoned the Hungarian ambassador on Monday.",
        "“Such statements are unacceptable and insulting,” the ministry said.",
    )] == ["Ukrainian Foreign Ministry"]


def test_a_body_named_before_speaks_through_its_group_noun():
    assert [s for s, _ in speakers(
        "Leaders of the G20 met in Johannesburg, where the bloc’s finance ministers warned of "
        "“serious risks to global growth”.",
    )] == ["G20"]


def test_a_participle_cue_takes_the_subject_of_its_clause():
    assert speakers(
        "Norwegian Prime Minister Jonas Gahr Store rejected the proposal, saying “Norway will not accept "
        "any change to the Svalbard treaty.”",
    ) == [("Jonas Gahr Store", "saying")]


def test_names_inside_an_aside_are_not_taken_for_the_speaker():
    assert speakers(
        "“The market is finally taking the risk seriously,” Lena Weber, an analyst at Deutsche Bank in "
        "Frankfurt, told Reuters.",
    ) == [("Lena Weber", "told")]


def test_an_anonymous_source_is_never_given_a_name():
    assert speakers(
        "Czech President Petr Pavel spoke at the conference in Prague.",
        "Pavel left early. “The decision was taken weeks ago,” a source familiar with the talks said.",
    ) == [(None, "said")]


def test_a_quotation_broken_by_its_attribution_keeps_one_speaker():
    assert speakers(
        "Irish Taoiseach Micheal Martin spoke in Dublin.",
        "“We will not be rushed,” Martin said, “and we will not be bullied into a bad deal.”",
    ) == [("Micheal Martin", "said"), ("Micheal Martin", "said")]


def test_a_person_is_named_past_an_affiliation_and_a_title_with_particles():
    assert [s for s, _ in speakers(
        "“The door to dialogue remains open,” European Commission President Ursula von der Leyen wrote on X.",
        "“We are working around the clock,” Qatari spokesman Majed al-Ansari told reporters.",
        "“Both sides came to keep the channel alive,” Al Jazeera's Resul Serdar said.",
    )] == ["Ursula von der Leyen", "Majed al-Ansari", "Resul Serdar"]


def test_a_deputy_is_not_taken_for_the_chief():
    assert speakers(
        "German Chancellor Friedrich Merz spoke first. Finance Minister Lars Klingbeil followed him.",
        "“Security has a price, and we are prepared to pay it,” the vice chancellor said.",
    ) == [("Lars Klingbeil", "said")]


def test_an_unnamed_source_introduced_earlier_stays_unnamed():
    assert speakers(
        "Foreign Minister Abbas Araghchi left Geneva on Friday.",
        "A European diplomat said Iran had been warned. “The clock is ticking,” the diplomat said.",
    ) == [(None, "said")]


def test_she_prefers_a_woman_named_just_before_to_a_man_whose_sex_is_unknown():
    assert speakers(
        "Danish Prime Minister Mette Frederiksen defended the plan.",
        "Opposition leader Troels Lund Poulsen criticised it. “We cannot afford to wait,” she said.",
    ) == [("Mette Frederiksen", "said")]


def test_a_pronoun_whose_sex_the_subject_does_not_fit_goes_to_the_person_just_named_who_fits():
    from clipdesk.store.text.model import Article
    from clipdesk.store.text.quotes import extract_quotes

    def spoken(*paragraphs):
        return [q.speaker for q in extract_quotes(Article(id="t", source="t.txt", paragraphs=paragraphs))]

    met = "Finance Minister Grace Okafor met union leader Neil Brennan on Monday."
    assert spoken(met, 'He said: "We cannot wait any longer for the money."') == ["Neil Brennan"]
    assert spoken(met, 'She said: "The money is coming soon enough."') == ["Grace Okafor"]


def test_a_nationality_in_a_role_noun_must_be_the_named_persons_own():
    from clipdesk.store.text.model import Article
    from clipdesk.store.text.quotes import extract_quotes

    def spoken(*paragraphs):
        return [q.speaker for q in extract_quotes(Article(id="t", source="t.txt", paragraphs=paragraphs))]

    said = "“We stand with you on this border,” the {} minister said."
    assert spoken("British Defence Secretary John Hale met Ewa Nowak in Warsaw.",
                  said.format("British")) == ["John Hale"]
    unclear = spoken("Defence Secretary John Hale met Ewa Nowak in Warsaw.", said.format("Polish"))
    assert unclear != ["John Hale"]


def named(*paragraphs: str) -> list[tuple[str, str | None]]:
    article = Article(id="t", source="t.txt", paragraphs=paragraphs)
    return [(q.text.split()[0], q.speaker) for q in extract_quotes(article)]


def test_a_lone_surname_that_speaks_is_the_person_a_later_he_refers_to():
    assert named(
        "Rovers beat City 3-1 on Saturday.",
        "“I really want to praise the players for that,” said Okonjo.",
        "Okonjo also praised the supporters who travelled.",
        "“They carried us through the second half,” he said.",
    ) == [("I", "Okonjo"), ("They", "Okonjo")]


def test_a_common_noun_starting_a_sentence_is_not_taken_for_a_speaking_surname():
    assert named("Alarms sounded before dawn.", "“We ran down to the shelter with the children.”") == [
        ("We", None)]


def test_a_name_after_a_dash_credits_the_quotation_before_it():
    assert named(
        "“We were never really in the game after the break” – Dunmore's Tom Fenwick after the 4-0 loss.",
        "“The second goal knocked the belief out of us” - Harbour City boss Ellen Marsh.",
    ) == [("We", "Tom Fenwick"), ("The", "Ellen Marsh")]


def test_a_lead_in_naming_the_speaker_by_his_or_her_gives_the_quotation_under_it():
    assert named(
        "Senator Ruth Calder (D-Ore.) spoke on the floor on Tuesday about the water bill.",
        "Excerpts of her remarks:",
        "“The bill has waited three years for a vote.",
        "“Every county in the state will see cleaner water by next summer.",
    ) == [("The", "Ruth Calder"), ("Every", "Ruth Calder")]


def test_a_particle_leading_a_surname_is_part_of_the_name():
    assert named(
        "Foreign Minister Prince Khalid bin Saleh said the talks had been useful.",
        "“We are serious about these talks,” bin Saleh told the newspaper.",
    ) == [("We", "Khalid bin Saleh")]


def test_an_indefinite_spokesman_is_never_the_named_minister_whose_role_matches():
    found = named(
        "Defence Secretary Alan Price visited the troops in the south on Wednesday.",
        "A Ministry of Defence spokesman added that the visit was “to thank them in person for their work”.",
    )
    assert found == [("to", "Ministry of Defence spokesman")]


def test_a_name_after_in_is_a_place_not_the_speaker_of_a_participle():
    assert named(
        "Foreign Secretary Anne Doyle visited Port Elms in Harlow County on Monday.",
        "Ms Doyle praised the rebuilding done in Harlow saying she was “full of admiration” for it.",
        "She said: “The difference since my last visit is enormous and it is your work.”",
    ) == [("full", "Anne Doyle"), ("The", "Anne Doyle")]


def test_a_numbered_unit_after_of_is_not_the_speaker():
    found = named("Captain Joe Ward of 31 Signal Regiment said: “It is a great boost for all of us here.”")
    assert found == [("It", "Joe Ward")]


def test_a_stated_position_is_not_a_speech_verb_of_the_possessor():
    assert named(
        "Spokesperson Vikram Rao told a briefing that nothing was decided.",
        "Rao reiterated Ruritania's stated position that “talks and threats cannot go together”.",
    ) == [("talks", "Vikram Rao")]


def test_a_seat_before_a_name_is_not_part_of_it():
    assert named(
        "Federal Member for Bellwood Susan Hale welcomed the fund. "
        "“I encourage every town to apply for this money,” Ms Hale said.") == [("I", "Susan Hale")]


def test_a_short_closing_sentence_credits_the_quotation_before_it():
    assert named(
        "Norvik Ltd reported higher sales on Friday.",
        "“Our foundation is solid and our orders are growing.” The company said in a statement.",
    ) == [("Our", "Norvik Ltd")]


def test_a_speaking_surname_that_misspells_one_named_before_is_that_person():
    assert named(
        "City coach Dieter Hollmann was unhappy with the referee.",
        "“The second goal was pure luck and nothing else,” said Hollman.",
    ) == [("The", "Dieter Hollmann")]


def test_a_role_with_a_complement_introduces_the_name_after_it():
    found = named("“We will press for a return to talks,” Ruritania's envoy to the talks Lee Dae-ho said.")
    assert found == [("We", "Lee Dae-ho")]


def test_the_person_told_something_is_not_the_he_of_the_next_quotation():
    # 'X told BBC1's Y Show': the show's presenter is spoken to, so 'he said' after it is still X
    assert speakers(
        "Health Secretary Mark Dalton told BBC1’s Laura Kenny Show yesterday that waiting lists would fall.",
        "“We will have cleared the worst of the backlog by the spring,” he said.",
        "“Nobody should wait two years for a hip operation,” he added.",
    ) == [("Mark Dalton", "said"), ("Mark Dalton", "added")]


def test_a_name_spoken_to_or_quoted_before_the_cue_does_not_take_the_quotation():
    assert speakers(
        "Chief executive Ann Lee told Mark Wood: “We expect a much better second half this year.”",
        "The agency, quoting the port director Ivan Petrov, said the cranes were “back in full use by "
        "Friday”.",
    ) == [("Ann Lee", "told"), (None, "said")]


@pytest.mark.parametrize("noun", ["the Englishman", "the Frenchwoman", "the German"])
def test_a_nationality_noun_after_a_named_speaker_is_that_speaker(noun):
    found = speakers(
        "“We defended well and we took our chance at the end,” coach Tom Garner said.",
        f"“The players deserve the credit for how hard they worked this week,” {noun} continued.",
    )
    assert found == [("Tom Garner", "said"), ("Tom Garner", "continued")]


def test_a_name_with_its_organisation_before_the_cue_still_speaks():
    assert speakers(
        "“We have reached the end of the road and I see no movement tonight,” Pieter Moll of the "
        "Transport Workers Union said after talks ended.",
    ) == [("Pieter Moll", "said")]


def test_a_run_of_quoted_paragraphs_takes_the_speaker_named_at_its_end():
    assert speakers(
        "The new line opened on Monday after a decade of delays.",
        "“We have waited ten years for this.”",
        "“It will change how people in the valley get to work.”",
        "“Nobody should have to wait that long again,” said the mayor, Tom Baxter.",
    ) == [("Tom Baxter", "said")] * 3


def test_a_quoted_paragraph_after_another_voice_is_not_given_to_the_next_speaker():
    found = speakers(
        "Residents were split over the plan.",
        "“It is a waste of money.”",
        "Others disagreed with that view.",
        "“It will change how people get to work,” said the mayor, Tom Baxter.",
    )
    assert found == [(None, None), ("Tom Baxter", "said")]


def test_a_source_cited_in_an_aside_leaves_the_quotation_to_the_subject():
    assert speakers(
        "Xinhua, citing the ministry, said exports had “grown steadily despite external pressure”.",
    ) == [("Xinhua", "said")]


def test_unnamed_analysts_at_a_named_bank_keep_their_quotation_unnamed():
    assert speakers(
        "Analysts at Barclays said the lender was “well placed to ride out a slowdown in lending”.",
    ) == [(None, "said")]


def test_the_force_is_the_police_force_named_before():
    assert speakers(
        "Greater Manchester Police said two men had been arrested in Bolton on Sunday.",
        "The force said the arrests were “an important step in a complex inquiry”.",
    ) == [("Greater Manchester Police", "said")]


def test_the_age_descriptor_after_a_named_speaker_is_that_speaker():
    assert speakers(
        "Coach Tom Garner praised midfielder Ben Hale after the match.",
        "“He was outstanding from start to finish,” Garner said.",
        "“He has worked hard all week and deserved his goal,” the 45-year-old added.",
    ) == [("Tom Garner", "said"), ("Tom Garner", "added")]


def test_a_person_named_after_a_bodys_initials_speaks_after_a_colon():
    found = speakers("Ahead of the vote, Ruritanian Ambassador to the UN Marta Kovac criticised the draft: "
                     "“At a time when the talks are finally moving, some are pushing a text that achieves "
                     "nothing.”")
    assert found == [("Marta Kovac", "criticised")]


def test_a_capitalised_body_of_chiefs_and_staff_is_the_speaker():
    found = speakers("“Three rockets were fired towards the eastern coast from Port Alder at dawn today,” "
                     "the Joint Chiefs of Staff said, as cited by the Zenda news agency.")
    assert found == [("Joint Chiefs of Staff", "said")]


def test_the_person_a_remark_is_about_is_not_the_he_who_makes_it():
    found = speakers("Coach Tom Brand said: “It says a lot about the players and the way they worked.”",
                     "On Ivo Petrak, he added: “Ivo is a really good player, we are bringing him on slowly.”",
                     "Asked about Lena Ruiz, she said nothing, and Brand replied: “She starts on Sunday.”")
    assert [name for name, _ in found] == ["Tom Brand", "Tom Brand", "Tom Brand"]


def test_initials_opening_with_an_a_are_a_name_not_an_article():
    found = speakers("Ruling out troops for the hill districts, defence minister A K Mehra on Monday said "
                     "the answer lies in local police forces.",
                     "Asked whether the time was right, he said, ‘There is no proposal like that. The real "
                     "answer is local police’.")
    assert found == [("A K Mehra", "said")]


def test_a_speaker_who_will_say_it_later_is_the_speaker():
    found = speakers("“They have not positively contributed to the region’s security,” Senator Ann Reyes "
                     "will tell defence leaders in a speech on Thursday.")
    assert found == [("Ann Reyes", "tell")]


def test_a_quotation_opening_a_paragraph_of_narrative_goes_on_from_the_speaker_before():
    found = speakers("“The former mayor repeatedly used his office for private gain,” Assistant Attorney "
                     "General Mira Patel said in a statement.",
                     "“The sentence imposed today is a stark reminder to all public officials.” Judge Tom "
                     "Ellis handed down the sentence in a courtroom in Alexandria.")
    assert [name for name, _ in found] == ["Mira Patel", "Mira Patel"]


def test_a_place_set_between_commas_is_not_the_speaker_and_an_unnamed_source_stays_unnamed():
    found = speakers("A military source in the state capital, Port Malo, said the attack lasted until "
                     "Saturday, “when troops were forced to withdraw”.")
    assert found == [(None, "said")]


def test_malaysian_and_south_asian_honorifics_lead_a_name():
    found = speakers("Defence Minister Datuk Seri Mohamed Khaled Nordin stressed that unity mattered.",
                     "“No single country can tackle these threats alone,” he said.",
                     "“We have sent relief to every district,” said Alhaji Musa Bello.")
    assert [name for name, _ in found] == ["Mohamed Khaled Nordin", "Musa Bello"]


def test_the_envoy_received_set_between_commas_is_not_the_he_of_the_next_quotation():
    found = speakers("LIMA—President Tomas Varga on Monday called on leaders to support institutions.",
                     "President Varga, who stated this when he received Letters of Credence from "
                     "Ambassador of the Republic of Peru, Luis Quispe, at the Presidential Villa, said "
                     "reforms had to reflect the will of voters.",
                     "He said: “We will support your elections wherever that support is needed.”")
    assert found == [("Tomas Varga", "said")]


def test_an_abbreviated_secretary_before_a_surname_is_a_title_not_the_speaker():
    found = speakers("Treasury Secretary Ruth Okoro announced the new measures on Tuesday.",
                     "“These measures will cut off the funding of the network,” said Sec. Okoro.")
    assert found == [("Ruth Okoro", "said")]


def test_the_speaker_named_after_said_is_the_he_of_the_next_quotation():
    found = speakers("KUALA LUMPUR: The bloc must bolster its unity to meet threats no nation can tackle "
                     "alone, said Defence Minister Datuk Seri Aziz Rahman.",
                     "Opening the meeting here today, he stressed that cooperation was crucial.",
                     "“It is imperative that we enhance our collective capacity to respond,” he said.")
    assert found == [("Aziz Rahman", "said")]


def test_a_front_or_a_brigade_named_in_passing_is_no_he():
    found = speakers("A truce will not let groups such as Daesh, Nusra Front and others go on, Javad Karimi "
                     "said, adding that aid to Daesh and Nusra Front should be halted.",
                     "“The details of the ceasefire are still under negotiation,” he said.")
    assert found == [("Javad Karimi", "said")]


def test_a_country_in_dotted_initials_is_not_the_company_that_speaks():
    found = speakers("The U.S. giant “Ardent” made an offer it described as its best and last.",
                     "“We shared the details with our workers transparently,” the company said.")
    assert found == [(None, "said")]


def test_who_expresses_voices_or_deems_something_in_quoted_words_said_them():
    found = speakers("Prime Minister Ana Ortiz expressed on her account her “great sadness at the death of a "
                     "soldier in the south”.",
                     "Acting Defence Secretary Paul Ridley deemed the move a “measured answer to credible "
                     "threats from the north”.")
    assert [name for name, _ in found] == ["Ana Ortiz", "Paul Ridley"]


def test_a_lone_name_its_clause_calls_its_is_the_company_that_speaks():
    found = speakers("Union officials have rejected Ardent’s offer to raise hourly wages.",
                     "Ardent had improved its initial offer, seeking to end the strike at the plant.",
                     "“We shared the details with our workers transparently,” the company said.")
    assert found == [("Ardent", "said")]


def test_the_common_words_ending_a_bodys_name_are_no_person_who_speaks_later():
    found = speakers("“Today’s action targets the network that buys parts for the missile programme,” said "
                     "Ann Lee, director of the Treasury Department’s Office of Foreign Assets Control.",
                     "Treasury’s Office of Foreign Assets also designated a charity that works with Hamdan "
                     "based in Sidon.",
                     "“These sanctions show that the network will find no bank willing to serve it.”")
    assert found == [("Ann Lee", "said"), (None, None)]


def test_the_presidential_aide_is_the_spokesman_named_before_not_the_president():
    found = speakers("President Tomas Varga hosted President Ana Ruiz at the palace on Friday.",
                     "A statement by the president’s spokesman, Luis Quispe, said the talks were frank. "
                     "Varga commended Ruiz as a true friend of Peru.",
                     "“The goodwill between the two leaders was plain to see,” the presidential aide said.")
    assert found == [("Luis Quispe", "said")]


def test_it_said_is_the_body_that_spoke_not_one_named_later_in_passing():
    found = speakers("The Navy will get four more patrol ships, the Cabinet Office said in a statement.",
                     "Local media said the Defence Procurement Agency was close to a deal with the yard.",
                     "“Today we begin the next phase of the programme,” it said.")
    assert found == [("Cabinet Office", "said")]


def test_it_said_with_no_body_that_spoke_or_acted_stays_unattributed():
    found = speakers("Foreign Minister Ana Ruiz met her Peruvian counterpart at a summit of the Andean "
                     "Community (CAN) in Quito on Thursday.",
                     "It said they “agreed to work closely on border security and trade in the years ahead”.")
    assert found == [(None, "said")]


def test_who_expects_something_in_quoted_words_said_them():
    found = speakers("Finance Minister Ana Ruiz expects the new tax to “raise revenue by a tenth without "
                     "hurting small firms”.")
    assert found == [("Ana Ruiz", "expects")]


def test_a_participle_opening_the_sentence_is_not_the_speaker_of_the_words_it_quotes():
    found = speakers("Accusing “our northern neighbour and its allies” of arming rebels, Gen Tomas Varga "
                     "said: “We will answer every attack on our posts.”")
    assert [name for name, _ in found] == ["Tomas Varga", "Tomas Varga"]


def test_the_pm_is_the_prime_minister_named_before_and_the_he_after_it():
    found = speakers("Army chief Gen Tomas Varga visited the wounded soldiers in the hospital on Sunday.",
                     "Prime Minister Omar Khan in a statement has expressed grief over the soldiers’ deaths.",
                     "The PM stated that the attackers could never face the armed forces in open battle.",
                     "“The sacrifices of our soldiers show that the country is in safe hands,” he said.")
    assert found == [("Omar Khan", "said")]


def test_quoted_paragraphs_after_a_sentence_about_him_are_the_words_of_the_he_it_opens_with():
    found = speakers("Defence Minister Tomas Varga addressed the troops at their headquarters on Sunday.",
                     "He observed that the army had distinguished itself in every operation so far.",
                     '"You are doing your best and we recognise that.',
                     '"We have the resources and the equipment to train you for this job.')
    assert found == [("Tomas Varga", None), ("Tomas Varga", None)]


def test_it_said_in_the_body_is_the_body_the_standfirst_says_spoke():
    article = Article(id="t", source="t.txt",
                      standfirst="The Kenyan foreign office said the two ministers discussed trade",
                      paragraphs=("Foreign Minister Ana Ruiz met her Peruvian counterpart at a summit of the "
                                  "Andean Community (CAN) in Quito on Thursday.",
                                  "It said they “agreed to work closely on border security and trade in the "
                                  "years ahead”."))
    assert [(q.speaker, q.cue) for q in extract_quotes(article)] == [("Kenyan foreign office", "said")]


def test_a_festival_named_by_capitalised_words_is_not_the_he_who_speaks_next():
    found = speakers("KOHIMA, Mar 5: Army commander Lt Gen Tomas Varga said today that there were definite "
                     "inputs about a possible attack.",
                     "Speaking to reporters after a rally, the General Officer Commanding-in-Chief Northern "
                     "Command, said the militants wanted an attack with Parliament in session and Durga "
                     "Navami festival soon.",
                     "“We are prepared to thwart any such attack,” he said.")
    assert found == [("Tomas Varga", "said")]


@pytest.mark.parametrize("paragraph", [
    "The Rt Hon Peter Marlow said: “This is a good day for both of our countries.”",
    "The Right Honourable Peter Marlow said: “This is a good day for both of our countries.”",
    "Peter Marlow MP said: “This is a good day for both of our countries.”",
    "“This is a good day for both of our countries,” said the Rt Hon Peter Marlow MP.",
])
def test_courtesy_styles_and_letters_after_a_name_leave_the_person_as_speaker(paragraph):
    assert [name for name, _ in speakers(paragraph)] == ["Peter Marlow"]


def test_a_country_after_a_title_is_the_office_and_the_name_set_off_by_commas_the_speaker():
    said = speakers("Talks ended late on Monday.",
                    "“We have opened a new chapter,” the President of Chile, Omar Diaz, said afterwards.")
    assert [name for name, _ in said] == ["Omar Diaz"]


def test_a_surname_written_in_capitals_after_a_first_name_is_a_person_not_a_body():
    said = speakers("Japanese Prime Minister Fumio KISHIDA told reporters: “We will keep working with "
                    "our partners.”")
    assert [name for name, _ in said] == ["Fumio KISHIDA"]


def test_a_role_with_two_parts_joined_by_and_introduces_the_name_after_it():
    said = speakers("“Shops rely on imported parts to keep their prices down,” the group's Vice President of "
                    "Trade and Customs Policy Mara Quint said in a release.")
    assert [name for name, _ in said] == ["Mara Quint"]


def test_a_statement_by_line_gives_its_author_the_quotation_under_it():
    said = speakers("Statement by Tomas Lind, Director of the council's office in Oslo:",
                    "“It is worrying that the crises in the world today last longer and longer.”")
    assert [name for name, _ in said] == ["Tomas Lind"]


def test_a_press_statement_signed_by_someone_is_their_words():
    said = speakers("According to a press statement signed by Ada Nwosu, special adviser to the minister, "
                    "“We deem it necessary to correct some wrong impressions in the reports.”")
    assert [name for name, _ in said] == ["Ada Nwosu"]


def test_any_verb_in_the_past_after_the_quotation_and_a_pronoun_attributes_it():
    said = speakers("The relief coordinator, Lena Marsh, wrote an opinion piece for the day.",
                    "“Even in the depths of despair there is hope”, she estimated in the article.")
    assert [name for name, _ in said] == ["Lena Marsh"]


def test_a_place_just_before_the_quotation_is_never_its_speaker():
    said = speakers("The minister offered to hold talks in Moscow “at any time convenient for the British "
                    "side.”")
    assert all(name != "Moscow" for name, _ in said)


def test_the_holder_of_an_office_whose_nationality_is_unstated_is_the_other_nation_s_minister():
    said = speakers("British Defence Minister Ben Hale will meet Defence Minister Igor Petrov next week.",
                    "The Russian Defence Minister, in a letter, confirmed his “readiness to discuss all "
                    "security issues”.")
    assert [name for name, _ in said] == ["Igor Petrov"]


def test_a_councillor_and_the_party_member_she_is_called_next():
    said = speakers("Committee member Cllr Ruth Ames spoke against the plan.",
                    "The Kirkby Lib-Dem said: “I can not support this application at all.”")
    assert [name for name, _ in said] == ["Ruth Ames"]


def test_an_office_named_with_of_and_and_is_a_role_not_a_person_named_after_its_domain():
    said = speakers("The office of the Minister of Mines and Steel Development, Dr Kofi Adu, has replied.",
                    "“We did not confirm attendance at any forum in the capital,” the statement read.",
                    "The Minister of Mines and Steel Development said: “The reports were incomplete.”")
    assert all(name not in ("Mines", "Steel Development") for name, _ in said)
    assert said[-1][0] == "Kofi Adu"


def test_quotations_of_the_week_are_the_words_of_the_person_named_on_the_line_under_each():
    said = speakers("“He had a choice to make. He made the right call.”",
                    "Prime Minister Ann Lee thanking her predecessor for the power line to the mainland.",
                    "“The best things in this life come free.”",
                    "Drummer Tom Hale believes a hug is a warm way of going about things.",
                    "“I am still here and will remain here.”",
                    "Former minister Ivo Berg in his first speech since he was sacked.")
    assert [name for name, _ in said] == ["Ann Lee", "Tom Hale", "Ivo Berg"]


def test_a_source_inside_a_body_is_unnamed_and_an_official_is_not_the_mp_named_before():
    said = speakers("“It was not done to suit a rally; we had many calls,” said the EC source.",
                    "Opposition MP Ravi Kant tweeted his doubts about the body's independence.",
                    "“The commission will meet at 2.30 pm to finalise dates,” the senior official told ANI.")
    assert said[0][0] != "EC" and said[1][0] != "Ravi Kant"


def test_a_second_lead_in_under_a_lead_in_is_not_the_first_speaker_s_statement():
    from clipdesk.store.text.model import Article
    from clipdesk.store.text.unmarked import unmarked_quotes

    article = Article(id="t", source="t.txt", paragraphs=(
        "Party spokesperson Mira Das tweeted:", "Opposition MP Ravi Kant tweeted:",
        "The commission said the dates had not been finalised yet."))
    assert all(not q.text.endswith("tweeted:") for q in unmarked_quotes(article))


@pytest.mark.parametrize("paragraphs", [
    ("“We have zero tolerance towards such brazen acts,” said the police in a statement.",),
    ("“We have zero tolerance towards such brazen acts,” police said.",),
    ("The police will seek a court order to remand the man.",
     "“We do not condone acts that insult places of worship,” it said."),
])
def test_the_police_speak_as_a_body_even_in_lower_case(paragraphs):
    assert [name for name, _ in speakers(*paragraphs)][-1] == "police"


def test_the_one_urged_after_a_quotation_is_spoken_to_not_its_speaker():
    said = speakers("Lena Ward condemned the country's “intimidation and reprisals against civil society,” "
                    "urging Moscow to meet its “international human rights obligations.”")
    assert [name for name, _ in said] == ["Lena Ward", "Lena Ward"]


def test_adding_after_a_reported_clause_goes_to_the_one_who_spoke_not_that_clause_s_subject():
    said = speakers("Mr Hale stated the Northgate Airport has never been “nearly as well served as other "
                    "hubs”, adding the new planes will “put connectivity into places that need it”.")
    assert [name for name, _ in said] == ["Hale", "Hale"]


def test_quoting_someone_before_a_colon_names_the_speaker():
    said = speakers('Quoting coach Dan Ruiz after the 41-20 win: "Games are not always going to go the way '
                    'you draw them up."')
    assert [name for name, _ in said] == ["Dan Ruiz"]


def test_a_statement_from_a_body_speaks_for_it():
    said = speakers("Foreign Minister Ali Demir spoke by phone with his counterpart on Tuesday.",
                    "“The minister told his counterpart about our efforts to ease the tensions,” a statement "
                    "from the Ministry of Foreign Affairs said.")
    assert [name for name, _ in said] == ["Ministry of Foreign Affairs"]


def test_the_spokesperson_of_someone_named_is_not_another_minister_named_before():
    said = speakers("In a statement, Foreign Secretary Lena Ward said, “We have led the world in this.”",
                    "“Countries may adjust to sanctions over time, so we must keep moving,” Prime Minister "
                    "Tom Hale’s official spokesperson told reporters.")
    assert said[1][0] != "Lena Ward" and "spokesperson" in (said[1][0] or "spokesperson")


def test_the_presidential_spokesperson_is_the_press_secretary_named_before():
    said = speakers("Moscow is studying the list, the President's Press Secretary Ivan Petrov said.",
                    "He served for years in the Foreign Intelligence Service, Petrov recalled.",
                    "“Our reaction will be based on reciprocity and will not take long,” the presidential "
                    "spokesperson said.")
    assert said[-1][0] == "Ivan Petrov"


def test_a_name_after_said_and_a_lower_case_role_is_the_he_of_the_next_paragraph():
    said = speakers("The elephants were caught on Saturday, said department assistant director Adnan Rais.",
                    "“We used two cow elephants as decoys to get them onto the lorries,” he said.")
    assert [name for name, _ in said] == ["Adnan Rais"]


def test_a_street_after_a_house_number_and_a_preposition_opening_a_sentence_never_speak():
    fire = speakers("When two people died in a blaze at 4114 Robinwood Drive, Kelly understands the anguish, "
                    "said Fire Chief Peter Kelly.",
                    "“In the end, our thoughts are with the family,” he said on Tuesday.")
    about = speakers("Health Minister Harsh Verma criticised two states.",
                     "About Chhattisgarh, he said leaders had made comments “that are intended to spread "
                     "misinformation and panic”.")
    assert fire[-1][0] == "Peter Kelly" and about[-1][0] == "Harsh Verma"


def test_a_lead_in_naming_a_body_s_readout_gives_it_the_quotations_under_it():
    said = speakers("The full White House readout of the call:",
                    "“The President spoke to the Chancellor today to wish her a speedy recovery.”",
                    "“The leaders noted the full agenda for the coming year.”")
    assert [name for name, _ in said] == ["White House", "White House"]


def test_the_initials_of_a_role_stand_for_the_person_who_holds_it():
    said = speakers("External Affairs Minister Ravi Menon had 11 bilateral meetings in New York.",
                    "“A friendly meeting with the Dutch foreign minister today,” the EAM said.")
    assert [name for name, _ in said] == ["Ravi Menon"]


def test_according_to_at_the_end_of_the_sentence_names_the_speaker_of_its_quotation():
    said = speakers("“On the surface, there appears to be evidence of war crimes” at the port, according to "
                    "Hale’s spokeswoman.")
    assert [name for name, _ in said] == ["Hale’s spokeswoman"]


def test_a_bare_surname_shared_with_a_spouse_named_after_is_the_person_named_first():
    said = speakers(
        "President Tom Okafor and his wife Ada Okafor arrived in Lisbon on Saturday for a state visit.",
        "He will meet Prime Minister Rui Costa on Monday.",
        "Okafor told reporters that trade was on the agenda. \u201cWe have waited too long for this "
        "deal,\u201d he said.")
    assert said == [("Tom Okafor", "said")]


@pytest.mark.parametrize("who", ["Most", "Several", "Others", "Everyone"])
def test_a_quantifier_opening_the_sentence_is_no_speaker(who):
    said = speakers("Mayor Jeff Hale asked police to clear the chamber.",
                    f"{who} left without asking, saying \u201cthe mayor does not listen to anyone.\u201d")
    assert said == []  # the quantifier is no name, and a part-quotation nobody named said is not listed


def test_the_taoiseach_is_the_irish_leader_the_story_named_not_a_name_of_its_own():
    assert speakers(
        "Taoiseach Ann Okafor met the opposition leader Peter Brennan in Dublin on Friday.",
        "“We agreed to meet again next week,” the Taoiseach said.",
    ) == [("Ann Okafor", "said")]


@pytest.mark.parametrize("verb, cue", [("echoed the sentiment, agreeing that", "agreeing"),
                                       ("agreed that", "agreed"), ("wondered whether", "wondered")])
def test_a_partial_quotation_after_agreeing_or_wondering_is_the_subjects(verb, cue):
    assert speakers(
        "Harbour Board chairman Peter Brennan said bookings were strong this spring.",
        f"Ferry union leader Ann Okafor {verb} the “tremendous demand for summer crossings” would last.",
    ) == [("Ann Okafor", cue)]


@pytest.mark.parametrize("role", ["Lindley Ferries CFO", "mayoral candidate", "his chief defence lawyer"])
def test_a_finance_chief_or_a_candidate_before_the_name_is_the_persons_role(role):
    assert speakers(
        "Lindley Ferries reported record profits on Tuesday.",
        f"“We couldn't be happier with the quarter,” said {role} Peter Brennan.",
    ) == [("Peter Brennan", "said")]


def test_a_plural_title_before_two_names_is_not_part_of_the_first_name():
    assert speakers(
        "Senators Ann Okafor and Jo Brennan filed their first bills on Monday.",
        "“This is the time I start working on my promises,” Okafor said.",
    ) == [("Ann Okafor", "said")]


def test_a_surname_that_is_a_point_of_the_compass_is_still_a_name():
    assert speakers(
        "Lindley Ferries shares rose on Wednesday.",
        "Chief executive Warren East said the company had made “good progress with its new harbour ferries”.",
    ) == [("Warren East", "said")]


def test_the_chief_justice_is_the_judge_named_before_and_justice_itself_is_no_one():
    assert speakers(
        "Counsel for the union appeared in the court of Chief Justice Ann Okafor on Monday.",
        "“Think and tell the court if you trust it,” the chief justice said.",
        "“It is a victory for justice in this town,” said Peter Brennan.",
    ) == [("Ann Okafor", "said"), ("Peter Brennan", "said")]


def test_a_role_never_named_that_speaks_is_the_he_of_the_quotations_after_it():
    said = speakers("The Chilean Finance Minister said the budget talks had gone well.",
                    "“We are pleased with what the committee agreed on Tuesday,” he said. “We will meet "
                    "again next month in Valparaiso,” he added.")
    assert [name for name, _ in said] == ["Chilean Finance Minister", "Chilean Finance Minister"]


def test_a_role_known_only_by_itself_does_not_answer_for_another_role():
    said = speakers("“We are pleased with what the committee agreed,” the Chilean Finance Minister said.",
                    "“Nobody will resign over the flooding of the station,” the police chief said.")
    assert [name for name, _ in said] == ["Chilean Finance Minister", None]


def test_a_long_name_joined_by_bin_and_al_is_one_person_who_speaks_after_an_unnamed_role():
    said = speakers("Later the Omani foreign minister announced that the border would reopen.",
                    "Kuwait's Foreign Minister Sheikh Salem bin Abdullah bin Jaber Al Sabah told reporters "
                    "on Monday that the issue had not been raised.",
                    "“The question of the border has not been raised at all in these talks,” he said.")
    assert [name for name, _ in said] == ["Salem bin Abdullah bin Jaber Al Sabah"]


def test_the_agent_of_a_passive_is_who_the_next_he_said_means():
    handed = speakers("More than 300 parents signed a letter against the school's closure.",
                      "The letter was handed in by Robin Okoro, the Labour councillor.",
                      "He said: “Closing this school would tear the heart out of the village.”")
    presented = speakers("The petition was presented by Cllr Robin Okoro, the Labour councillor who "
                         "represents Park Ward.",
                         "He said: “Closing this school would tear the heart out of the village.”")
    assert [name for name, _ in handed + presented] == ["Robin Okoro", "Robin Okoro"]


def test_a_place_before_a_plural_noun_of_people_is_no_speaker():
    said = speakers("More than 500 Ashby villagers signed a petition condemning the “reckless building on "
                    "the green fields” of the parish.")
    assert said == []  # a phrase from nobody known is not kept as a quotation


def test_a_surname_never_named_in_full_that_was_asked_is_the_he_who_answers():
    said = speakers("Rovers boss Mark Hughes can travel with a clean bill of health.",
                    "“I expect a reaction from the team,” Hughes said.",
                    "Moyes was asked to assess the recent form of City.",
                    "“I have seen City a lot this season and they were on top against Spurs,” he said.")
    assert [name for name, _ in said] == ["Mark Hughes", "Moyes"]


def test_a_pair_of_agents_of_a_passive_does_not_take_the_he_from_the_last_speaker():
    said = speakers("“The talks were very helpful for us,” Foreign Minister Ravi Menon told reporters.",
                    "The other delegation was led by Secretary of State Tom Ray and Defence Secretary "
                    "Jon Hale.",
                    "“In some ways they set out what was expected of the meeting,” he said.")
    assert [name for name, _ in said] == ["Ravi Menon", "Ravi Menon"]


@pytest.mark.parametrize("paragraph", [
    "The talks stalled, and Mayor Ana Ruiz herself said on Thursday, “We want to keep the ferry running.”",
    "Mayor Ana Ruiz on her Facebook page, said: “We want to keep the ferry running.”",
    "“We want to keep the ferry running,” Mayor Ana Ruiz herself said.",
])
def test_a_reflexive_or_the_page_written_on_between_speaker_and_verb_keeps_the_speaker(paragraph):
    assert [name for name, _ in speakers(paragraph)] == ["Ana Ruiz"]


def test_of_two_holders_of_a_role_the_one_the_story_follows_is_who_the_role_noun_means():
    said = speakers("US President Ann Lee signed the fisheries agreement on Monday.",
                    "The deal is “good for both countries,” Lee said before telephoning Chilean President "
                    "Tomas Vidal in front of the press.",
                    "The President called it “one of the largest fishing deals ever made”.")
    assert [name for name, _ in said] == ["Ann Lee", "Ann Lee"]


@pytest.mark.parametrize("employer", ["Harbour University", "University of Lindley"])
def test_a_body_before_a_lower_case_role_and_a_name_after_said_is_the_persons_employer(employer):
    said = speakers(f"“There have been a lot of attacks on the minister,” said {employer} political "
                    "scientist Rhea Owusu, co-author of a book on the court.")
    assert [name for name, _ in said] == ["Rhea Owusu"]


def test_an_outlet_that_reported_a_persons_words_is_not_their_speaker():
    said = speakers("Government spokesperson Omar Haddad has said that the people reject the offer as an "
                    "“ambiguous term with no legal or military meaning”, reported Harbour News.")
    assert [name for name, _ in said] == ["Omar Haddad"]


def test_a_past_tense_after_the_quotation_and_a_name_credits_it_before_about():
    said = speakers("President Ana Ruiz met the visiting premier on Monday.",
                    "“He also played some table tennis with the children,” Ruiz joked about her husband.")
    assert [name for name, _ in said] == ["Ana Ruiz"]


def test_a_representative_of_a_company_named_with_an_ampersand_stays_unnamed():
    said = speakers("Speaking for the scheme, a representative of applicants B&Q said: “We understand the "
                    "fear of change and that people care about the way they live.”")
    assert [name for name, _ in said] == [None]


def test_a_river_named_after_the_is_a_place_not_the_body_a_spokesperson_speaks_for():
    said = speakers("The foreign secretary said there are projects centring on the Lindley River.",
                    "“It is a very important visit for us, the first state visit of the year,” said the "
                    "spokesperson.")
    assert [name for name, _ in said] == [None]


def test_a_place_set_between_commas_after_a_city_never_speaks():
    said = speakers("A senior UN official in Gaza City, northern Gaza, warned of the “deliberate "
                    "dismantling of ordinary life,” a day after the agency ran out of food.")
    assert [name for name, _ in said] == [None]


@pytest.mark.parametrize("paragraph", [
    "Said Lindley producer-director Rhea Owusu, “I keep saying that there are two places where I feel safe.”",
    "Added Harbour actress Rhea Owusu, “This was my first time as a juror at an international festival.”",
    "Festival chief Rhea Owusu on her arrival said “The harbour is hosting the jury at a pivotal moment.”",
    "Festival President Rhea Owusu opened the closing session. “It is now decision time for the jury.”",
])
def test_the_verb_first_an_arrival_between_or_the_sentence_before_name_the_speaker(paragraph):
    assert [name for name, _ in speakers(paragraph)] == ["Rhea Owusu"]


def test_it_is_expected_that_he_will_say_is_his_not_the_building_named_before():
    said = speakers("During an address at Harbour House, the defence secretary will warn that the allies are "
                    "at a crossroads.",
                    "Defence Secretary Tom Hale will set out how the country means to counter the threats.",
                    "During his address, it is expected that he will express: “We are in a new era and we "
                    "must be prepared to deter our enemies.”")
    assert [name for name, _ in said] == ["Tom Hale"]


def test_two_people_who_speak_together_after_a_quotation_give_it_the_first_of_them():
    assert speakers(
        "“Our 2040 target is fixed and we will meet it,” Trade Minister Rosa Vidal and Energy Minister "
        "Karl Ostrom said in a joint statement.") == [("Rosa Vidal", "said")]


def test_whoever_is_quoted_as_saying_speaks_not_whoever_quotes_them():
    assert speakers(
        "Finnish Interior Minister Aino Lehto met the mayor on Thursday, press secretary Pekka Virta said.",
        "The interior minister said her country would help the city rebuild.",
        "“The new bridge will be paid for by the state,” Virta quoted her as telling the mayor.",
    ) == [("Aino Lehto", "quoted")]


def test_the_two_officials_named_just_before_speak_through_the_first_of_them():
    assert speakers(
        "In a letter on Tuesday, Health Secretary Mara Quinn and budget director Olu Adeyemi told agencies "
        "to cut costs.",
        "“Every department must find savings this year,” the two officials wrote.",
    ) == [("Mara Quinn", "wrote")]


def test_the_two_officials_of_a_paragraph_naming_three_people_stay_unnamed():
    assert speakers(
        "Mara Quinn, Olu Adeyemi and Tim Berg met the unions on Tuesday.",
        "“Every department must find savings this year,” the two officials wrote.",
    ) == [(None, "wrote")]


def test_a_role_that_speaks_before_its_holder_is_named_is_that_holder():
    assert speakers(
        "“Giving in to these demands will not bring the hostages home,” the Israeli leader told reporters.",
        "“Pressure is the only way to free them,” Israeli Prime Minister Avi Dror said later.",
    ) == [("Avi Dror", "told"), ("Avi Dror", "said")]


def test_an_unnamed_spokesman_is_not_the_minister_named_later():
    assert speakers(
        "A Ministry of Defence spokesman said the visit was “to thank the troops for their hard work”.",
        "Defence Secretary Tom Hale arrived in Basra on Monday.",
    ) == [("Ministry of Defence spokesman", "said")]


def test_a_role_held_in_one_team_is_not_the_coach_of_another():
    assert speakers(
        "City assistant coach Kevin Morrow said his side had controlled the game.",
        "“We deserved the points today,” Morrow said.",
        "John Aldous was adamant his side should have taken at least one point.",
        "“The players are distraught, tonight we should have won that game,” the Rovers coach said.",
    ) == [("Kevin Morrow", "said"), ("John Aldous", "said")]


def test_the_person_named_after_a_role_and_its_body_speaks():
    assert speakers(
        "“It is a very important visit for us,” said the spokesman for the Foreign Office, Tom Hale, at a "
        "briefing on Friday.") == [("Tom Hale", "said")]


def test_a_description_nobody_was_introduced_by_is_the_speaker_just_quoted():
    assert speakers(
        "Singer Leo Marsh told the interviewer his new album was “uplifting” and almost finished.",
        "When asked if it would be less personal, he shook his head.",
        "“No, I think there are a lot of personal songs on there,” the heartthrob explained.",
    ) == [("Leo Marsh", "told"), ("Leo Marsh", "explained")]


def test_a_description_the_story_used_for_someone_unnamed_stays_unnamed():
    assert speakers(
        "Mayor Ines Duarte visited the flooded street, where a woman was clearing mud from her shop.",
        "“We will rebuild the embankment this year,” Duarte said.",
        "“Nobody came to help us for three days,” the woman said.",
    ) == [("Ines Duarte", "said"), (None, "said")]


def test_he_after_a_quotation_is_who_met_someone_not_the_one_he_met():
    assert speakers(
        "Foreign Minister Ravi Menon on Tuesday held a series of meetings.",
        "Menon also met Bhutanese Foreign Minister Tandi Dorji here and reviewed projects. “Pleasure as "
        "always to see my friend. We discussed hydropower,” he tweeted.",
    ) == [("Ravi Menon", "tweeted")]


def test_a_quotation_after_a_sentence_naming_another_speaker_is_that_speakers():
    assert speakers(
        "State Premier Dana Holt said she was confident.“There was a good spirit in the room,” she said. "
        "“We had good talks.”Island Premier Mark Yeo said he was hopeful a deal would be struck on "
        "Friday.“We had a very productive discussion last night.”",
    ) == [("Dana Holt", "said"), ("Dana Holt", "said"), ("Mark Yeo", None)]


def test_whom_an_opening_participle_welcomes_is_not_the_one_who_speaks():
    assert speakers(
        "US President Ron Vale said he expected a quick deal.",
        "Welcoming Sheikh Omar, the US leader said it was an honour to host him. “We have been friends a "
        "long time.”",
    ) == [("Ron Vale", None)]


def test_saying_after_a_long_clause_is_said_by_the_clause_s_subject_not_the_last_name_in_it():
    assert speakers(
        "Manager Dan Kerr was aggrieved at the Western Council ordering that his team play a Western "
        "Championship match the next day, saying that it was ‘not fair and lacked any common sense.’",
    ) == [("Dan Kerr", "saying")]


def test_a_description_after_the_verb_is_the_speaker_just_quoted_too():
    assert speakers(
        "Manager Dan Kerr said the win was “for the lads, for my family and for this club”.",
        "‘We hurled with style and could have won by more,’ said the man who led them to success.",
    ) == [("Dan Kerr", "said"), ("Dan Kerr", "said")]


def test_a_description_with_no_quotation_before_it_is_the_one_person_just_named():
    assert speakers(
        "Manager Dan Kerr was delighted with the county final.",
        "“It all came together for us on the day,” said the man who led them to success.",
    ) == [("Dan Kerr", "said")]
    assert speakers(
        "Manager Dan Kerr shook hands with captain Sean Roe after the final.",
        "“It all came together for us on the day,” said the man who led them to success.",
    )[0][0] is None  # which of the two led them, the story does not say


def test_a_list_of_countries_before_describing_is_not_who_describes():
    assert speakers(
        "Alliance chief Mark Rowe told reporters the meeting felt different.",
        "He named states already meeting the target, including Denmark, Estonia, Latvia and Poland, "
        "describing their progress as “a decade ahead of schedule.”",
    ) == [("Mark Rowe", "describing")]


@pytest.mark.parametrize("office", ["NATO Secretary General", "Attorney General", "WHO Director General"])
def test_general_after_an_office_is_part_of_the_role_not_a_rank(office):
    paragraph = f"“We are ready,” {office} Ana Ruiz told reporters."
    article = Article(id="t", source="t.txt", paragraphs=(paragraph,))
    assert [(q.speaker, q.speaker_role) for q in extract_quotes(article)] == [("Ana Ruiz", office)]


def test_a_surname_that_is_also_a_word_credits_a_sentence_after_its_comma():
    assert speakers(
        "Councils in Tauranga, Rotorua and Ruapehu all had fewer than 12 councillors, Tripe said.",
        "“It’s working for them so I can’t see why it wouldn’t work for us.”",
    ) == [("Tripe", None)]
    assert speakers("Sirens sounded across the city. “We ran to the basement,” a resident said.") == [
        (None, "said")]


def test_a_member_named_after_a_party_and_its_bracketed_initials_speaks():
    assert speakers(
        "“It was a symbolic fight and we followed the tradition,” Shiv Sena (UBT) MP Priya Desai said "
        "while responding to questions.") == [("Priya Desai", "said")]


def test_words_quoted_in_an_opening_clause_belong_to_the_main_clause_s_speaker():
    assert speakers(
        "Ambassador Rita Hale spoke first.",
        "While Canada “continues to uphold its commitments” under the treaty, she said the council must act.",
    ) == [("Rita Hale", "said")]


def test_a_name_before_was_and_an_adjective_is_the_subject_a_later_he_refers_to():
    assert speakers(
        "“We hurled with style and could have won by more,” said manager Tom Doyle.",
        "Shane Fahy was typically modest about his own part in the win. He acknowledged that he had a "
        "reputation for ‘being a poacher, and it’s not a tag I want to lose too soon’.",
    ) == [("Tom Doyle", "said"), ("Shane Fahy", "acknowledged")]


def test_two_words_of_description_before_a_name_that_speaks_after_the_quotation():
    said = speakers("“I feel a universal feeling of gratitude,” trial participant Sascha Lind told the Post.")
    assert said == [("Sascha Lind", "told")]


def test_a_long_aside_between_a_speaker_and_the_verb_keeps_the_speaker():
    assert speakers(
        "“Nobody has seen this before,” Andrea Cerny, an oncologist at the Memorial Sloan Hill Cancer Center "
        "in New York and the lead author of the study, told the Post.") == [("Andrea Cerny", "told")]


def test_miss_world_is_a_pageant_not_the_woman_a_she_refers_to():
    assert speakers(
        "Spokesperson Mumtaz Karim took questions at the weekly briefing.",
        "The ministry has seen reports of the city organising a Miss World event next month.",
        "“We have seen the news reports, and such stunts change nothing,” she responded.",
    ) == [("Mumtaz Karim", "responded")]


def test_a_name_after_a_plural_role_and_a_comma_is_not_that_role_s_apposition():
    assert speakers(
        "Speaking in Astana at a meeting of foreign ministers, Wang said “Taiwan independence efforts” "
        "represented “the most serious challenge to the international order.”",
    ) == [("Wang", "said"), ("Wang", "said")]


def test_a_governor_after_the_name_of_a_region_speaks():
    said = speakers("“Today the leadership set me other tasks,” Tambov region Governor Maksim Orlov said.")
    assert said == [("Maksim Orlov", "said")]


def test_two_quotations_joined_by_and_share_the_speaker_named_after_them():
    assert speakers('"There is a change of era" and "a widespread rejection for these characters" asserted '
                    "Adorni.") == [("Adorni", "asserted"), ("Adorni", "asserted")]


def test_a_body_s_spokesman_who_speaks_before_he_is_named_is_the_one_spokesman_named_later():
    assert speakers(
        "“We consider it possible, but only as a result of the work,” the Kremlin's spokesman said.",
        "“For now, we need to do what the delegations agreed on yesterday,” spokesman Dmitry Pavlov said.",
    ) == [("Dmitry Pavlov", "said"), ("Dmitry Pavlov", "said")]


def test_the_name_after_a_role_and_its_field_speaks_not_the_role():
    assert speakers("Google senior vice president of hardware Rick Osterloh said: “HTC has been a longtime "
                    "partner of Google.”") == [("Rick Osterloh", "said")]


def test_the_name_after_asked_right_after_a_quotation_asked_it_and_goes_on_speaking():
    found = speakers(
        "Armenian Prime Minister Nikol Pashinyan answered questions in parliament on Wednesday.",
        "“Is this realistic?” asked Pashinyan. “I will answer it this way: we will make every effort.”",
        "The speaker asked Pashinyan to sum up. “We are waiting for the vote,” said Alen Simonyan.",
    )
    assert [name for name, _ in found] == ["Nikol Pashinyan", "Nikol Pashinyan", "Alen Simonyan"]


@pytest.mark.parametrize("paragraph, speaker", [
    ("Ms Callaghan who represents Uddingston and Bellshill, said, “It was a pleasure to welcome the pupils.”",
     "Callaghan"),
    ("John Swinney who met Mark Griffin on Friday said: “It was a pleasure to welcome the pupils.”",
     "John Swinney"),
    ("Mrs McNeill who joined the pupils on their visit to Holyrood said: “It was a pleasure to be there.”",
     "McNeill"),
])
def test_a_name_before_a_relative_clause_without_commas_speaks_not_a_name_inside_it(paragraph, speaker):
    lead = "Pupils from a Glasgow school visited the Scottish Parliament on Friday."
    assert speakers(lead, paragraph)[0][0] == speaker


def test_a_credit_that_goes_on_adding_that_still_credits_the_quotation_before_it():
    found = speakers(
        "The Kremlin commented on the talks in Istanbul on Saturday.",
        '"For now, we need to do what the delegations agreed on yesterday" in Turkey, spokesman Dmitry Peskov'
        ' said, adding that "this means first and foremost completing the exchange of prisoners."',
    )
    assert [name for name, _ in found] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_a_dash_credit_under_a_quotation_of_several_paragraphs_credits_every_paragraph_of_it():
    found = speakers(
        "Ministers from both governments attended the council meeting in Armagh on Monday.",
        "“We are here today as joint heads of government to take part in this meeting.",
        "“What the public want is leadership, and we are prepared to provide that leadership.",
        "“We are leaving quickly after the press conference because we have much business to do.”",
        "– First Minister Michelle O’Neill",
    )
    assert [name for name, _ in found] == ["Michelle O’Neill"] * 3


def test_a_credit_closing_the_sentence_after_a_quoted_phrase_credits_the_quotation_before_the_phrase():
    found = speakers(
        "UN envoy Ramzy Ezzeldin Ramzy spoke to reporters in Geneva.",
        '"Bear with us. In the next few days there might be some movement," towards holding "credible talks,"'
        ' the UN envoy said, adding, "We have not given up hope," of a diplomatic solution.',
    )
    assert [name for name, _ in found] == ["Ramzy Ezzeldin Ramzy"] * 3


def test_a_sentence_after_a_quotation_whose_mark_is_glued_to_it_does_not_credit_it():
    found = speakers(
        "Queensland Premier Annastacia Palaszczuk spoke to reporters before the meeting.",
        "“We are absolutely united,” she said on Friday.“It is wonderful that health is finally on the"
        " agenda.”NSW Premier Dominic Perrottet said he was confident of a deal.",
    )
    assert [name for name, _ in found] == ["Annastacia Palaszczuk"] * 2


@pytest.mark.parametrize("paragraph, speaker", [
    ("Curry welcomed council member Jane Roe, who said: “This is a big day for our city and its workers.”",
     "Jane Roe"),
    ("Curry then introduced Council President Greg Anderson, who described “the company as part of this"
     " community for a long time.”", "Greg Anderson"),
])
def test_the_name_before_who_and_a_verb_of_saying_speaks(paragraph, speaker):
    assert speakers("Mayor Lenny Curry announced the jobs deal on Monday.", paragraph)[0][0] == speaker


def test_an_association_named_before_its_president_is_a_body_and_the_president_speaks_next():
    found = speakers(
        "NZ Parent Teacher Association (NZPTA) president Jen McLean says the dispute is stressful for all.",
        "“For us, it is really about encouraging teachers and parents to keep talking when it gets tough.”",
    )
    assert found[0][0] == "Jen McLean"


def test_the_one_an_outlet_quoted_as_telling_speaks_even_after_a_title():
    found = speakers(
        "Indonesian President Joko Widodo met party leaders at the palace on Monday.",
        "“Such meetings are a very effective way of solving national problems,” Antara News quoted President"
        " Widodo as telling a press conference.",
        "“We will meet again next month,” Reuters quoted sources close to Joko Widodo as saying.",
    )
    assert found[0][0] == "Joko Widodo"
    assert found[1][0] != "Joko Widodo"  # the sources close to him speak


def test_a_pronoun_and_a_name_speaking_together_are_the_pronoun_s_person_first():
    found = speakers(
        "Chinese President Hu Jintao met Barack Obama in Beijing on Tuesday.",
        "Hu said he and Obama agreed that regular contact was “essential to the growth of relations”.",
    )
    assert found[0][0] == "Hu Jintao"


def test_his_words_before_a_quotation_are_the_man_the_story_is_about_and_so_are_the_quotations_after():
    found = speakers(
        "Nigeria’s draw against Cape Verde felt like a victory, coach Gernot Rohr has said.",
        "His words, “First of all, sometimes, a draw can be like a victory. That was the case today.”",
        "“We missed a lot of chances in the first half, and I think we deserved a second goal.”",
    )
    assert [name for name, _ in found] == ["Gernot Rohr", "Gernot Rohr"]


def test_the_one_credited_before_adding_speaks_the_quotation_after_it():
    found = speakers(
        "Turkish Foreign Minister Mevlut Cavusoglu met his Armenian counterpart in Antalya.",
        'Turkey strives for stability and peace in the South Caucasus, said Cavusoglu, adding "Azerbaijan'
        ' also supports this process."',
    )
    assert found == [("Mevlut Cavusoglu", "adding")]


def test_the_one_making_remarks_in_a_lead_in_speaks_the_quotation_after_its_colon():
    found = speakers(
        "The festival's jury and award winners sat down with the press after the closing ceremony.",
        "The first half was devoted to the jury, with Jury President Ana Lima making the opening remarks:"
        " “First of all, I would like to thank the jury members for their work.”",
    )
    assert found[0][0] == "Ana Lima"


def test_a_name_before_on_his_part_and_a_verb_is_the_subject_a_he_in_the_next_paragraph_refers_to():
    found = speakers(
        "Tanzania's ambassador Ali Shiyo said: “We will deepen our trade ties with Ethiopia.”",
        "Cuba Ambassador, Jorge Lefebre Nicolas on his part expressed his commitment to foster the ties.",
        "“We have a lot of things to do together in agriculture, health and education,” he said.",
    )
    assert [name for name, _ in found] == ["Ali Shiyo", "Jorge Lefebre Nicolas"]


def test_a_body_named_in_lower_case_with_its_initials_in_brackets_speaks_by_its_initials():
    found = speakers(
        "India and Sri Lanka held talks in New Delhi on Monday.",
        "In a statement, the ministry of external affairs (MEA) said, “The visit is part of our continuing"
        " engagement with the government of Sri Lanka.”",
    )
    assert found == [("MEA", "said")]


def test_the_person_named_after_a_role_at_a_body_speaks_whoever_else_the_story_named_first():
    found = speakers(
        "Bangladeshi TV reported on the preparations for the visit.",
        '"It is a very important visit for us," said the spokesperson at the Indian Ministry of External'
        " Affairs Randhir Jaiswal, at a weekly media briefing in New Delhi.",
    )
    assert found == [("Randhir Jaiswal", "said")]


def test_a_first_name_and_a_surname_that_is_also_a_word_are_a_person_whose_pronoun_speaks():
    article = Article(id="t", source="t.txt", paragraphs=(
        "Theresa May visited a textile factory last week to highlight manufacturing.",
        "Supporting the Conservative candidate for Hyndburn Kevin Horkin, Theresa May met workers there.",
        "She said: “There are many strengths in East Lancashire and we want to develop them.",
        "“It is important for a government to ensure that all parts of the country benefit.”",
    ))
    found = extract_quotes(article)
    assert [(q.speaker, q.speaker_role) for q in found] == [("Theresa May", None)] * 2


def test_a_role_nobody_holds_after_a_quotation_is_the_one_just_quoted_and_a_plural_role_is_no_she():
    found = speakers(
        "She spoke to reporters after meeting her Danish counterpart, Mette Frederiksen, in Vilnius.",
        '"War crimes are difficult to understand for the civilised world," Simonyte said.',
        '"It is very difficult to believe the promises of withdrawal," the Lithuanian prime minister said.',
        'Simonyte noted that EU leaders have agreed to take action to "plug the holes in the sanctions".',
        '"I think we have to be consistent and patient and keep up the pressure," she said.',
    )
    names = [name for name, _ in found]
    assert names[1] == "Simonyte" and names[3] == "Simonyte"


def test_a_chairperson_is_a_role_before_the_name_of_who_holds_it():
    found = speakers(
        "The iwi board met the council on Tuesday.",
        "“We will publish the report next week,” said Ngati Mutunga Chairperson Jamie Tuuta.",
    )
    assert found == [("Jamie Tuuta", "said")]


def test_a_title_with_no_name_after_it_is_a_role_and_stands_for_the_one_the_story_was_about():
    found = speakers(
        "Sri Lanka's cricketers returned home on Friday after the tournament.",
        "Speaking to the media after the team returned, Mathews said no single player was to blame.",
        "“We are disappointed about the loss. We take full responsibility as a team,” the Captain said.",
    )
    assert found == [("Mathews", "said")]


def test_a_role_held_in_a_country_introduces_the_name_after_it():
    assert speakers(
        "Farland and Ruritania held their first talks on fishing rights yesterday.",
        "“We touched on the quotas, the survey vessels and the court ruling.",
        "“But we did not dwell on them,” Farland's Ambassador to China Jose Santiago Ferreira told "
        "reporters.",
        "“We will meet again in the spring,” said Ambassador to Japan Maria Lopez.",
        "“Nothing was decided,” an adviser to President Jose Ramos said.",
    ) == [("Jose Santiago Ferreira", "told"), ("Jose Santiago Ferreira", "told"), ("Maria Lopez", "said"),
          (None, "said")]


def test_a_month_after_a_title_is_a_surname():
    assert speakers(
        "The president welcomed Theresa May to the White House.",
        "Mrs May said: “Thank you for inviting me so soon after your inauguration.",
        "“The invitation shows the strength of the relationship between our two countries.”",
        "The talks ended on May 12.",
    ) == [("Theresa May", "said"), ("Theresa May", "said")]


def test_who_says_a_sentence_speaks_the_quotation_after_it_not_a_body_inside_it():
    assert speakers(
        "Speaker Wangchuk Namgyel expressed his regret for the bill's defeat.",
        "He said after the National Assembly rejected the bill last time, the National Council wrote to the "
        "National Assembly asking the two houses to work together. “The council chairperson came personally "
        "to ask for the debate.”",
    ) == [("Wangchuk Namgyel", None)]


def test_a_day_word_between_the_speaker_and_the_verb_and_an_adding_lead_keep_the_speaker():
    assert speakers(
        "Taking a tough stand, the army chief, General Dara Singh, today said: “If rules are followed by "
        "our neighbours, we follow them too.”",
        "Adding; “We reserve the right to answer every violation.”",
        "Foreign Minister Ann Kovac yesterday said: “We are ready for talks with anyone.”",
    ) == [("Dara Singh", "said"), ("Dara Singh", "said"), ("Ann Kovac", "said")]


def test_the_she_after_a_role_standing_for_the_one_quoted_before_is_that_person_too():
    assert speakers(
        "She was speaking to reporters after meeting her Danish counterpart, Mette Lund, in Vilnius.",
        "“War crimes are difficult to understand for the civilised world,” Simonyte said.",
        "“It is very difficult to believe the promises of withdrawal,” the Lithuanian prime minister said.",
        "“All of this can only be judged by deeds and not by words,” she added.",
    ) == [("Simonyte", "said"), ("Simonyte", "said"), ("Simonyte", "added")]
