"""Search: relevant evidence first with its citation, quotations by the asked speaker, abstention."""

import json
import random

import pytest

from clipdesk.store.index import question as question_module
from clipdesk.store.index import search as search_module
from clipdesk.store.index.intent import asks_published, intent, speaker_slot, without_piece_words
from clipdesk.store.index.people import Recognised, resolve_person
from clipdesk.store.index.search import find_quotes, search, who_said
from clipdesk.store.index.vectors import backfill_vectors
from clipdesk.store.ingest import ingest_text

ARCTIC = """Norway and Finland agree joint Arctic air patrols

OSLO, March 3 (Reuters) - Norway's defence minister said on Tuesday that Norway and Finland \
would begin joint air patrols over the Arctic next spring, citing a busier High North.

"The High North is becoming more crowded, and we must be ready," Defence Minister Tore Sandvik \
told reporters in Oslo.

Finnish Defence Minister Antti Hakkanen said the patrols would not be aimed at any single country.

"This is about deterrence, not provocation," Hakkanen said.

Sandvik said deterrence only works when it is credible and when allies train together.

The two ministers signed the agreement at a meeting in Tromso on March 2.

(Reporting by Gwladys Fouche; Editing by Alex Richardson)
"""

FISHING = """EU and Norway settle cod quota dispute

BRUSSELS (AP) — The European Union and Norway have settled a long-running dispute over cod \
quotas around Svalbard, officials said Friday.

Fisheries negotiators agreed to raise the EU share of the catch by a tenth for the coming season.

Norwegian fishermen's associations criticised the deal as too generous to trawlers from Spain and Portugal.
"""


def _article_id(db, source):
    return db.execute("SELECT id FROM articles WHERE source = ?", [source]).fetchone()[0]


def _paragraph_of(db, aid, words):
    rows = db.execute("SELECT position, text FROM paragraphs WHERE article_id = ?", [aid]).fetchall()
    return next(pos for pos, text in rows if words in text)


@pytest.fixture
def coverage(db):
    ingest_text(db, ARCTIC, "reuters_arctic.txt",
                {"url": "https://example.org/arctic", "outlet": "Reuters", "published": "2025-03-03"})
    ingest_text(db, FISHING, "ap_fishing.txt")
    db.execute("DELETE FROM quotes")  # the tests below place their own quotations
    db.execute("DELETE FROM events")
    return db


def _add_quote(db, source, text, speaker):
    aid = _article_id(db, source)
    speaker_id, name = resolve_person(db, speaker)
    db["quotes"].insert({"article_id": aid, "paragraph": _paragraph_of(db, aid, text), "text": text,
                         "speaker_id": speaker_id, "speaker": name})


DETERRENCE = "This is about deterrence, not provocation"
CROWDED = "The High North is becoming more crowded, and we must be ready"


def _add_both_quotes(db):
    _add_quote(db, "reuters_arctic.txt", DETERRENCE, "Antti Hakkanen")
    _add_quote(db, "reuters_arctic.txt", CROWDED, "Tore Sandvik")
    backfill_vectors(db)  # as ingest would have: every row has its vector


def test_the_answer_carries_its_citation(coverage):
    result = search(coverage, "When will the joint Arctic air patrols begin?")
    best = result.hits[0]
    assert "joint air patrols" in best.text
    assert (best.source, best.url, best.outlet, best.published) == (
        "https://example.org/arctic", "https://example.org/arctic", "Reuters", "2025-03-03")


def test_without_a_url_the_file_name_is_the_source_and_unknowns_stay_unknown(coverage):
    best = search(coverage, "cod quotas Svalbard dispute").hits[0]
    assert best.source == "ap_fishing.txt"
    assert best.url is None and best.published is None


def test_the_evidence_covering_more_of_the_question_ranks_first(coverage):
    hits = search(coverage, "Norwegian fishermen criticised the cod deal", k=3).hits
    assert "criticised the deal" in hits[0].text


@pytest.mark.parametrize("question", [
    "What is the capital of Australia?",
    "Who won the Tour de France?",
    "What did Olaf Scholz say about Arctic air patrols?",
    "what did olaf scholz say about the joint arctic air patrols next spring",
    "recipe for banana bread",
])
def test_questions_the_coverage_cannot_answer_get_no_hits(coverage, question):
    result = search(coverage, question)
    assert not result.found and result.hits == ()


