"""False friends: model entity spans that are no names ("Digitales Marketing", "Fast Food", "Touchpoints").

One job: tell whether a model span is a name. It is not (unless the gazetteer knows it) when it is lower case
or symbols, a pronoun, runs into the next word, names a person by an acronym, or is made only of ordinary
words: common nouns HanTa or the word lists know, adjectives written lower case elsewhere, verbs and adverbs,
English words and loanwords (HanTa's English model), compounds of common words. The rules read the taggers'
tags and two frequency lists (wordfreq), not a list of known mistakes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..language.lexicon import zipf
from ..nlp.doc_text import doc_text

NEVER_ENTITIES = {"marketing", "online", "digital", "ich", "wir", "sie", "er", "es", "du", "ihr", "man"}
# Acronyms of common nouns, frequent in business and marketing prose, that the model reads as organisations like
# "CDU" or "EZB" (nothing in the word tells them apart): "KI" is künstliche Intelligenz, "PR" public relations.
# Not where a name is as likely: "HR" (Hessischer Rundfunk), "AG", "SE".
COMMON_NOUN_ACRONYMS = {
    "KI", "AI", "IT", "PR", "SEO", "SEA", "SEM", "CRM", "ERP", "ROI", "KPI", "KPIs", "CEO", "CFO", "CTO", "CMO", "COO",
    "PDF", "USB", "BIP", "EDV", "GPS", "WLAN", "SMS", "TV", "CO2", "B2B", "B2C", "UX", "UI", "IoT", "API", "CMS",
    "USP", "FAQ", "PC", "KMU", "AGB", "MwSt", "PKW", "Pkw", "LKW", "Lkw", "DNA", "HIV", "URL", "HTML", "CSS",
    "BWL", "VWL"}
# A federal body read as an organisation names that one body; not a federal office holder or territory
# ("Bundeskanzlers", "Bundesministerin", "Bundesstaates", "Bundesländer").
FEDERAL_BODY = re.compile(r"^Bundes(?![a-zäöüß]*(?:kanzler|minister|präsident|staat|land|länder|bürger)"
                          r"(?:in|innen|s|es|en|n|e)?$)[a-zäöüß]{3,}$")
# Tags of words that can be names; NN, adjectives and the rest are read by is_ordinary_word.
NAME_TAGS = {"NE", "FM", "XY", "CARD", "TRUNC", ""}
ENGLISH_WORD_ZIPF = 3.5  # "Data", "Ingredient": common in English and clearly more common there than in German
SHOUTED_WORD_ZIPF = 5.0  # "big", "free", "now": words every English text has
ENGLISH_MARGIN = 0.9  # "Smith", "Obama", "Washington" are only a little more common in English (0.6-0.75)
SURE_NAME_LOGPROB = -10.0  # HanTa is sure of "York", "London", "Clinton" as names (about -9)
FOREIGN_WORD_ZIPF = 2.5  # a word the tagger reads as foreign (FM) and that either word list knows ...
ENGLISH_KNOWN_ZIPF = 1.0  # ... the English one at all ("Blackbox"; "Elmshorn", "Neumünster" are German places)
LOWERCASE_WORD_ZIPF = 2.5  # "Soundso": a German word HanTa reads, lower-cased, as an adverb or particle
KNOWN_WORD_LOGPROB = -20.0  # HanTa's out-of-context score of a word it knows (unknown words: about -30)
# Last words that say for sure a span names an organisation or a place (entities.label_by_last_word sets its
# label by them); with the looser ones after them, the last parts that say a compound names one of the two.
ORGANISATION_WORDS = ("bank", "verband", "verein", "zeitung", "gruppe", "partei", "amt", "ministerium", "institut",
                      "polizei", "werke", "versicherung", "stiftung", "universität", "hochschule", "klinikum",
                      "kasse", "agentur", "rat", "kammer", "konzern", "sender", "verlag", "gericht", "gerichtshof",
                      "kommission", "fraktion", "ausschuss", "behörde", "gewerkschaft", "komitee")
PLACE_WORDS = ("straße", "platz", "allee", "gasse", "brücke", "tunnel", "kreuz", "dreieck", "bahnhof")
NAME_HEADS = ORGANISATION_WORDS + PLACE_WORDS + (
    "weg", "ring", "damm", "ufer", "berg", "burg", "dorf", "hausen", "heim", "feld", "bach", "hafen", "see", "tal",
    "wald", "stadt", "land", "klinik", "tag", "blatt", "halle")
PLAIN_NOUN_LOGPROB = -15.0  # HanTa knows "Sprecher" (-8), "Abspaltung" (-14); "Holstein" (-20) is a guess
KNOWN_NOUN_LOGPROB = -24.0  # nouns: HanTa's compounds of known parts score about -23 ("Massenmedien")
MIN_COMPOUND_PART, MIN_COMPOUND_HEAD = 3, 5
COMPOUND_PART_ZIPF = 3.5  # "Daten", "Lead", "Facebook"; not "Elms", "Fricken", "Reeper"
RARE_WORD_ZIPF = 2.5  # below this a word ending in a known common noun is an ad-hoc compound ("Datenkraken")
VERB_FORM_TAGS = ("VV(FIN)", "VV(PP)", "VA(FIN)", "VM(FIN)")  # not the infinitive: "Essen", "Siegen" are cities
VERB_FORM_ZIPF = 4.0
COMMON_NOUN_ZIPF = 4.0  # a word tagged NN this frequent in German or English is a common noun
INFINITIVE_ZIPF = 3.0  # "Shoppen", "Bloggen": the lower-case infinitive is a common German verb
LOWERCASE_TAGS = ("ADV", "PTK", "KO", "AP")  # not ADJ: HanTa guesses ADJA for any unknown word in -e/-er
# A preposition, article or conjunction inside a span ("Bundesamt für Statistik") makes it a phrase
# that can be a name; a plain noun phrase ("Digitales Marketing") has none.
JOINING_TAGS = {"APPR", "APPRART", "ART", "KON", "KOKOM", "$(", "$,", "-"}  # "-": a tagset-less model
COMMON_NOUN_TAGS = {"NN", "NNI", "VV(INF)"}  # HanTa: NNI is a nominalised infinitive ("das Denken")
HANDLE = re.compile(r"^@[A-Za-z0-9_]{2,}$")  # "@faznet": a social-media account names its owner
LEGAL_FORM = re.compile(r"^(GmbH|AG|KG|KGaA|SE|OHG|GbR|UG|mbH|e\.\s?V\.?|eG|Inc\.?|Ltd\.?|LLC|Corp\.?|plc|S\.A\.)$")
INITIAL, LOWER_ABBREVIATION = re.compile(r"^[A-Za-zÄÖÜ]\.$"), re.compile(r"^[a-zäöü]\.$")
ABBREVIATION = re.compile(r"^[A-Za-zÄÖÜäöü]\.[a-zäöü]\.?$")
ALL_CAPS = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,4}$")  # "SHK", "EZB"; "MARKETING" is a shouted word
# English plural nouns and gerunds as German loanwords ("Touchpoints", "Stakeholders", "Insights"): the English
# tagger reads the lower-cased word so, and fairly surely (unknown words, "niklas", score about -30).
ENGLISH_COMMON_TAGS = ("NN2", "VVG")
ENGLISH_NAME_LOGPROB = -15.0  # the English tagger is sure of "David", "Madrid", "Chicago" as names (-9 to -12.5)
# Last words of English company and institution names ("Maple Bank", "General Electric", "Electronic Arts").
ENGLISH_ORGANISATION_HEADS = {
    "Bank", "Group", "Holding", "Holdings", "Airlines", "Airways", "Motors", "Electric", "Oil", "Energy", "Capital",
    "Partners", "Pictures", "Studios", "Records", "Arts", "Foods", "Technologies", "Industries", "Insurance", "Steel",
    "Investments", "Petroleum", "Chemicals", "Railways", "Railroad", "University", "College", "Institute", "Council",
    "Association", "Foundation", "Society", "Club", "Company", "Corporation"}
ENGLISH_SURE_LOGPROB = -26.0  # "touchpoints" -22.7 (a regular plural), "bots" -30.9, "niklas" -32.2 (guesses)
PLURAL_BASE_ZIPF = 3.0  # "bot" is a word in both lists; "hes" (Hess), "nikla" (Niklas), "jona" are not
ACRONYM = re.compile(r"^(?=(?:[^A-ZÄÖÜ]*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9&]{1,7}$")  # also "GfK", "BaFin"


def is_false_friend(ent, label: str = "") -> bool:
    """A model span that is no name: lower-case or symbol spans, pronouns, a span that ran into
    the next word, a person "named" by an acronym, or a span made only of ordinary words."""
    text = ent.text.strip()
    words = [t for t in ent if not t.is_punct and not t.is_space]
    if HANDLE.match(text) or len(words) == 1 and _is_lower_case_name(text):
        return False
    if len(words) > 1 and LEGAL_FORM.match(words[-1].text):
        return False  # "finanzen.net GmbH", "Maple Bank GmbH": a company by its legal form
    if not words or not text[:1].isupper() and not text[:1].isdigit():
        return True
    if len(words) == 1 and ABBREVIATION.match(text):
        return True  # "O.k", "W.h": an abbreviation of ordinary words
    if ent.start > 0 and INITIAL.match(ent[0].text) and LOWER_ABBREVIATION.match(ent.doc[ent.start - 1].text):
        return True  # "z. B. Sensorik": the span starts inside "z. B.", "u. a.", "d. h."
    if text.lower() in NEVER_ENTITIES or text in COMMON_NOUN_ACRONYMS or len(text) < 2 \
            or not any(c.isalpha() for c in text) or "\n" in text:
        return True
    if len(words) > 1 and (words[-1].pos_ not in {"NOUN", "PROPN", "X", "NUM"} or words[-1].text[:1].islower()):
        return True  # "Zunft tut", "Jobs to": the span ran into the next word
    if label == "PER" and any(ALL_CAPS.match(t.text) for t in words) and not all(t.text.isupper() for t in words):
        return True  # "Meister SHK": people are not named by acronyms ("PETER GROSCURTH" is shouted, not one)
    if len(words) == 1 and label in {"PER", "LOC"} and _is_english_common_noun(text, label):
        return True  # "Touchpoints", "Tracking": an English plural or gerund, used as a German loanword
    lettered = [t for t in words if any(c.isalpha() for c in t.text)]
    alone = len(lettered) == 1
    if alone and label == "ORG" and FEDERAL_BODY.match(text):
        return False  # "Bundesregierung", "Bundestag", "Bundeswehr": frequent words, and each one body
    content = [t for t in lettered if t.tag_ not in JOINING_TAGS]
    if 0 < len(content) < len(lettered) and all(_is_frequent_noun(t) for t in content):
        return True  # "Dialog von Anbieter": frequent common nouns joined by a preposition
    if len(lettered) > 1 and (is_english_name(lettered, label) or label in {"LOC", "ORG"} and any(
            t.text[:1].isupper() and (t.text.lower() in NAME_HEADS or has_name_head(t.text)) for t in lettered)):
        return False  # "Real Madrid", "Maple Bank"; "Kreuz Weinsberg", "Mindener Tageblatt", "Pariser Straße"
    return bool(lettered) and (all(is_ordinary_word(t, alone, label) for t in lettered)
                               or is_english_phrase(lettered))


def _is_english_common_noun(text: str, label: str) -> bool:
    """The English tagger reads the lower-cased word as a plural noun or an -ing form (a place: also a singular
    noun, "Workflow"; "China", "Jersey", "Bath" are names to it when capitalised), the German one
    does not know it as a name ("Touchpoints", "Tracking", "Bots"; "Williams", "Bahamas", "Andreas", "Hess"
    stay: names to one tagger, or unknown words whose singular is no word). A name to the German tagger is
    still a plural when the English one is sure of it as written, capital and all, and it is no person ("Ads"
    as a place; "Mills", "Windows", "Jones" are names to it; surnames are plurals often: "Gates", "Banks")."""
    if is_known_as(text, "NE"):
        tag, logprob = _english_best(text)
        return label != "PER" and tag == "NN2" and logprob > ENGLISH_SURE_LOGPROB and text.endswith("s")
    lower = text.lower()
    tag, logprob = _english_best(lower)
    if tag == "NN2" and lower.endswith("s"):  # a plural; sure, or of a word both languages know ("Bots")
        singular = lower[:-1]
        return logprob > ENGLISH_SURE_LOGPROB or min(zipf(singular), zipf(singular, "en")) >= PLURAL_BASE_ZIPF
    common = ENGLISH_COMMON_TAGS + (("NN1",) if label == "LOC" else ())  # "Workflow" as a place; not "Trump"
    return tag in common and logprob > ENGLISH_SURE_LOGPROB and _english_best(text)[0] != "NP0"


def _is_lower_case_name(text: str) -> bool:
    """A name written lower case: an inner capital ("eBay", "iPhone") or a word HanTa knows as a name
    or symbol ("dpa", "vwd")."""
    if not text[:1].islower():
        return False
    if "-" in text:  # "dpa-AFX": a lower-case name joined to an acronym
        return any(ALL_CAPS.match(part) for part in text.split("-")[1:])
    if not text.isalpha():
        return False
    if any(c.isupper() for c in text[1:]):
        return True
    tag, logprob = _hanta_best(text)
    return tag in {"NE", "XY"} and logprob > KNOWN_WORD_LOGPROB


def is_ordinary_word(token, alone: bool = False, label: str = "") -> bool:
    """The word is no part of a name. In context: a common noun HanTa knows (HanTa tags unknown
    names NN too: "Maribor" stays), an adjective written lower case, at a sentence start or, in
    this document, also lower case before the same noun ("Digitales Marketing" beside "digitale
    Marketing"; "Europäische Union" stays), or a lone word of any other non-name tag. Whatever
    the tag: clearly an English word ("Big", "Data", "Compliances"), a foreign word a word list
    knows ("Blackbox"), a common noun HanTa knows ("Meister"), or a word HanTa does not know as a
    name whose lower-case form is a German adverb ("Soundso", read "soundso")."""
    text = token.text
    if token.tag_ in {"ADJA", "ADJD"}:
        return alone or not _capitalised_inside_sentence(token) or _written_lower_case_before(token)
    if token.tag_ in JOINING_TAGS:
        return alone  # alone no name; inside a span it joins name parts ("Bundesamt für Statistik")
    if token.tag_ not in NAME_TAGS | {"NN"}:
        return True  # an adverb, verb, pronoun …: "Fast Food"
    german, english = _frequencies(text)
    if ALL_CAPS.match(text):  # an acronym, unless a shouted English word ("BIG", "FREE"; "WHO" is in the gazetteer)
        return english >= SHOUTED_WORD_ZIPF and english > german + ENGLISH_MARGIN
    if english >= ENGLISH_WORD_ZIPF and english > german + ENGLISH_MARGIN:
        return True
    if token.tag_ == "FM" and max(german, english) >= FOREIGN_WORD_ZIPF and english >= ENGLISH_KNOWN_ZIPF:
        return True
    if token.tag_ == "NN" and "-" in text.strip("-"):  # hyphenated: ordinary when every part is
        return _common_noun_head(text)
    if token.tag_ == "NN":  # a common noun if a frequent word ("Services") or one HanTa knows
        # ... but a place or an organisation is often a compound whose last part says what kind it is:
        # "Kruppstraße", "Burghausen", "Bundesverfassungsgericht", "HypoVereinsbank"
        if alone and label in {"LOC", "ORG"} and has_name_head(text):
            return max(german, english) >= COMMON_NOUN_ZIPF
        return max(german, english) >= COMMON_NOUN_ZIPF or is_known_common_noun(text)
    if alone and _is_verb_form(text):
        return True  # "Verändert" opening a question: a verb, capitalised by its place
    tag, logprob = _hanta_best(text)
    if logprob > KNOWN_WORD_LOGPROB:  # a word HanTa knows: ordinary if a common noun or a verb's
        return tag in COMMON_NOUN_TAGS  # infinitive ("Denken", "Machen" opening a bullet), else a known name
    if alone and is_known_common_noun(text) and not has_name_head(text):
        return True  # "Leadmagnet", "Facebookmarketing": an ad-hoc compound of a common noun
    lower_tag = _hanta_best(text.lower())[0]
    if alone and label != "LOC" and lower_tag == "VV(INF)" and text.endswith("n") and not _in_name_lists(token):
        return zipf(text.lower()) >= INFINITIVE_ZIPF  # "Shoppen" (not a place: "Laufen"): an infinitive as a noun
    return zipf(text.lower()) >= LOWERCASE_WORD_ZIPF and lower_tag.startswith(LOWERCASE_TAGS)


def _in_name_lists(token) -> bool:
    """The word is in the offline NER's first-name or surname list (flags set only in that pipeline)."""
    from ..nlp.name_lists import FIRST_NAME, SURNAME

    return token.check_flag(FIRST_NAME) or token.check_flag(SURNAME)


def _common_noun_head(text: str) -> bool:
    """A hyphenated compound that ends in a common noun and has no name or acronym in it ("Insta-Stories",
    "Service-Ökosystemen", "MARKETING-DÄMMERUNG"); a name or an acronym in any part keeps it ("Berlin-Mitte",
    "Schleswig-Holstein", "SPD-Bundestagsfraktion")."""
    parts = [p for p in text.split("-") if p]
    return len(parts) > 1 and _is_common_part(parts[-1]) and not any(map(_is_name_part, parts[:-1]))


def _is_common_part(part: str) -> bool:
    return len(part) > 2 and (max(_frequencies(part)) >= COMMON_NOUN_ZIPF or is_known_common_noun(part))


def _is_name_part(part: str) -> bool:
    """An acronym, or a name HanTa knows ("Max", "Gaza", "Schleswig"; unknown words such as "Insta" are not)."""
    return bool(ACRONYM.match(part) and not part.isupper() or ALL_CAPS.match(part)) or is_known_as(part, "NE")


def _is_verb_form(text: str) -> bool:
    """The word, written lower case, is a frequent finite verb or participle HanTa knows ("verändert")."""
    lower = text.lower()
    tag, logprob = _hanta_best(lower)
    return (lower != text and tag.startswith(VERB_FORM_TAGS) and logprob > KNOWN_WORD_LOGPROB
            and zipf(lower) >= VERB_FORM_ZIPF)


def is_known_common_noun(text: str) -> bool:
    """HanTa knows the word as a common noun ("Prozessen", "Massenmedien"), or the word is rare and
    ends in a longer common noun ("Nutzerbedürfnisse", "Datenkraken"): an ad-hoc compound, no name."""
    word = text.capitalize() if text.isupper() else text
    tag, logprob = _hanta_best(word)
    if tag == "NN" and logprob > KNOWN_NOUN_LOGPROB:
        return True
    if zipf(word.lower()) >= RARE_WORD_ZIPF:
        return False
    splits = ((word[:i], word[i:].capitalize()) for i in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_HEAD + 1))
    return any(is_known_as(head, "NN") and _is_word_part(first) for first, head in splits)


