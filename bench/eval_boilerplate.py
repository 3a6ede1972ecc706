"""Boilerplate removal on German web pages saved as .txt: keep, removal, F and pages lost, for mtext, for
``--keep-boilerplate`` and for jusText, side by side.

Data: ../shared/eval/boilerplate_de_dev (200 pages of trafilatura's evaluation set, dev split; gold.jsonl with
``with``/``without`` snippets; see its SOURCE.md). Scoring as SOURCE.md defines it: only snippets with ``*_in_txt``
true; NFC, soft hyphen/zero-width characters/BOM removed, whitespace runs made one space, case-sensitive substring of
the kept text. The 200 pages are split by page with a fixed seed into 140 to tune on and 60 held out; both are
reported. Repeated lines are counted over the pages of each part, as one run of mtext over a folder would.

Run:  PYTHONPATH=src python bench/eval_boilerplate.py [--sentences] [--plain] [--tune-only] [--misses]
``--tune-only`` scores mtext on the tuning part only (the held-out part stays unseen while you work);
``--misses`` lists, for the tuning part only, each snippet mtext gets wrong (a ``with`` snippet dropped, a
``without`` snippet kept) with the class of the line it stands in.
``--sentences`` also runs the real ``sentences`` table over the held-out pages (slow: spaCy) and scores the
``text`` of its rows joined with spaces, as SOURCE.md says for mtext.
``--plain`` reads texts that are no web pages, the 274 German Wikipedia articles of ../shared/bench/wiki_de_1M/wiki
(plain text with headings and lists), as one corpus, and says how much of them mtext drops (it should be nothing).
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "boilerplate_de_dev"
WIKI = ROOT.parent / "shared" / "bench" / "wiki_de_1M" / "wiki"
SEED = 20261203
TUNE_PAGES = 140
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(_INVISIBLE)).strip()


def load_pages() -> list[dict]:
    pages = [json.loads(line) for line in (DATA / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for page in pages:
        page["text"] = (DATA / page["txt"]).read_text(encoding="utf-8")
    return pages


def split(pages: list[dict]) -> tuple[list[dict], list[dict]]:
    order = sorted(pages, key=lambda p: p["id"])
    random.Random(SEED).shuffle(order)
    tune = sorted(order[:TUNE_PAGES], key=lambda p: p["id"])
    held = sorted(order[TUNE_PAGES:], key=lambda p: p["id"])
    return tune, held


def score(pages: list[dict], outputs: dict[str, str]) -> dict:
    kept = with_all = removed = without_all = lost = 0
    for page in pages:
        out = norm(outputs[page["id"]])
        if not out:
            lost += 1
        for snippet, present in zip(page["with"], page["with_in_txt"], strict=True):
            if present:
                with_all += 1
                kept += norm(snippet) in out
        for snippet, present in zip(page["without"], page["without_in_txt"], strict=True):
            if present:
                without_all += 1
                removed += norm(snippet) not in out
    keep, removal = kept / with_all, removed / without_all
    f = 2 * keep * removal / (keep + removal) if keep + removal else 0.0
    return {"pages": len(pages), "keep": keep, "removal": removal, "F": f, "lost": lost}


def mtext_outputs(pages: list[dict], keep_boilerplate: bool = False) -> dict[str, str]:
    """The text mtext's reading step keeps (decode.normalize_text, then boilerplate removal)."""
    from marketingtext.reading.boilerplate import remove_boilerplate, repeated_lines
    from marketingtext.reading.decode import normalize_text

    texts = {p["id"]: normalize_text(p["text"]) for p in pages}
    if keep_boilerplate:
        return texts
    repeated = repeated_lines(texts.values())
    return {doc: remove_boilerplate(text, repeated).text for doc, text in texts.items()}


def justext_outputs(pages: list[dict]) -> dict[str, str]:
    """jusText with its German stop list, each line of the .txt one paragraph (a <p>)."""
    import html

    import justext

    stoplist = justext.get_stoplist("German")
    outputs = {}
    for page in pages:
        body = "".join(f"<p>{html.escape(line)}</p>" for line in page["text"].split("\n") if line.strip())
        paragraphs = justext.justext(f"<html><body>{body}</body></html>".encode(), stoplist, encoding="utf-8")
        outputs[page["id"]] = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return outputs