@pytest.mark.parametrize("question", ["", "   ", "what is the?", "?!", "and or not"])
def test_questions_without_content_words_get_no_hits(coverage, question):
    assert not search(coverage, question).found


def test_paraphrase_with_other_word_forms_is_found(coverage):
    hits = search(coverage, "Who signed the agreements in Tromso?").hits
    assert hits and "signed the agreement" in hits[0].text


def test_when_questions_prefer_dated_evidence(coverage):
    hits = search(coverage, "When did the ministers sign the patrol agreement?").hits
    assert hits[0].text.endswith("on March 2.")
    assert search(coverage, "When did the ministers sign the patrol agreement?").intent == "when"


MINES = """Danish and Dutch navies begin Baltic mine clearance

COPENHAGEN — Danish navy chief Lars Holm on Wednesday announced a joint mine clearance mission with \
the Netherlands in the Baltic Sea.

The mission will use four minehunters and two support ships, the navy said.

Holm told reporters the minehunters would sweep the shipping lanes near Bornholm before the ferries resume.
"""

UNDATED = MINES.replace(" on Wednesday", "")


@pytest.mark.parametrize("text, first", [(MINES, "on Wednesday announced"), (UNDATED, "sweep the shipping")])
def test_a_when_answer_without_its_date_is_led_by_the_paragraph_dating_its_story(db, text, first):
    ingest_text(db, text, "mines.txt")
    hits = search(db, "When did Holm say the minehunters would sweep the shipping lanes near Bornholm?").hits
    assert first in hits[0].text
    assert any("sweep the shipping lanes" in h.text for h in hits)  # the evidence it dates stays cited


@pytest.mark.parametrize(("published", "first"), [
    ("2025-06-04", "Published 2025-06-04 by DR"), (None, "Holm told")])
def test_a_when_answer_in_an_article_stating_no_date_is_led_by_when_it_was_published(db, published, first):
    ingest_text(db, UNDATED, "mines.txt", {"outlet": "DR", "published": published})
    hits = search(db, "When did Holm say the minehunters would sweep the shipping lanes near Bornholm?").hits
    assert hits[0].text.startswith(first)  # an unknown date stays unknown
    assert any("sweep the shipping lanes" in h.text for h in hits)


TALKS = """Finnish and Estonian ministers meet in Tallinn

TALLINN - The Estonian defence ministry said on March 3 that its minister would host his Finnish \
counterpart for talks in Tallinn on Baltic air defence.

The two defence ministers met in Tallinn on Friday and agreed to share radar data over the Gulf of Finland.
"""


def test_what_day_of_the_week_is_answered_with_a_weekday(db):
    ingest_text(db, TALKS, "talks.txt")
    hits = search(db, "What day of the week did the Finnish and Estonian defence ministers meet?").hits
    assert "on Friday" in hits[0].text
    assert "March 3" in search(db, "What date did the ministry announce the Tallinn talks?").hits[0].text


def test_when_a_piece_was_published_is_answered_with_its_articles_date(coverage):
    hits = search(coverage, "When was the Reuters story on the Arctic air patrols published?").hits
    assert hits[0].kind == "article"
    assert "2025-03-03" in hits[0].text and "Reuters" in hits[0].text
    assert any("joint air patrols" in h.text for h in hits[1:])  # with the evidence that found it


def test_a_piece_without_a_known_date_gets_no_invented_one(coverage):
    hits = search(coverage, "When was the piece on the Svalbard cod quota dispute published?").hits
    assert hits and all(h.kind != "article" for h in hits)
    assert "cod" in hits[0].text


def test_when_questions_prefer_events(coverage):
    aid = _article_id(coverage, "reuters_arctic.txt")
    coverage["events"].insert({
        "article_id": aid, "paragraph": _paragraph_of(coverage, aid, "Tromso"), "kind": "meeting",
        "date": None, "date_text": "March 2", "place": "Tromso",
        "participants": json.dumps(["Tore Sandvik", "Antti Hakkanen"]),
        "summary": "The two ministers signed the agreement at a meeting in Tromso on March 2."})
    backfill_vectors(coverage)
    best = search(coverage, "When did the ministers meet in Tromso?").hits[0]
    assert best.kind == "event"


def test_quotations_by_the_speaker_asked_about_come_first(coverage):
    _add_both_quotes(coverage)
    best = search(coverage, "What did Hakkanen say about deterrence?").hits[0]
    assert (best.kind, best.speaker) == ("quote", "Antti Hakkanen")
    assert best.text == DETERRENCE
    assert search(coverage, "What did Sandvik say about the High North?").hits[0].speaker == "Tore Sandvik"


