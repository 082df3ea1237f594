"""Who takes part: people, bodies and countries, never what was discussed or whoever reports it."""

from clipdesk.store.text.attribution import Entity
from clipdesk.store.text.parties import common_words, once


def test_headline_fragments_and_event_names_are_no_one():
    assert common_words(Entity("Receiving Letters"))
    assert common_words(Entity("Hiroshima Summit"))
    assert not common_words(Entity("Siaka Cissoko", roles=["Ambassador"]))


def test_a_name_written_twice_or_in_part_is_one_participant():
    assert once(["Staffan de Mistura", "De Mistura", "NATO", "NATO"]) == ["Staffan de Mistura", "NATO"]
