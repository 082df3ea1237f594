"""Venues: the gathering on whose sidelines something happens, and the group that holds it."""

from clipdesk.store.text.venues import holders, venues


def held_by(sentence: str) -> list[list[str]]:
    return [holders(v, sentence) for v in venues(sentence)]


def test_the_group_holds_a_summit_named_after_it_and_its_host_city_does_not():
    assert held_by("They met on the sidelines of the G7 Hiroshima Summit last year.") == [["G7"]]


def test_a_country_holds_its_own_summit_and_a_week_does_not():
    assert held_by("He spoke ahead of the UK's AI Summit.") == [["UK"]]
    assert held_by("Looking ahead to this week's NATO Summit, they agreed.") == [["NATO"]]


def test_the_body_after_of_holds_a_conclave_of_its_ministers():
    assert held_by("They met on the sidelines of a conclave of the foreign ministers of the Shanghai "
                   "Cooperation Organisation (SCO).") == [["Shanghai Cooperation Organisation"]]


def test_a_building_is_no_venue_and_a_gathering_with_no_group_has_no_holder():
    assert venues("They met at the Presidential Villa.") == ()
    assert held_by("They met on the sidelines of the Recovery Conference.") == [[]]