def test_one_hit_per_paragraph_and_at_most_k(coverage):
    _add_quote(coverage, "reuters_arctic.txt", DETERRENCE, "Antti Hakkanen")
    hits = search(coverage, "deterrence Hakkanen Sandvik patrols Norway Finland", k=2).hits
    assert len(hits) <= 2
    assert len({(h.article_id, h.paragraph) for h in hits}) == len(hits)


def test_find_quotes_by_speaker_and_words(coverage):
    _add_both_quotes(coverage)
    assert [h.speaker for h in find_quotes(coverage, speaker="Antti Hakkanen")] == ["Antti Hakkanen"]
    assert find_quotes(coverage, speaker="Tore Sandvik", words="crowded")[0].text.startswith("The High North")
    assert find_quotes(coverage, speaker="Tore Sandvik", words="provocation") == []
    assert find_quotes(coverage, speaker="Somebody Unheard-of") == []
    assert find_quotes(coverage, words="deterrence")[0].speaker == "Antti Hakkanen"


def test_who_said_finds_the_speaker_of_a_phrase(coverage):
    _add_both_quotes(coverage)
    assert who_said(coverage, "not provocation")[0].speaker == "Antti Hakkanen"
    assert who_said(coverage, "more crowded")[0].speaker == "Tore Sandvik"
    assert who_said(coverage, "banana bread") == []


def test_a_name_recognised_too_loosely_is_still_refused(coverage, monkeypatch):
    person_id, name = resolve_person(coverage, "Tore Sandvik")

    def too_loose(db, text):
        return [Recognised(person_id, name, "person", "Sandberg", 70.0)] if "Sandberg" in text else []

    monkeypatch.setattr(question_module, "recognise_people", too_loose)
    assert not search(coverage, "What did Sandberg say about the High North?").found
    monkeypatch.setattr(question_module, "recognise_people",
                        lambda db, text: [Recognised(person_id, name, "person", "Sandvk", 90.0)])
    assert search(coverage, "What did Sandvk say about the High North?").hits[0].text.startswith('"The High')


def test_common_and_unknown_words_over_thousands_of_paragraphs(db):
    rnd = random.Random(7)
    vocabulary = ["russia", "ukraine", "nato", "minister", "talks", "said", "moscow", "london", "defence",
                  "sanctions", "war", "troops", "border", "security"] + [f"word{i}" for i in range(3000)]
    weights = [1 / (i + 1) for i in range(len(vocabulary))]
    db.conn.executemany("INSERT INTO articles (id, source, ingested_at) VALUES (?, ?, '2025')",
                        [(f"a{i}", f"a{i}.txt") for i in range(1000)])
    db.conn.executemany("INSERT INTO paragraphs (article_id, position, text) VALUES (?, ?, ?)",
                        [(f"a{i}", p, " ".join(rnd.choices(vocabulary, weights, k=30)))
                         for i in range(1000) for p in range(8)])
    common = search(db, "russia ukraine nato talks")
    assert common.found and all({"russia", "ukraine", "nato", "talks"} <= set(h.text.split())
                                for h in common.hits)
    assert not search(db, "What is the capital of Australia?").found


def test_on_a_large_store_the_rarest_words_drive_and_the_others_still_count(db, monkeypatch):
    rnd = random.Random(11)
    filler = [f"word{i}" for i in range(500)]

    def text(*words: str) -> str:
        return " ".join(rnd.sample(filler, 25) + list(words))

    rows = [text("glacier") for _ in range(19)] + [text("glacier", "melt", "survey")]
    rows += [text("melt") for _ in range(59)] + [text("survey") for _ in range(59)]
    rows += [text() for _ in range(1800)]
    rnd.shuffle(rows)
    db.conn.executemany("INSERT INTO articles (id, source, ingested_at) VALUES (?, ?, '2025')",
                        [(f"a{i}", f"a{i}.txt") for i in range(len(rows))])
    db.conn.executemany("INSERT INTO paragraphs (article_id, position, text) VALUES (?, 0, ?)",
                        [(f"a{i}", row) for i, row in enumerate(rows)])
    # every word is under the ceiling, but 'glacier' (20 paragraphs) and 'melt' (60) fill the budget
    monkeypatch.setattr(search_module, "RARE_POSTINGS", 100)
    hits = search(db, "glacier melt survey").hits
    assert hits and {"glacier", "melt", "survey"} <= set(hits[0].text.split())


