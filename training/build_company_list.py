"""Build the listed-companies gazetteer (``src/marketingtext/entities/data/companies.toml``).

Source, used at build time only (``pip install -e ".[train]"``): ``pytickersymbols`` (MIT), the members of twenty
share indices (DAX, MDAX, SDAX, TecDAX, EURO STOXX 50, FTSE 100, CAC 40, SMI, S&P 500, NASDAQ 100, Nikkei 225 …).
Each company becomes one ORG entry: the index's name without its legal form as the canonical name ("The Coca-Cola
Company" -> "Coca-Cola", "Mercedes-Benz Group" -> "Mercedes-Benz"), the index's own spelling as an alias. A spelling
that is also an ordinary word (``gazetteer.is_common_alias``: "Allianz", "Linde", "Block"), a person's or a place's
name in the NER's name lists ("Porsche", "Deutz") or two letters ("EA", "BT") goes to ``model_aliases``: it names
the company only where the NER finds an organisation on exactly those words.

Usage: python training/build_company_list.py OUT.toml
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.?|Ltd\.?|Limited|plc|PLC|AG|SE|KGaA|"
    r"N\.V\.|NV|S\.A\.|SA|S\.p\.A\.|SpA|Oyj|ASA|AB|A/S|Holdings?|Group|& Co\.?|Aktiengesellschaft))+$")
BRACKET = re.compile(r"\s*\([^)]*\)")
# Words after a company's own name that only say what kind of company it is.
KIND_WORDS = {"Technologies", "Technology", "International", "Industries", "Systems",
              "Worldwide", "Enterprises", "Solutions", "Brands", "Interactive"}
SHORTEST = 2  # "3M", "EA"; one-letter names ("F") name nothing on their own
HEAD_LETTERS = 4  # a first word standing for the company: "Dell", not "ABM" (a German abbreviation too)
HEADER = """\
# Listed companies: the members of twenty share indices, from pytickersymbols (MIT), written by
# training/build_company_list.py; do not edit by hand (add your own with `mtext entities --gazetteer FILE`).
# model_aliases are ordinary words, person or place names: they name the company only where the NER
# finds an organisation on exactly those words ("Allianz" the insurer, not "eine Allianz").
"""


def short_name(name: str) -> str:
    """The company without brackets, a leading "The" and its legal form: "The Coca-Cola Company" -> "Coca-Cola"."""
    name = BRACKET.sub("", name).strip()
    name = re.sub(r"^The\s+", "", name)
    return LEGAL_FORM.sub("", name).strip(" ,")


def company_entries(names, claimed: frozenset[str] = frozenset()) -> dict[str, set[str]]:
    """Canonical name -> the spellings it stands for: the index's, and the first word where the rest only says
    what kind of company it is ("Dell Technologies" -> "Dell", "Marriott International" -> "Marriott"), unless
    another company goes by that word ("Siemens Energy": Siemens is a company of its own). Spellings that differ
    only in case are one company ("STABILUS", "Stabilus"); a company whose name the authorities already give
    (``claimed``, lower case: "nasdaq", "alphabet") is theirs."""
    by_key: dict[str, set[str]] = {}
    for name in names:
        short = short_name(name)
        if len(short) >= SHORTEST and not short.isdigit() and short.lower() not in claimed:
            by_key.setdefault(short.lower(), set()).update({short, BRACKET.sub("", name).strip()})
    by_short = {min((s for s in spellings if s.lower() == key), key=lambda s: (s.isupper(), s)): spellings
                for key, spellings in by_key.items()}
    heads: dict[str, set[str]] = {}
    for short in by_short:
        head, *rest = short.split()
        if len(rest) == 1 and rest[0] in KIND_WORDS and len(head) >= HEAD_LETTERS:
            heads.setdefault(head.lower(), set()).add(short)
    for head, shorts in heads.items():
        if head not in by_key and head not in claimed and len(shorts) == 1:
            short = shorts.pop()
            by_short[short].add(short.split()[0])
    return by_short


def authorities_names() -> frozenset[str]:
    """Every spelling authorities.toml gives, lower case: those names are the authorities' entries."""
    from marketingtext.entities.gazetteer import read_gazetteer_file

    path = Path(__file__).parents[1] / "src/marketingtext/entities/data/authorities.toml"
    return frozenset(a.lower() for e in read_gazetteer_file(path) for a in (e.canonical, *e.aliases, *e.model_aliases))


def needs_model(alias: str, listed_names: frozenset[str]) -> bool:
    """A spelling that may mean something else: an ordinary word, a listed person or place name, two letters."""
    from marketingtext.entities.gazetteer import is_common_alias

    return len(alias) <= SHORTEST or is_common_alias(alias) or (" " not in alias and alias in listed_names)


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items) -> str:
    return "[" + ", ".join(toml_string(item) for item in items) + "]"


def main(out: Path) -> None:
    from pytickersymbols import PyTickerSymbols

    from marketingtext.nlp.name_lists import LIST_FILE, read_name_lists

    lists = read_name_lists(Path(__file__).parents[1] / "src/marketingtext/nlp/models/ner_de" / LIST_FILE)
    listed_names = lists.places | lists.first_names | lists.surnames
    stocks = {stock["name"] for stock in PyTickerSymbols().get_all_stocks()}
    lines = [HEADER]
    claimed = authorities_names()
    for canonical, spellings in sorted(company_entries(stocks, claimed).items()):
        aliases = sorted(s for s in spellings if s != canonical and s.lower() not in claimed)
        ambiguous = [a for a in (canonical, *aliases) if needs_model(a, listed_names)]
        entry = f"[[entity]]\ncanonical = {toml_string(canonical)}\nlabel = \"ORG\"\nkind = \"listed company\"\n"
        entry += f"aliases = {toml_list(aliases)}\n"
        lines.append(entry + (f"model_aliases = {toml_list(ambiguous)}\n" if ambiguous else ""))
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"{out}: {len(lines) - 1} companies", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
