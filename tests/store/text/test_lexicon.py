"""The packages' word lists as speaker resolution reads them: kept between processes, same answers."""

from __future__ import annotations

from clipdesk.store.text import lexicon


def test_first_names_and_english_words_are_the_packages_own_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIPDESK_CACHE", str(tmp_path))
    from english_words import get_english_words_set
    from gender_guesser.detector import Detector

    detector = Detector(case_sensitive=False)
    words = sorted(w for w in get_english_words_set(["web2"], lower=False) if w.islower())
    expected = {"female": "f", "mostly_female": "f", "male": "m", "mostly_male": "m"}
    for fresh in (True, False):  # built from the packages, then read back from the kept file
        lexicon._first_names.cache_clear()
        lexicon._englishwords.cache_clear()
        for name in ("Marta", "Jussi", "Kaja", "Andrea", "Kim", "Sasha", "Xq", "reading", "O'Neil"):
            assert lexicon.first_name_gender(name) == (
                expected.get(detector.get_gender(name)) if name.isalpha() else None), (name, fresh)
        assert lexicon.is_english_word("ship") and not lexicon.is_english_word("Kowalczyk")
        for word in [*words[:50], *words[-50:], *words[::997]]:  # the list's own words, first to last
            assert lexicon.is_english_word(word) and lexicon.is_english_word(word.title()), word
            assert not lexicon.is_english_word(word + "qx"), word
        kept = sorted(p.name for p in tmp_path.iterdir())
        assert kept == ["english_words.marshal", "gender_guesser.marshal"]
    lexicon._first_names.cache_clear()
    lexicon._englishwords.cache_clear()