@pytest.mark.parametrize(("question", "kind", "slot"), [
    ("When did Wallace visit Moscow?", "when", ""),
    ("On which date did they meet?", "when", ""),
    ("Where did the ministers meet?", "where", ""),
    ("In which city is the headquarters?", "where", ""),
    ("Who said cooperation could go below zero?", "who", ""),
    ("What did Olaf Scholz say about gas?", "what", "Olaf Scholz"),
    ("Who can end the war, according to the defence secretary?", "who", "the defence secretary"),
    ("nuclear testing", "what", ""),
    ("I wonder whether Gaza came up when Healey was interviewed", "what", ""),
    ("Do you know when the ministers met?", "when", ""),
    ("remind me what the minister said about trade when she met Xi", "what", ""),
    ("What day of the week did they meet?", "when", ""),
    ("What did the ministry spokesman call the reports?", "what", "the ministry spokesman"),
    ("What did Sandvik dismiss as rumours?", "what", "Sandvik"),
])
def test_questions_are_read_for_the_kind_of_answer_and_the_person_asked_about(question, kind, slot):
    assert (intent(question), speaker_slot(question)) == (kind, slot)


@pytest.mark.parametrize(("question", "source", "words"), [
    ("What did Shoygu say about cooperation with London?", "002", "zero"),
    ("healy russian economy", "000", "economy is distorted"),
    ("Kiev ceasefire negotiations", "000", "must involve Kyiv"),
    ("Is the UK defense secretary sure Trump can convince Putin?", "001", "UK Defence Secretary"),
    ("Ukrainian border military deployment", "004", "deployment on Ukraine’s border"),
])
def test_misspelt_names_other_spellings_and_place_variants_find_the_seed_evidence(
        seeded_db, question, source, words):
    best = search(seeded_db, question).hits[0]
    assert best.source.startswith(source) and words in best.text


@pytest.mark.parametrize("question", ["What did Olaf Scholz say about cooperation with London?",
                                      "what did scholz say about the russian economy"])
def test_an_unknown_person_is_never_the_nearest_known_one(seeded_db, question):
    assert not search(seeded_db, question).found


def test_a_person_asked_about_is_not_taken_for_the_speaker(coverage):
    _add_both_quotes(coverage)
    hits = search(coverage, "What did Hakkanen say about Sandvik and the High North?").hits
    assert hits and all(h.speaker != "Tore Sandvik" for h in hits)


def test_hits_far_weaker_than_the_best_are_left_out(coverage):
    hits = search(coverage, "deterrence Hakkanen", k=5).hits
    assert hits[0].text.startswith('"This is about deterrence')
    assert not any("aimed at any single country" in h.text for h in hits)


def test_what_someone_said_is_never_answered_with_another_speakers_words(coverage):
    _add_both_quotes(coverage)
    hits = search(coverage, "What did Sandvik say about provocation?").hits
    assert not any(h.speaker == "Antti Hakkanen" or "provocation" in h.text for h in hits)
    assert search(coverage, "What did Hakkanen say about provocation?").hits[0].speaker == "Antti Hakkanen"


CABLES = """Baltic ministers warn on undersea cables

RIGA, May 5 - Latvia's defence minister Ilze Kalnina warned on Monday that sabotage of undersea cables \
in the Baltic Sea was a growing threat to shipping and energy links, speaking after talks in Riga.

"Every cable we lose is a lesson we should not need to learn twice," Kalnina said.

Shipping companies said insurance costs had risen since the first cable was cut.
"""


def test_what_did_x_say_leads_with_x_s_quotation_over_a_paragraph_holding_more_words(db):
    ingest_text(db, CABLES, "lsm_cables.txt")
    hits = search(db, "What did the Latvian defence minister say about the cables?", k=3).hits
    assert (hits[0].kind, hits[0].speaker) == ("quote", "Ilze Kalnina")
    assert any(h.kind == "paragraph" and "undersea cables" in h.text for h in hits[1:])

FLOODS = """River levels rise across the valley

DRAVA, March 3 - Regional governor Tomas Vidmar on Tuesday warned farmers against planting on the flood \
plain until the river falls.

"Farmers will get help with their planting this spring, and nobody will be left alone," Vidmar said \
at the dam.

Engineers said the dam was holding and the river would fall by the weekend.
"""


