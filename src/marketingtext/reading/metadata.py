"""Title, author and date of a document, found in its text as read (before boilerplate removal).

One job: a document's metadata as its lines show it (and merged with its format's own metadata).

A saved web page or an essay shows its metadata as lines: a headline, a byline (``Von …``,
``Autor: …``, ``verfasst von: …``, ``Veröffentlicht am 3. Dezember 2026 von …``, a name line
under the headline) and a date line (``3. Dezember 2026``, ``03.12.2026``, ``2026-12-03``,
``Dez 3, 2026``). :func:`find_metadata` picks the headline as the title-shaped line with the most
evidence around it: a date or byline next to it and prose after it; menus and lists of links
(runs of short lines), cookie and browser notices and a headline's subtitle are passed over. A newsroom
(``Author Redaktion``), a blog's signature (``Eingestellt von … um 21:11``) and an author box
(``Alle Beiträge von …``) name authors too; a last change's date gives way to the publication date.
The lines it takes are returned by number, so that the reader can keep them out of the analysed
text: they are metadata, not prose.

Nothing here reads files or knows formats; ``reading.decode`` merges these findings with what a
format's own metadata says (docx/odt core properties, PDF info, HTML meta).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from ..language.lexicon import stopwords
from .lines import (
    AUTHOR_BOX_HEADING,
    BYLINE_NAME,
    MONTHS,
    NAME_PARTICLES,
    PROSE_PUNCT,
    WEEKDAYS,
    first_date,
    function_word_share,
    parse_date,
)
from .shipped import SHIPPED, Shipped
from .titlemodel import TitleModel, shipped_title_model

# A byline: the words that introduce the author, then the name (up to a date, a separator or the line's end).
_BYLINE = re.compile(
    # an introducer after a space or separator, or glued to a date ("25. Januar 2022Author Redaktion")
    r"(?:^|[\s|•·/]|(?<=\d)(?=author|autor))"
    r"(?P<intro>verfasst von|geschrieben von|erstellt von|gespeichert von|veröffentlicht von|"
    r"eingestellt von|beitrag von|artikel von|text von|text|autor(?:in)?(?:\*in|:in)?|author|posted by|written by|"
    r"kolumnist(?:in)?(?:\*in|:in)?|redakteur(?:in)?|"
    r"von|by|durch|~)\s*:?\s+" + BYLINE_NAME, re.IGNORECASE)
# "von", "by", "durch", "~", "Text" name an author only at the line's start, on a line with a date, or after a
# publishing verb: "Titelbild der Blogbeiträge von Stephan Tiersch" is a caption, not a byline.
_WEAK_INTROS = {"von", "by", "durch", "~", "text"}
_PUBLISHING = re.compile(r"\b(veröffentlicht|gespeichert|erstellt|geschrieben|verfasst|gepostet|eingestellt|beitrag|"
                         r"artikel|posted|published|written|am|on|kommentar|gastbeitrag|gastkommentar|interview|"
                         r"analyse|kolumne|rezension|reportage|essay)\W*$", re.IGNORECASE)
# Words a byline name never is (``von 12 Monaten``, ``by default``): a name starts with a letter.
_NOT_NAMES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "admin", "uns", "mir",
              "ihm", "ihr", "ihnen", "sich", "unser", "unsere", "alle", "neue", "mehr",
              "allen", "unten", "oben", "hier", "am", "an", "im", "in", "zu", "zum",
              "zur", "bis", "mit", "und", "oder", "heute", "gestern", "uhr", "redaktion", "the", "a", "this", "that",
              "default", "kommentare", "kommentar", "comments", "previous", "next", "vorheriger", "nächster",
              # labels, places and sections a dated line names beside its date ("Ort Saarbrücken", "Datum …",
              # "Handball Schweiz • 02.02.2022", "2020-04-26 Deutsche Sprache"): no part of a person's name
              "ort", "datum", "quelle", "kategorie", "rubrik", "ressort", "thema", "schweiz", "deutschland",
              "österreich", "europa", "deutsche", "deutscher", "deutsches", "sprache", "handball", "fußball",
              "fussball", "sport", "politik", "wirtschaft", "kultur", "news", "presse",
              # what follows a byline's name on the same line: a category list, the credit for the pictures ("von
              # Andrea Kategorien: Allgemein", "Text von Christian Seiler Illustration von Markus Roost")
              "kategorien", "illustration", "illustrationen", "foto", "fotos", "bild", "bilder", "grafik",
              "fotografie"}
_AUTHOR_LABEL = re.compile(r"^(autor|autorin|autor\*in|autor:in|autoren|autorinnen|von|text|author|by)\s*:?$",
                           re.IGNORECASE)  # a label on a line of its own, the name on the next
_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "ungen", "isch", "ische", "ik", "stiftung",
                 "verein", "verband", "gmbh", "ag", "haus", "markt", "werk", "dienst", "beispiele", "kuchen")
# Lines that are navigation, never a title (compared lower-cased, without trailing punctuation).
_NAV = {"startseite", "home", "menü", "menu", "suche", "suchen", "search", "impressum", "kontakt", "datenschutz",
        "navigation", "hauptmenü", "inhalt", "blog", "news", "aktuelles", "archiv", "kategorien", "schlagwörter",
        "tags", "teilen", "share", "login", "anmelden", "registrieren", "mehr", "weiterlesen", "zurück", "weiter",
        "neueste beiträge", "ähnliche beiträge", "letzte beiträge", "kommentare", "kommentar", "allgemein",
        "skip to main content", "zum inhalt springen", "springe zum inhalt", "facebook", "twitter", "instagram",
        "linkedin", "xing", "youtube", "whatsapp", "e-mail", "drucken", "print", "english", "deutsch", "über uns",
        "about", "about me", "rss", "abonnieren", "newsletter", "cookies", "akzeptieren", "einwurf",
        "wer wir sind", "was wir tun", "spenden", "merken", "teilen und drucken"}
_PROSE_CHARS = 100  # a line this long with sentence punctuation is prose, not a header line
_HEADER_CHARS = 160  # a title, byline or date line is shorter than this
_NEAR = 4  # lines between a title and its byline or date
# Metadata is looked for in a text's beginning only (a book's title is not on page 300; the deepest headline of
# the dev pages is on line 449 of a news page).
SEARCH_CHARS, SEARCH_LINES = 200_000, 1500
_WINDOW = 8  # lines below a headline in which its article's prose is measured
SENTENCE_FUNCTION_SHARE = 0.25  # function words in a line that ends with a full stop: a sentence, not a headline
# words that make a line with a full stop a sentence: finite auxiliaries and copulas, personal pronouns
SENTENCE_WORDS = frozenset({
    "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "hatten", "kann",
    "können", "konnte", "muss", "müssen", "soll", "sollen", "gibt", "gab", "gilt", "liegt", "lag", "bezeichnet",
    "ich", "du", "er", "es", "wir", "ihr", "man"})
ARTICLE_CHARS = 600  # prose in a line and the lines below it that make an article's start (headlines stand above)
_MIN_TITLE_SCORE = 1.0  # below this, no line is taken for a headline (an essay that starts with its prose)
# The weights of the headline evidence (tuned on 120 dev pages, bench/eval_metadata.py).
WEIGHTS = {"meta": 2.0, "byline": 1.0, "below": 2.0, "overlap": 3.0, "repeated": 1.0, "first": 1.0,
           "prose_above": 2.0, "menu": 0.5, "one_word": 3.0, "name": 3.0, "position": 2.0,
           "meta_next": 2.0, "twice": 2.0, "crumb": 1.0, "dek": 2.0}
# Lines that look like headlines but never are: counters, reading times, teasers.
_NOT_TITLES = re.compile(r"^((quelle|kategorie|foto|bild|fotos|tags|schlagwörter|stichworte?|rubrik):.*|"
                         r"(ort|datum|standort):? [\w.-]+( [\w.-]+)?|"  # a press release's "Ort Saarbrücken"
                         r".*(lade|loading) …|kommentare?|antworten|"
                         r"\d+ (kommentare?|antworten|comments?|replies|responses|minuten lesezeit|min\.? lesezeit)|"
                         r"lesen sie auch|seite auswählen|mehr zum thema|auch interessant|weitere artikel|"
                         r"das könnte (sie|dich) auch interessieren|verwandte artikel|folg(t|e|en sie) (mir|uns).*|"
                         r".*\bcookies?\b.*\b(website|webseite|verwendung|einstellungen|notwendige?|akzeptieren|"
                         r"datenschutz|performance|tracking|richtlinie)\b.*|"
                         r".*\b(cookies?|website|webseite)\b.*\bcookies?\b.*|.*(\+\d{2}|tel\.:?) ?[\d(].*|"
                         r"vorschau auf den nächsten artikel|.*\bdownload\b.*|seite \d+.*|\d+ minuten.*|"
                         r".*\bcookies?|\d+ min\.? lesedauer)\s*\d*$",
                         re.IGNORECASE)


@dataclass(frozen=True)
class TextMetadata:
    """What the text itself says about its title, author and date ("" when it does not say)."""

    title: str = ""
    author: str = ""
    date: str = ""  # ISO yyyy-mm-dd
    lines: tuple[int, ...] = ()  # numbers (0-based, in ``text.split("\\n")``) of the lines taken as metadata


def byline_author(line: str) -> str:
    """The author a byline names (``Von Anna Muster``, ``Autorin: Anna Muster``, ``… 2019 von anna``), or ""."""
    signature = _SIGNATURE.match(line)
    if signature and len(signature.group("name").split()) <= 3:
        return signature.group("name")  # Blogger's "Eingestellt von der Michel um 21:11": the handle as written
    for match in _BYLINE.finditer(line):
        before = line[:match.start("intro")]
        if (match.group("intro").lower() in _WEAK_INTROS and before.strip(" |•·") and not _PUBLISHING.search(before)
                and first_date(line) is None):
            continue
        team = _TEAM.match(match.group("name"))
        if team and (match.group("intro").lower() not in _WEAK_INTROS or not before.strip()):
            return team.group(0)  # "Author Redaktion", "Von Redaktion": the site's newsroom is the named author
        name = _clean_name(match.group("name"))
        after = line[match.start("name") + len(name):].split()
        if (name and match.group("intro").lower() in _WEAK_INTROS and after and after[0].isalpha()
                and after[0].islower() and after[0] not in _NOT_NAMES and after[0] not in NAME_PARTICLES):
            continue  # "Von Atemschutzmaske über Exit-Strategie bis Zoonose": a sentence that starts with "Von"
        rest = line[match.start("name") + len(name):]
        more = _MORE_AUTHORS.match(rest) if name and name[0].isupper() else None
        if more and _name_list(name + rest.rstrip()):
            name += rest.rstrip()  # "Von Fiona Bornhöft und Mariam Hofbeck", "Von A B, C D und E F": all wrote it
        if name and match.group("intro").lower() == "text" and name[0].islower():
            continue  # "Text vorlesen": a button, not "Text: Anna Berger"
        if name:
            return name
    return ""


# A blog's signature under the post: "Eingestellt von NAME um 21:11" (Blogger's German theme), the name as written
_SIGNATURE = re.compile(r"^(eingestellt|gepostet|veröffentlicht) von (?P<name>[^\W\d][^\d|•·,;:()]{1,40}?) um "
                        r"\d{1,2}[:.]\d\d", re.IGNORECASE)
# A newsroom as the author ("Redaktion", "Greentech.LIVE Redaktion"), taken only after an introducer or a label
_TEAM = re.compile(r"(?-i:(?:[A-ZÄÖÜ][\w.-]*\s)?Redaktion)(?=$|[\s|•·,;])")


# More authors after a byline's first name: ", C D", "und E F", "& E F" up to the line's end
_MORE_AUTHORS = re.compile(r"(?:\s*(?:,|\bund\b|&)\s*[A-ZÄÖÜ][^\s|•·,;:()]*(?:\s+[A-ZÄÖÜ][^\s|•·,;:()]*){1,2})+\s*$")


def _clean_name(name: str) -> str:
    words = name.split()
    # the name ends at the first word that is no part of a name ("Fabian am Dienstag", "Anna Berger In Aktuell")
    for n, word in enumerate(words[1:], 1):
        key = word.lower().strip(".,:")
        if key in _NOT_NAMES or key in WEEKDAYS or key in MONTHS or (word[0].islower() and key not in NAME_PARTICLES):
            words = words[:n]
            break
    while words and (words[-1].lower() in _NOT_NAMES or first_date(words[-1]) or words[-1].lower() in MONTHS):
        words.pop()  # "Anna Muster am" -> "Anna Muster"
    if not words or words[0].lower() in _NOT_NAMES or not words[0][0].isalpha() or words[0].lower() in MONTHS:
        return ""
    if any(ch.isdigit() for ch in "".join(words)):
        return ""
    return " ".join(words).strip(" .-–—")


def is_name_line(line: str) -> bool:
    """A line that is only a person's name: two to four capitalised words (``Susanne Robra-Bissantz``), a first
    name of at most ten letters, no name part over twelve, no function word (``Für Arbeitgeber``) and no word that
    is a German noun by its ending."""
    words = line.split()
    return (2 <= len(words) <= 4 and len(line) <= 60
            and all((w[0].isupper() or 0 < n < len(words) - 1 and w in NAME_PARTICLES)
                    and w.replace("-", "").replace(".", "").isalpha() for n, w in enumerate(words))
            and not any(w.lower().strip(".") in _NOT_NAMES or w.lower() in MONTHS for w in words)
            and not any(w.lower() in stopwords() and w.lower() not in NAME_PARTICLES for w in words)  # "Für uns"
            and len(words[0]) <= 10 and all(len(part) <= 12 for w in words for part in w.split("-"))
            and not any(w.lower().endswith(_NOUN_ENDINGS) for w in words)
            and _key(line) not in _NAV)


def _key(line: str) -> str:
    return line.strip(" \t•·|-–—:>»«").lower()


def is_breadcrumb(line: str) -> bool:
    """A breadcrumb trail ("Sie sind hier: Aktuelles Presse …", "Startseite > News > …", "Home » Klettern » …")."""
    return bool(_CRUMB_START.match(line)) or line.count(">") + line.count("›") >= 2 or line.count(" » ") >= 2


_CRUMB_START = re.compile(r"^(sie sind hier|du bist hier|you are here|navigation)\s*:", re.IGNORECASE)
_GALLERY_CAPTION = re.compile(r"^\d+\s?/\s?\d+\s")  # "1/5 Am Freitagabend krachte …": a photo gallery's caption


# A page's notice about cookies, an outdated browser or JavaScript: long, with full stops, but no article's prose
_NOTICE = re.compile(r"\bcookies?\b.*\b(website|webseite|verwend|nutz|einsatz|akzeptier|zustimm|einstellung|"
                     r"datenschutz|speicher)|\b(website|webseite)\b.*\bcookies?\b|"
                     r"\bbrowser\b.*\b(aktualisier|unterstützt|veraltet|verwende|update)|"
                     r"\b(aktualisier|verwende|update)\w*\b.*\bbrowser|"
                     r"\bjavascript\b.*\b(aktivier|deaktiviert|einschalten)", re.IGNORECASE)


def _is_prose(line: str) -> bool:
    if is_breadcrumb(line) or _GALLERY_CAPTION.match(line) or (len(line) > _HEADER_CHARS and _metadata_lead(line)):
        return False  # long, with full stops, but no article starts with it
    if _NOTICE.search(line):
        return False  # a cookie banner above the page's menu is no article's start (the headline is below it)
    return len(line) >= _PROSE_CHARS and bool(PROSE_PUNCT.search(line + " ")) and len(line.split()) >= 12


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def _is_title_shaped(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 25 or not 3 <= len(line) <= 200:
        return False
    if not re.search(r"[^\W\d_]{3,}", line) or _key(line) in _NAV or line.endswith((":", ",")):
        return False
    if _NOT_TITLES.match(line) or line.endswith("→") or re.search(r"[a-zäöüß][A-ZÄÖÜ][a-zäöüß]+[A-ZÄÖÜ]", line):
        return False  # "Kommentare 0", a "next post" link, menu items glued together ("ImpressumAllgemeine…")
    if _NOTICE.search(line):
        return False  # "Der Browser wird leider nicht mehr unterstützt!"
    if re.match(r"^(https?://|www\.|\[?[•·*►▼>»«←→›‹|]|\d+$|©)", line) or _EMAIL.search(line):
        return False  # a link, a button ("› Drucken", "[› ma@…"), an e-mail address
    if re.fullmatch(r"jetzt \w+!?", line, re.IGNORECASE):
        return False  # a button that calls to act: "Jetzt spenden", "Jetzt bestellen"
    if line[0].islower() and not re.match(r"[a-z]{1,2}[A-Z]", line):
        return False  # a sentence's tail; but a brand may start a headline ("iMac 5K …", "eBay-Vorlagen")
    if is_breadcrumb(line) or re.match(r"^[\w-]+: [A-ZÄÖÜ]\w+( [A-ZÄÖÜ][\w-]+){1,2}$", line) and is_name_line(
            line.split(": ", 1)[1]) or line.endswith(("...", "…")) and len(words) <= 3:
        return False  # a trail, a label with a name ("Übersetzer: Sonja Häußler"), a search box's "Suchen ..."
    if re.search(r"\b(\w+) \1 (\w+) \2\b", line):
        return False  # "Blog Blog Status Status Team Team": a menu's labels, each shown twice
    if line.count("(") != line.count(")"):
        return False  # a sentence cut at an abbreviation ("Brot (ahd."), not a headline
    if len(words) >= 2 and words[-1] in _CUT_WORDS:
        return False  # a teaser cut after a preposition or an article ("150 g MinusL Joghurt mit")
    if re.fullmatch(r"(alle|weitere|mehr) [\wäöüß-]+", line, re.IGNORECASE):
        return False  # a link to a list ("Alle Sanierungsbeispiele", "Weitere Artikel")
    return not (len(words) > 15 and line.endswith(".")) and not _is_sentence(words)


# Words a headline does not end with (lower case, as written): a line cut in the middle of a phrase. Not the words
# that end a clause as a verb's particle ("Die Preise ziehen an", "Bank steigt aus", "Kinos machen zu", "… ein").
_CUT_WORDS = frozenset({"mit", "und", "oder", "für", "von", "vom", "zum", "zur", "der", "die", "das", "den", "dem",
                        "des", "eine", "einen", "einem", "einer", "im", "am", "bei", "gegen", "ohne", "sowie", "dass"})


def _is_sentence(words: list[str]) -> bool:
    """A full stop after at least four words, one of them a finite auxiliary or copula or a personal pronoun: an
    encyclopedia's first sentence ("Dornröschen ist ein Märchen (ATU 410).", "Als Blutspende bezeichnet man …")
    rather than a headline ("Zukunft des Marketings: Big Data, small Communication.", "Laufen im Winter: Von
    „bäh!“ zu „yeah!“ in 12 Monaten.")."""
    if len(words) < 4 or not words[-1].endswith("."):
        return False
    keys = [word.lower().strip(".,:;()„“\"") for word in words]
    if any(key in SENTENCE_WORDS for key in keys):
        return True
    # a headline's colon ("Thema: Untertitel.") aside, a line that is a quarter function words is a sentence
    # ("Die Ebolaviren verursachen das Ebolafieber.")
    return not any(word.endswith(":") for word in words) and \
        function_word_share(keys, stopwords()) >= SENTENCE_FUNCTION_SHARE


def _is_meta_line(line: str) -> bool:
    """A short line carrying a date or a byline (or a relative date or a reading time: no date to read, but
    evidence that a headline stands above it)."""
    if len(line) > _HEADER_CHARS:
        return bool(_metadata_lead(line))  # "Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: …"
    return first_date(line) is not None or bool(byline_author(line)) or bool(_RELATIVE_META.match(line))


# "Erstellt: vor 4 Stunden", "Aktualisiert: vor 2 Tagen", "vor 3 Wochen", "4 Min. Lesedauer", "Lesezeit: 3 Minuten"
_RELATIVE_META = re.compile(
    r"^((erstellt|aktualisiert|veröffentlicht|geändert|zuletzt aktualisiert|stand)\s*:?\s*)?vor\s+(\d+|einem|einer|"
    r"zwei|drei)\s+(sekunden?|minuten?|stunden?|tagen?|wochen?|monaten?|jahren?)\s*$|"
    r"^(\d+\s*(min\.?|minuten?)\s*(lesedauer|lesezeit)|(lesedauer|lesezeit)\s*:?\s*\d+\s*(min\.?|minuten?))\s*$",
    re.IGNORECASE)


def find_metadata(text: str, title_model: TitleModel | None | Shipped = SHIPPED) -> TextMetadata:
    """The title, author and date the text shows, and the numbers of the lines that show them. ``title_model``
    re-ranks the rules' headline candidates (default: the shipped model, if there is one; None: the rules alone)."""
    lines, filled = page_lines(text)
    if not filled:
        return TextMetadata()
    model = shipped_title_model() if title_model is SHIPPED else title_model
    title_at = _title_line(lines, filled, model)
    title = without_site_name(lines[title_at], lines) if title_at is not None else ""
    author, date, taken, above = _near_title(lines, filled, title_at)
    if not author and title_at is not None:
        author, byline_date, more = _header_byline(lines, filled, filled.index(title_at) + _BYLINE_REACH)
        taken = [*taken, *more]
        date = date or byline_date
    if not author and above is not None:
        # a name line above the headline's date line: the page's byline when no explicit one says otherwise (a
        # blog's menu entry "Serien Killer" stands there too, and "Eingestellt von Weinlachgummi" names the author)
        author, taken = lines[above], [*taken, above]
    if not author and title_at is not None:
        author = _author_box(lines, filled)
    if not date:
        date = _first_header_date(lines, filled)
    consumed = tuple(sorted({*taken, *(() if title_at is None else (title_at,))}))
    return TextMetadata(title=title, author=author, date=date, lines=consumed)


def page_lines(text: str) -> tuple[list[str], list[int]]:
    """The text's lines as the search reads them (NFC, stripped) and the numbers of the non-empty ones searched."""
    lines = [unicodedata.normalize("NFC", line).strip() for line in text.split("\n")]
    return lines, [i for i, line in enumerate(lines) if line][:SEARCH_LINES]


def without_site_name(title: str, lines: list[str]) -> str:
    """The headline without the site's name that a page title appends: "Tote Hummeln unter Linden | Hummeln",
    "Was wir über uns nicht hören wollen | FASSETTE.NET", "Baumgutachten - buero-hoppe.de". After " | " a name of
    up to three words goes; after a dash only a web address or a line the page shows on its own (the site's name
    in its header), since a dash also joins a headline's two halves ("Würde des Lebens – ein Projekt")."""
    for separator in (" | ", " – ", " - ", " — "):
        if separator not in title:
            continue
        head, tail = title.rsplit(separator, 1)
        if len(head.split()) < 2 or len(tail.split()) > 3:
            continue
        if separator == " | " or re.fullmatch(r"(www\.)?[\w-]+\.[a-z]{2,4}", tail.lower()) or any(
                line.strip().casefold() == tail.casefold() for line in lines):
            return head.strip()
    return title


def _title_line(lines: list[str], filled: list[int], model: TitleModel | None = None) -> int | None:
    """The number of the line with the best headline score, or None when no line has enough evidence (the rules
    decide that). With a ``model``, the rules' best ``model.top`` candidates are re-ranked by their score plus the
    model's weighted logit."""
    if model is None:
        scores = title_scores(lines, filled)
    else:
        features = title_features(lines, filled)
        scores = {i: row["rules"] for i, row in features.items()}
    best = max(scores, key=lambda i: (scores[i], -i), default=None)
    if best is None or scores[best] <= _MIN_TITLE_SCORE:
        return None
    if model is None:
        return best
    shortlist = sorted(scores, key=lambda i: (-scores[i], i))
    shortlist = shortlist[:model.top] if model.top else shortlist
    ranked = {i: model.rank_score(features[i]) for i in shortlist}
    return max(shortlist, key=lambda i: (ranked[i], scores[i], -i))


def title_scores(lines: list[str], filled: list[int]) -> dict[int, float]:
    """Headline score of every title-shaped line (by line number): its evidence weighted by :data:`WEIGHTS`."""
    return {i: sum(WEIGHTS[name] * value for name, value in evidence.items())
            for i, evidence in title_evidence(lines, filled).items()}


def title_evidence(lines: list[str], filled: list[int]) -> dict[int, dict[str, float]]:
    """The evidence for and against each title-shaped line being the headline.

    For: a date or byline line right after (or just before) it (``meta``), a byline there (``byline``);
    prose below it (``below``); sharing its words with that prose (``overlap``);
    the same line elsewhere on the page, a breadcrumb or a "recent posts" entry (``repeated``); being the
    text's first line, as an essay's title is (``first``). Against: prose just above, as a subheading has
    (``prose_above``); lying inside a run of short lines, a menu (``menu``); being a lone word (``one_word``)
    or a person's name (``name``); a late position (``position``).
    """
    return _page_evidence(lines, filled).found


@dataclass(frozen=True)
class _PageEvidence:
    """The headline evidence of a page's candidates and what it was computed from (per rank of ``filled``)."""

    found: dict[int, dict[str, float]]
    meta: list[bool]
    prose_chars: list[int]
    start: int  # rank of the article's first prose line
    counts: dict[str, int]


def _page_evidence(lines: list[str], filled: list[int]) -> _PageEvidence:
    counts: dict[str, int] = {}
    for i in filled:
        counts[lines[i]] = counts.get(lines[i], 0) + 1
    meta = [_is_meta_line(lines[i]) for i in filled]
    bylines = [m and bool(byline_author(lines[i]) or _dated_name(lines[i])) for m, i in zip(meta, filled, strict=True)]
    names = [is_name_line(lines[i]) and _name_beside_date(lines, i) for i in filled]  # a byline without "von"
    prose_chars = [len(lines[i]) if _is_prose(lines[i]) else 0 for i in filled]
    window = [sum(prose_chars[r + 1:r + 1 + _WINDOW]) for r in range(len(filled))]
    found = {}
    start = article_start(prose_chars, window)
    # a headline stands above its article, never inside it; but a blog's description or a teaser may be the first
    # prose, above the post's date line and headline ("Dienstag, 28. April 2020" / "Tach auch!" / the first
    # paragraph)
    dated = [rank for rank in range(start + 1, min(len(filled) - 1, start + 1 + _AFTER_DESCRIPTION))
             if (meta[rank - 1] and _mostly_metadata(lines[filled[rank - 1]]) and prose_chars[rank + 1])
             # or over a first paragraph that opens with the date ("06.11.23 - Sensation in der …")
             or (len(lines[filled[rank + 1]]) > _HEADER_CHARS and _metadata_lead(lines[filled[rank + 1]]))]
    for rank, i in [*enumerate(filled[:start]), *((rank, filled[rank]) for rank in dated)]:
        line = lines[i]
        if meta[rank] and (_mostly_metadata(line) or bylines[rank] or _glued_date(line)):
            continue  # a date or byline line; but a headline may name a date ("Andacht …, 11. November 2021")
        if prose_chars[rank] or not _is_title_shaped(line) or line.startswith("=="):
            continue
        if len(line.split()) == 1 and counts[line] >= _SITE_NAME_COUNT:
            continue  # one word the page shows three times or more: the site's name ("Journelles"), not a headline
        own = _words(line)
        below = _words(" ".join(lines[j] for r, j in enumerate(filled[rank + 1:rank + 1 + 2 * _WINDOW], rank + 1)
                                if prose_chars[r]))
        # the lines under the headline, past a copy of it (a page shows its headline twice: <h1> and a teaser)
        under = rank + 1
        while under < len(filled) and lines[filled[under]] == line:
            under += 1
        next_lines = range(under, min(len(filled), under + 3))
        found[i] = {
            "meta": float(any(meta[r] for r in next_lines) or (rank > 0 and meta[rank - 1])),
            "byline": float(any(bylines[r] for r in next_lines) or (rank > 0 and bylines[rank - 1])
                            or (under < len(filled) and names[under])),
            "meta_next": float(under < len(filled) and (meta[under] or names[under])
                               or under + 1 < len(filled) and _is_dek(lines[filled[under]], line)
                               and (meta[under + 1] or names[under + 1])),
            "dek": -float(rank > 0 and _is_dek(line, lines[filled[rank - 1]]) and not meta[rank - 1]
                          and _is_title_shaped(lines[filled[rank - 1]]) and not prose_chars[rank - 1]),
            "twice": float(under > rank + 1 or (rank > 0 and lines[filled[rank - 1]] == line)),
            "crumb": float(len(line) >= 12 and any(_ends_trail(lines[j], line) for j in
                                                   filled[max(0, rank - 5):rank] + filled[rank + 1:rank + 6])),
            "below": min(window[rank], 1500) / 1500,
            "overlap": len(own & below) / len(own) if own else 0.0,
            "repeated": float(counts[line] > 1),
            "first": float(rank == 0),
            "prose_above": -float(any(prose_chars[max(0, rank - 3):rank])),
            "menu": -float(_in_link_list(lines, filled, rank, meta, prose_chars)),
            "one_word": -float(len(line.split()) == 1),
            "name": -float(is_name_line(line) or bool(_role_name(line))),
            "position": -rank / len(filled),
        }
    return _PageEvidence(found, meta, prose_chars, start, counts)


def title_features(lines: list[str], filled: list[int]) -> dict[int, dict[str, float]]:
    """What each headline candidate (a line :func:`title_evidence` scores) shows, for the learned ranking
    (``reading/titlemodel.py``): its evidence and the rules' score, and besides them its shape (words, capitals,
    end punctuation, function words, digits, a site-name separator), its place (among the candidates, before the
    article's start, after a run of short lines, its distance to the nearest date or byline line) and how the page
    repeats it (a longer line that contains it, as a ``Title | Site`` line or a breadcrumb does; the most similar
    other line by shared words)."""
    page = _page_evidence(lines, filled)
    if not page.found:
        return {}
    vocabulary = stopwords()
    meta_ranks = [rank for rank, is_meta in enumerate(page.meta) if is_meta]
    # word sets of the page's short lines, indexed by word, for each candidate's most similar other line
    word_sets = [_words(lines[i]) if len(lines[i]) <= _HEADER_CHARS else set() for i in filled]
    by_word: dict[str, list[int]] = {}
    for rank, words in enumerate(word_sets):
        for word in words:
            by_word.setdefault(word, []).append(rank)
    folded = [lines[i].casefold() for i in filled]
    candidates = sorted(page.found)
    rank_of = {i: rank for rank, i in enumerate(filled)}
    last_above = max((i for i in candidates if rank_of[i] < page.start), default=None)
    best = max(sum(WEIGHTS[name] * value for name, value in evidence.items()) for evidence in page.found.values())
    features = {}
    for order, i in enumerate(candidates):
        rank = rank_of[i]
        line, key = lines[i], folded[rank]
        words = line.split()
        letters = [ch for ch in line if ch.isalpha()]
        shared: dict[int, int] = {}
        for word in word_sets[rank]:
            for other in by_word[word]:
                if other != rank and folded[other] != key:
                    shared[other] = shared.get(other, 0) + 1
        similar = max((n / len(word_sets[rank] | word_sets[other]) for other, n in shared.items()), default=0.0)
        contained = any(key in folded[other] and len(folded[other]) <= 2 * len(key) + 60
                        for other in shared if len(folded[other]) > len(key))
        meta_gap = min((abs(rank - other) for other in meta_ranks if other != rank), default=len(filled))
        before = [lines[j] for j in filled[max(0, rank - 3):rank]]
        features[i] = {
            **page.found[i],
            "rules": sum(WEIGHTS[name] * value for name, value in page.found[i].items()),
            "log_words": math.log1p(len(words)),
            "upper_share": sum(ch.isupper() for ch in letters) / max(len(letters), 1),
            "capital_words": sum(word[:1].isupper() for word in words) / len(words),
            "ends_period": float(line.endswith(".")),
            "ends_mark": float(line.endswith(("?", "!"))),
            "colon": float(": " in line),
            "function_share": function_word_share([word.lower().strip(".,:;!?\"„“") for word in words], vocabulary),
            "digits": float(any(ch.isdigit() for ch in line)),
            "separator": float(any(sep in line for sep in (" | ", " - ", " – ", " — "))),
            "contained": float(contained),
            "similar": similar,
            "meta_gap": 1.0 / (1 + meta_gap),
            "start_gap": 1.0 / (1 + abs(page.start - rank)),
            "last_before_start": float(i == last_above),
            "first_candidate": float(order == 0),
            "candidate_order": order / len(candidates),
            "after_menu": float(len(before) == 3 and all(len(b) < 40 for b in before)),
            "log_rank": math.log1p(rank),
            "site_tail": float(without_site_name(line, lines) != line),
            "rules_gap": best - sum(WEIGHTS[name] * value for name, value in page.found[i].items()),
        }
    return features


_SITE_NAME_COUNT = 3
_AFTER_DESCRIPTION = 3  # ranks past the first prose in which a headline under a date line is still looked for


def _is_dek(line: str, headline: str) -> bool:
    """``line`` is the subtitle under ``headline``: eight words or more and at least twice as long as a headline of
    three words or more ("Vom Boden aus gedacht" / "Ann Cotten verwebt in „Die Anleitungen der Vorfahren“ Lokales
    und Globales"). A kicker over its headline is shorter than that ("KOMMENTAR Bürgermeisterwahl in Petersberg" /
    "Claudia Brandes und ihr links-grünes Bündnis müssen jetzt liefern")."""
    words = [word for word in headline.split() if any(ch.isalnum() for ch in word)]  # "Thema – Corona": two words
    return len(line.split()) >= 8 and len(words) >= 3 and len(line) >= _DEK_RATIO * len(headline) and \
        not line.endswith(".")


_DEK_RATIO = 2.0


def _glued_date(line: str) -> bool:
    """A date glued to the word before it: a list entry with its date ("Kleinring 42 Dessau2. Oktober 2015")."""
    found = first_date(line)
    return found is not None and found[1] > 0 and line[found[1] - 1].isalpha()


def _ends_trail(trail: str, line: str) -> bool:
    """``trail`` is a breadcrumb ending in ``line``: "Start Top Thema DGB: Brückensperrung …" above "DGB:
    Brückensperrung …", "Home » Klettern » Mammut nimmt …" under it."""
    return len(trail) > len(line) and trail.casefold().endswith(line.casefold()) and not _is_prose(trail[:-len(line)])


def article_start(prose_chars: list[int], window: list[int]) -> int:
    """The rank of the first prose line that more prose follows (an article's first paragraph; a lone cookie notice
    is no article), or the number of lines when there is none. A text that opens with its prose (an essay without
    a headline, an encyclopedia article) starts at 0: no line of it is a headline, and none is taken out."""
    return next((rank for rank, chars in enumerate(prose_chars) if chars and chars + window[rank] >= ARTICLE_CHARS),
                len(prose_chars))


def _words(text: str) -> set[str]:
    """Content words (four letters or more), lower-cased, for comparing a headline with its article."""
    return {w for w in re.findall(r"\w{4,}", text.lower()) if not w.isdigit()}


def _in_link_list(lines: list[str], filled: list[int], rank: int, meta: list[bool], prose_chars: list[int]) -> bool:
    """True inside a run of short lines without prose or metadata next to it (a menu, a list of posts)."""
    ranks = range(max(0, rank - 2), min(len(filled), rank + 4))
    return len(ranks) >= 5 and all(len(lines[filled[r]]) < 90 and not meta[r] and not prose_chars[r] for r in ranks)


def _near_title(lines: list[str], filled: list[int], title_at: int | None) -> tuple[str, str, list[int], int | None]:
    """Author and date from the byline and date lines around the title, with their line numbers, and the number of
    a name line above the title beside a date line (a weaker byline: taken only when no other is found)."""
    if title_at is None:
        return *_header_byline(lines, filled), None
    rank = filled.index(title_at)
    author, date, taken, above = "", "", [], None
    under = rank + 1  # past a copy of the headline right under it
    while under < len(filled) and lines[filled[under]] == lines[title_at]:
        under += 1
    around = filled[under:under + _NEAR] + list(reversed(filled[max(0, rank - 2):rank]))
    for i in around:
        line = lines[i]
        if _is_sentence(line.split()):
            continue  # "Ich habe am 12. Mai 2006 eine Mail-Aktion … gestartet.": a sentence that names a date
        if len(line) > _HEADER_CHARS or _is_prose(line):
            line = _metadata_lead(line)  # "Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: …"
            if not line:
                continue
        found_date = publication_date(line)
        found_author = byline_author(line)
        if not found_author and not author and i > title_at:
            at = filled.index(i)
            before = filled[at - 1]
            two_before = filled[at - 2] if at >= 2 else None
            under_title = (under < len(filled) and i == filled[under]) \
                or _same_headline(lines[before], lines[title_at]) \
                or (  # under the teaser: headline / "Damit Mitarbeiter gesund bleiben, …" / "Marie Rövekamp"
                    two_before is not None and two_before >= title_at and len(lines[before].split()) >= 8
                    and _same_headline(lines[two_before], lines[title_at])
                    and not any(word.isupper() for word in line.split()))  # a button there: "PDF Vorschau"
            if found_date:
                found_author = _dated_name(line, handle=under_title)
            elif (under_title and is_name_line(line)) or _name_beside_date(lines, i):
                found_author = line
            else:  # an "Autor" label over the name; a role before it beside the date ("Experte Robin Tschöpe")
                found_author = _labelled_name(lines, filled, at) or (
                    _role_name(line) if under_title or _beside_date(lines, i) else "")
        elif not found_author and not author:
            # "Georg Quaas, 21. Jan. 2015" right above the headline; "Bianca Praetorius" / "2. Okt. 2022" / headline
            found_author = _dated_name(line) if found_date else ""
            if not found_date and above is None and _name_beside_date(lines, i):
                above = i
        used = False
        if found_date and not date:
            date, used = found_date[0], True
        if not found_author and not author and i > title_at and _name_list(line):
            found_author = line  # "Clara Löw, Siddharth Prakash & Klaus Jacob" under the teaser
        if found_author and (not author or _is_handle(author) and is_name_line(found_author)):
            # a handle ("Gespeichert von human am …") gives way to a person's name ("Blog Beitrag von Margarita …")
            author, used = found_author, True
        if used and _mostly_metadata(line):
            taken.append(i)
    return author, date, taken, above


# An author box under the article: "Alle Beiträge von Martin Junker", "Alles von Martin Junker", "Author Greentech.LIVE
# Redaktion", "Autorin: Anna Berger" (a line of its own; the name must have a person's shape or be a newsroom)
_AUTHOR_BOX = re.compile(r"^(alle (beiträge|artikel|posts) von|alles von|mehr (artikel|beiträge) von|author|autor|"
                         r"autorin|autor\*in|autor:in|über den autor|über die autorin)\s*:?\s+(?P<name>[^|•·,;:()]+)$",
                         re.IGNORECASE)


def _author_box(lines: list[str], filled: list[int]) -> str:
    """The name of the first author box in the searched lines (the last resort: no byline near the headline or in
    the page's first half), or "": on the box's line ("Alle Beiträge von Martin Junker") or on the line under its
    label ("Über den Autor/ die Autorin" / "Markus Reuter", "Von:" / "Götz Warnke" under the article)."""
    for rank, i in enumerate(filled):
        box = _AUTHOR_BOX.match(lines[i])
        if box and len(lines[i]) <= 80:
            name = box.group("name").strip()
            if is_name_line(name) or _TEAM.fullmatch(name):
                return name
        name = _labelled_name(lines, filled, rank, (_AUTHOR_LABEL, AUTHOR_BOX_HEADING))
        if name:
            return name
    return ""


def _same_headline(line: str, headline: str) -> bool:
    """``line`` is the headline or its copy as the page shows it again ("Abstandsregeln und Fieberkontrollen : Wie
    …" under "Abstandsregeln und Fieberkontrollen: Wie …")."""
    return line == headline or _SPACE_BEFORE_MARK.sub(r"\1", line).casefold() == \
        _SPACE_BEFORE_MARK.sub(r"\1", headline).casefold()


_SPACE_BEFORE_MARK = re.compile(r"\s+([:,;.!?])")


def _role_name(line: str) -> str:
    """The name in a line "role name": "FOCUS-Online-Experte Robin Tschöpe", "Gastautorin Anna Berger", or ""."""
    words = line.split(maxsplit=1)
    if len(words) == 2 and words[0].lower().endswith(_ROLES) and is_name_line(words[1]):
        return words[1]
    return ""


_ROLES = ("experte", "expertin", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "reporter",
          "reporterin", "kolumnist", "kolumnistin", "autor", "autorin", "gastautor", "gastautorin")


def _is_handle(author: str) -> bool:
    """A blog's user name rather than a person's name: one word in lower case ("human", "flerche")."""
    return len(author.split()) == 1 and author[:1].islower()


def _name_list(line: str) -> bool:
    """A line that is only several people's names: "Clara Löw, Siddharth Prakash & Klaus Jacob"."""
    parts = [part.strip() for part in re.split(r",\s*|\s+(?:&|und)\s+", line)]
    return len(parts) >= 2 and all(is_name_line(part) for part in parts)


def _labelled_name(lines: list[str], filled: list[int], rank: int, labels=(_AUTHOR_LABEL,)) -> str:
    """The name on the line under the line ``filled[rank]`` when that is one of ``labels``: ``Autor`` / ``Autorin``
    / ``Von`` (a page's "Information" box), or with :data:`AUTHOR_BOX_HEADING` also ``Über den Autor``."""
    if not any(label.match(lines[filled[rank]]) for label in labels) or rank + 1 >= len(filled):
        return ""
    name = lines[filled[rank + 1]].rstrip(",;")
    return name if is_name_line(name) or _TEAM.fullmatch(name) else ""


def _name_beside_date(lines: list[str], i: int) -> bool:
    """A name line counts as a byline only next to a date line ("Heiko Sauer" above "Do 9 Apr 2020")."""
    return is_name_line(lines[i]) and _beside_date(lines, i)


def _beside_date(lines: list[str], i: int) -> bool:
    """A short line with a date (or a relative date) right above or under line ``i``."""
    neighbours = [line for line in lines[max(0, i - 1):i + 2] if line and line != lines[i]]
    return any(len(line) <= 80 and (first_date(line) or _RELATIVE_META.match(line)) for line in neighbours)


def _dated_name(line: str, handle: bool = False) -> str:
    """The name beside a date on one line: "11.12.2019 - Amelie Loevenich", "Georg Quaas, 21. Jan. 2015",
    "17. Februar 2020 Frau Sabienes Kommentare 4", "Markus M. Haefliger, London, Beat Bumbacher 19.10.2019".
    With ``handle`` (the line right under the headline) a single word before a dot separator counts too:
    "Paddy · April 19, 2019 · Mac"."""
    found = first_date(line)
    rest = line[:found[1]] + " | " + line[found[2]:] if found else line
    # the time beside the date is no word of a sentence: "23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen"
    rest = _CLOCK_TIME.sub(" ", rest)
    if not _mostly_metadata(line) and not (len(line) <= 100 and all(
            word[0].isupper() or not word[0].isalpha() or word in NAME_PARTICLES for word in rest.split())):
        return ""  # a sentence that names a date; a line of capitalised names and labels is still a byline
    segments = [segment.strip(" ,;") for segment in re.split(r"\s[|·•–—-]\s|\s\|\s?|·|•", rest)]
    for segment in segments:
        if is_name_line(segment):
            return segment
        # several authors (and a place) separated by commas: all named, as the page names them
        parts = [part.strip() for part in segment.split(",")]
        if (len(parts) > 1 and all(is_name_line(part) or _is_capitalised_word(part) for part in parts)
                and any(is_name_line(part) for part in parts)):
            return segment
        # a name followed by a counter or a label: "Frau Sabienes Kommentare 4 Kommentare"
        words = segment.split()
        cut = next((n for n, word in enumerate(words) if word.lower() in _NOT_NAMES or not word.isalpha()),
                   len(words))
        if 0 < cut < len(words) and is_name_line(" ".join(words[:cut])):
            return " ".join(words[:cut])
    first = segments[0] if segments else ""
    # a blog theme's "Paddy · April 19, 2019": a dot separator ("Nachricht | 30.10.2021" is a section's name)
    if handle and _is_capitalised_word(first) and re.match(re.escape(first) + r"\s*[·•]\s", line):
        return first
    return ""


_CLOCK_TIME = re.compile(r"(?:\b(?:um|at)\s+)?\b\d{1,2}[:.]\d\d(?:\s*uhr\b|\s*h\b)?", re.IGNORECASE)


def _is_capitalised_word(word: str) -> bool:
    """One capitalised word of three letters or more that is no month, weekday, menu word or function word."""
    key = word.lower()
    return (len(word) >= 3 and word.isalpha() and word[0].isupper() and key not in MONTHS and key not in WEEKDAYS
            and key not in _NOT_NAMES and key not in _NAV and key not in stopwords())


def _metadata_lead(line: str) -> str:
    """The start of a long line that opens with its date or byline ("Veröffentlicht: 05.01.2020 | Autor: gnaddrig
    | Abgelegt unter: …"), up to its fourth separator; "" for a line that does not (prose that names a date)."""
    opener = _META_OPENERS.match(line)
    if not opener and not line[:1].isdigit() and line.split(" ", 1)[0].lower().rstrip(".,") not in MONTHS:
        return ""  # neither a label nor a date at the start (checked first: most long lines are prose)
    found = first_date(line[:_HEADER_CHARS])
    opens = opener or (found is not None and found[1] == 0
                                          and re.match(r"\s*[|/·•@,–—-]", line[found[2]:]))
    if not opens or found is None or found[1] > 40:
        return ""
    return "|".join(re.split(r"\s\|\s", line)[:4])[:_HEADER_CHARS]


_META_OPENERS = re.compile(r"^(veröffentlicht|publiziert|erschienen|erstellt|datum|posted|published|von|autor(in)?)\b"
                           r"\s*(am|on)?\s*:?", re.IGNORECASE)


_BYLINE_REACH = 10  # ranks under the headline in which its byline is looked for, past the page's first half


def _header_byline(lines: list[str], filled: list[int], reach: int = 0) -> tuple[str, str, list[int]]:
    """An explicit byline in the first half of the text (or above rank ``reach``, ten lines under the headline):
    first a line that starts with its introducer (``Von …``,
    ``Autor: …``, ``Eingestellt von …``) or a name under a line ``Autor``; else a byline with a date (an embedded
    post's "geteilt von … am Apr 21, 2019" stands above the article's own "von Ulrike"). The date is the byline's
    own or that of the short line right under it."""
    head = filled[:max(10, len(filled) // 2, reach)]
    for dated in (False, True):
        for rank, i in enumerate(head):
            line = lines[i]
            if _is_sentence(line.split()) or (line[:1].islower() and not _BARE_BYLINE.match(line)):
                continue  # "Am 24. April 1945 wurde Ulm von US-Truppen besetzt.", "von Berg.": a sentence or its tail
            if not dated and _AUTHOR_LABEL.match(line) and rank + 1 < len(filled):
                name = lines[filled[rank + 1]].rstrip(",;")
                if is_name_line(name) or _TEAM.fullmatch(name):
                    return name, _date_under(lines, filled, rank + 1), [i, filled[rank + 1]]
            if len(line) > _HEADER_CHARS or not (first_date(line) if dated else _BYLINE_START.match(line)):
                continue
            author = byline_author(line)
            # a lower-case "author" is a blog handle only beside a date ("… 2019 von anna") or alone after "von"
            # ("von Ulrike", "von flerche"); else a sentence that starts with "Von" ("Von da an überstürzten …")
            if author and (author[0].isupper() or first_date(line) or _BARE_BYLINE.match(line)
                           or _SIGNATURE.match(line)):
                date = first_date(line)
                return (author, date[0] if date else _date_under(lines, filled, rank),
                        [i] if _mostly_metadata(line) else [])
    return "", "", []


_BYLINE_START = re.compile(r"^(von|autor(in)?|verfasst von|geschrieben von|eingestellt von|posted by|written by|by|"
                           r"(ein )?(beitrag|artikel|gastbeitrag) von)\b",
                           re.IGNORECASE)
# "von Ulrike" on a line of its own; "von Berg." ends a sentence cut at a line break
_BARE_BYLINE = re.compile(r"^von\s+[^\s.]+(\s+[A-ZÄÖÜ][^\s.]*){0,2}$")


def _date_under(lines: list[str], filled: list[int], rank: int) -> str:
    """The date of the short line right under line ``rank`` ("von Ulrike" / "18.10.2019 16:06 Uhr"), or ""."""
    if rank + 1 >= len(filled) or len(lines[filled[rank + 1]]) > 60:
        return ""
    found = first_date(lines[filled[rank + 1]])
    return found[0] if found else ""


def _first_header_date(lines: list[str], filled: list[int]) -> str:
    """The first date on a short date line (an article's date comes before its comments and its footer): a line
    that is mostly its date ("Freitag, 06.07.2018, 10:29"), not a sentence that names one ("Ich habe am 12. Mai
    2006 …"), not a teaser's ("5. Juli 2018 read more"), and above the page's last prose line (below it are the
    footer's and the sidebar's dates). A last change's date gives way to the publication date on the lines under
    it ("Letzte Änderung: 31.10.2023" / "Erschienen am: 01.11.2023"). Without such a line, a date under a label
    anywhere in the searched lines (an author box's "Date 6. Dezember 2022", "Letzte Änderung:" / "14.01.2022").
    No such line: no date, rather than a guess."""
    prose_ranks = [rank for rank, i in enumerate(filled) if _is_prose(lines[i])]
    # the article's date may stand right under it ("Letzte Änderung:" / "14.01.2022 um 09:25")
    end = prose_ranks[-1] + _FOOTER_DATE_LINES if prose_ranks else len(filled)
    for rank, i in enumerate(filled[:end + 1]):
        line = lines[i]
        if len(line) > 120 or _TEASER.search(line):
            continue
        found = publication_date(line)
        if found and (_mostly_metadata(line) or _metadata_lead(line)):
            if _CHANGE_LABEL.match(line) and found == first_date(line):
                published = [_labelled_date(lines, filled, later) for later in range(rank + 1, rank + 4)]
                return next((date for date, label in published if date and not _CHANGE_LABEL.match(label)),
                            found[0])
            return found[0]
    return next((date for rank in range(len(filled)) for date, _ in [_labelled_date(lines, filled, rank)] if date),
                "")


def publication_date(line: str) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the date a line gives as the publication's: its first date, unless a last change
    comes first and a publication label follows ("Aktualisiert am 04.12.2026 | Erstellt am 03.12.2026")."""
    found = first_date(line)
    if found and _CHANGE_WORD.search(line[:found[1]]):
        label = _PUBLISHED_WORD.search(line, found[2])
        later = first_date(line[label.end():]) if label else None
        if later:
            return later[0], later[1] + label.end(), later[2] + label.end()
    return found


_CHANGE_WORD = re.compile(r"\b(aktualisiert|geändert|letzte änderung|zuletzt|updated|stand)\b", re.IGNORECASE)
_PUBLISHED_WORD = re.compile(r"\b(erstellt|veröffentlicht|erschienen|publiziert|published|eingetragen)\b",
                             re.IGNORECASE)
_DATE_LABEL = re.compile(r"^(date|datum|veröffentlicht|erschienen|publiziert|erstellt|letzte änderung|"
                         r"zuletzt (geändert|aktualisiert)|aktualisiert|geändert|stand)( am| on)?\s*:?\s*",
                         re.IGNORECASE)
_CHANGE_LABEL = re.compile(r"^(letzte änderung|zuletzt|aktualisiert|geändert|stand)\b", re.IGNORECASE)


def _labelled_date(lines: list[str], filled: list[int], rank: int) -> tuple[str, str]:
    """(date, label line) of a date under a label: on the label's line and little else ("Erschienen am:
    01.11.2023", "Date 6. Dezember 2022") or alone on the line under a bare label ("Letzte Änderung:" /
    "14.01.2022 um 09:25"); ("", "") when line ``rank`` is none."""
    if rank >= len(filled):
        return "", ""
    line = lines[filled[rank]]
    label = _DATE_LABEL.match(line)
    if not label or len(line) > 80:
        return "", ""
    rest = line[label.end():]
    if not rest.strip() and rank + 1 < len(filled):
        rest = lines[filled[rank + 1]]
        if len(rest) > 40:
            return "", ""
    found = first_date(rest)
    return (found[0], line) if found and _mostly_metadata(rest) else ("", "")


_FOOTER_DATE_LINES = 3
_TEASER = re.compile(r"\b(read more|weiterlesen|mehr lesen|mehr erfahren|zum artikel)\b", re.IGNORECASE)


def _mostly_metadata(line: str) -> bool:
    """A line with no more than a few words besides its date, byline and separators: safe to take out of the prose."""
    rest = line
    found = first_date(rest)
    while found:
        rest = rest[:found[1]] + " " + rest[found[2]:]
        found = first_date(rest)
    rest = _BYLINE.sub(" ", rest)
    rest = re.sub(r"\d{1,2}:\d\d(\s*uhr)?|[|•·,;:()\-–—~]", " ", rest, flags=re.IGNORECASE)
    return len(rest.split()) <= 4


def remove_lines(text: str, numbers: tuple[int, ...]) -> str:
    """``text`` without the lines numbered ``numbers`` (each with its line break)."""
    if not numbers:
        return text
    drop = set(numbers)
    return "\n".join(line for i, line in enumerate(text.split("\n")) if i not in drop)


@dataclass(frozen=True)
class Found:
    """What a file's format says about the document (all "" for plain text)."""

    format: str = "txt"
    title: str = ""
    author: str = ""
    date: str = ""


# Web pages: trafilatura reads the page's meta tags and markup, which beat guessing from lines. Office files
# and PDFs: a byline or date line written in the text beats the file's properties (the author there is who
# made the file, the date when it was made); their title field is used when it is filled in.
_FORMAT_FIRST = {"html": ("title", "author", "date"), "docx": ("title",), "odt": ("title",), "pdf": ("title",)}


def merge_metadata(text: str, found: Found, keep_lines: bool = False,
                   skip: Callable[[str], bool] | None = None) -> tuple[TextMetadata, str]:
    """The document's metadata (format and text merged) and its text without the metadata lines.

    ``keep_lines`` leaves the text whole (``--keep-boilerplate``: everything is analysed as it came). ``skip``
    says which lines can be no metadata (a line every page of a site repeats is its header, not the headline):
    they are blanked for the search, so that line numbers stay the text's.
    """
    head = text[:SEARCH_CHARS]
    if skip is not None:
        head = "\n".join("" if skip(line) else line for line in head.split("\n"))
    in_text = find_metadata(head)
    first = _FORMAT_FIRST.get(found.format, ())
    merged = {}
    for name in ("title", "author", "date"):
        own, seen = getattr(found, name), getattr(in_text, name)
        if name == "date":
            own = parse_date(own)
        merged[name] = (own or seen) if name in first else (seen or own)
    body = text if keep_lines else remove_lines(text, in_text.lines)
    if not body.strip():  # a text that is all headline: analysed as it is rather than refused
        body = text
    return TextMetadata(**merged, lines=in_text.lines), body
