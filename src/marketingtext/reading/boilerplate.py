"""Conservative removal of web boilerplate from essays copied off the web.

Only whole lines are dropped, and only lines that match navigation, comment-form, sharing,
consent, licence or publisher patterns, or lines that follow a "related posts"/comment-form
marker near the end of the page. A prose paragraph (a long line of sentences) in the body
of a text is never dropped: that is what "conservative" means here.
"""

from __future__ import annotations

import re

# A line that is boilerplate wherever it stands (matched against the stripped line, case-insensitive).
_LINE_PATTERNS = [
    r"skip to (main )?content", r"zum inhalt springen", r"springe? zum (haupt)?inhalt",
    r"schreibe?n? einen kommentar.*", r"kommentar (schreiben|verfassen|abschicken)",
    r"deine e-?mail-adresse wird nicht veröffentlicht.*", r"ihre e-?mail-adresse wird nicht veröffentlicht.*",
    r"erforderliche felder sind mit .*markiert\.?", r"markiert in:?.*",
    r"(diesen )?beitrag teilen:?.*", r"teilen( mit)?:?", r"share( this)?:?", r"gefällt mir:?.*",
    r"mehr zu diesem thema.*", r"(ähnliche|verwandte|letzte|neueste) (beiträge|artikel)",
    r"das könnte (dich|sie) auch interessieren.*", r"weiterlesen.*", r"read more.*",
    r".*\bcookies?\b.*(akzeptieren|zustimmen|einverstanden|verwendet|nutzt|einstellungen).*",
    r"(alle )?(cookies )?(akzeptieren|ablehnen)", r"datenschutz(erklärung)?", r"impressum",
    r"\S+\s*[×x*+−-]\s*\S+\s*=\s*\S*",  # captcha such as "zwei × 4 ="
    r"loading\s*(…|\.\.\.)?", r"(search-config|download|drucken|print|insite|suchen|hinweise)",
    r"aktivieren sie unsere intelligente suche.*", r"hinweis des verlags",
    r"der verlag bleibt in hinblick auf geografische zuordnungen.*",
    r"unsere produktempfehlungen", r"premium partner", r"(print|elektronische) issn:?.*",
    r"doi:?\s*(https?://\S+)?", r"open access \d{1,2}\.\d{1,2}\.\d{4}.*",
    r"(verfasst von|erschienen in):.*", r"https?://\S+", r"www\.\S+",
    r".*\bcreative commons\b.*\blizenz\b.*", r"weitere details zur lizenz.*",
    r"jobs bei .*", r"on key", r"zahle dir jetzt .*",
]
_LINE_RE = re.compile(r"^(?:" + "|".join(_LINE_PATTERNS) + r")$", re.IGNORECASE)

# Headings that start the page's tail (comment form, related posts, publisher metadata).
_TAIL_MARKERS = re.compile(
    r"^(schreibe?n? einen kommentar|mehr zu diesem thema.*|(ähnliche|verwandte|letzte|neueste) "
    r"(beiträge|artikel)|unsere produktempfehlungen|metadaten|das könnte (dich|sie) auch interessieren.*)$",
    re.IGNORECASE,
)
# A tail marker counts only in the last part of a page, so an essay that discusses
# "ähnliche Beiträge" in its opening never loses its body.
TAIL_START_SHARE = 0.6


def is_boilerplate_line(line: str) -> bool:
    """True for a line that is navigation, form, sharing, consent, licence or publisher text."""
    stripped = line.strip(" \t•-–—·|")
    return bool(stripped) and bool(_LINE_RE.match(stripped))


def strip_boilerplate(text: str) -> tuple[str, list[str]]:
    """Return ``(kept_text, dropped_lines)``; kept lines keep their order and line breaks."""
    lines = text.split("\n")
    tail_from = _tail_start(lines)
    kept: list[str] = []
    dropped: list[str] = []
    for i, line in enumerate(lines):
        if i >= tail_from or is_boilerplate_line(line):
            if line.strip():
                dropped.append(line.strip())
        else:
            kept.append(line)
    return _tidy("\n".join(kept)), dropped


def _tail_start(lines: list[str]) -> int:
    """Index of the first tail marker in the last part of the text (len(lines) if none)."""
    total = sum(len(line) + 1 for line in lines)
    position = 0
    for i, line in enumerate(lines):
        if position >= total * TAIL_START_SHARE and _TAIL_MARKERS.match(line.strip()):
            return i
        position += len(line) + 1
    return len(lines)


def _tidy(text: str) -> str:
    """Collapse the runs of blank lines that dropping leaves behind."""
    text = re.sub(r"\n[ \t]*(\n[ \t]*)+\n", "\n\n", text)
    return text.strip("\n") + "\n"
