"""British and American spellings of a word, for expanding search terms."""

import pytest

from clipdesk.store.text.spelling import fold, variants


@pytest.mark.parametrize("word, other", [
    ("defence", "defense"), ("offences", "offenses"), ("organisation", "organization"),
    ("organised", "organized"), ("programme", "program"), ("programmes", "programs"), ("favour", "favor"),
    ("unfavourable", "unfavorable"), ("centre", "center"), ("centres", "centers"), ("theatre", "theater"),
    ("recognise", "recognize"), ("prioritising", "prioritizing"), ("analyse", "analyze"),
    ("travelled", "traveled"), ("cancelling", "canceling"), ("neighbouring", "neighboring"),
    ("labour", "labor"), ("catalogue", "catalog"), ("grey", "gray"), ("judgement", "judgment"),
])
def test_british_and_american_spellings_are_variants_of_each_other(word, other):
    assert other in variants(word)
    assert word in variants(other)


@pytest.mark.parametrize("word", [
    "exercise", "advise", "surprise", "compromise", "enterprise", "rise", "size", "otherwise", "president",
    "minister", "four", "hour", "called", "parliament",
])
def test_words_spelt_alike_everywhere_have_no_other_spelling(word):
    assert variants(word) == {word}


def test_variants_are_lower_case_and_include_the_word():
    assert variants("Defence") == {"defence", "defense"}


def test_fold_drops_case_accents_and_curly_apostrophes():
    assert fold("Zelenskyy\u2019s Bod\u00f8 Caf\u00e9") == "zelenskyy's bodo cafe"