def _is_word_part(part: str) -> bool:
    """A compound's first part is itself a word (also with a linking -s, -es, -n, -en): "Daten" in
    "Datenkraken", "Lead" in "Leadmagnet". Place names end in common nouns after a part that is none
    ("Elmshorn", "Frickenweiler", "Reeperbahn")."""
    lower = part.lower()
    forms = {lower} | {lower.removesuffix(link) for link in ("s", "es", "n", "en") if lower.endswith(link)}
    return any(len(form) >= MIN_COMPOUND_PART and max(zipf(form), zipf(form, "en")) >= COMPOUND_PART_ZIPF
               for form in forms)


def is_plain_noun(word: str) -> bool:
    """HanTa knows the word well as a common noun ("Sprecher", "Tochter"; it only guesses "Holstein")."""
    tag, logprob = _hanta_best(word)
    return tag == "NN" and logprob > PLAIN_NOUN_LOGPROB


def is_known_as(word: str, tag: str) -> bool:
    best, logprob = _hanta_best(word)
    return best == tag and logprob > KNOWN_WORD_LOGPROB


def _is_frequent_noun(token) -> bool:
    return token.tag_ == "NN" and max(_frequencies(token.text)) >= COMMON_NOUN_ZIPF


def has_name_head(word: str) -> bool:
    """The compound ends in a part that names a kind of place or organisation (also in the genitive)."""
    lower = word.lower()
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("es")}
    return any(len(form) > len(head) + 2 and form.endswith(head) for form in forms for head in NAME_HEADS)


