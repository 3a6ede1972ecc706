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
