"""HanTa's German tagger, computing the same numbers faster: its algorithms with the repeated work taken out.

HanTa (Hannover Tagger) analyses every word with a Viterbi search over its morphemes: every segment of the word
is scored under every morpheme tag a state may move to (``lp_m_t``, a Python call each, 21 million calls for
60,000 tokens), and a sentence is tagged by a second Viterbi over the words. ``FastHanoverTagger`` keeps HanTa's
model, its search order and its arithmetic (the same additions in the same order, so the same floats, ties
broken the same way) and changes only how often things are computed:

* a segment's scores under all tags are computed once per word, not once per state and tag, and tags that
  cannot take the segment (most closed classes) are never visited;
* a word's tag probabilities in context (``_tag_word``), its forward analysis and its lemma under a tag are
  remembered for the first ``size`` distinct words of each (HanTa recomputes them for every token), and those of
  frequent words are looked up in a lexicon of its own answers where one is given (hanta_lexicon);
* the sentence Viterbi visits only the few tags a word can have instead of all 56 transitions of each state
  (every state of the German model lists its transitions in one order; where a model does not, HanTa's own
  loop runs).

``tests/test_hanta_fast.py`` compares it with HanTa's own ``HanoverTagger`` on real sentences.

One job: HanTa's own answers (tags, lemmas, probabilities), sooner; mtext's corrections live in hanta_tagger.
"""

from __future__ import annotations

import math
import struct
from operator import itemgetter

from HanTa.HanoverTagger import EMPTY, END, END_UNKNOWN, START, UNKNOWN, HanoverTagger
from numpy import logaddexp

LOWER_BOUND = -1e6  # HanTa's: paths below it are dropped
WHOLE_WORD_PENALTY = 4.6  # HanTa's: one unknown morpheme spanning the whole word
_PAIR = struct.Struct("<qd")


def _pack(pairs) -> bytes:
    # (tag, log-probability) pairs as bytes: a third of the memory of a list of tuples
    return b"".join(_PAIR.pack(tag, p) for tag, p in pairs)


def _unpack(packed: bytes) -> list[tuple[int, float]]:
    return list(_PAIR.iter_unpack(packed))


