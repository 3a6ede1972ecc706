"""How many deliberate bugs the test suite catches: hand-chosen mutants of language/ and tables/ (issue 31).

Each mutant changes one place the way a real slip would (a comparison flipped, a constant changed, a branch
dropped), in a copy of the project in a temporary folder; the test files that guard that place run there
(``pytest -x -q``). A mutant is *killed* when a test fails. The figure is killed / total; survivors are
listed, since each is a behaviour no test pins.

mutmut and cosmic-ray are not used: they mutate every line and would run the suite thousands of times on
a shared two-core machine; twenty places a reviewer would worry about say more per minute.

A mutant whose original text is no longer in the source (the code moved on) is reported as ``gone``
and left out of the total. The chosen test files run once unmutated first: a test that already fails there is
deselected in every mutant's run (else it would "kill" every mutant), and named.

Usage: python bench/mutation.py [--list] [NAME ...]   (about 10 minutes for all; ``make bench`` runs it)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path("src/marketingtext")


@dataclass(frozen=True)
class Mutant:
    name: str
    module: str  # path under src/marketingtext
    original: str  # text replaced (must occur exactly once)
    mutated: str
    tests: tuple[str, ...]  # the test files that guard this place


MUTANTS = [
    # --- language/ ---------------------------------------------------------------------------------------------
    Mutant("final ee/ie kept as two syllables (branch dropped)", "language/syllables.py",
           "        count -= 1  # the patterns split", "        pass  # the patterns split",
           ("tests/test_syllables.py",)),
    Mutant("acronyms spelled up to 4 letters, not 5 (constant)", "language/syllables.py",
           "LONG_ACRONYM = 6", "LONG_ACRONYM = 5", ("tests/test_syllables.py",)),
    Mutant("1999 no longer read as a year (comparison)", "language/numbers_de.py",
           "if 1100 <= value <= 1999:", "if 1100 <= value < 1999:", ("tests/test_syllables.py",)),
    Mutant("'Komma' one syllable (constant)", "language/numbers_de.py",
           "UND, HUNDERT, TAUSEND, KOMMA, PUNKT = 1, 2, 2, 2, 1", "UND, HUNDERT, TAUSEND, KOMMA, PUNKT = 1, 2, 2, 1, 1",
           ("tests/test_syllables.py",)),
    Mutant("superscripts glued to the number before them (branch dropped)", "language/numbers_de.py",
           '    text = _RAISED_DIGITS.sub(lambda m: f" {m.group()} ", text)\n', "",
           ("tests/test_syllables.py",)),
    Mutant("digits of other scripts not mapped (branch dropped)", "language/numbers_de.py",
           "    if char.isascii() or not char.isdigit():", "    if True:",
           ("tests/test_syllables.py", "tests/test_analysis_properties.py")),
    # ("if len(stem) < 3" -> "< 2" in gender.py was tried and dropped: the noun pattern already needs three
    # letters, so the mutant cannot change a result (an equivalent mutant).)
    Mutant("pair forms joined by 'sowie' not seen (branch dropped)", "language/gender.py",
           r"(?:und|oder|bzw\.|sowie|&)", r"(?:und|oder|bzw\.|&)", ("tests/test_gender.py",)),
    Mutant("gender forms per 100 words, not 1,000 (constant)", "language/gender.py",
           "return round(1000 * count / words, 2)", "return round(100 * count / words, 2)",
           ("tests/test_gender.py", "tests/test_analysis_properties.py")),
    Mutant("long word: six letters or more, not more than six (comparison)", "language/stats.py",
           "return sum(c.isalpha() for c in word) > LONG_WORD_LETTERS",
           "return sum(c.isalpha() for c in word) >= LONG_WORD_LETTERS", ("tests/test_stats.py",)),
    Mutant("Flesch-Amstad with 58.0 (constant)", "language/stats.py",
           "return 180 - words / sentences - 58.5 * syllable_count / words",
           "return 180 - words / sentences - 58.0 * syllable_count / words", ("tests/test_stats.py",)),
    Mutant("Gries' DP without the half (constant)", "language/dispersion.py",
           "dp = 0.5 * sum(", "dp = 1.0 * sum(", ("tests/test_dispersion.py",)),
    # (Dropping "not token.is_punct" from is_word was tried and dropped: a token spaCy calls punctuation has no
    # letter or digit, so the mutant is equivalent.)
    Mutant("symbols counted as words (branch dropped)", "language/words.py",
           "return not token.is_space and not token.is_punct and any(c.isalnum() for c in token.text)",
           "return not token.is_space and not token.is_punct",
           ("tests/test_documents.py", "tests/test_analysis_properties.py")),
    # --- tables/ -----------------------------------------------------------------------------------------------
    Mutant("sentence ends one character early (offset)", "tables/sentences.py",
           '"end_char": last.idx + len(last),', '"end_char": last.idx + len(last) - 1,',
           ("tests/test_analysis_properties.py",)),
    Mutant("semicolons counted as commas (comparison)", "tables/sentences.py",
           'sum(t.text == "," for t in tokens)', 'sum(t.text in ",;" for t in tokens)',
           ("tests/test_cli.py", "tests/test_analysis_properties.py")),
    Mutant("'?!' not a question (branch dropped)", "tables/sentences.py",
           'final.endswith(("?", "?!", "!?"))', 'final.endswith(("?", "!?"))',
           ("tests/test_cli.py", "tests/test_analysis_properties.py")),
    Mutant("types counted case-sensitively", "tables/documents.py",
           '"types": len(set(lowered)),', '"types": len(set(words)),', ("tests/test_documents.py",)),
    Mutant("document words off by one (offset)", "tables/documents.py",
           '"words": n,', '"words": n + 1,', ("tests/test_documents.py",)),
    # (Not cutting kwic's left context to the width was tried and dropped: the context is taken width characters
    # long and squashing spaces only shortens it, so the cut never bites: an equivalent mutant.)
    Mutant("kwic match offset one character late (offset)", "tables/kwic.py",
           '"start_char": start,', '"start_char": start + 1,',
           ("tests/test_compare.py", "tests/test_analysis_properties.py")),
    Mutant("logDice with 13, not 14 (constant)", "tables/collocations.py",
           "round(14 + math.log2(2 * f_xy / (f_x + f_y)), 4)", "round(13 + math.log2(2 * f_xy / (f_x + f_y)), 4)",
           ("tests/test_collocations.py",)),
    Mutant("n-gram range counts every document (comparison)", "language/dispersion.py",
           "return sum(1 for c in part_counts if c > 0)", "return sum(1 for c in part_counts if c >= 0)",
           ("tests/test_dispersion.py", "tests/test_ngrams.py")),
]


def copy_project(target: Path) -> None:
    """src and tests copied (they are mutated and write .hypothesis/ beside them); data and README linked."""
    shutil.copytree(ROOT / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests", target / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", target / "pyproject.toml")
    for name in ("data", "README.md", "docs", "bench", "notebooks", "training"):
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)


def pytest(workdir: Path, args: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(workdir / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not slow", *args],
                          cwd=workdir, env=env, capture_output=True, text=True)


def failing_unmutated(workdir: Path, tests: list[str]) -> list[str]:
    """The tests among ``tests`` that fail on the code as it is (node ids)."""
    result = pytest(workdir, ["-rf", *tests])
    if result.returncode not in (0, 1):  # 2+: collection errors, interrupted: no figure can be trusted
        sys.exit(f"mutation: the unmutated tests do not run:\n{result.stdout[-2000:]}")
    return [line.split()[1] for line in result.stdout.splitlines() if line.startswith("FAILED ")]


def run_mutant(mutant: Mutant, workdir: Path, deselect: list[str]) -> tuple[str, float]:
    """'killed', 'survived' or 'gone', and the seconds the tests took."""
    path = workdir / PACKAGE / mutant.module
    original = path.read_text(encoding="utf-8")
    if original.count(mutant.original) != 1:
        return "gone", 0.0
    path.write_text(original.replace(mutant.original, mutant.mutated), encoding="utf-8")
    started = time.perf_counter()
    try:
        result = pytest(workdir, ["-x", *(f"--deselect={node}" for node in deselect), *mutant.tests])
    finally:
        path.write_text(original, encoding="utf-8")
    return ("killed" if result.returncode != 0 else "survived"), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="run only mutants whose name contains one of these")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    args = parser.parse_args()
    chosen = [m for m in MUTANTS if not args.names or any(n in m.name for n in args.names)]
    if args.list:
        for mutant in chosen:
            print(f"{mutant.module:<24} {mutant.name}")
        return
    outcomes: dict[str, list[str]] = {"killed": [], "survived": [], "gone": []}
    with tempfile.TemporaryDirectory(prefix="mtext-mutants-") as folder:
        workdir = Path(folder)
        copy_project(workdir)
        deselect = failing_unmutated(workdir, sorted({t for m in chosen for t in m.tests}))
        for node in deselect:
            print(f"  already failing unmutated, left out: {node}")
        for mutant in chosen:
            outcome, seconds = run_mutant(mutant, workdir, deselect)
            outcomes[outcome].append(mutant.name)
            print(f"  {outcome:<8} {seconds:5.1f} s  {mutant.module}: {mutant.name}", flush=True)
    total = len(outcomes["killed"]) + len(outcomes["survived"])
    print(f"mutation: {len(outcomes['killed'])}/{total} mutants killed in language/ and tables/"
          + (f" ({len(outcomes['gone'])} gone: their code changed)" if outcomes["gone"] else ""))
    for name in outcomes["survived"]:
        print(f"  survived: {name}")


if __name__ == "__main__":
    main()
