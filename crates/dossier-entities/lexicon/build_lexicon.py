#!/usr/bin/env python3
"""Rebuilds lowercase.txt: the lower-case words of the NER corpora in /work/shared/ner.

Sources (CC BY / CC BY-SA, see /work/shared/ner/README.md and each folder's README):
the train (and test) splits of gum, wikigold, uner_en_ewt_dev, meantime, re3d (names-only
view); no dev split, so `eval-ner` with a model trained without the dev splits stays held
out. Social-media text (wnut17) and gum_extra (licence stated only on a website) are left
out.
Usage: python3 build_lexicon.py [NER_DIR]
"""
import collections
import os
import re
import sys

NER = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/ner"
SRCS = ["gum/train.iob2", "gum/test.iob2", "wikigold/train.iob2",
        "uner_en_ewt_dev/train.iob2", "meantime/train.iob2", "re3d/train.iob2"]
counts = collections.Counter()
for s in SRCS:
    for line in open(os.path.join(NER, s), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 2 or parts[1] != "O":
            continue
        if re.fullmatch(r"[a-z]+(?:[-'][a-z]+)*", parts[0]):
            counts[parts[0]] += 1
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "lowercase.txt"), "w", encoding="utf-8") as f:
    f.write("# Lower-case words (tagged O) of the CC BY / CC BY-SA NER corpora in /work/shared/ner:\n")
    f.write("# train (and test) splits of gum, wikigold, uner_en_ewt_dev, meantime, re3d (names-only view).\n")
    f.write("# Attribution: GUM (Zeldes 2017), WikiGold (Balasuriya et al. 2009), Universal NER\n")
    f.write("# (EWT), MEANTIME (Minard et al. 2016), re3d (Dstl). Built by build_lexicon.py.\n")
    f.write("# Used to tell a capitalised common word (sentence-initial \"Despite\") from a name.\n")
    for w in sorted(counts):
        f.write(w + "\n")
print(len(counts))
