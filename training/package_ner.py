"""Copy a trained NER pipeline into the package and record its data, licence and dev scores."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

DATA = [
    {"name": "GermEval 2014 NER (dev split, 90 %)", "licence": "CC BY 4.0"},
    {"name": "German Legal Entity Recognition (dev+test, entity sentences)", "licence": "CC BY 4.0"},
    {"name": "Europeana Newspapers NER (German lft+onb)", "licence": "CC0 1.0"},
]


def main(trained: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(trained, target)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update({
        "name": "mtext_ner_de", "version": "0.1.0", "license": "CC BY 4.0 (trained on the data below)",
        "description": "PER/LOC/ORG/MISC NER for mtext's offline German pipeline; "
                       "dev = every 10th GermEval 2014 dev sentence (held out).",
        "sources": DATA,
    })
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    scores = meta.get("performance", {})
    print(f"packaged {target}: ents_f {scores.get('ents_f')}, ents_p {scores.get('ents_p')}, "
          f"ents_r {scores.get('ents_r')}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
