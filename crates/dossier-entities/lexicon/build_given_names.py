#!/usr/bin/env python3
"""Rebuilds given_names.txt: first words of multi-word PER names in the NER corpora.

Sources (CC BY / CC BY-SA, see /work/shared/ner/README.md): the train splits only of gum,
wikigold, uner_en_ewt_dev, meantime and re3d. No dev or test split goes in (the dev splits
are what the crate is evaluated on). A word is kept when it starts at least one
two-or-more-word PER name and is never tagged O in lower case form more often than it
starts a name.
Usage: python3 build_given_names.py [NER_DIR]
"""
import collections
import os
import re
import sys

NER = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/ner"
SRCS = ["gum/train.iob2", "wikigold/train.iob2", "uner_en_ewt_dev/train.iob2",
        "meantime/train.iob2", "re3d/train.iob2"]
first = collections.Counter()
other = collections.Counter()
for s in SRCS:
    rows = []
    for line in open(os.path.join(NER, s), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        rows.append(parts if len(parts) == 2 else None)
    for i, r in enumerate(rows):
        if r is None:
            continue
        tok, tag = r
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if tag == "B-PER" and nxt is not None and nxt[1] == "I-PER":
            if re.fullmatch(r"[A-Z][a-z\u00c0-\u024f]+", tok):
                first[tok] += 1
        elif tag == "O" and re.fullmatch(r"[A-Z][a-z]+", tok):
            other[tok] += 1
names = sorted(w for w, n in first.items() if other[w] <= n)
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "given_names.txt"), "w", encoding="utf-8") as f:
    f.write("# First words of multi-word person names in the CC BY / CC BY-SA NER corpora in\n")
    f.write("# /work/shared/ner (gum train, wikigold train, uner_en_ewt_dev train, meantime\n")
    f.write("# train, re3d train). Built by build_given_names.py.\n")
    for w in names:
        f.write(w + "\n")
print(len(names))
