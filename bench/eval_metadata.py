"""Title, author and date accuracy of mtext's metadata reading on the boilerplate dev pages.

Data: ../shared/eval/boilerplate_de_dev (200 German web pages saved as .txt; meta.jsonl has trafilatura's gold
title/author/date for 174 of them; a dev set, not the unseen pages). Each page is read as mtext reads it
(``read_source`` on txt/<id>.txt; the .html copy, where there is one, is scored separately).

Matching (docs/metadata.md):
- title: both normalised (NFKC, case-folded, quotes/dashes unified, punctuation at the ends and whitespace runs
  dropped); right when equal, or when one contains the other and the shorter has at least 60 % of the longer's
  characters (a site name or a section label glued to the headline). Since 2026-12-03 also right: the gold is the
  page's <title> with a site name appended (`Headline | Site`, `Headline - Site`) and the prediction matches the
  headline; the two differ by a typo only (similarity >= 0.95, 20 characters or more). The old ("strict")
  matching is printed beside it.
- author: normalised as a name (case-folded, accents and ß folded, punctuation dropped); right when equal. Gold ""
  (the page names no author) is right only when mtext gives "" too.
- date: the ISO strings equal (gold "" only with ""); a gold value that is no date because its day and month
  are swapped ("2022-29-11", one page) matches the swapped form.
Split: pages shuffled with seed 20261203; the first 120 tune the rules, the other 54 are reported as unseen.

Precision and recall per field: a field is "given" when mtext fills it; precision = right among given (of pages
with a gold value, plus wrong values where gold is empty), recall = right among pages whose gold has a value.
The held-out part is printed only with --report (look at it rarely: each look is a chance to tune on it).

--snippets: of the gold `with` snippets (gold.jsonl, all 200 pages) present in a page's .txt, how many sit only in
the lines taken out as metadata (lost to the analysis: no sentence holds them).

--shown: per part, how many gold values the .txt shows at all (a title as a line, an author's name anywhere, a date
in a form mtext reads), and how many of those mtext misses: the ceiling of reading the text.

Usage: python bench/eval_metadata.py [--data DIR] [--show tune|report|all] [--html] [--report] [--snippets] [--shown]
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marketingtext.reading.decode import read_source  # noqa: E402
from marketingtext.reading.lines import parse_date  # noqa: E402
from marketingtext.reading.metadata import Found, merge_metadata  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "boilerplate_de_dev"
SEED, TUNE = 20261203, 120
TITLE_MIN_SHARE = 0.6
TITLE_TYPO_RATIO = 0.95


def split(ids: list[str]) -> tuple[list[str], list[str]]:
    shuffled = sorted(ids)
    random.Random(SEED).shuffle(shuffled)
    return shuffled[:TUNE], shuffled[TUNE:]


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").casefold()
    text = re.sub(r"[„“”«»‚‘’'\"]", '"', text)
    text = re.sub(r"[–—‒−]", "-", text)
    return re.sub(r"\s+", " ", text).strip(" .:!?-|\"")


def title_ok_strict(predicted: str, gold: str) -> bool:
    """The matching of rounds before 2026-12-03 (reported beside the new one)."""
    a, b = _plain(predicted), _plain(gold)
    if not a or not b:
        return a == b
    short, long = sorted((a, b), key=len)
    return a == b or (short in long and len(short) >= TITLE_MIN_SHARE * len(long))


def _without_site_name(gold: str) -> str:
    """The gold title without a site's name appended to it (the page's <title>): after " | " (or "::", "·") up to
    four words; after a dash up to three that start with a capital or a digit, or a web address ("- fassette.net"),
    as a subtitle does not ("- es drohen Chaos-Tage"). "" when there is none."""
    gold = " ".join(gold.split())
    for separator in (" | ", " :: ", " · ", " - ", " – ", " — "):
        if separator not in gold:
            continue
        head, tail = gold.rsplit(separator, 1)
        words = tail.split()
        if separator.strip() in "|::·" and len(words) <= 4:
            return head
        if len(words) <= 3 and (words[0][:1].isupper() or words[0][:1].isdigit()
                                or re.search(r"\.[a-z]{2,4}$", tail)):
            return head
    return ""


def title_ok(predicted: str, gold: str) -> bool:
    """The strict matching, and two forgiving cases: the gold is the page's <title> with the site's name appended
    (``_without_site_name``) and the prediction matches the headline before it; the two differ only by a typo
    (similarity >= 0.95 over 20 characters or more: "Kerenzberg" for the page's "Kerenzerberg")."""
    if title_ok_strict(predicted, gold):
        return True
    a, b = _plain(predicted), _plain(gold)
    if not a or not b:
        return False
    head = _without_site_name(gold)
    if head and title_ok_strict(predicted, head):
        return True
    return min(len(a), len(b)) >= 20 and difflib.SequenceMatcher(None, a, b).ratio() >= TITLE_TYPO_RATIO


def _name(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def author_ok(predicted: str, gold: str) -> bool:
    return _name(predicted) == _name(gold)


def date_ok(predicted: str, gold: str) -> bool:
    if predicted == gold:
        return True
    # a gold date that is no date ("2022-29-11", day and month swapped by the annotator) matches its swap
    parts = gold.split("-")
    return len(parts) == 3 and parts[1].isdigit() and int(parts[1]) > 12 and predicted == "-".join(
        (parts[0], parts[2], parts[1]))


def score(rows: list[dict], found: dict[str, tuple[str, str, str]]) -> dict[str, float]:
    checks = {"title": title_ok, "author": author_ok, "date": date_ok}
    out = {"title_strict": sum(title_ok_strict(found[r["id"]][0], r["title"]) for r in rows) / len(rows)}
    for field, ok in checks.items():
        position = ["title", "author", "date"].index(field)
        out[field] = sum(ok(found[r["id"]][position], r[field]) for r in rows) / len(rows)
        named = [r for r in rows if r[field]]
        out[f"{field}_given"] = sum(ok(found[r["id"]][position], r[field]) for r in named) / max(len(named), 1)
        filled = [r for r in rows if found[r["id"]][position]]
        out[f"{field}_precision"] = (sum(ok(found[r["id"]][position], r[field]) for r in filled)
                                     / max(len(filled), 1))
        out[f"{field}_recall"] = out[f"{field}_given"]
    out["pages"] = len(rows)
    return out


def _is_shown(field: str, gold: str, text: str, lines: list[str]) -> bool:
    """Does the page's text show the gold value at all? A title as a line that ``title_ok`` matches, an author's
    name anywhere (as normalised by ``_name``), a date in a form ``parse_date`` reads on any line."""
    if field == "title":
        return any(title_ok(line, gold) for line in lines if line.strip())
    if field == "author":
        return _name(gold) in _name(text)
    return any(parse_date(line) == gold for line in lines)


def shown_counts(data: Path, rows: list[dict], found: dict[str, tuple[str, str, str]]) -> dict[str, int]:
    """Per field: pages with a gold value, those whose .txt shows it, and those shown but missed by mtext."""
    out: dict[str, int] = {}
    for position, field in enumerate(("title", "author", "date")):
        ok = {"title": title_ok, "author": author_ok, "date": date_ok}[field]
        out[field + "_gold"] = out[field] = out[field + "_missed"] = 0
        for row in rows:
            if not row[field]:
                continue
            text = (data / "txt" / f"{row['id']}.txt").read_text(encoding="utf-8")
            shown = _is_shown(field, row[field], text, text.split("\n"))
            out[field + "_gold"] += 1
            out[field] += shown
            out[field + "_missed"] += shown and not ok(found[row["id"]][position], row[field])
    return out


def _snippet_form(text: str) -> str:
    """SOURCE.md's normalisation: NFC, soft hyphen and zero-width characters removed, whitespace runs one space."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub("[\u00ad\u200b\u200c\u200d\u2060\ufeff]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def snippets_lost(data: Path) -> tuple[int, int, int]:
    """(snippets present, snippets only in metadata lines, pages with such a snippet) over gold.jsonl."""
    present = lost = pages = 0
    for line in (data / "gold.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        text = (data / "txt" / f"{row['id']}.txt").read_text(encoding="utf-8")
        _, body = merge_metadata(text, Found())
        whole, kept = _snippet_form(text), _snippet_form(body)
        gone = [snippet for snippet, inside in zip(row["with"], row["with_in_txt"], strict=True)
                if inside and _snippet_form(snippet) in whole and _snippet_form(snippet) not in kept]
        present += sum(bool(inside) for inside in row["with_in_txt"])
        lost += len(gone)
        pages += bool(gone)
    return present, lost, pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", choices=["tune", "report", "all"], help="list the misses of this part")
    parser.add_argument("--html", action="store_true", help="also score the pages that have an .html copy")
    parser.add_argument("--report", action="store_true", help="also score the held-out (unseen) part and all pages")
    parser.add_argument("--snippets", action="store_true", help="gold 'with' snippets lost to metadata lines")
    parser.add_argument("--shown", action="store_true",
                        help="per part: how many gold titles/authors/dates the .txt shows at all (the ceiling)")
    args = parser.parse_args()
    if args.snippets:
        present, lost, pages = snippets_lost(args.data)
        print(f"data: {args.data / 'gold.jsonl'} (dev set): {present} 'with' snippets in the .txt, {lost} of them "
              f"(on {pages} pages) only in lines taken out as metadata")
        return
    rows = [json.loads(line) for line in (args.data / "meta.jsonl").open(encoding="utf-8")]
    by_id = {r["id"]: r for r in rows}
    found = {}
    for row in rows:
        source = read_source(str(args.data / "txt" / f"{row['id']}.txt"))
        found[row["id"]] = (getattr(source, "title", ""), getattr(source, "author", ""), getattr(source, "date", ""))
    tune, report = split(list(by_id))
    print(f"data: {args.data} (dev set), {len(rows)} pages with gold; split seed {SEED}")
    print("part     pages  title  author  date   | author/date where gold names one | precision t/a/d | recall t/a/d"
          " | title as matched before 2026-12-03")
    parts = [("tune", tune)] + ([("report", report), ("all", list(by_id))] if args.report or args.show in
                                 ("report", "all") else [])
    for name, ids in parts:
        s = score([by_id[i] for i in ids], found)
        print(f"{name:8} {s['pages']:5}  {s['title']:.3f}  {s['author']:.3f}   {s['date']:.3f}  | "
              f"{s['author_given']:.3f} {s['date_given']:.3f}                     | "
              + " ".join(f"{s[f + '_precision']:.3f}" for f in ("title", "author", "date")) + "     | "
              + " ".join(f"{s[f + '_recall']:.3f}" for f in ("title", "author", "date"))
              + f" | title, strict matching {s['title_strict']:.3f}")
    if args.html:
        html = [r for r in rows if (args.data / "html" / f"{r['id']}.html").exists()]
        html_found = {}
        for row in html:
            source = read_source(str(args.data / "html" / f"{row['id']}.html"))
            html_found[row["id"]] = (getattr(source, "title", ""), getattr(source, "author", ""),
                                     getattr(source, "date", ""))
        s = score(html, html_found)
        print(f"{'html':8} {s['pages']:5}  {s['title']:.3f}  {s['author']:.3f}   {s['date']:.3f}  | "
              f"{s['author_given']:.3f} {s['date_given']:.3f}")
    if args.shown:
        for name, ids in parts:
            counts = shown_counts(args.data, [by_id[i] for i in ids], found)
            print(f"{name:8} shown in the .txt: " + ", ".join(
                f"{field} {counts[field]}/{counts[field + '_gold']} (missed but shown {counts[field + '_missed']})"
                for field in ("title", "author", "date")))
    if args.show:
        ids = {"tune": tune, "report": report, "all": list(by_id)}[args.show]
        for i in sorted(ids):
            r, (t, a, d) = by_id[i], found[i]
            misses = [f"{f}: {p!r} vs gold {g!r}" for f, p, g, ok in
                      (("title", t, r["title"], title_ok), ("author", a, r["author"], author_ok),
                       ("date", d, r["date"], date_ok)) if not ok(p, g)]
            if misses:
                print(i, *misses, sep="\n  ")


if __name__ == "__main__":
    main()
