"""Removal of web boilerplate from texts saved off the web, from the plain text alone.

One job: decide for each line of a text whether it is page furniture, and drop it with its line break.

A page saved as ``.txt`` has one block per line: menus, cookie notices, share buttons, dates, comment forms and
"related posts" lists are short lines, or lines without sentences and with few function words. Each line (or, in a
very long line, each sentence) is judged by what it shows, as jusText judges paragraphs:

1. *shapes* decide alone: a date or time line, a byline, a share/consent/comment-form/licence line, an icon's file
   name, a line of separators, a blog's filing line, a subscription form, a known navigation phrase (the phrase list
   below is one of these shapes), the line above a "read more" link (a teaser), teaser cards (headlines and
   excerpts between dates or bylines at one distance), a feed of posts (lines led by dates, newest first), an
   about box (a name over a paragraph that begins with it, near the page's end), and the tail: everything after a
   comment or "related posts" heading in the last part of the page, or after a comment form anywhere after prose,
   up to where a long run of prose begins the next text;
2. *lines repeated across the corpus* (the same menu on every page of a site; counted by :class:`LineCounter` over
   all inputs) are boilerplate unless prose stands on both sides of them;
3. otherwise *length and stop-word density*: a long line of sentences with many German function words is prose
   (good), a short line is undecided (short), a line in between is near-good, a line with few function words is bad;
4. *context smoothing* (jusText's): a short line takes the class of its neighbours, a near-good line is dropped only
   between bad ones, and a short heading right before prose stays; so do the lines of the page's main block (the
   run of lines where prose outweighs the rest most) that no shape decided, an article's lead (a sentence a few
   header lines above its prose), runs of "Label: value" lines (a data sheet), a sentence ending in ":" right
   after prose and the short lines it announces, runs of quantities (a recipe), chronologies (lines led by years
   that name events) and a quote's attribution. Prose after the main block past three shape lines is a box of the
   site (a bio, a teaser) and goes.

Steps 3 and 4 run only on a text that shows page furniture (shapes or a menu of repeated lines): an essay, a book
or an encyclopedia article without any keeps its lists, tables and headings.

A line model (:mod:`reading.linemodel`, trained by bench/train_boilerplate_lines.py) can give a second opinion on the
lines steps 3 and 4 decided, if one ships in the package; none does (docs/boilerplate.md: it did not help on the
held-out dev pages).

Prose is never dropped (outside the tail, teasers, teaser cards, feeds, about boxes and the boxes after the main
block): a line of at least
:data:`PROSE_CHARS` characters with sentence punctuation and the stop-word density of running German text is kept
whatever its neighbours and phrases. A page where nothing would stay keeps every line that no shape dropped, so no
document is lost. Only whole lines (or whole sentences of a long line) go, with their line break: the kept text plus
the dropped characters is always the input text, character for character.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .linemodel import LineModel, line_features, shipped_model
from .lines import (
    AUTHOR_BOX_HEADING,
    DATE_SHAPE,
    EDGE,
    ENDS_SENTENCE,
    NAME_PARTICLES,
    NAME_SHAPE,
    SENTENCE_PUNCT,
    SHORT_SENTENCE,
    first_date,
    function_word_share,
    function_words,
    line_key,
)
from .shipped import SHIPPED

# Classes a dropped line is reported under (``--verbose``), in the order they are checked.
SHAPE = "shape"  # date, byline, share, consent, comment form, licence, icon name, navigation phrase
TAIL = "tail"  # after a comment or related-posts heading near the end of the page
REPEATED = "repeated"  # the same line in other documents of the corpus
DENSITY = "no sentences"  # few function words: lists, menus, keyword lines
LINKS = "links and numbers"  # mostly web addresses, e-mail addresses and digits
TEASER = "teaser"  # the text above a "read more" link
ABOUT = "about box"  # a name and a paragraph about it in the page's last part: an author's bio, a site's description
FEED = "news feed"  # lines that each begin with a date, newest first: a list of posts
CARDS = "teaser cards"  # headline and excerpt between the dates or bylines of a list of other articles
AFTER = "after the text"  # prose past page furniture after the main block: a bio, a site's description, a teaser
CONTEXT = "context"  # short or near-good line among boilerplate
MODEL = "line model"  # kept by the rules, but the line model (linemodel.py) is sure it is furniture

# jusText's thresholds, tuned on 140 of the 200 dev pages (bench/eval_boilerplate.py; the other 60 held out).
# Densities are higher than jusText's because spaCy's German stop list is longer than jusText's.
LENGTH_LOW = 70  # shorter lines are "short": their neighbours decide
LENGTH_HIGH = 150  # longer lines with a high stop-word density are prose
STOPWORDS_LOW = 0.26
STOPWORDS_HIGH = 0.36
PROSE_CHARS = 200  # a line at least this long, with sentences and a high stop-word density, is never dropped
HEADING_CHARS = 120  # a short line at most this long right before prose is its heading
HEADING_LINES = 1  # a heading stands right above its prose
# The main block (see _keep_main_block): what a line weighs there, against prose's one per character.
NEARGOOD_WEIGHT = 0.5
OTHER_WEIGHT = 1.0  # minus one per character of any other line ...
LINE_PENALTY = 30  # ... and minus this per line, so that a menu of short items weighs much
LEAD_LINES = 6  # an article's lead stands at most this many lines (title, byline, date, caption) above its prose
# Names (and a place) with a date and a time after them: the byline of a teaser ("Benjamin Triebe, London 18.10.2019").
_NAMES_DATED = re.compile(rf"^(\D+?)[\s,*|·•–-]+{DATE_SHAPE}(\s*(\d{{4}}))?(,?\s*\d{{1,2}}[:.]\d\d)?\s*(uhr)?$",
                          re.IGNORECASE)
# The heading of an about box: "Über …" or a name of two or more capitalised words ("Matthias Weber").
_ABOUT_HEADING = re.compile(r"^(?:(?:[Üü]ber|[Aa]bout) (?P<topic>.{2,60})|"
                            r"(?P<name>[A-ZÄÖÜ][\w.&-]*(?: [A-ZÄÖÜ][\w.&-]*){1,3}))$")
PAGE_BUTTON_REPEATS = 4  # a short line shown this often on one page is a button's label, not the text's
FEED_RUN = 3  # this many lines in a row that begin with dates, newest first, are a feed of posts
CARD_RUN = 2  # a list of other articles has at least this many cards
CARD_LINES = (1, 3)  # a teaser card has this many lines (headline, excerpt, a category) besides its date or byline
CARD_CHARS = 400  # no line of a card is longer: an excerpt is a paragraph's start, not the paragraph
HEADLINE_WORDS = (3, 20)  # a headline has this many words and ends without "." or ":"
AFTER_SHAPES = 3  # prose after the main block past this many shape lines is a box of the site
GAP_LINES = 4  # short lines between two prose lines at most this far apart are the text's (a list, a table)
NEAR_LINES = 2  # a near-good line or a short sentence this close to prose is part of it (a lead, a closing line)
# A line longer than this is judged sentence by sentence (a document saved as one line) ...
SENTENCE_SPLIT_CHARS = 1000
PROSE_SENTENCE_CHARS = 100  # ... and a sentence of it this long, with the density of prose, is prose
# A line counts as repeated in at least this many documents of the corpus (and at most this long).
REPEAT_DOCS = 2
REPEAT_MAX_CHARS = 200
# A tail marker counts only in the last part of a page, so an essay that discusses
# "ähnliche Beiträge" in its opening never loses its body.
TAIL_START_SHARE = 0.6
# A text is a web page when it has lines of this many different shapes, or this many such lines (or a menu).
WEB_SHAPES = 2
WEB_LINES = 3
TAIL_RESUME_CHARS = 3000  # this much prose in a row ends the tail: another text begins

# A line that is boilerplate wherever it stands (matched against the stripped line, case-insensitive).
_LINE_PATTERNS = [
    r"skip to (main )?content", r"zum inhalt springen", r"springe? (direkt )?zum (haupt)?inhalt",
    r"springe direkt zu:?",
    r"schreibe?n? einen kommentar.*", r"kommentar (schreiben|verfassen|abschicken|absenden)",
    r"kommentare? (schreiben|anzeigen|ausblenden)", r"(\d+|keine|ein) kommentare?( \(\d+\))?",
    r"deine e-?mail-adresse wird nicht veröffentlicht.*", r"ihre e-?mail-adresse wird nicht veröffentlicht.*",
    r"erforderliche felder sind mit .*markiert\.?", r"markiert in:?.*", r"antwort(en|en abbrechen)?",
    r"(diesen )?(beitrag|artikel|seite) (teilen|drucken|empfehlen|versenden|merken):?.*", r"teilen( mit| auf)?:?",
    r"share( this| on)?:?.*", r"gefällt mir:?.*", r"(jetzt )?(newsletter|rss)( abonnieren| bestellen)?.*",
    r"mehr zu diesem thema.*", r"(ähnliche|verwandte|letzte|neueste|weitere|beliebte) (beiträge|artikel|themen).*",
    r"das könnte (dich|sie) auch interessieren.*", r"weiterlesen.*", r"read more.*", r"(zum )?seitenanfang",
    r"(nach )?oben( scrollen)?", r"(zurück|weiter|vor)( zur (startseite|übersicht))?", r"top",
    r".*\bcookies?\b.*(akzeptieren|zustimmen|einverstanden|verwendet|verwenden|nutzt|nutzen|einstellungen|"
    r"einsetzen|speichern).*",
    r"(alle )?(cookies )?(akzeptieren|ablehnen|zustimmen)", r"datenschutz(erklärung|hinweise?|einstellungen)?",
    r"impressum", r"kontakt(formular)?", r"sitemap", r"agb",
    r"(jetzt )?(login|anmelden|registrieren)|abmelden|mein konto",
    r"\S+\s*[×x*+−-]\s*\S+\s*=\s*\S*",  # captcha such as "zwei × 4 ="
    r"loading\s*(…|\.\.\.)?", r"(search-config|download|drucken|print|insite|suche[n]?|hinweise|menü|menu|navigation)",
    r"suche nach:?.*", r"(haupt|service|sub|unter)?menü( schließen| öffnen)?", r"hauptnavigation", r"startseite",
    r"aktivieren sie unsere intelligente suche.*", r"hinweis des verlags",
    r"der verlag bleibt in hinblick auf geografische zuordnungen.*",
    r"unsere produktempfehlungen", r"premium partner", r"(print|elektronische) issn:?.*",
    r"doi:?\s*(https?://\S+)?", r"open access \d{1,2}\.\d{1,2}\.\d{4}.*",
    r"(verfasst von|erschienen in):.*", r"https?://\S+", r"www\.\S+", r"\S+@\S+\.\w+",
    r".*\bcreative commons\b.*\blizenz\b.*", r"weitere details zur lizenz.*",
    r"jobs bei .*", r"on key", r"zahle dir jetzt .*",
    # pointers to other pages of the site
    r".*(könnten?|dürften?|wird|werden) (dich|sie|euch) (auch )?interessieren.*",
    r"(für dich|für sie|unsere)? ?empfohlen(e artikel)?",
    r"mehr (zum|zu diesem) thema:?", r"(noch )?mehr (news|artikel|beiträge|themen|videos)", r"top[- ]?themen.*",
    r"themen in diesem artikel", r"(vorschau auf den )?(nächsten?|vorherigen?) (artikel|beitrag)", r".*\bshare\b.*",
    r"(mit freunden|per e-?mail) teilen", r"(zum|für den) newsletter (anmelden|registrieren)",
    r"lesen sie (hier|auch).*",
    # the site asking to be followed, subscribed to or paid ("Du willst nichts mehr verpassen?" / "Dann folge uns auf:",
    # "Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie …", "Unser kostenloser Newsletter informiert Sie …")
    r"(dann )?(folge|folgt|folgen sie) (uns|mir)( auch)?( auf| bei| in)?.{0,40}",
    r"(du willst |willst du |sie wollen |wollen sie )?(nichts|keine[nr]? [\w-]+) mehr verpassen.{0,60}",
    r"wenn (ihnen|dir|euch) (unser |der |dieser |mein |unser |das )?(artikel|beitrag|text|blog|post|video)( \w+)? "
    r"gefallen hat.*",
    r"unser(en)? (kostenlose[rn]? |wöchentliche[rn]? )?newsletter.{0,120}",
    r"if you (enjoyed|liked) (reading )?this (post|article).*",
    r"weitere [\w-]+( in [\w ]+)?", r"(ähnliche|verwandte|passende) (themen|artikel|beiträge|produkte)",
    r"das (thema|könnte dich) .*:", r"beliebte (artikel|beiträge)",
]
_ICON_PREFIX = re.compile(r"^[a-z]+(?:_[a-z0-9]+)+\s+(?=\S)")
_LINE_RE = re.compile(r"^(?:" + "|".join(_LINE_PATTERNS) + r")$", re.IGNORECASE)

# Shapes of page furniture, each a whole (stripped) line, case-insensitive.
_SHAPES = {
    "date": rf"((am|vom|stand|datum|veröffentlicht( am)?|aktualisiert( am)?|erstellt( am)?|posted on|"
            rf"(mo|di|mi|do|fr|sa|so)[a-z]*,?)\s*:?\s*)?{DATE_SHAPE}([\s,|–-]*(um\s*)?{DATE_SHAPE})*\s*(uhr)?[\s|·•-]*"
            rf"(\d+\s*(kommentare?|min\.?( lesezeit)?))?",
    "byline": rf"(autor(in)?|text|(titel)?fotos?|(titel)?bild(er)?|abbildung|abb\.|quelle|credits?|redaktion|"
              rf"redakteur(in)?)\s*:\s*"
              rf".{{2,80}}|((geschrieben |verfasst |ein beitrag )?von|posted by|by)\s+{NAME_SHAPE}"
              rf"(\s*[|,•·–-].{{0,80}})?|{NAME_SHAPE},? (redakteur|redakteurin|autor|autorin)\b.{{0,40}}|"
              rf"{NAME_SHAPE} (sagt|schrieb|meint|antwortete)( am .*)?:",
    "share": r"((auf |bei |via )?(facebook|twitter|x|linkedin|xing|whatsapp|pinterest|instagram|youtube|telegram|"
             r"reddit|tumblr|e-?mail|mail|drucken|pdf|flipboard|pocket|threads|mastodon|tiktok)[\s,|•·/]*){1,12}"
             r"(teilen|folgen|senden|öffnen)?",
    "consent": r".*\b(consent|cookies?|datenschutzerklärung)\b.*|"
               r".*(mit dem laden des videos|video laden|inhalt (laden|entsperren)|externe inhalte|"
               r"akzeptieren sie die datenschutz).*",
    "comment form": r"(name|e-?mail|website|webseite|kommentar|nachricht|betreff|vorname|nachname)( \(.*\))?\s*\*?:?"
                    r"|.*\bpflichtfeld.*|.*(speichere|meinen namen, (meine )?e-?mail).*|"
                    r"(ich habe|ich stimme|ich bin mit).*(datenschutz|einverstanden|gelesen).*|"
                    # a subscription form ("Um neue Beiträge per E-Mail zu erhalten, hier die E-Mail-Adresse eingeben.")
                    r".{0,80}\b(e-?mail(-adresse)?|newsletter)\b.{0,80}\b(eingeben|abonnieren|anmelden|"
                    r"benachrichtig\w*)\b.{0,40}",
    "licence": r".*(©|\(c\)\s*\d{4}|&copy|copyright|alle rechte vorbehalten|all rights reserved).*",
    "icon name": r"[\w.-]*[a-z]_[\w.-]*|[\w-]+\.(png|jpe?g|gif|svg|webp|pdf)",
    "separators": r"[\W_]*",
    # a reading-time badge ("3 Minuten Lesezeit") marks a teaser as much as a comment count does
    "counter": r"(ca\. )?\d+ (min\.?|minuten) lesezeit|lesezeit:? (ca\. )?\d+ (min\.?|minuten)|"
               r"\d+\s*(kommentare?|antworten|likes?|shares?|views?|aufrufe|bewertungen|gefällt)|"
               r"(schließe dich|join)? ?[\d.,]+ (weiteren )?(followern?|abonnenten|fans|other followers)( an)?|"
               r"seite \d+ (von|/) \d+|\d+( \d+)*( »| ›| >| weiter.*)?|[«‹<]? ?(zurück|vorherige?).*|"
               r"(nächste|weiter|ältere|neuere) (seite|beiträge|einträge|artikel).*",
    # a blog's filing line ("Dieser Eintrag wurde veröffentlicht in … und verschlagwortet mit … Permanentlink.")
    "post meta": r".{0,60}\babgelegt unter\b.*|(dieser (beitrag|eintrag|artikel)|this entry|erstellt am|"
                 r"veröffentlicht).{0,300}\b(verschlagwortet|permalink|permanentlink|lesezeichen|abgelegt|"
                 r"posted in)\b.*|"
                 r"(gespeichert|eingetragen|erstellt|verfasst|geschrieben|veröffentlicht) von .{1,60} am \d.*",
    "tags": r"(tags|schlagwörter|schlagworte|kategorien?|themen|rubriken?|abgelegt unter|veröffentlicht in)\s*:.*",
}
_SHAPES["dated"] = rf"{DATE_SHAPE}[\s,|–-]*[^.!?]{{0,60}}"  # a date with a name or a count after it
_LEADING_DATE = re.compile(rf"^{DATE_SHAPE}[\s,:|–-]*", re.IGNORECASE)
CHRONICLE_RUN = 3  # this many dated lines in a row, each with an event after its date, are a chronology
_LEADING_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)(/\d\d)?(\s*[–-]\s*(1[5-9]\d\d|20\d\d)|\s*bis\s*(1[5-9]\d\d|20\d\d))?"
                           r":?\s+")
_NAME_ONLY = NAME_PARTICLES - {"der", "den"}  # "von", "van", "de" …: in a name; "der", "den": articles of an event
CHRONICLE_WORDS = 2  # words of letters (not a time or a count) after the date or year
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_SHAPE_RES = [(name, re.compile(rf"^(?:{pattern})$", re.IGNORECASE)) for name, pattern in _SHAPES.items()]

# Headings that start the page's tail (comment form, comments, related posts, publisher metadata).
_TAIL_MARKERS = re.compile(
    r"^(schreibe?n? einen kommentar|mehr zu diesem thema.*|(ähnliche|verwandte|letzte|neueste|weitere) "
    r"(beiträge|artikel|themen)|unsere produktempfehlungen|metadaten|das könnte (dich|sie) auch interessieren.*|"
    r"(\d+|ein|zwei|drei) (kommentare?|gedanken|antworten|reaktionen|meinungen)( zu .*| auf .*)?|"
    r"kommentare?( \(\d+\))?|leserkommentare|(kommentar|antwort) (hinterlassen|verfassen|schreiben)|"
    r"hinterlasse (einen|eine) (kommentar|antwort)|"
    r"(sie|du) (könnten|könntest|möchten|möchtest) auch.*|auch interessant:?|related posts|"
    r".*(könnte|dürfte) (dich|sie|euch) (auch )?interessieren.*|mehr (zum|zu diesem) thema:?|"
    r"(für dich|für sie) empfohlen|(noch )?mehr (news|artikel|beiträge)|top[- ]?themen.*|"
    r"weitere (beiträge|artikel|news|themen) (zu|aus|in|zum) .*|"
    # a short heading that points to more on the subject ("Artikel und Videos zum Thema", "Dies passt zum Thema:")
    r"([\w-]+ ){0,4}zum thema:?)$",
    re.IGNORECASE,
)
# The heading of a comment section ("5 Gedanken zu „…“"): the tail starts there wherever it stands after prose.
_COMMENTS_HEADING = re.compile(
    r"^(\d+|ein|eine|zwei|drei|vier|fünf) (kommentare?|gedanken|antworten|reaktionen|meinungen)( (zu|auf|für) .{3,})?$",
    re.IGNORECASE)
# The fields of a comment form ("Name *", "E-Mail*", "Webseite", "Bitte geben Sie Ihren Kommentar ein!"): FORM_FIELDS
# of them within FORM_WINDOW lines after the first prose start the tail. A comment form stands after the article
# (under its comments or in their place), and what follows it is the site's sidebar and footer.
_FORM_FIELD = re.compile(
    r"^((name|e-?mail(-adresse)?|website|webseite|kommentar|nachricht|vorname|nachname)( \(.*\))?\s*\*?:?|"
    r"bitte geben sie (hier )?ihre?n? (namen|kommentar|e-?mail-adresse|nachricht) ein\W*|"
    r".*\bpflichtfeld.*|.*(speichere|meinen namen, (meine )?e-?mail).*)$", re.IGNORECASE)
FORM_FIELDS = 2
FORM_WINDOW = 4
_WORD = re.compile(r"\w+")
_LINK = re.compile(r"(https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(de|com|org|net|at|ch|eu|info)(/\S*)?\b")
# Words of consent notices and of the placeholders of embedded videos; two of them, one strong, make the shape.
_CONSENT_CUES = re.compile(
    r"\b(cookies?|einwilligung\w*|zustimm\w*|akzeptier\w*|datenschutz\w*|drittanbieter\w*|platzhalter\w*|"
    r"website|webseite|verwende\w*|einsetz\w*|nutzererfahrung|surfverhalten|einstellungen|"
    r"schaltfläche|klicken sie|inhalt(e)? (laden|entsperren)|video laden|externe[rn]? inhalte?|tracking|widerruf\w*|"
    r"personenbezogene daten|daten an)\b", re.IGNORECASE)
_STRONG_CONSENT = ("cookie", "drittan", "platzh", "schalt", "klicke", "inhalt", "video ")
# A publisher's licence notice: "Dieser Artikel wird unter der Creative Commons … Lizenz veröffentlicht".
# The licence may be named before or after it ("… unter der Lizenz CC-BY-NC-ND-4.0-DE").
_LICENCE_NOTICE = re.compile(r"^.{0,80}\b(diese[rsm]?|der|die|das|des|dem|alle) (\w+ )?(artikel|beitrag|text|inhalte?|"
                             r"werk|seite|fotos?|bilder|material)\b"
                             r".{0,120}(\b(creative[- ]commons|cc[- ]by[\w.-]*)\b.{0,80}\blizen[sz]|"
                             r"\blizen[sz]\w*:? (creative[- ]commons|cc[- ]by)\b)", re.IGNORECASE)
CONSENT_CHARS = 600  # a consent notice is a paragraph at most
SHORT_SENTENCE_WORDS = 2
LINKS_NUMBERS_MAX = 0.6  # a line more than half links and digits is no text
RUNNING_WORDS = 2  # a line of this many words with function words reads as running text, not the model's to drop
SENTENCE_WORDS = 6  # a line that is one sentence of this many words is at least near-good
# Where a very long line is cut into sentences: after . ! ? … (and closing quotes) before a space.
_SENTENCE_CUT = re.compile(r"(?<=[.!?…])[\"'“”»)\]]*\s+")
# Emoji and emoticons after a line's last sentence ("Ich freue mich schon auf den Sommer! 😀", "… <3"): a blog's
# sentence is judged without them.
_TRAILING_EMOJI = re.compile(r"(\s*([\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]|[:;]-?[)(DPp]|<3))+$")
# A quote's attribution line ("– Hannah Arendt", "— Sokrates, Philosoph") and the end of a quote line it stands under.
_ATTRIBUTION = re.compile(r"^[–—-]\s*[A-ZÄÖÜ][\w.'-]*( [\w.'-]+){0,3}(, [\w .'-]{1,40})?$")
_CLOSES_QUOTE = re.compile(r"[\"“”«»‘’][.!?…]?$")
# A quantity with its unit of measure at the start of a line: a recipe's ingredient, a line of nutrition facts.
_QUANTITY = re.compile(r"^(ca\.\s*)?\d+([.,/]\d+)?\s*"
                       # a measure's size or how full it is: "2 gestr. TL", "1 gehäufter EL", "2 große Eier"
                       r"((gestr\.|gestrichene?[rn]?|gehäufte?[rn]?|große?[rn]?|kleine?[rn]?|mittelgroße?[rn]?)\s+)?"
                       r"(g|kg|mg|ml|l|cl|dl|el|tl|pck\.?|päckchen|prisen?|stück|stk\.?|btl\.?|beutel|"
                       r"kcal|kj|becher|dosen?|gläser|glas|bund|zehen?|scheiben?|msp\.?|tassen?|eier?)(\s.{0,50})?$",
                       re.IGNORECASE)
MEASURE_RUN = 4  # this many quantity lines ...
MEASURE_GAP = 3  # ... each at most this many lines after the one before, are a recipe or a table of nutrition
FIELD_RUN = 3  # this many labelled values in a row are a table (one short line between two of them does not end it)
LIST_LINES = 12  # a sentence ending in ":" announces at most this many short lines after it (a list, a table)
FIELD_VALUE_WORDS = 4  # a value is a few words; "Katzenschreck: So reagieren Katzen auf …" is a headline
# A labelled value: a label of one to four words, a colon, a value ("Ort: Kasberg", "Verdicker/Basisöl: Li-Seifen").
_FIELD = re.compile(rf"^[A-ZÄÖÜ][\w./()&-]*(?: [\w./()&-]+){{0,3}}\s?:(?: +[^ ]+){{1,{FIELD_VALUE_WORDS}}}$")
_READ_MORE = re.compile(r"^(mehr( erfahren| lesen| dazu)?|weiterlesen|(ganzen )?(artikel|beitrag) lesen|zum (artikel|"
                        r"beitrag)|read more)\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class Cleaned:
    """The result of :func:`remove_boilerplate`: the kept text and what was dropped, with the class of each."""

    text: str  # the kept text: kept lines in order, each with its own line break
    dropped: tuple[tuple[str, str], ...]  # (class, stripped line) for every dropped line that is not blank
    chars_dropped: int  # len(input) - len(text)


@dataclass
class _Unit:
    """One line of the page (or one sentence of a very long line), with its trailing line break or space."""

    text: str
    end: str
    cls: str = ""  # good, neargood, short, bad
    why: str = ""  # the class it is reported under when dropped
    hard: bool = False  # decided by a shape: no fallback keeps it
    heading: bool = False
    sentence: bool = False  # a short line that is a sentence
    sentence_of_line: bool = False  # one sentence of a very long line
    prose: bool = False  # long, with sentences and function words: never dropped outside the tail
    intro: bool = False  # a short sentence that announces a list ("Weitere genutzte Quellen in englischer Sprache:")
    field: bool = False  # a short "Label: value" line (a data sheet, a recipe, a photo's data)
    button: bool = False  # a widget's label the page repeats (dropped after smoothing, which reads it as before)
    first_cls: str = ""  # the context-free class, before the tail, the main block and smoothing changed it


class LineCounter:
    """Counts in how many documents each short line occurs; :meth:`repeated` gives the lines of several documents."""

    def __init__(self) -> None:
        self._docs: Counter[str] = Counter()

    def add(self, text: str) -> None:
        # markup headings ("== Literatur", "# Fazit") are the text's own sections, not a site's menu
        keys = {line_key(line) for line in text.split("\n")
                if 0 < len(line.strip()) <= REPEAT_MAX_CHARS and not line.lstrip().startswith(("=", "#"))}
        keys.discard("")
        self._docs.update(keys)

    def repeated(self, min_docs: int = REPEAT_DOCS) -> frozenset[str]:
        return frozenset(key for key, n in self._docs.items() if n >= min_docs)


def repeated_lines(texts: Iterable[str], min_docs: int = REPEAT_DOCS) -> frozenset[str]:
    """The short lines (as :func:`line_key`) that occur in at least ``min_docs`` of ``texts``."""
    counter = LineCounter()
    for text in texts:
        counter.add(text)
    return counter.repeated(min_docs)


def strip_boilerplate(text: str, repeated: frozenset[str] = frozenset()) -> tuple[str, list[str]]:
    """Return ``(kept_text, dropped_lines)``; kept lines keep their order and line breaks."""
    cleaned = remove_boilerplate(text, repeated)
    return cleaned.text, [line for _, line in cleaned.dropped]


def remove_boilerplate(text: str, repeated: frozenset[str] = frozenset(), model: LineModel | None = SHIPPED) -> Cleaned:
    """Classify every line of ``text`` (see the module's docstring) and drop the boilerplate ones. ``model`` is the
    line classifier that revises the rules' undecided lines (the shipped one by default; None: the rules alone)."""
    units = _decide(text, repeated, model)[0]
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    after_dropped = False
    for unit in units:
        if unit.cls == "good":
            kept.append(unit.text + unit.end)
            after_dropped = False
        elif unit.text.strip():
            dropped.append((unit.why or CONTEXT, unit.text.strip()))
            after_dropped = True
        elif after_dropped and (not kept or _blank_run(kept)):
            continue  # a blank line after a dropped one would double the paragraph break: it goes too
        else:
            kept.append(unit.text + unit.end)
    kept_text = "".join(kept)
    return Cleaned(kept_text, tuple(dropped), len(text) - len(kept_text))


def _decide(text: str, repeated: frozenset[str], model: LineModel | None
            ) -> tuple[list[_Unit], tuple[int, int] | None, bool]:
    """The page's lines with their final class ("good" stays), its main block, and whether it is a web page."""
    units = _units(text)
    _classify(units, repeated)
    _soften_chronologies(units)
    _mark_tail(units)
    _mark_teasers(units)
    _mark_cards(units)
    _mark_about_boxes(units)
    if not _looks_like_a_web_page(units):  # an essay, a book, an article without page furniture: all of it stays
        for unit in units:
            unit.cls = "good"
        return units, None, False
    block = _keep_main_block(units)
    _mark_feeds(units)  # after the main block: a feed's long lines may carry it over a table to the article's end
    _smooth(units)
    _keep_prose_and_something(units)
    for unit in units:
        if unit.button:  # after smoothing: the sentences between a recipe's pictures stay as they were
            unit.cls, unit.why, unit.hard = "bad", f"{SHAPE}: button", True
    if model is SHIPPED:
        model = shipped_model()
    if model is not None:
        _revise_by_model(units, block, model)
    return units, block, True


def classified_lines(text: str, repeated: frozenset[str] = frozenset()) -> list[tuple[str, list[float], bool, bool]]:
    """For training the line model (bench/train_boilerplate_lines.py): each non-blank line of a web page as
    (stripped line, its features, kept by the rules, open to the model). A text that is no web page gives []."""
    units, block, web_page = _decide(text, repeated, None)
    if not web_page:
        return []
    return [(units[i].text.strip(), row, units[i].cls == "good", _open_to_model(units[i]))
            for i, row in line_features(units, block)]


def _open_to_model(unit: _Unit) -> bool:
    """The model revises only what the rules judged by length, density and context: never a shape, the tail, a
    teaser, a box after the text, nor prose."""
    return unit.cls != "blank" and not unit.hard and not unit.prose


def _revise_by_model(units: list[_Unit], block: tuple[int, int] | None, model: LineModel) -> None:
    """The line model's second opinion on the lines no shape decided: a line the rules kept goes when the model is
    sure it is furniture (class MODEL), a line they dropped by context stays when the model is sure it is text. If
    nothing would stay, the model's drops are undone (no page is lost)."""
    changed: list[tuple[_Unit, str, str]] = []
    for i, row in line_features(units, block):
        unit = units[i]
        if not _open_to_model(unit):
            continue
        p_drop = model.p_drop(row)
        if unit.cls == "good" and p_drop >= model.drop_above and _model_may_drop(unit):
            changed.append((unit, unit.cls, unit.why))
            unit.cls, unit.why = "bad", MODEL
        elif unit.cls != "good" and p_drop <= model.keep_below:
            changed.append((unit, unit.cls, unit.why))
            unit.cls = "good"
    if changed and not any(u.cls == "good" for u in units):
        for unit, cls, why in changed:
            unit.cls, unit.why = cls, why


def _model_may_drop(unit: _Unit) -> bool:
    """Prose is never the model's to drop: a line that ends a sentence ("Was denken Sie?", a wiki article's short
    sentence), reads as running text (RUNNING_WORDS words or more, with function words: "… darunter",
    "Zum Vergleich:") or is a markup heading ("=== Verkehr") stays as the rules kept it."""
    stripped = unit.text.strip()
    words = _WORD.findall(stripped)
    running = len(words) >= SENTENCE_WORDS or (
        len(words) >= RUNNING_WORDS and function_word_share(words, function_words()) >= STOPWORDS_LOW)
    return not ENDS_SENTENCE.search(stripped) and not running and not stripped.startswith(("=", "#"))


def _blank_run(kept: list[str]) -> bool:
    """True when the kept text already ends with a paragraph break (or has nothing yet)."""
    tail = "".join(kept[-2:])
    return not tail.strip() or tail.endswith("\n\n") or tail.rstrip(" \t").endswith("\n\n")


def _units(text: str) -> list[_Unit]:
    """The lines of ``text``, each with its line break; a line over SENTENCE_SPLIT_CHARS becomes its sentences."""
    lines = text.split("\n")
    units: list[_Unit] = []
    for n, line in enumerate(lines):
        end = "\n" if n < len(lines) - 1 else ""
        if len(line) <= SENTENCE_SPLIT_CHARS:
            units.append(_Unit(line, end))
            continue
        start = 0
        for cut in _SENTENCE_CUT.finditer(line):
            units.append(_Unit(line[start:cut.start()], line[cut.start():cut.end()], sentence_of_line=True))
            start = cut.end()
        units.append(_Unit(line[start:], end, sentence_of_line=True))
    if units and not units[-1].text and not units[-1].end:
        units.pop()  # the empty string after a final line break
    return units


def _shape_of(stripped: str) -> str:
    if not stripped:
        return ""
    # an icon font's ligature name before a line's text ("filter_none WEITERE BEITRÄGE", "arrow_forward Mehr"):
    # the line is judged by its text
    stripped = _ICON_PREFIX.sub("", stripped) or stripped
    if _LINE_RE.match(stripped):
        return "navigation"
    for name, pattern in _SHAPE_RES:
        if len(stripped) <= 300 and pattern.match(stripped):
            return name
    if stripped[:1] in "([" and stripped[-1:] in ")]":
        # a photo credit or date in brackets under a picture: "(Foto: DBT/Stella von Saldern (bearbeitet …))"
        return _shape_of(stripped[1:-1].strip())
    return ""


def _classify(units: list[_Unit], repeated: frozenset[str]) -> None:
    """Context-free classes (jusText's classify_paragraphs, with shapes, repeats and sentence punctuation)."""
    buttons = _page_buttons(units)
    for unit in units:
        stripped = unit.text.strip(EDGE)
        if not unit.text.strip():
            unit.cls = "blank"
            continue
        words = _WORD.findall(stripped)
        density = function_word_share(words, function_words())
        sentence_text = _TRAILING_EMOJI.sub("", stripped)
        sentences = bool(SENTENCE_PUNCT.search(sentence_text))
        unit.field = len(stripped) < LENGTH_LOW and bool(_FIELD.match(stripped))
        unit.heading = len(stripped) <= HEADING_CHARS and not stripped.endswith(".") and bool(words)
        if _is_consent(stripped):  # a consent notice or a video's placeholder reads like prose
            unit.cls, unit.why, unit.hard = "bad", f"{SHAPE}: consent", True
        elif _LICENCE_NOTICE.search(stripped):  # so does a publisher's licence notice
            unit.cls, unit.why, unit.hard = "bad", f"{SHAPE}: licence", True
        elif _is_prose(stripped, density, sentences, PROSE_SENTENCE_CHARS if unit.sentence_of_line else PROSE_CHARS):
            unit.cls, unit.prose = "good", True
        elif shape := _shape_of(stripped):
            unit.cls, unit.why, unit.hard = "bad", f"{SHAPE}: {shape}", True
        elif _link_number_share(stripped) > LINKS_NUMBERS_MAX:
            unit.cls, unit.why = "bad", LINKS  # link lists, phone and page numbers: what a .txt shows of links
        elif line_key(stripped) in repeated:
            unit.cls, unit.why = "repeated", REPEATED
        elif len(stripped) < LENGTH_LOW:
            # a short sentence ("Ok Boomer.", "Was denken Sie?") belongs to the prose it stands by
            unit.cls = "short"
            unit.sentence = bool(SHORT_SENTENCE.match(sentence_text)) and len(words) >= SHORT_SENTENCE_WORDS
            unit.intro = stripped.endswith(":") and len(words) >= SENTENCE_WORDS
        elif density >= STOPWORDS_HIGH:
            unit.cls = "good" if len(stripped) > LENGTH_HIGH else "neargood"
        elif density >= STOPWORDS_LOW or (len(words) >= SENTENCE_WORDS and SHORT_SENTENCE.match(sentence_text)):
            unit.cls = "neargood"  # (a whole sentence full of names and numbers is no menu)
        else:
            unit.cls, unit.why = "bad", DENSITY
        unit.first_cls = unit.cls
        unit.button = not unit.prose and not unit.hard and line_key(stripped) in buttons


def _page_buttons(units: list[_Unit]) -> frozenset[str]:
    """Short lines of two to six words, no sentence, that one page shows PAGE_BUTTON_REPEATS times or more: the labels
    of its buttons and widgets ("Bild anzeigen Bild schließen" under each picture of a recipe). A text repeats a
    heading or a refrain now and then; the same label under every picture is the page's furniture."""
    counts = Counter(
        line_key(stripped) for unit in units
        if 2 <= len(_WORD.findall(stripped := unit.text.strip(EDGE))) <= 6 and len(stripped) <= 60
        and not SENTENCE_PUNCT.search(stripped) and not stripped.endswith(":") and not any(
            ch.isdigit() for ch in stripped))  # "12 Monate" in a table is data
    return frozenset(key for key, n in counts.items() if n >= PAGE_BUTTON_REPEATS)


def _soften_chronologies(units: list[_Unit]) -> None:
    """CHRONICLE_RUN or more dated lines in a row, each with an event of CHRONICLE_WORDS or more words after its date
    ("1. Mai 2019 Gründung des Vereins"), are the text's chronology, not the dates of posts or comments (those stand
    between names, counts and text): they lose their shape and are judged by length and context like a list."""
    run: list[int] = []
    for i, unit in enumerate(units + [_Unit("", "", cls="end")]):
        if unit.cls == "blank":
            continue
        if unit.why == f"{SHAPE}: dated" and _names_an_event(_LEADING_DATE.sub("", unit.text.strip(EDGE))):
            run.append(i)
            continue
        if len(run) >= CHRONICLE_RUN:
            for j in run:
                entry = units[j]
                entry.why, entry.hard = "", False
                entry.cls = entry.first_cls = "short" if len(entry.text.strip(EDGE)) < LENGTH_LOW else "neargood"
        run = []


def _looks_like_a_web_page(units: list[_Unit]) -> bool:
    """True when the text shows page furniture: lines of WEB_SHAPES different shapes, or WEB_LINES such lines, or
    lines shared with other documents of the corpus that stand together (a menu). A text without any is not a saved
    web page, and its lists, tables and headings stay whatever their neighbours."""
    shapes = {unit.why for unit in units if unit.hard}
    lines = sum(unit.hard for unit in units)
    menu = any(unit.cls == "repeated" and _repeated_beside(units, i) for i, unit in enumerate(units))
    return len(shapes) >= WEB_SHAPES or lines >= WEB_LINES or menu


def _repeated_beside(units: list[_Unit], i: int) -> bool:
    """True when the nearest non-blank line before or after line ``i`` is also a repeated line, or the page's edge."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(units) and units[j].cls == "blank":
            j += step
        if not 0 <= j < len(units) or units[j].cls == "repeated":
            return True
    return False


def _mark_tail(units: list[_Unit]) -> None:
    """Drop the page's tail: from a comment or related-posts heading in its last part (a comment heading such as
    "5 Gedanken zu „…“ anywhere after prose) to the end, or to where TAIL_RESUME_CHARS of prose follow one another
    without page furniture between them: there the next text begins (a file of several articles), while comments
    are broken up by names, dates and "Antworten" lines."""
    total = sum(len(u.text) + len(u.end) for u in units)
    position, in_tail, seen_prose = 0, False, False
    for i, unit in enumerate(units):
        stripped = unit.text.strip(EDGE)
        if in_tail and unit.prose and _prose_run(units, i) >= TAIL_RESUME_CHARS:
            in_tail = False
        if not in_tail and unit.cls != "blank" and (
                (position >= total * TAIL_START_SHARE and _TAIL_MARKERS.match(stripped))
                or (seen_prose and (_COMMENTS_HEADING.match(stripped) or _starts_a_form(units, i)))):
            in_tail = True
        position += len(unit.text) + len(unit.end)
        seen_prose = seen_prose or unit.prose
        if in_tail and unit.cls != "blank":  # comments are prose too, but not the page's
            unit.cls, unit.why, unit.hard = "bad", TAIL, True


def _starts_a_form(units: list[_Unit], i: int) -> bool:
    """True when line ``i`` is the first field of a comment form: it and FORM_FIELDS - 1 more fields stand within
    FORM_WINDOW non-blank lines."""
    if not _FORM_FIELD.match(units[i].text.strip(EDGE)):
        return False
    fields = lines = 0
    for unit in units[i:]:
        if unit.cls == "blank":
            continue
        fields += bool(_FORM_FIELD.match(unit.text.strip(EDGE)))
        lines += 1
        if fields >= FORM_FIELDS:
            return True
        if lines >= FORM_WINDOW:
            return False
    return False


def _mark_teasers(units: list[_Unit]) -> None:
    """A line right above a "read more" link ("mehr erfahren", "Weiterlesen →") is a teaser of another page: it goes
    with its link, even when it reads like prose."""
    following = None
    for unit in reversed(units):
        if unit.cls == "blank":
            continue
        if following is not None and _READ_MORE.match(following.text.strip(EDGE)) and not unit.hard:
            unit.cls, unit.why, unit.hard = "bad", TEASER, True
        following = unit


def _mark_about_boxes(units: list[_Unit]) -> None:
    """In the page's last part (after TAIL_START_SHARE of its characters), a heading that is a name ("Matthias
    Weber", "Über Advents-Shopping.de") over a paragraph that begins with that name ("Matthias Weber ist
    ERP-Experte …", "Advents-Shopping.de nimmt Sie mit …") is a box about the author or the site: both go, also when
    the paragraph reads like prose. An article's section starts with its own words, not with its heading's."""
    total = sum(len(u.text) + len(u.end) for u in units)
    position = 0
    for i, unit in enumerate(units):
        position += len(unit.text) + len(unit.end)
        heading = _ABOUT_HEADING.match(unit.text.strip(EDGE))
        if position < total * TAIL_START_SHARE or unit.cls == "blank" or unit.hard or not heading:
            continue
        box = next((j for j in range(i + 1, len(units)) if units[j].cls != "blank"), None)
        name = (heading.group("topic") or heading.group("name")).casefold()
        if box is None or units[box].hard or units[box].first_cls not in ("good", "neargood"):
            continue
        if units[box].text.strip(EDGE).casefold().startswith(name + " ") or AUTHOR_BOX_HEADING.match(
                unit.text.strip(EDGE)):
            for j in (i, box):
                units[j].cls, units[j].why, units[j].hard = "bad", ABOUT, True


def _dated_headline(unit: _Unit) -> str:
    """The ISO date a line begins with when words of a headline follow it ("19.11.2021 - Gasly mischt Top-Teams
    auf"), else ""."""
    stripped = unit.text.strip(EDGE)
    found = first_date(stripped)
    if found is None or found[1] > 0 or len(_LETTER_WORD.findall(stripped[found[2]:])) < HEADLINE_WORDS[0]:
        return ""
    return found[0]


def _mark_feeds(units: list[_Unit]) -> None:
    """FEED_RUN or more lines in a row that each begin with a date and a headline, the dates newest first, are a
    feed of posts or news (a blog's archive, "Weitere Inhalte"), even when each reads like prose: they go. A
    chronology of the text runs the other way, oldest first ("1. Mai 2019 Gründung des Vereins"), and stays."""
    run: list[tuple[int, str]] = []
    for i, unit in enumerate(units + [_Unit("", "", cls="end")]):
        if unit.cls == "blank":
            continue
        date = _dated_headline(unit) if unit.cls != "end" and not unit.hard else ""
        if date and (not run or date <= run[-1][1]):
            run.append((i, date))
            continue
        if len(run) >= FEED_RUN and run[0][1] > run[-1][1]:
            for j, _ in run:
                units[j].cls, units[j].why, units[j].hard = "bad", FEED, True
        run = [(i, date)] if date else []


def _card_marker(unit: _Unit) -> str:
    """"date" for a date line ("12.11.2021 Artikel", "3. März 2022") or names with a date after them ("Benjamin
    Triebe, London 18.10.2019, 19:33"), "byline" for an author's byline ("Von Micol Passariello"), else "": what a
    list of other articles shows with each headline. (Photo credits are bylines too, but captions of the article.)"""
    stripped = unit.text.strip(EDGE)
    if unit.why == f"{SHAPE}: byline" and stripped.casefold().startswith(("von ", "by ", "autor")):
        return "byline"
    if unit.why in (f"{SHAPE}: date", f"{SHAPE}: dated"):
        return "date"
    names = _NAMES_DATED.match(stripped)
    if names and len(stripped) <= HEADING_CHARS and all(
            word[0].isupper() or word in NAME_PARTICLES for word in _LETTER_WORD.findall(names.group(1))):
        return "date"
    return ""


def _is_headline(unit: _Unit) -> bool:
    stripped = unit.text.strip(EDGE)
    words = len(_WORD.findall(stripped))
    return (not unit.hard and HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] and len(stripped) <= HEADING_CHARS
            and not stripped.endswith((".", ":", ",")))


def _mark_cards(units: list[_Unit]) -> None:
    """A list of other articles (related posts, "Am beliebtesten", a news feed) shows each one as a card: a headline,
    maybe an excerpt, and a date or byline. Dates or bylines of one kind at the same distance (CARD_LINES lines
    between them) with a headline in every card between them are such a list: the cards go, also when the excerpt
    reads like prose. The card before the first and after the last date or byline goes when it has the same shape
    (a headline at the same place). It takes CARD_RUN cards: an article's own header ("21. Januar 2022", title,
    lead, "Von Tobias Kuske") is one card between a date and a byline."""
    lines = [i for i, unit in enumerate(units) if unit.cls != "blank"]
    kinds = {k: _card_marker(units[i]) for k, i in enumerate(lines)}
    markers = [k for k, kind in kinds.items() if kind]
    start = 0
    while start < len(markers) - 1:
        gap = markers[start + 1] - markers[start]
        end = start + 1
        while end + 1 < len(markers) and markers[end + 1] - markers[end] == gap:
            end += 1
        cards = [range(markers[m] + 1, markers[m + 1]) for m in range(start, end)]
        if CARD_LINES[0] <= gap - 1 <= CARD_LINES[1] and len({kinds[markers[m]] for m in range(start, end + 1)}) == 1 \
                and all(_is_card(units, lines, card) for card in cards):
            offsets = {k - card.start for card in cards for k in card if _is_headline(units[lines[k]])}
            before = range(markers[start] - gap + 1, markers[start])
            after = range(markers[end] + 1, markers[end] + gap)
            for card in (before, after):
                if card.start >= 0 and card.stop <= len(lines) and _is_card(units, lines, card) and any(
                        _is_headline(units[lines[card.start + offset]]) for offset in offsets):
                    cards.append(card)
            if len(cards) >= CARD_RUN:
                for card in cards:
                    for k in card:
                        unit = units[lines[k]]
                        unit.cls, unit.why, unit.hard = "bad", CARDS, True
        start = end


def _is_card(units: list[_Unit], lines: list[int], card: range) -> bool:
    """True when the lines ``card`` (positions in ``lines``) hold a headline and no line of a card could not hold."""
    members = [units[lines[k]] for k in card]
    return any(_is_headline(unit) for unit in members) and all(
        not unit.hard and len(unit.text.strip()) <= CARD_CHARS for unit in members)


def _prose_run(units: list[_Unit], i: int) -> int:
    """Characters of prose from line ``i`` on, through blank and short lines, up to the first other line."""
    run = 0
    for j in range(i, len(units)):  # by index: a slice per call copied the rest of the page (quadratic)
        unit = units[j]
        if unit.prose:
            run += len(unit.text)
            if run >= TAIL_RESUME_CHARS:
                break
        elif unit.hard or unit.cls not in ("blank", "short", "neargood"):
            break
    return run


def _link_number_share(stripped: str) -> float:
    """The share of a line's non-space characters in web addresses, e-mail addresses and digits."""
    letters = len(stripped) - stripped.count(" ")
    if not letters:
        return 0.0
    links = sum(len(m.group(0)) for m in _LINK.finditer(stripped))
    digits = sum(c.isdigit() for c in _LINK.sub("", stripped))
    return (links + digits) / letters


def _is_consent(stripped: str) -> bool:
    if len(stripped) > CONSENT_CHARS:
        return False
    cues = {match.group(0).casefold()[:6] for match in _CONSENT_CUES.finditer(stripped)}
    return len(cues) >= 2 and any(cue.startswith(_STRONG_CONSENT) for cue in cues)


def _is_prose(stripped: str, density: float, sentences: bool, min_chars: int) -> bool:
    return len(stripped) >= min_chars and sentences and density >= STOPWORDS_HIGH


def _neighbour(units: list[_Unit], i: int, step: int, ignore_neargood: bool) -> str:
    i += step
    while 0 <= i < len(units):
        cls = units[i].cls
        if cls in ("good", "bad"):
            return cls
        if cls == "neargood" and not ignore_neargood:
            return cls
        i += step
    return "bad"


def _smooth(units: list[_Unit]) -> None:
    """jusText's context-sensitive revision: headings, short lines, near-good lines, repeated lines."""
    for i, unit in enumerate(units):
        if unit.heading and unit.cls == "short" and _prose_follows(units, i):
            unit.cls = "neargood"
    _keep_fields(units)
    for i, unit in enumerate(units):  # short sentences near prose, one after another (a letter's closing lines)
        if unit.cls == "short" and unit.sentence and (_good_near(units, i) or _leads_prose(units, i)):
            unit.cls = "good"
        elif unit.cls == "short" and unit.intro and _previous(units, i).cls == "good":
            unit.cls = "good"  # the text's own sentence, right after its prose, that announces a list
    new: dict[int, str] = {}
    good = [i for i, unit in enumerate(units) if unit.cls == "good"]
    for i, unit in enumerate(units):
        if unit.cls != "short":
            continue
        if _in_short_gap(good, i):
            new[i] = "good"
            continue
        before, after = _neighbour(units, i, -1, True), _neighbour(units, i, 1, True)
        if before == after == "good":
            new[i] = "good"
        elif before == after == "bad":
            new[i] = "bad"
        elif (before == "bad" and _neighbour(units, i, -1, False) == "neargood") or (
                after == "bad" and _neighbour(units, i, 1, False) == "neargood"):
            new[i] = "good"
        else:
            new[i] = "bad"
    for i, cls in new.items():
        units[i].cls = cls
    for i, unit in enumerate(units):
        if unit.cls == "neargood":
            before, after = _neighbour(units, i, -1, True), _neighbour(units, i, 1, True)
            unit.cls = ("bad" if before == after == "bad" and not _good_near(units, i) and not _leads_prose(units, i)
                        else "good")
    _keep_announced_lists(units)
    _keep_measures(units)
    _keep_chronologies(units)
    for i, unit in enumerate(units):  # "– Hannah Arendt" under a kept quote is its attribution
        if unit.cls not in ("good", "blank") and not unit.hard and _ATTRIBUTION.match(unit.text.strip()) \
                and _previous(units, i).cls == "good" and _CLOSES_QUOTE.search(_previous(units, i).text.strip()):
            unit.cls = "good"
    for i, unit in enumerate(units):
        if unit.cls == "repeated":  # a repeated line stays only with prose on both sides (a heading such as "Fazit")
            before, after = _neighbour(units, i, -1, True), _neighbour(units, i, 1, True)
            unit.cls = "good" if before == after == "good" else "bad"
    for unit in units:
        if unit.cls == "bad" and not unit.why:
            unit.why = CONTEXT


def _keep_measures(units: list[_Unit]) -> None:
    """MEASURE_RUN or more quantity lines ("350 g Zucker", "1 Pck. Vanillezucker", "390 kcal") close together are a
    recipe's ingredients or a table of nutrition: the page's own data. Their short lines stay, from the first
    quantity to the line after the last one (the ingredient of a quantity on a line of its own). A bare number
    ("2", the eggs) continues such a list but does not start one (pagination is bare numbers too)."""
    lines = [i for i, unit in enumerate(units) if unit.cls != "blank"]
    clusters: list[tuple[list[int], int]] = []  # (line positions, how many of them are quantities with a unit)
    last = -MEASURE_GAP - 1
    for k, i in enumerate(lines):
        stripped = units[i].text.strip(EDGE)
        quantity = bool(_QUANTITY.match(stripped))
        if not quantity and not (stripped.isdigit() and clusters and k - last <= MEASURE_GAP):
            continue
        if clusters and k - last <= MEASURE_GAP:
            clusters[-1] = (clusters[-1][0] + [k], clusters[-1][1] + quantity)
        else:
            clusters.append(([k], 1))
        last = k
    for positions, quantities in clusters:
        if quantities < MEASURE_RUN:
            continue
        for k in range(positions[0], min(positions[-1] + 2, len(lines))):
            unit = units[lines[k]]
            if not unit.hard and unit.cls != "good" and len(unit.text.strip()) < LENGTH_LOW:
                unit.cls = "good"


def _names_an_event(rest: str) -> bool:
    """True when the words after a line's date or year name an event ("Gründung des Vereins", "Umzug nach Leipzig"):
    CHRONICLE_WORDS words of letters, one of them in lower case and no name particle. A name ("2019 Michael Müller",
    a list of prize winners or posts' authors) or a place and a club ("Köln, Yard Club", tour dates) is not."""
    words = _LETTER_WORD.findall(rest)
    return len(words) >= CHRONICLE_WORDS and any(w.islower() and w not in _NAME_ONLY for w in words)


def _keep_chronologies(units: list[_Unit]) -> None:
    """CHRONICLE_RUN or more lines in a row that each begin with a year (or a span of years) and name an event
    ("1957–1959 Erster Bauabschnitt: …", "1998 Gründung des Vereins") are the text's chronology: they stay. (Lines
    that begin with a date are left to the context: "19.11.2021 - Gasly mischt Top-Teams auf" is a list of news.)"""
    run: list[int] = []
    for i, unit in enumerate(units + [_Unit("", "", cls="end")]):
        if unit.cls == "blank":
            continue
        year = _LEADING_YEAR.match(unit.text.strip(EDGE))
        if year and not unit.hard and _names_an_event(unit.text.strip(EDGE)[year.end():]):
            run.append(i)
            continue
        if len(run) >= CHRONICLE_RUN:
            for j in run:
                units[j].cls = "good"
        run = []


def _keep_announced_lists(units: list[_Unit]) -> None:
    """The short lines right after a kept sentence that ends in ":" ("Für die Qualitätsstufen gibt es folgende
    Bestimmungen:") are the list or table it announces, up to LIST_LINES lines and the first line that is not
    short (prose, a menu line without sentences) or that a shape decided."""
    for i, unit in enumerate(units):
        stripped = unit.text.strip(EDGE)
        if unit.cls != "good" or not stripped.endswith(":") or len(_WORD.findall(stripped)) < SENTENCE_WORDS:
            continue
        lines = 0
        for j in range(i + 1, len(units)):
            item = units[j]
            if item.cls == "blank":
                continue
            if item.hard or item.first_cls != "short" or lines >= LIST_LINES:
                break
            item.cls = "good"
            lines += 1


def _previous(units: list[_Unit], i: int) -> _Unit:
    """The nearest non-blank line before line ``i`` (a blank one at the page's top)."""
    for j in range(i - 1, -1, -1):
        if units[j].cls != "blank":
            return units[j]
    return _Unit("", "", cls="blank")


def _keep_fields(units: list[_Unit]) -> None:
    """A run of FIELD_RUN or more short "Label: value" lines is a table of the page's own data (a data sheet, the
    data of a photo, a recipe's nutrition): menus and link lists are single words, not labelled values."""
    run: list[int] = []
    gap: int | None = None  # one short line inside the table whose value is longer ("Uhrzeit: ab Mitternacht …")
    for i, unit in enumerate(units + [_Unit("", "", cls="end")]):
        if unit.cls == "blank":
            continue
        if unit.field:  # a labelled value that a shape decided ("Kategorie: …") goes, but does not end the table
            run.extend([gap, i] if gap is not None else [i])
            gap = None
            continue
        if run and gap is None and unit.cls == "short" and not unit.hard:
            gap = i  # kept only when labelled values follow it
            continue
        if sum(units[j].field for j in run) >= FIELD_RUN:
            for j in run:
                if units[j].cls == "short":
                    units[j].cls = "good"
        run, gap = [], None


def _leads_prose(units: list[_Unit], i: int) -> bool:
    """True when line ``i`` is an article's lead: prose follows it within LEAD_LINES lines, and the lines between
    are only short lines and shapes of an article's header (date, byline, photo credit), no menu (repeated lines,
    lines without sentences, links)."""
    if not ENDS_SENTENCE.search(units[i].text.strip()) or len(_WORD.findall(units[i].text)) < SENTENCE_WORDS:
        return False  # a lead is sentences; a list of headlines is not, nor a menu's "Was ist CC?"
    lines = 0
    for j in range(i + 1, len(units)):
        unit = units[j]
        if unit.cls == "blank":
            continue
        if unit.cls == "good" and unit.first_cls in ("good", "neargood", "short"):
            return True
        lines += 1
        if lines > LEAD_LINES or unit.first_cls == "repeated" or unit.why in (TAIL, DENSITY, LINKS):
            return False
    return False


def _in_short_gap(good: list[int], i: int) -> bool:
    """True when line ``i`` lies between two prose lines at most GAP_LINES lines apart (a list, a table,
    subheadings inside the text)."""
    from bisect import bisect

    k = bisect(good, i)
    return 0 < k < len(good) and good[k] - good[k - 1] <= GAP_LINES


def _good_near(units: list[_Unit], i: int) -> bool:
    """True when a prose line stands within NEAR_LINES non-blank lines of line ``i``."""
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(units) and seen < NEAR_LINES:
            if units[j].cls == "good":
                return True
            seen += units[j].cls != "blank"
            j += step
    return False


def _prose_follows(units: list[_Unit], i: int) -> bool:
    """True when prose follows line ``i`` after at most HEADING_LINES - 1 other short lines."""
    lines = 0
    for j in range(i + 1, len(units)):  # by index, not a copy of the rest of the page per call
        unit = units[j]
        if unit.cls == "good":
            return True
        if unit.cls == "blank":
            continue
        lines += 1
        if unit.cls != "short" or lines >= HEADING_LINES:
            return False
    return False


def _keep_main_block(units: list[_Unit]) -> tuple[int, int] | None:
    """Mark the page's main block: the run of lines where prose outweighs everything else most (the maximum-sum
    run, as in Finn et al.'s body text extraction), each line weighing its characters, plus for prose, minus for
    the rest and a penalty per line. Lines inside it that no shape or repeat decided are kept (tables, lists and
    subheadings of the text); the context-free classes decide outside."""
    best, best_span, run, start = 0.0, None, 0.0, 0
    for i, unit in enumerate(units):
        if unit.cls == "blank":
            continue
        size = len(unit.text.strip())
        if unit.cls == "good":
            weight = size
        elif unit.cls == "neargood":
            weight = size * NEARGOOD_WEIGHT
        else:
            weight = -(size * OTHER_WEIGHT + LINE_PENALTY)
        if run <= 0:
            run, start = 0.0, i
        run += weight
        if run > best:
            best, best_span = run, (start, i)
    if best_span is None:
        return None
    for unit in units[best_span[0]:best_span[1] + 1]:
        if unit.cls in ("short", "neargood", "bad") and not unit.hard:
            unit.cls = "good"
    _drop_boxes_after(units, best_span[1])
    return best_span


def _drop_boxes_after(units: list[_Unit], end: int) -> None:
    """Prose after the main block, past AFTER_SHAPES lines that shapes decided (share buttons, dates, a read-more
    link, a licence line), is a box of the site (an author's bio, the site's description, another article's teaser):
    the text ended where the furniture began. Prose after the block cannot outweigh the furniture before it (else
    the block would reach over it), so the continuation of an article past a share bar stays. A run of
    TAIL_RESUME_CHARS of prose is another text of the file, and stays."""
    shapes = 0
    for i in range(end + 1, len(units)):
        unit = units[i]
        shapes += unit.hard
        if shapes >= AFTER_SHAPES and unit.cls == "good" and not unit.hard and _prose_run(units, i) < TAIL_RESUME_CHARS:
            unit.cls, unit.why, unit.hard = "bad", AFTER, True


def _keep_prose_and_something(units: list[_Unit]) -> None:
    """A page where nothing would stay keeps every line no shape dropped: no document is lost."""
    if any(u.cls == "good" for u in units):
        return
    for unit in units:
        if unit.cls not in ("good", "blank") and not unit.hard:
            unit.cls = "good"


def dropped_by_class(lines: Iterable[str], classes: Iterable[str], width: int = 100) -> list[str]:
    """``--verbose``'s report of what was dropped and why: one line per class (most lines first), then its lines,
    each cut to ``width`` characters."""
    groups: dict[str, list[str]] = {}
    for line, cls in zip(lines, classes, strict=False):
        groups.setdefault(cls, []).append(line)
    report = []
    for cls, members in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        report.append(f"{cls}: {len(members)} line{'s' if len(members) != 1 else ''}")
        report.extend(f"  {line if len(line) <= width else line[:width - 1] + '…'}" for line in members)
    return report