def _capitalised_inside_sentence(token) -> bool:
    if not token.text[:1].isupper() or token.text.isupper() or token.is_sent_start or token.i == 0:
        return False
    return not token.doc[token.i - 1].is_punct  # after "*", ":" or a quote a word starts a phrase


def _written_lower_case_before(token) -> bool:
    """The document also writes this adjective lower case before the same noun."""
    doc, end = token.doc, token.i + 1
    while end < len(doc) and doc[end].tag_ in {"ADJA", "ADJD"}:
        end += 1
    if end >= len(doc):
        return False
    stem = re.sub(r"(e|es|en|er|em)$", "", token.text.lower())
    lower_case_phrase = rf"\b{re.escape(stem)}\w*\s+(?:[a-zäöüß]\w*\s+)?{re.escape(doc[end].text)}\b"
    return re.search(lower_case_phrase, doc_text(doc)) is not None


def is_english_name(words, label: str) -> bool:
    """An English name of capitalised words: one of them a name to the English tagger ("Real Madrid", "David
    Young", "Westminster Hall"), or an organisation whose last word says what kind it is ("Maple Bank",
    "General Electric", "State Oil"). "Big Data", "Main Ingredient", "Customer Journey" are neither."""
    if not all(t.text[:1].isupper() for t in words):
        return False
    if label == "ORG" and words[-1].text in ENGLISH_ORGANISATION_HEADS:
        return True
    tags = (_english_best(t.text) for t in words)
    return any(tag == "NP0" and logprob > ENGLISH_NAME_LOGPROB for tag, logprob in tags)