class FastHanoverTagger(HanoverTagger):
    """HanTa's ``HanoverTagger`` with the same results, computed with less repeated work (see the module)."""

    def __init__(self, filename: str, size: int, lexicon=None):
        super().__init__(filename)
        self.size = size
        self.lexicon = lexicon  # hanta_lexicon: the same answers for frequent words, looked up (None: searched)
        # morpheme -> ((tag, log p(morpheme | tag)), ...): all tags that know a segment in one look-up
        # (tuples: 40,000 dicts would be walked by every full garbage collection of the process)
        known: dict[str, list[tuple[int, float]]] = {}
        for tag, morphemes in self.LP_m_t.items():
            for morpheme, lp in morphemes.items():
                known.setdefault(morpheme, []).append((tag, lp))
        self._known = {morpheme: tuple(tags) for morpheme, tags in known.items()}
        self._longest_after: dict[str, int] = {}  # the first three letters of a morpheme -> the longest such
        for morpheme in self._known:
            if len(morpheme) >= 3:
                start = morpheme[:3]
                self._longest_after[start] = max(self._longest_after.get(start, 0), len(morpheme))
        # open classes: an unknown segment gets a guessed score (lp_m_t's non-strict branch): intercept + hapax
        # + length (the same for every segment of one length, added in HanTa's order) + its ending's score
        self._open_base = {tag: [self.Int_t + self.LP_hapax_t[tag] + lp_len for lp_len in self.LP_len_t[tag]]
                           for tag in self.LP_m_t if tag in self.LP_hapax_t and tag in self.LP_s_t}
        self._open_index = {tag: k for k, tag in enumerate(self._open_base)}
        self._suffixes: dict[str, tuple[float, ...]] = {}  # a segment's ending -> its suffix score per open class
        orders = {tuple(followers) for followers in self.LP_trans_word.values()}
        self._word_tag_order = {tag: rank for rank, tag in enumerate(next(iter(orders)))} if len(orders) == 1 \
            else None
        self.word_tags: dict[str, bytes] = {}  # "I\0word" or "M\0word" -> its tags in context (see _word_tags)
        self.forward: dict[str, bytes] = {}  # lower-cased word -> analyze_forward(word)
        self.lemmas: dict[str, str] = {}  # "word\0tag" -> "lemma\0tag"
        self.memos = (self.word_tags, self.forward, self.lemmas, self._suffixes)

    # -- per word -------------------------------------------------------------------------------------------
    def _known_ends(self, word: str, i: int) -> dict[int, list[tuple[int, float]]]:
        """Per tag, every ``(j, log p(word[i:j] | tag))`` for the segments from i that the tag knows, j ascending."""
        ends: dict[int, list[tuple[int, float]]] = {}
        morphemes = self._known
        longest = max(2, self._longest_after.get(word[i:i + 3], 0))  # no longer morpheme begins so
        for j in range(i + 1, min(len(word), i + longest) + 1):
            tags = morphemes.get(word[i:j])
            if tags is not None:
                for tag, lp in tags:
                    if tag in ends:
                        ends[tag].append((j, lp))
                    else:
                        ends[tag] = [(j, lp)]
        return ends

    def _guessed_ends(self, word: str, i: int, tag: int, known: list[tuple[int, float]],
                      endings: list[tuple[float, ...] | None]) -> list[tuple[int, float]]:
        """Every ``(j, lp_m_t(word[i:j], tag, len(word), strict=False))`` of an open class that is not minus
        infinity, j ascending: the known segments' scores, the others guessed from length and ending.
        ``endings[j]``: the suffix scores of ``word[j - 4:j]``, the ending of every segment longer than four."""
        wlen = len(word)
        base, index = self._open_base[tag], self._open_index[tag]
        known_lp = dict(known) if known else None
        memo = self._suffixes
        ends = []
        for j in range(i + 1 if wlen < 4 else i + 3, wlen + 1):  # lp_m_t guesses for wlen < 4 or mlen > 2
            lp = known_lp.get(j) if known_lp else None
            if lp is None:
                mlen = j - i
                if mlen > 4:
                    suffix = endings[j]
                    if suffix is None:
                        suffix = endings[j] = self._suffix_scores(word[j - 4:j])
                else:
                    ending = word[i + 1:j]
                    suffix = memo.get(ending) or self._suffix_scores(ending)
                lp = base[mlen if mlen < 24 else 24] + suffix[index]
                if wlen == mlen:
                    lp -= WHOLE_WORD_PENALTY
                if lp == -math.inf:
                    continue
            ends.append((j, lp))
        if wlen >= 4 and known:  # the short segments it does not guess, only knows
            ends[:0] = [(j, lp) for j, lp in known if j < i + 3]
        return ends

    def _suffix_scores(self, ending: str) -> tuple[float, ...]:
        """lp_m_t's suffix term for each open class (in ``_open_index``'s order), for a segment whose last (up to
        four) letters after its first are ``ending``: the score of its longest ending the class knows."""
        scores = self._suffixes.get(ending)
        if scores is None:
            found = []
            for tag in self._open_base:
                suffixes = self.LP_s_t[tag]
                cut = next((cut for cut in range(len(ending), 0, -1) if ending[-cut:] in suffixes), 0)
                found.append(suffixes[ending[-cut:]] if cut else suffixes[""])
            scores = tuple(found)
            if len(self._suffixes) < self.size:
                self._suffixes[ending] = scores
        return scores

    def analyze_forward(self, word):
        """HanTa's ``analyze_forward``, remembered: the log-probability of each part of speech of a word."""
        packed = self.forward.get(word)
        if packed is not None:
            return _unpack(packed)
        result = self.lexicon.forward(word) if self.lexicon is not None else None
        if result is not None:
            return result
        result = self._analyze_forward(word)
        if len(self.forward) < self.size:
            self.forward[word] = _pack(result)
        return result

    def _analyze_forward(self, word):
        # HanTa's loops are state, end j, tag; here state, tag, end j: each cell table[j] still sees its
        # updates in HanTa's order (states in the row's order, tags in the transition's order)
        wlen = len(word)
        table = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
        guessing = not self.strict
        known_at: dict[int, dict[int, list[tuple[int, float]]]] = {}
        guessed: dict[tuple[int, int], list[tuple[int, float]]] = {}
        endings: list[tuple[float, ...] | None] = [None] * (wlen + 1)
        nonfinal, open_classes, lower_bound = self.LP_trans_nonfinal, self._open_base, LOWER_BOUND
        for i in range(wlen + 1):
            row = table[i]
            rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else lower_bound
            known = known_at.get(i)
            for state, lp in row.items():
                if lp < rowbound:
                    continue
                previous = state[1]
                for tag1, lpt in nonfinal.get(state, ()):
                    if known is None:
                        known = known_at[i] = self._known_ends(word, i)
                    if guessing and tag1 in open_classes:
                        ends = guessed.get((i, tag1))
                        if ends is None:
                            ends = guessed[i, tag1] = self._guessed_ends(word, i, tag1, known.get(tag1), endings)
                    else:
                        ends = known.get(tag1)
                        if ends is None:
                            continue
                    newstate = (previous, tag1)
                    lp_state = lp + lpt
                    for j, lp_m in ends:
                        lp1 = lp_state + lp_m
                        # above the bound, so above minus infinity: a new state is set as in HanTa
                        if lp1 > lower_bound and lp1 > table[j].get(newstate, -math.inf):
                            table[j][newstate] = lp1
        last = table[-1]
        for state, lp in table[-2].items():
            for tag1, lpt in self.LP_trans_final.get(state, []):
                lp1 = lp + lpt
                if lp1 > LOWER_BOUND:
                    newstate = (state[1], tag1)
                    if newstate not in last or lp1 > last[newstate]:
                        last[newstate] = lp1
        results = {}
        for state, lp in last.items():
            if lp == -math.inf:
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], lp) if pos in results else lp
        result_list = sorted(results.items(), key=itemgetter(1), reverse=True)
        return result_list or [(UNKNOWN, 0)]

    def analyze_viterbi(self, word, targetpos):
        """HanTa's ``analyze_viterbi``: the most likely morphemes of a word of a known part of speech."""
        wlen = len(word)
        reachable_t = self.reachability.get(targetpos, frozenset())
        nonfinal, open_classes, lower_bound = self.LP_trans_nonfinal, self._open_base, LOWER_BOUND
        known_at: dict[int, dict[int, list[tuple[int, float]]]] = {}  # the same in both tries
        guessed: dict[tuple[int, int], list[tuple[int, float]]] = {}  # read in the second, non-strict try
        endings: list[tuple[float, ...] | None] = [None] * (wlen + 1)
        for localstrict in (True, False):
            table = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
            backpointer = [{} for _ in range(wlen + 2)]
            for i in range(wlen + 1):
                row = table[i]
                rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else lower_bound
                known = known_at.get(i)
                for state, lp in row.items():
                    if lp < rowbound:
                        continue
                    previous = state[1]
                    for tag1, lpt in nonfinal.get(state, ()):
                        if tag1 not in reachable_t:
                            continue
                        if known is None:
                            known = known_at[i] = self._known_ends(word, i)
                        if not localstrict and tag1 in open_classes:
                            ends = guessed.get((i, tag1))
                            if ends is None:
                                ends = guessed[i, tag1] = self._guessed_ends(word, i, tag1, known.get(tag1), endings)
                        else:
                            ends = known.get(tag1)
                            if ends is None:
                                continue
                        newstate = (previous, tag1)
                        lp_state = lp + lpt
                        pointer = (state, i)
                        for j, lp_m in ends:
                            lp1 = lp_state + lp_m
                            if lp1 > lower_bound and lp1 > table[j].get(newstate, -math.inf):
                                table[j][newstate] = lp1
                                backpointer[j][newstate] = pointer
            for state, lp in table[-2].items():
                for tag1, lpt in self.LP_trans_final.get(state, []):
                    if tag1 == targetpos:
                        lp1 = lp + lpt
                        if lp1 > LOWER_BOUND:
                            newstate = (state[1], tag1)
                            if newstate not in table[-1] or lp1 > table[-1][newstate]:
                                table[-1][newstate] = lp1
                                backpointer[-1][newstate] = (state, wlen)
                        break
            if table[-1]:
                break  # only an empty last row needs the second try, with unknown morphemes
        pmax = -math.inf
        beststate = (EMPTY, EMPTY)
        for state, lp in table[-1].items():
            if lp > pmax:
                pmax, beststate = lp, state
        i = len(backpointer) - 1
        if beststate == (EMPTY, EMPTY):
            states = [((UNKNOWN, END_UNKNOWN), i), ((START, UNKNOWN), i - 1)]
        else:
            states = [(beststate, i)]
            state = beststate
            while i > 0:
                state, i = backpointer[i][state]
                states.append((state, i))
            states = states[:-1]
        return [(state[1], i) for (state, i) in states[::-1]]

    def _analyze(self, word, pos, taglevel=1):
        """HanTa's ``_analyze`` (lemma and tag of a word under a part of speech), remembered at taglevel 1."""
        if taglevel != 1:
            return super()._analyze(word, pos, taglevel)
        key = f"{word}\0{pos}"
        packed = self.lemmas.get(key)
        if packed is not None:
            lemma, _, tag = packed.rpartition("\0")  # STTS tags never hold a NUL; a lemma might
            return lemma, tag
        found = self.lexicon.lemma(word, pos) if self.lexicon is not None else None
        lemma, tag = found if found is not None else super()._analyze(word, pos, taglevel)
        if len(self.lemmas) < self.size:
            self.lemmas[key] = f"{lemma}\0{tag}"
        return lemma, tag

    # -- per sentence ---------------------------------------------------------------------------------------
    def _word_tags(self, word: str, casesensitive: bool) -> tuple[bool, list[tuple[int, float]]]:
        """``_tag_word(word, cutoff=5, casesensitive, conditional=True)`` as the sentence Viterbi reads it,
        remembered: whether the word is unknown (then it may take any tag), and its tags in the order the
        Viterbi visits them (the transitions' order), those without a transition left out."""
        key = f"{'M' if casesensitive else 'I'}\0{word}"
        packed = self.word_tags.get(key)
        if packed is not None:
            return packed[0] == 1, _unpack(packed[1:])
        probabilities = dict(self._tag_word(word, cutoff=5, casesensitive=casesensitive, conditional=True))
        unknown = not probabilities or (len(probabilities) == 1 and UNKNOWN in probabilities)
        order = self._word_tag_order
        tags = [] if unknown else sorted(((tag, p) for tag, p in probabilities.items() if tag in order and
                                          tag != END), key=lambda pair: order[pair[0]])
        if len(self.word_tags) < self.size:
            self.word_tags[key] = bytes((unknown,)) + _pack(tags)
        return unknown, tags

    def tag_sent_viterbi(self, sent, casesensitive=True):
        """HanTa's sentence Viterbi: the most likely tag of every word in context."""
        if self._word_tag_order is None:
            return super().tag_sent_viterbi(sent, casesensitive)
        table = []
        backpointer = []
        trans = self.LP_trans_word
        for i, w in enumerate(sent):
            # HanTa's own: the first word is case-insensitive, the others as asked
            unknown, tags = self._word_tags(w, casesensitive=i > 0 and casesensitive)
            row = {}
            pointers = {}
            backpointer.append(pointers)
            prevrow = {(EMPTY, START): 0.0} if i == 0 else table[i - 1]
            rowbound = sorted(prevrow.values(), reverse=True)[5] - 1 if len(prevrow) > 5 else LOWER_BOUND
            for state, lp0 in prevrow.items():
                if lp0 < rowbound:
                    continue
                lp_t = trans[state]
                previous = state[1]
                # an unknown word may be anything (probability 0 added); a known one, its few tags
                for c, lpwc in ([(c, 0) for c in lp_t if c != END] if unknown else tags):
                    lp = lp0 + lp_t[c] + lpwc
                    if lp > LOWER_BOUND and lp > row.get((previous, c), -math.inf):
                        row[previous, c] = lp
                        pointers[previous, c] = state
            table.append(row)
        finalstate = (END, EMPTY)
        row = {}
        pointers = {}
        backpointer.append(pointers)
        for state, lp0 in table[-1].items():
            lp = lp0 + trans[state].get(END, -math.inf)
            if lp > row.get(finalstate, -math.inf):
                row[finalstate] = lp
                pointers[finalstate] = state
        table.append(row)
        tags = []
        state = finalstate
        for i in range(len(backpointer) - 1, 0, -1):
            state = backpointer[i][state]
            tags.append(state[1])
        return tags[::-1]
