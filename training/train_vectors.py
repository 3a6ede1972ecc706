"""floret vectors for the NER from training/raw_text.py's output, in spaCy's floret format.

floret stores a vector per hashed subword (3-5 characters) and word, in ``BUCKET`` rows: every word,
also one never seen, gets a vector from its pieces. 20,000 rows x 64 dimensions keep the shipped
NER small (5 MB of vectors). One thread, fixed seed-free settings (floret's own).

Usage: python training/train_vectors.py RAW.txt OUT_DIR   (writes OUT_DIR/vectors.floret; then
       python -m spacy init vectors de OUT_DIR/vectors.floret OUT_DIR/spacy --mode floret)
"""

from __future__ import annotations

import sys
from pathlib import Path

BUCKET, DIM, MINN, MAXN, HASH_COUNT = 20_000, 64, 3, 5, 2


def main(raw: Path, out_dir: Path) -> None:
    import floret

    out_dir.mkdir(parents=True, exist_ok=True)
    model = floret.train_unsupervised(str(raw), model="cbow", mode="floret", hashCount=HASH_COUNT, bucket=BUCKET,
                                      minn=MINN, maxn=MAXN, dim=DIM, minCount=3, epoch=10, thread=1)
    model.save_floret_vectors(str(out_dir / "vectors.floret"))
    print(f"{len(model.words)} words, {BUCKET} x {DIM} vectors in {out_dir / 'vectors.floret'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
