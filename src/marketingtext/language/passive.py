"""Passive voice in German sentences: Vorgangspassiv and Zustandspassiv, from POS tags and lemmas.

* ``vorgang`` (Vorgangspassiv): werden + Partizip II in the same clause: "Die Ware wird geprüft",
  "muss geprüft werden", "ist geprüft worden" ("worden" is passive only).
* ``zustand`` (Zustandspassiv): sein + Partizip II in the same clause, "Der Laden ist geöffnet", unless the
  participle's verb forms its Perfekt with sein ("ist gekommen", "sind gestiegen": active).

Not passive: Futur + Perfekt in different clauses ("Wir werden sehen, was Kunden gekauft haben"),
Futur II ("wird gelesen haben"), werden + adjective or noun ("wird besser", "wird Lehrer").

A clause is the run of tokens between commas, semicolons, colons, dashes, brackets and the
subordinating words that open a clause (dass, weil, relative and interrogative pronouns); a run
without a finite verb ("wie vereinbart") belongs to the clause before it. The offline pipeline has no
dependency parser, so clauses come from these rules for every pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .words import tokens_of

if TYPE_CHECKING:  # spaCy is imported where a Doc is made: the CLI imports this before reading (see engine.cache)
    from spacy.tokens import Span, Token

VORGANG, ZUSTAND = "vorgang", "zustand"
BOUNDARY_TEXTS = {",", ";", ":", "–", "—", "(", ")", "-", "„", "“", '"'}
# STTS tags that open a subordinate clause: conjunctions, relative and interrogative words.
CLAUSE_OPENERS = {"KOUS", "KOUI", "PRELS", "PRELAT", "PWS", "PWAT", "PWAV"}
FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"}
# Coordinating conjunctions start a new clause when what follows has a finite verb of its own
# ("Hab oft bestellt und werde es wieder tun"); "geprüft und verpackt" stays one clause.
COORDINATORS = {"und", "oder", "aber", "sondern", "denn", "doch", "sowie"}
# Participles the dictionary (Duden) lists as adjectives: after sein they describe a state of mind or
# a quality, not a Zustandspassiv ("Wir waren überrascht"), as UD German annotates them (copula).
LEXICALISED = {
    "begeistert", "überrascht", "enttäuscht", "erstaunt", "gewohnt", "überfordert", "verärgert",
    "interessiert", "verwirrt", "beeindruckt", "entsetzt", "verliebt", "verheiratet", "motiviert", "genervt",
    "angenervt", "gestresst", "verunsichert", "erschrocken", "besorgt", "erfreut", "verwundert", "gelangweilt",
    "aufgeregt", "berechtigt", "verwandt", "bestimmt", "geeignet", "gewillt", "befugt", "gespannt",
    "zufriedengestellt", "verpflichtet", "überzeugt", "bekannt", "beliebt", "gefragt", "angesagt", "gelungen",
    "aufgehoben", "gerechtfertigt", "verschieden", "verrückt", "berühmt", "gesund", "verantwortlich", "geneigt",
}
# Degree words make the participle after them an adjective: "sehr gepflegt", "super ausgestattet".
DEGREE = {"sehr", "so", "zu", "ziemlich", "total", "echt", "super", "äußerst", "besonders", "recht", "etwas",
          "extrem", "wirklich", "richtig", "absolut", "völlig", "sichtlich", "angenehm", "schön", "gut", "bestens"}
# Verbs whose Perfekt takes sein (a participle of theirs after sein is active): matched as the end of the
# participle's lemma, so "ankommen", "zurückgehen", "entstehen" are found through their base.
SEIN_PERFEKT = (
    "gehen", "kommen", "fahren", "fliegen", "laufen", "rennen", "springen", "schwimmen", "reisen", "wandern",
    "bleiben", "werden", "sein", "geschehen", "passieren", "sterben", "wachsen", "steigen", "sinken",
    "fallen", "stehen", "erscheinen", "gelingen", "treten", "ziehen", "folgen", "begegnen", "schwinden",
    "gelangen", "geraten", "scheitern", "wachen", "schlafen", "explodieren", "landen", "stürzen",
    "schmelzen", "platzen", "reifen", "erfolgen", "fliehen", "rücken", "kehren", "weichen", "sprießen",
    "schreiten", "eilen", "driften", "rutschen", "abhauen", "stoßen", "stolpern", "langen",
)
# ... but not these verbs that merely end like one (bekommen, verstehen, gestehen, erziehen: haben).
HABEN_PERFEKT = ("bekommen", "verstehen", "bestehen", "gestehen", "erziehen", "beziehen", "überziehen",
                 "vollziehen", "befolgen", "verfolgen", "besteigen", "überschreiten", "überfallen", "verlangen")


def passive_kind(sent: Span) -> str:
    """``"vorgang"``, ``"zustand"`` or ``""`` for one sentence (the strongest kind any clause has)."""
    kinds = {clause_passive(clause) for clause in clauses(sent)}
    return VORGANG if VORGANG in kinds else ZUSTAND if ZUSTAND in kinds else ""


def clauses(sent: Span) -> list[list[Token]]:
    """The sentence's clauses as token lists (see the module docstring for the rules)."""
    runs: list[list[Token]] = [[]]
    for token in tokens_of(sent):
        if token.text in BOUNDARY_TEXTS or (token.lower_ in COORDINATORS and token.tag_ == "KON"):
            runs.append([])
        elif token.tag_ in CLAUSE_OPENERS and runs[-1]:
            runs.append([token])
        elif not token.is_space:
            runs[-1].append(token)
    merged: list[list[Token]] = []
    for run in runs:
        if not run:
            continue
        opens = run[0].tag_ in CLAUSE_OPENERS
        if merged and not opens and not any(t.tag_ in FINITE_TAGS for t in run):
            merged[-1].extend(run)
        else:
            merged.append(list(run))
    return merged


def clause_passive(tokens: list[Token]) -> str:
    participles = [i for i, t in enumerate(tokens) if _is_participle(t)]
    if not participles:
        return ""
    lemmas = {t.lemma_ for t in tokens if t.pos_ == "AUX"}
    if any(t.lower_ == "worden" for t in tokens):
        return VORGANG
    # "getroffen zu haben", "wird gelesen haben": a perfect infinitive, active
    perfect_infinitive = any(t.lemma_ in {"haben", "sein"} and t.tag_ == "VAINF" for t in tokens)
    if perfect_infinitive:
        return ""
    if "werden" in lemmas:
        return VORGANG
    if "sein" in lemmas and "haben" not in lemmas:
        state = [i for i in participles if not _is_adjectival(tokens, i)]
        if any(not forms_perfect_with_sein(tokens[i].lemma_) for i in state):
            return ZUSTAND
    return ""


def _is_adjectival(tokens: list[Token], i: int) -> bool:
    """A participle used as an adjective: a dictionary adjective or one after a degree word."""
    return tokens[i].lower_ in LEXICALISED or (i > 0 and tokens[i - 1].lower_ in DEGREE)


def _is_participle(token: Token) -> bool:
    return token.tag_ == "VVPP" or (token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm"))


def forms_perfect_with_sein(lemma: str) -> bool:
    """Does this verb form its Perfekt with sein ("ist gekommen")? By the end of its lemma."""
    lemma = lemma.lower()
    return lemma.endswith(SEIN_PERFEKT) and not lemma.endswith(HABEN_PERFEKT)
