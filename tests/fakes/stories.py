"""Articles written for the feed and page tests (invented events and people), in news-site shapes."""

from __future__ import annotations

from tests.fakes.news_site import Story

STRIKE = Story(
    title="Harbour strike ends after talks between dockers union and port authority",
    outlet="Harbour Gazette",
    published="2026-11-30T08:15:00+00:00",
    author="Nadia Okafor",
    paragraphs=(
        "A nine-day strike at the harbour ended on Sunday after the dockers union and the port authority "
        "agreed a new pay deal in overnight talks.",
        "\u201cWe have an agreement that protects every job on the docks,\u201d said Tomas Brenner, the "
        "leader of the dockers union, outside the harbour offices.",
        "Port director Helen Marsh said the deal would cost the authority about four million pounds a year. "
        "\u201cIt is a fair settlement and the ships will move again from Monday morning,\u201d she said.",
        "Brenner and Marsh met at the harbour offices on Saturday for twelve hours of talks that ran until "
        "the early hours of Sunday.",
        "Hauliers said the queues of lorries on the coast road would take several days to clear.",
    ),
)

STRIKE_ELSEWHERE = Story(
    title="Harbour strike ends after overnight talks between dockers union and port authority",
    outlet="Coastal Courier",
    published="2026-11-30T10:40:00+00:00",
    jsonld=False,
    paragraphs=(
        "Dockers returned to work plans on Sunday after union leaders and the port authority settled a "
        "dispute over pay that had stopped the harbour for more than a week.",
        "\u201cThe members voted for this deal by a large margin and we will be back at work tomorrow,\u201d "
        "Tomas Brenner told reporters at the gates of the container terminal.",
        "The authority said the settlement would be paid for by higher charges on cruise ships next season.",
    ),
)

BRIDGE = Story(
    title="City council delays vote on the river bridge budget until the spring",
    outlet="Harbour Gazette",
    published="2026-11-29",
    author="Owen Pike",
    paragraphs=(
        "The city council has postponed its vote on the budget for the new river bridge after engineers "
        "warned that the cost of steel had risen sharply this year.",
        "\u201cWe will not sign a blank cheque for a bridge whose price keeps climbing,\u201d said "
        "councillor Priya Raman, who chairs the finance committee.",
        "The bridge was first proposed eight years ago to relieve traffic on the old crossing in the centre.",
    ),
)

MARKET = Story(
    title="Winter market returns to the old square with forty stalls",
    published="2026-11-28",
    jsonld=False,
    paragraphs=(
        "The winter market returned to the old square on Saturday with forty stalls selling food, crafts "
        "and hot drinks to crowds of visitors.",
        "\u201cWe sold out of mulled cider by the middle of the afternoon,\u201d said stallholder Ana Sousa, "
        "who has traded at the market for eleven years.",
        "The market runs every weekend until the end of December, the organisers said.",
    ),
)
