"""The fast HanTa path gives HanTa's own answers: the same tags, lemmas and probabilities on the essays.

``FastHanoverTagger`` reimplements HanTa's two Viterbi searches and ``mtext_hanta`` writes its annotations in
bulk; both are compared here with the straightforward path (HanTa's own ``HanoverTagger``, tokens set one by
one) on every sentence of the five essays in data/raw, so any change of a tag, lemma or probability fails.
"""

from __future__ import annotations

import pytest

from .conftest import RAW


def untagged_essays(nlp):
    """The essays tokenised and split into sentences by the offline pipeline (no tagging yet), fresh Docs."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]
    with nlp.select_pipes(enable=["mtext_sentences"]):
        return list(nlp.pipe(texts))


@pytest.fixture(scope="module")
def essay_docs(nlp):
    return untagged_essays(nlp)


@pytest.fixture(scope="module")
def essay_sentences(essay_docs):
    """Every sentence of the essays as the words mtext_hanta gives HanTa."""
    from marketingtext.nlp.hanta_tagger import HantaTagger

    sentences = [[HantaTagger._tagger_form(t.text) for t in sent if not t.is_space]
                 for doc in essay_docs for sent in doc.sents]
    return [words for words in sentences if words]


@pytest.fixture(scope="module")
def hanta():
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def test_fast_tagger_tags_and_lemmatises_every_essay_sentence_as_hanta_does(essay_sentences, hanta):
    from marketingtext.nlp.hanta_fast import FastHanoverTagger

    fast = FastHanoverTagger("morphmodel_ger.pgz", size=100_000)
    assert len(essay_sentences) > 300
    for words in essay_sentences:
        assert fast.tag_sent(words, taglevel=1) == hanta.tag_sent(words, taglevel=1), words


def test_fast_english_tagger_answers_as_hantas_own_on_the_essays_capitalised_words(essay_sentences):
    """false_friends asks HanTa's English model about loanwords and names (``tag_word``) through the fast path."""
    from HanTa import HanoverTagger

    from marketingtext.nlp.hanta_tagger import load_english_hanta

    english = HanoverTagger.HanoverTagger("morphmodel_en.pgz")
    words = sorted({word for words in essay_sentences for word in words if word[:1].isupper()})
    assert len(words) > 500
    for word in words:
        assert load_english_hanta().tag_word(word) == english.tag_word(word), word


def test_fast_word_analyses_have_hantas_probabilities_and_morphemes(essay_sentences, hanta):
    from marketingtext.nlp.hanta_fast import FastHanoverTagger

    fast = FastHanoverTagger("morphmodel_ger.pgz", size=100_000)
    words = sorted({word.lower() for words in essay_sentences for word in words})
    assert len(words) > 2000
    for word in words:
        forward = hanta.analyze_forward(word)
        assert fast.analyze_forward(word) == forward, word  # the same floats, in the same order
        assert fast.analyze_viterbi(word, -forward[0][0]) == hanta.analyze_viterbi(word, -forward[0][0]), word


def test_the_shipped_lexicon_answers_as_hanta_and_spares_most_searches(essay_sentences, hanta):
    """hanta_lexicon: the tags and lemmas of frequent words are looked up, and they are HanTa's own."""
    from marketingtext.nlp.hanta_fast import FastHanoverTagger
    from marketingtext.nlp.hanta_lexicon import load_lexicon

    lexicon = load_lexicon("morphmodel_ger.pgz")
    assert lexicon is not None and lexicon.meta["words"] >= 100_000  # shipped, and built for the installed HanTa
    searched, looked_up = (FastHanoverTagger("morphmodel_ger.pgz", 100_000, lex) for lex in (None, lexicon))
    for words in essay_sentences:
        assert looked_up.tag_sent(words, taglevel=1) == hanta.tag_sent(words, taglevel=1), words
        searched.tag_sent(words, taglevel=1)
    # the forward memo holds only the words the lexicon lacks: under half of those searched without it
    assert len(looked_up.forward) < 0.5 * len(searched.forward) and len(searched.forward) > 500


def test_a_lexicon_built_for_another_hanta_model_is_not_used(tmp_path):
    import json

    import marisa_trie

    from marketingtext.nlp.hanta_lexicon import META_KEY, forward_key, load_lexicon, model_identity, pack_forward

    for name, meta in (("same", model_identity("morphmodel_ger.pgz")),
                       ("other", {**model_identity("morphmodel_ger.pgz"), "model_bytes": 1}), ("none", None)):
        entries = [(forward_key("haus"), pack_forward([(-3, -1.5)]))]
        entries += [(META_KEY, json.dumps(meta).encode())] if meta else []
        marisa_trie.BytesTrie(entries).save(str(tmp_path / name))
        lexicon = load_lexicon("morphmodel_ger.pgz", tmp_path / name)
        assert (lexicon.forward("haus") if lexicon else None) == ([(-3, -1.5)] if name == "same" else None), name


def test_memos_answer_as_the_first_computation_and_stay_bounded(essay_sentences):
    from marketingtext.nlp.hanta_fast import FastHanoverTagger

    fast = FastHanoverTagger("morphmodel_ger.pgz", size=50)
    first = [fast.tag_sent(words) for words in essay_sentences[:40]]
    assert [fast.tag_sent(words) for words in essay_sentences[:40]] == first  # now partly from the memos
    assert all(len(memo) == 50 for memo in fast.memos)


def _reference_annotations(doc, hanta) -> list[tuple[str, str, str, str]]:
    """What mtext_hanta wrote before its bulk path: HanTa's own tag_sent per sentence, then each token's
    attributes set one by one (tag_, pos_, lemma_, set_morph), then the name rules."""
    from marketingtext.nlp.hanta_tagger import HantaTagger, name_lemmas, name_lists, stts

    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        analyses = hanta.tag_sent([HantaTagger._tagger_form(t.text) for t in words], taglevel=1)
        for position, (token, (_, lemma, tag)) in enumerate(zip(words, analyses, strict=True)):
            token.tag_, token.pos_, token.lemma_, morph = HantaTagger._annotate(token.text, lemma, stts(tag),
                                                                                position == 0)
            if morph:
                token.set_morph(morph)
    for token in doc:
        if token.is_space:
            token.pos_, token.tag_, token.lemma_ = "SPACE", "_SP", token.text
    columns = [[t.text for t in doc], [t.tag_ for t in doc], [t.pos_ for t in doc], [t.lemma_ for t in doc]]
    name_lemmas(*columns, [t.i for t in doc if not t.is_space], name_lists(doc.vocab))
    return [(tag, pos, lemma, str(token.morph)) for token, tag, pos, lemma in zip(doc, *columns[1:], strict=True)]


def test_mtext_hanta_writes_what_hanta_and_per_token_setters_give(nlp, hanta):
    from marketingtext.nlp.hanta_tagger import HantaTagger

    component = HantaTagger(memo_size=100_000)
    for fast, reference in zip(untagged_essays(nlp), untagged_essays(nlp), strict=True):
        component(fast)
        assert [(t.tag_, t.pos_, t.lemma_, str(t.morph)) for t in fast] == _reference_annotations(reference, hanta)
        assert sum(t.pos_ == "VERB" and t.morph.get("VerbForm") != [] for t in fast) > 20
