"""Training-time code for training/ner_vectors.cfg (``spacy train ... --code training/ner_code.py``).

spaCy's corpus reader gives the model a fresh, untagged copy of each document to predict on. The tagged
NER reads the STTS tag that HanTa sets before it at run time, so this reader copies the tag (written into
the DocBins by ``prepare_ner_data.py --tag``) onto that copy; tokens stay the gold ones (gold_preproc).
"""

from __future__ import annotations

from spacy.training import Corpus
from spacy.util import registry


@registry.readers("mtext.TaggedCorpus.v1")
def tagged_corpus(path, max_length: int = 0):
    corpus = Corpus(path, max_length=max_length, gold_preproc=True)

    def read(nlp):
        for example in corpus(nlp):
            for predicted, reference in zip(example.predicted, example.reference, strict=True):
                predicted.tag_ = reference.tag_
            yield example

    return read


def own_tok2vec(nlp):
    """The NER's own Tok2Vec: the parser model's ``tok2vec`` ref is that layer wrapped in an output projection
    (an array, which spaCy's pretraining objective cannot read)."""
    return nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]


@registry.callbacks("mtext.pretrained_tok2vec.v1")
def pretrained_tok2vec(path: str):
    """[initialize.after_init]: start the NER's own Tok2Vec from the weights ``training/pretrain_tok2vec.py`` wrote."""
    def load(nlp):
        with open(path, "rb") as weights:
            own_tok2vec(nlp).from_bytes(weights.read())
        return nlp

    return load


@registry.callbacks("mtext.name_flags.v1")
def name_flags(path: str):
    """[initialize.before_init]: the place and person-name flags (``marketingtext.nlp.name_lists``) the NER reads, set
    on the training vocabulary as the offline pipeline sets them at run time."""
    from pathlib import Path

    from marketingtext.nlp.name_lists import install_name_flags

    def install(nlp):
        install_name_flags(nlp.vocab, Path(path))
        return nlp

    return install


@registry.architectures("mtext.HashCharEmbed.v1")
def hash_char_embed(width: int, attrs: list, rows: list, include_static_vectors: bool, nM: int, nC: int):
    """MultiHashEmbed's features plus the first and last nC/2 UTF-8 bytes of each word (spaCy's CharacterEmbed
    table, nM wide per byte), mixed back to ``width`` by a Maxout layer: spelling cues for unseen names."""
    from spacy.ml import _character_embed
    from spacy.ml.models.tok2vec import MultiHashEmbed
    from thinc.api import Maxout, chain, concatenate, list2ragged, ragged2list, with_array

    hashes = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=include_static_vectors)
    chars = _character_embed.CharacterEmbed(nM=nM, nC=nC)
    mixed = with_array(Maxout(width, width + nM * nC, nP=3, normalize=True, dropout=0.0))
    return chain(concatenate(chain(hashes, list2ragged()), chain(chars, list2ragged())), mixed, ragged2list())