def test_what_did_x_warn_leads_with_the_paragraph_reporting_x_warning(db):
    """The question's own verb, said by X in a paragraph, answers it; X's quotation on the same words
    still answers "what did X say"."""
    ingest_text(db, FLOODS, "floods.txt")
    warned = search(db, "What did Vidmar warn farmers against planting?", k=3).hits
    assert warned[0].kind == "paragraph" and "warned farmers against planting" in warned[0].text
    said = search(db, "What did Vidmar say about planting?", k=3).hits
    assert (said[0].kind, said[0].speaker) == ("quote", "Tomas Vidmar")


HARBOUR = """Port strike ends in Gdansk

GDANSK - Dock workers in Gdansk returned to work on Monday after a week-long strike over pay.

Union leader Marta Kowal said the deal was fair but warned that the port's owners were "playing with fire" \
by delaying investment in new cranes. "We will not wait another ten years for safe equipment," Kowal said.
"""


def test_a_quotation_of_a_few_words_is_cited_in_its_sentence_with_its_speaker(db):
    ingest_text(db, HARBOUR, "harbour.txt")
    hit = search(db, "Who said the owners were playing with fire?").hits[0]
    assert hit.text.startswith("Union leader Marta Kowal said the deal was fair")
    assert hit.text.endswith('new cranes.') and hit.speaker == "Marta Kowal"
    said = search(db, "What did Kowal say about safe equipment?").hits[0]
    assert (said.kind, said.text) == ("quote", "We will not wait another ten years for safe equipment")


ROADS = """Transport ministers meet in Leeds

LEEDS - Transport minister Hana Osei told reporters that the government was spending more than ever \
on transport.

"You are losing drivers every day. Your railways are full. Your buses are late. Fixing that is a long job," \
Osei said of the previous government.

According to Osei, the main job of transport ministers is to repair potholes on rural roads before building \
new motorways.
"""


def test_the_asked_persons_own_words_do_not_lead_when_they_hold_little_of_the_question(db):
    ingest_text(db, ROADS, "roads.txt")
    hits = search(db, "What is the main job of transport ministers according to Osei?").hits
    assert hits[0].text.startswith("According to Osei, the main job")


def test_how_many_questions_lead_with_a_number(coverage):
    hits = search(coverage, "How much bigger will the EU share of the cod catch be?", k=3).hits
    assert "by a tenth" in hits[0].text


BRIGADE = """Estonia hosts a new allied brigade

TALLINN, June 9 - Some 4,000 allied troops will be based near Tapa from next year under a plan agreed \\
by Estonia and Britain, the Estonian defence ministry said on Monday.

The brigade's headquarters will open in Tallinn in the spring and will include senior British officers.

Western intelligence services believe Russia is rebuilding its forces near the border.

Local officials welcomed the plan but asked for new roads and housing near the base.
"""


@pytest.mark.parametrize(("question", "words"), [
    ("How many allied soldiers will be stationed near Tapa?", "4,000 allied troops"),
    ("Will the brigade's HQ include British officers?", "headquarters will open"),
    ("What do local authorities want built near the military base?", "new roads and housing"),
])
def test_a_question_in_other_words_finds_the_evidence(db, question, words):
    ingest_text(db, BRIGADE, "err_brigade.txt")
    hits = search(db, question, k=3).hits
    assert hits and words in hits[0].text


def test_ordinary_words_where_a_speaker_would_stand_are_not_unknown_names(db):
    ingest_text(db, BRIGADE, "err_brigade.txt")
    hits = search(db, "What do western spy agencies think Russia is doing near the border?", k=3).hits
    assert hits and "rebuilding its forces" in hits[0].text


@pytest.mark.parametrize("question", [
    "What is the weather in Tallinn today?",
    "Which hotels in Riga are the cheapest?",
    "Who won the football match in Tallinn?",
    "How many people live in Riga?",
    "What did Kalnina say about the 2030 Winter Olympics?",
])
def test_off_topic_questions_sharing_a_city_or_a_person_with_the_coverage_abstain(db, question):
    ingest_text(db, BRIGADE, "err_brigade.txt")
    ingest_text(db, CABLES, "lsm_cables.txt")
    assert not search(db, question).found
    assert search(db, "How many allied soldiers will be stationed near Tapa?").found


