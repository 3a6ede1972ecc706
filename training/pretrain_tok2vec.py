"""``spacy pretrain`` of the NER's inline tok2vec (characters objective) on tagged raw German text.

spaCy's ``pretrain`` builds the pipeline from the config without its [initialize] step, so the floret
vectors the tok2vec reads (include_static_vectors) would be missing; this driver loads them right after
the pipeline is created (an [nlp] after_pipeline_creation callback set here, not in the shipped config).
The [pretraining] block of training/ner_vectors.cfg says what is trained (layer ``tok2vec_inner``: the parser
model's own ``tok2vec`` ref is that layer wrapped in a projection); the weights then seed ``spacy train ... --code
training/ner_code.py --initialize.after_init '{"@callbacks": "mtext.pretrained_tok2vec.v1", "path": "OUT/model1.bin"}'``

Usage: PYTHONPATH=src python training/pretrain_tok2vec.py training/ner_vectors.cfg TAGGED.spacy VECTORS OUT \
           [EPOCHS [RESUME]]   (RESUME: go on from OUT/modelRESUME.bin, the weights after that epoch)
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.training.pretrain import pretrain
from spacy.util import load_config, load_model_from_config, registry

INNER = "tok2vec_inner"  # [pretraining] layer in ner_vectors.cfg


@registry.callbacks("mtext.pretraining_setup.v1")
def pretraining_setup(vectors: str):
    """Load the static vectors, and name the NER's own Tok2Vec (ner_code.own_tok2vec) for [pretraining]."""
    def setup(nlp):
        from ner_code import own_tok2vec

        nlp.vocab.vectors = spacy.load(vectors).vocab.vectors
        nlp.get_pipe("ner").model.set_ref(INNER, own_tok2vec(nlp))
        return nlp

    return setup


def main(config_path: Path, tagged: Path, vectors: Path, out: Path, epochs: int, resume: int | None = None) -> None:
    import ner_code  # noqa: F401  (registers the tagged corpus reader)

    config = load_config(config_path, overrides={"pretraining.max_epochs": epochs})
    config = load_model_from_config(config, auto_fill=True).config  # spacy pretrain wants a filled config
    # The raw text's reader lives here, not in the config: spacy train resolves every corpus it names.
    config["corpora"]["pretrain"] = {"@readers": "spacy.Corpus.v1", "path": str(tagged), "max_length": 0,
                                     "gold_preproc": True}
    config["nlp"]["after_pipeline_creation"] = {"@callbacks": "mtext.pretraining_setup.v1", "vectors": str(vectors)}
    config = config.interpolate()
    out.mkdir(parents=True, exist_ok=True)
    resume_path = out / f"model{resume}.bin" if resume is not None else None  # go on after epoch ``resume``
    pretrain(config, out, resume_path=resume_path, epoch_resume=None if resume is None else resume + 1, silent=False)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    args = sys.argv[1:]
    main(Path(args[0]), Path(args[1]), Path(args[2]), Path(args[3]), int(args[4]) if len(args) > 4 else 4,
         int(args[5]) if len(args) > 5 else None)