def sentence_outputs(pages: list[dict]) -> dict[str, str]:
    """The ``text`` of the rows of mtext's real sentences table, joined with single spaces."""
    import tempfile

    from marketingtext.corpus import load

    with tempfile.TemporaryDirectory() as folder:
        for page in pages:
            (Path(folder) / f"{page['id']}.txt").write_text(page["text"], encoding="utf-8")
        corpus = load([folder], use_cache=False)
        table = corpus.sentences()
    return {p["id"]: " ".join(table.loc[table["doc"] == p["id"], "text"]) for p in pages}


def plain_texts() -> None:
    from collections import Counter

    from marketingtext.reading.decode import SourceText, read_sources

    sources = [s for s in read_sources([str(WIKI)]) if isinstance(s, SourceText)]
    chars, dropped = sum(s.chars_raw for s in sources), sum(s.chars_dropped for s in sources)
    classes = Counter(cls for s in sources for cls in s.boilerplate_classes)
    print(f"plain texts: {WIKI} ({len(sources)} articles, {chars:,} characters): {dropped:,} dropped "
          f"({dropped / chars:.4%}) in {sum(s.chars_dropped > 0 for s in sources)} articles; lines by class: "
          f"{dict(sorted(classes.items()))}")


def tune_misses(pages: list[dict]) -> None:
    """Each tuning snippet mtext gets wrong, with the class its line was dropped under (or "kept")."""
    from marketingtext.reading.boilerplate import remove_boilerplate, repeated_lines
    from marketingtext.reading.decode import normalize_text

    texts = {p["id"]: normalize_text(p["text"]) for p in pages}
    repeated = repeated_lines(texts.values())
    for page in pages:
        cleaned = remove_boilerplate(texts[page["id"]], repeated)
        out = norm(cleaned.text)
        why = {norm(line): cls for cls, line in cleaned.dropped}
        for kind, wanted in (("with", True), ("without", False)):
            for snippet, present in zip(page[kind], page[f"{kind}_in_txt"], strict=True):
                if not present or (norm(snippet) in out) == wanted:
                    continue
                line_class = next((cls for line, cls in why.items() if norm(snippet) in line), "across lines") \
                    if wanted else "kept"
                label = "keep miss (dropped)" if wanted else "removal miss (kept)"
                print(f"{page['id']}\t{label}\t{line_class}\t{snippet[:100]}")


def main(argv: list[str]) -> None:
    pages = load_pages()
    tune, held = split(pages)
    print(f"data: {DATA} ({len(pages)} pages; split seed {SEED}: {len(tune)} tune, {len(held)} held out)")
    if "--tune-only" in argv or "--misses" in argv:
        r = score(tune, mtext_outputs(tune))
        print(f"mtext (reading step), tune: keep {r['keep']:.3f} removal {r['removal']:.3f} F {r['F']:.3f} "
              f"lost {r['lost']}")
        if "--misses" in argv:
            tune_misses(tune)
        return
    print(f"{'system':<28}{'part':<10}{'pages':>6}{'keep':>8}{'removal':>9}{'F':>7}{'lost':>6}")
    for name, run in (("mtext (reading step)", mtext_outputs),
                      ("mtext --keep-boilerplate", lambda ps: mtext_outputs(ps, keep_boilerplate=True)),
                      ("jusText (line = paragraph)", justext_outputs)):
        for part, part_pages in (("tune", tune), ("held-out", held)):
            r = score(part_pages, run(part_pages))
            print(f"{name:<28}{part:<10}{r['pages']:>6}{r['keep']:>8.3f}{r['removal']:>9.3f}{r['F']:>7.3f}"
                  f"{r['lost']:>6}")
    if "--plain" in argv:
        plain_texts()
    if "--sentences" in argv:
        r = score(held, sentence_outputs(held))
        print(f"{'mtext sentences table':<28}{'held-out':<10}{r['pages']:>6}{r['keep']:>8.3f}{r['removal']:>9.3f}"
              f"{r['F']:>7.3f}{r['lost']:>6}")


if __name__ == "__main__":
    main(sys.argv[1:])
