"""Where an entity's characters begin and end: the model's token spans cut to the name, company names
found by their legal form, and listed places the model passed over.

mtext's tokens keep hyphenated compounds whole ("Siemens-Sprecher"), and a model span is made of whole tokens;
the name may be part of one, or a span may hold two. SmartData and readers alike mean the name: "Siemens" is the
entity in "Siemens-Sprecher", "Köln/Bonn" names two places, "Reuters" is no part of "Frankfurt (Reuters)" and
"Manager" no part of "Schalkes Manager Horst Heldt". Pure functions of a parsed ``Doc``'s tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..language.lexicon import zipf
from ..language.words import doc_tokens
from ..nlp.name_lists import FIRST_NAME, PLACE, SURNAME
from .false_friends import ACRONYM, JOINING_TAGS, LEGAL_FORM, has_name_head, is_plain_noun

MARKUP = ("@", "#")  # an account's or a hashtag's sign before a name
# Last parts of a hyphenated place name that are common nouns too ("Berlin-Mitte", "Frankfurt-Süd", "Euro-Zone").
PLACE_PARTS = {"Mitte", "Nord", "Süd", "Ost", "West", "Zentrum", "Altstadt", "Innenstadt", "Land", "Stadt", "Zone",
               "Region", "Gebiet"}
# Person nouns: "Manager", "Königin", "Präsident", "Direktor", "Chef", "Pianist".
ROLE_ENDINGS = ("er", "in", "or", "ent", "ant", "eur", "ist", "chef", "boss")
# A company's name before its legal form is at most this many words ("Deutsche Bahn Fernverkehr AG": 3).
COMPANY_NAME_WORDS = 5
# A lone place: at least this long ("Graz"; not "Tu", "Do") and no common English word ("Center", "Business").
PLACE_MIN_LETTERS = 4
ENGLISH_WORD_ZIPF = 3.5
AND_COMPANY = {"&", "Co.", "Co"}  # "GmbH & Co. KG"
NOT_NAME_TAGS = {"PDAT", "PPOSAT", "PIAT", "PIS", "PPER", "PRELS", "ADV", "VVFIN", "VAFIN", "VMFIN", "$."}

Chars = tuple[int, int]

# Text that is an address or a file, never a mention: "www.facebook.com/marketing", "https://…", "info@hubspot.de",
# "facebook.com", "Facebook_Bericht.pdf". A bare domain needs a known top-level domain in lower case ("z.B" is
# none; "Deutschland.Es gibt", a missing space, is none either).
WEB_ADDRESS = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"“”„]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?-i:com|de|org|net|info|io|eu|at|ch|uk|fr|it|es|nl|biz|gov|edu|app|ly|me|tv|co)"
    r"\b(?:/[^\s<>\"“”„]*)?"
    r"|\b[\w-]+\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|txt|csv|html?|xml|json|jpe?g|png|gif|svg|zip|mp[34])\b",
    re.IGNORECASE)
# Common nouns that describe the name after them ("das US-amerikanische Unternehmen Facebook Inc.", "dem
# Branchenblatt Variety", "die Terror-Miliz Islamischer Staat", "Stadtnachbar Atletico"): with the adjectives
# before them they are no part of the name.
DESCRIPTOR_ENDINGS = ("unternehmen", "konzern", "firma", "hersteller", "anbieter", "händler", "dienstleister",
                      "plattform", "netzwerk", "dienst", "marke", "startup", "start-up", "tochter", "suchmaschine",
                      "portal", "sender", "zeitung", "magazin", "agentur", "gruppe", "assistent", "app", "fachblatt",
                      "branchenblatt", "miliz", "sportverein", "nachbar", "rivale", "konkurrent")


def web_address_spans(text: str) -> list[Chars]:
    """Character spans of web addresses, e-mail addresses and file names in ``text``."""
    return [(m.start(), m.end()) for m in WEB_ADDRESS.finditer(text)]


def in_web_address(start: int, end: int, spans: list[Chars]) -> bool:
    """Whether the characters start..end lie inside one of ``spans`` (:func:`web_address_spans`); a name that
    holds an address and more ("finanzen.net GmbH") is a name. ``spans`` come in text order without overlaps, so
    only the last one starting at or before ``start`` can hold it (a binary search: a long text has many)."""
    at = bisect_right(spans, (start, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= start and end <= spans[at][1]


def after_descriptor_words(tokens) -> list:
    """A name without the words that describe it ("US-amerikanische Unternehmen Facebook Inc." -> "Facebook
    Inc.", "der Konzern Apple" -> "Apple"): lower-case words before it, and a describing common noun
    (:data:`DESCRIPTOR_ENDINGS`) with only adjectives or lower-case words before it, where a capitalised
    word follows. "Deutsche Bank", "Grafschafter Nachrichten GmbH" stay whole."""
    for k in range(len(tokens) - 2, -1, -1):
        token = tokens[k]
        if token.text.lower().endswith(DESCRIPTOR_ENDINGS) and token.tag_ == "NN" and _has_capital(tokens[k + 1].text) \
                and all(t.tag_ == "ADJA" or not _has_capital(t.text[:1]) for t in tokens[:k]):
            return tokens[k + 1:]
    k = 0
    while k < len(tokens) - 1 and tokens[k].text.isalpha() and tokens[k].text[:1].islower() \
            and tokens[k].tag_ not in {"NE", "FM", "XY"}:
        k += 1
    return tokens[k:]


def without_markup(ent):
    """The span without a leading "@" or "#" token ("#", "Duisburg" -> "Duisburg")."""
    return ent[1:] if len(ent) > 1 and ent[0].text in MARKUP else ent


def name_spans(ent, label: str) -> list[Chars]:
    """The character spans of the names in a model span (usually one; ``ent`` as :func:`without_markup` gives it);
    no name begins or ends with the line breaks and spaces the model took in ("Europe Online⏎")."""
    tokens = list(ent)
    while len(tokens) > 1 and tokens[-1].is_space:
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_space:
        tokens.pop(0)
    tokens, bracketed = _before_bracket(tokens)
    if label == "PER":
        tokens = _after_role_words(tokens)
    else:
        tokens = after_descriptor_words(tokens)
    groups = _split_at_slashes(tokens) if label == "LOC" else [tokens]
    return [_name_chars(group) for group in groups] + bracketed


def _name_chars(tokens) -> Chars:
    first, last = tokens[0], tokens[-1]
    start = first.idx + (1 if first.text[:1] in MARKUP and len(first.text) > 1 else 0)
    if first.i == last.i:  # "Stollberger IT-Firma" stays whole
        return start, last.idx + len(name_in_first_parts(last.text) or last.text)
    return start, last.idx + len(last.text)


def _split_at_slashes(tokens) -> list[list]:
    """"Köln / Bonn" as two places where the words on both sides of the slash are places (not "Soltau-Uelzen":
    SmartData's hyphenated pairs of places are mostly one, "München-Pasing", 96 of 106)."""
    groups = [[tokens[0]]]
    for k in range(1, len(tokens)):
        slash = tokens[k].text == "/" and 0 < k < len(tokens) - 1
        if slash and tokens[k - 1].check_flag(PLACE) and tokens[k + 1].check_flag(PLACE):
            groups.append([])
        else:
            groups[-1].append(tokens[k])
    return groups


def _before_bracket(tokens) -> tuple[list, list[Chars]]:
    """"Frankfurt (Reuters)" -> "Frankfurt"; "Gewerkschaft der Polizei (GdP" -> the name and its acronym."""
    for k, token in enumerate(tokens[1:], 1):
        if token.text != "(":
            continue
        closing = next((j for j in range(k + 1, len(tokens)) if tokens[j].text == ")"), len(tokens) - 1)
        if closing == len(tokens) - 1:  # "25. Senat ( … ) des Gerichts" is one name
            inner = [t for t in tokens[k + 1:] if t.text != ")"]
            acronym = [(t.idx, t.idx + len(t.text)) for t in inner[:1] if len(inner) == 1 and ACRONYM.match(t.text)]
            return tokens[:k], acronym
    return tokens, []


def _after_role_words(tokens) -> list:
    """A person's name without the role words before it ("Königin Stefanie" -> "Stefanie", "Schalkes Manager
    Horst Heldt" -> "Horst Heldt", "Siemens-Chef Joe Kaeser" -> "Joe Kaeser"). A first name that is also a
    noun ("Mark Zuckerberg") is no role: a role is a person noun ("-er", "-in", "-ent" …) the tagger does not
    read as a name in the sentence."""
    for k in range(len(tokens) - 2, -1, -1):
        token = tokens[k]
        if name_in_first_parts(token.text) or token.text.endswith(ROLE_ENDINGS) and token.tag_ != "NE" \
                and not token.check_flag(FIRST_NAME) and is_plain_noun(token.text):
            return tokens[k + 1:]
    return tokens


def name_in_first_parts(word: str) -> str:
    """"Siemens" for "Siemens-Sprecher", "Deutsche-Bank" for "Deutsche-Bank-Chef"; "" where the compound as a
    whole is the name ("Schleswig-Holstein", "Berlin-Mitte", "EU-Kommission") or is no compound."""
    name, _, tail = word.rpartition("-")
    if len(name) < 2 or not tail or has_name_head(word) or tail in PLACE_PARTS or LEGAL_FORM.match(tail) \
            or not is_plain_noun(tail):
        return ""  # "E-Plus", "A-AG": one letter is no name
    return name if _has_capital(name) and not name.endswith("-") else ""


def company_spans(doc) -> list[Chars]:
    """Company names the text marks by a legal form: the name words before "GmbH", "AG", "Inc." … in one
    sentence ("Grafschafter Nachrichten GmbH & Co. KG", "SNI-Nord Regaltechnik GmbH", and over a country in
    brackets: "OKI Systems (Deutschland) GmbH"), stopping at an
    article, preposition, conjunction or lower-case word ("der Siemens AG" -> "Siemens AG"). The model
    misses about half of them on the business-news dev split, where they are ORG as written."""
    spans, i, tokens = [], 0, doc_tokens(doc)
    while i < len(tokens):
        if not LEGAL_FORM.match(tokens[i].text) or tokens[i].is_sent_start:
            i += 1
            continue
        end = i + 4 if _is_and_company(doc[i + 1:i + 4]) else i + 1
        before = i - 3 if _has_bracketed_place(doc, i) else i  # "OKI Systems (Deutschland) GmbH"
        start = before
        while start > 0 and before - start < COMPANY_NAME_WORDS and _is_name_word(doc[start - 1]):
            start -= 1
            if doc[start].is_sent_start:
                break
        if start == before:  # "(Deutschland) GmbH" alone names no company
            start = i
        start = after_descriptor_words(list(doc[start:i + 1]))[0].i
        if any(_has_capital(t.text) for t in doc[start:i]):
            spans.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
        i = end
    return spans


def _has_bracketed_place(doc, i: int) -> bool:
    """A listed place in brackets before the legal form at ``i``: a subsidiary's country ("(Deutschland) GmbH")."""
    return i >= 4 and doc[i - 1].text == ")" and doc[i - 3].text == "(" and doc[i - 2].check_flag(PLACE) \
        and not doc[i - 3].is_sent_start


def _is_and_company(tokens) -> bool:
    """"& Co. KG" after "GmbH": the legal form goes on."""
    return len(tokens) == 3 and tokens[0].text == "&" and tokens[1].text in AND_COMPANY - {"&"} \
        and bool(LEGAL_FORM.match(tokens[2].text))


def is_legal_form(words: str) -> bool:
    """ "AG", "GmbH & Co. KG": nothing but a legal form."""
    parts = words.split()
    return bool(parts) and all(LEGAL_FORM.match(p) or p in AND_COMPANY for p in parts)


def _is_name_word(token) -> bool:
    if token.text in {"&", "+"}:
        return True
    return _has_capital(token.text) and token.tag_ not in JOINING_TAGS | NOT_NAME_TAGS \
        and not LEGAL_FORM.match(token.text)


def _has_capital(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def lone_place_spans(doc) -> list[Chars]:
    """Proper nouns outside every model entity that the place list knows and nothing else makes ambiguous:
    "1180 Wien", "+++ Diepholz - Einbruch". Not a person's name too ("Hagen"), not part of a longer name
    ("ESV Lok Zwickau", "Landkreis Passau": a noun next to it), not short or English ("Tu", "Center"). On the NER
    dev split 8 such tokens were places and 2 were not."""
    inside = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    return [(t.idx, t.idx + len(t.text)) for t in doc_tokens(doc)
            if t.i not in inside and t.check_flag(PLACE) and _is_lone_proper_noun(t)]


def _is_lone_proper_noun(token) -> bool:
    text, doc = token.text, token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return (token.tag_ == "NE" and len(text) >= PLACE_MIN_LETTERS and text.istitle() and text.isalpha()
            and not token.check_flag(FIRST_NAME) and not token.check_flag(SURNAME)
            and zipf(text.lower(), "en") < ENGLISH_WORD_ZIPF
            and not any(n.tag_ in {"NE", "NN"} and _has_capital(n.text[:1]) for n in neighbours))


# A cited author in the genitive before the quoted title of a work: "In Röndells „Marketing with Consumers“",
# "Goethes „Faust“". Not a common word's genitive ("des Buches „Titel“": "Buch" is a German word).
OPENING_QUOTES = {"„", "\"", "»", "‚"}  # German opening quotes (and the straight one); "“" closes „…“
QUOTES = OPENING_QUOTES | {"“", "”", "«", "‘", "'"}
AUTHOR_WORD_ZIPF = 2.5  # the name and its base are rarer than this in general German
ARTICLES = {"der", "des", "dem", "den", "die", "das", "ein", "eines", "einem", "einen", "einer"}


def cited_author_spans(doc) -> list[tuple[Chars, str]]:
    """((start, end), name) of authors named in the genitive before a quoted title ("Röndells „…“" ->
    "Röndell"), outside every model entity: a capitalised word in -s, not after an article, whose base and
    itself are rare German words and that the tagger does not read as a common noun."""
    inside = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found, tokens = [], doc_tokens(doc)
    for token in tokens[:-1]:
        text, after = token.text, tokens[token.i + 1]
        if token.i in inside or after.text[:1] not in OPENING_QUOTES or not text.endswith("s") or len(text) < 4:
            continue
        before = tokens[token.i - 1].text.lower() if token.i else ""
        if before[-1:] in QUOTES:  # the word itself is quoted: „Touchpoints“
            continue
        base = text[:-1]
        if text.isalpha() and base[:1].isupper() and base[1:].islower() and token.tag_ != "NN" \
                and before not in ARTICLES and zipf(base) < AUTHOR_WORD_ZIPF and zipf(text) < AUTHOR_WORD_ZIPF:
            found.append(((token.idx, token.idx + len(text)), base))
    return found