def is_english_phrase(words) -> bool:
    """"Main Ingredient": every word more common in English than in German, at least half of them
    clearly, and none a name HanTa is sure of ("New York" stays a name)."""
    frequencies = [_frequencies(t.text) for t in words]
    if len(words) < 2 or not all(en >= ENGLISH_WORD_ZIPF - 1 and en > de for de, en in frequencies):
        return False
    clearly = sum(en >= ENGLISH_WORD_ZIPF and en > de + ENGLISH_MARGIN for de, en in frequencies)
    return 2 * clearly >= len(words) and not any(_is_sure_name(t.text) for t in words)


def _is_sure_name(word: str) -> bool:
    tag, logprob = _hanta_best(word)
    return tag == "NE" and logprob > SURE_NAME_LOGPROB


def _frequencies(text: str) -> tuple[float, float]:
    """German and English Zipf frequency of the lower-cased word, or of its singular if more
    common ("Compliances" -> "compliance")."""
    lower = text.lower()
    forms = [lower, lower[:-1]] if lower.endswith("s") and len(lower) > 4 else [lower]
    return max(zipf(f) for f in forms), max(zipf(f, "en") for f in forms)


@lru_cache(maxsize=65536)
def _hanta_best(word: str) -> tuple[str, float]:
    """HanTa's most likely tag of the word out of context, and its log-probability."""
    from ..nlp.hanta_tagger import load_hanta

    tag, logprob = load_hanta().tag_word(word)[0]
    return tag, float(logprob)


@lru_cache(maxsize=65536)
def _english_best(word: str) -> tuple[str, float]:
    """The same from HanTa's English model (BNC tags: NP0 a name, NN1/NN2 a common noun, VVG an -ing form)."""
    from ..nlp.hanta_tagger import load_english_hanta

    tag, logprob = load_english_hanta().tag_word(word)[0]
    return tag, float(logprob)