@pytest.mark.parametrize("question, published", [
    ("When was the Reuters story on the patrols published?", True),
    ("When was the article about the cod deal posted?", True),
    ("When did the ministers sign the agreement?", False),
    ("Who published the figures on cod?", False),
])
def test_questions_asking_when_a_piece_was_published(question, published):
    assert asks_published(question) is published


def test_the_words_naming_a_piece_are_not_its_subject():
    assert without_piece_words("When was the Reuters story on the patrols published?") == \
        "When was the Reuters on the patrols ?"


PACT = """Nordic ministers sign security pact

STOCKHOLM, May 12 - Defence ministers of five northern European countries met in Lulea on Tuesday.

Ministers signed a ten-year security agreement with Ukraine at the meeting in Lulea, the host said.

The Russian foreign ministry summoned the Swedish ambassador over the exercises on Wednesday.
"""


@pytest.mark.parametrize(("question", "words"), [
    # a capital for its country: the article never writes "Kyiv"
    ("In which town was the security accord with Kyiv signed?", "agreement with Ukraine"),
    # a country for its capital's government
    ("Did Moscow summon a diplomat over the drills?", "summoned the Swedish ambassador"),
])
def test_a_capital_and_its_country_stand_for_each_other(db, question, words):
    ingest_text(db, PACT, "pact.txt")
    hits = search(db, question).hits
    assert hits and words in hits[0].text


BUDGET = """Premier seeks new budget talks

TALLINN, June 4 - Prime Minister Ivo Rask wants immediate talks with Brussels over the farm budget, \
his office said on Thursday after a cabinet session that also approved new ferry fares and school meal rules.

Farmers have protested outside parliament since Monday.
"""


def test_the_verb_of_what_did_x_demand_is_how_they_spoke_not_the_topic(db):
    ingest_text(db, BUDGET, "budget.txt")
    hits = search(db, "What did Rask demand from Brussels?").hits
    assert hits and "immediate talks" in hits[0].text


HARBOUR_A = """Port of Kestrel to be dredged

The harbour board approved the dredging contract on Monday.

The work will cost 12 million pounds and take two winters, the board said.

Harbourmaster Ellen Varga said the deeper channel would let larger ferries dock.
"""

HARBOUR_B = """Dredging plans for the river mouth

The river authority published its dredging plans on Tuesday.

The work will cost 30 million pounds and take three winters, the authority said.
"""


@pytest.mark.parametrize("range_lookups", [False, True])
def test_a_name_said_elsewhere_in_the_article_counts_for_its_paragraphs(db, monkeypatch, range_lookups):
    if range_lookups:  # every article looked up on its own, as for a common word
        monkeypatch.setattr(search_module, "RANGE_LOOKUP_ROWS", 0)
    ingest_text(db, HARBOUR_B, "river.txt")
    ingest_text(db, HARBOUR_A, "kestrel.txt")
    hits = search(db, "How much will Ellen Varga's dredging work cost?", k=3).hits
    assert hits and "12 million pounds" in hits[0].text
    hits = search(db, "How much will the work at Kestrel cost?", k=3).hits  # named in the title only
    assert hits and "12 million pounds" in hits[0].text


VISIT_PLANNED = """Minister to visit Norway

LONDON, March 2. /Agency/. British Defence Secretary Tom Hale has confirmed his intention to pay a \
visit to Norway and to meet Norwegian Defence Minister Ivar Berg, a newspaper reported.
"""

VISIT_HELD = """Defence ministers hold talks

Cooperation between the two armies risks collapse, Norwegian Defence Minister Ivar Berg warned \
during a meeting with British Defence Secretary Tom Hale in Bergen on Friday.
"""


def test_which_city_is_answered_with_a_city_not_a_country(db):
    ingest_text(db, VISIT_PLANNED, "agency_visit.txt")
    ingest_text(db, VISIT_HELD, "daily_talks.txt")
    hits = search(db, "In which city did the British and Norwegian defence ministers meet?", k=3).hits
    assert hits and "Bergen" in hits[0].text


def test_a_who_question_is_answered_with_the_words_saying_who_spoke(coverage):
    _add_both_quotes(coverage)
    hits = search(coverage, "Who said the High North is getting more crowded?", k=3).hits
    assert hits and CROWDED in hits[0].text and "Defence Minister Tore Sandvik told reporters" in hits[0].text
    assert hits[0].speaker == "Tore Sandvik"
