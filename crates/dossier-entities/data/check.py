#!/usr/bin/env python3
"""Format check of the gazetteer TSV files in this folder (python3 stdlib only).

Checks: header line, UTF-8, LF line ends, exactly 6 tab-separated columns, known label/type,
country empty or a 2-letter upper-case code, source key defined in SOURCES.md, no empty
canonical, no duplicate (label, canonical) across all files, no alias equal to its canonical,
no duplicate alias within a row, no '|' or stray whitespace in names, and no surface form
(canonical or alias) used by two entries of different labels unless one of them is in
ambiguous.tsv (intentionally ambiguous) or the pair is listed in ALLOWED_CROSS_LABEL.
Also prints row counts per file and type. Exit status 1 on any error.
Usage: python3 check.py
"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "label\tcanonical\taliases\ttype\tcountry\tsource"
FILES = ["countries.tsv", "cities.tsv", "admin_regions.tsv", "regions.tsv", "demonyms.tsv",
         "organizations.tsv", "armed_groups.tsv", "media.tsv", "ambiguous.tsv"]
LABELS = {"GPE", "LOC", "ORG", "NORP"}
TYPES = {"country", "former_state", "capital", "city", "admin_region", "region", "continent", "water",
         "mountain", "desert", "island", "demonym", "intergovernmental", "armed_group",
         "news_media", "government_body", "political_party", "company", "other"}
# Surface forms knowingly shared by entries of different labels (the extractor decides by
# context). Keep this list short and explain each.
ALLOWED_CROSS_LABEL = {
}


def source_keys():
    keys = set()
    with open(os.path.join(HERE, "SOURCES.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^##+\s+`([^`]+)`", line)
            if m:
                keys.add(m.group(1))
    return keys


def main():
    errors = []
    keys = source_keys()
    seen = {}
    surface = collections.defaultdict(set)  # form -> {(label, canonical, file)}
    counts = collections.Counter()
    for fn in FILES:
        path = os.path.join(HERE, fn)
        raw = open(path, "rb").read()
        if b"\r" in raw:
            errors.append("%s: CR characters (must be LF)" % fn)
        text = raw.decode("utf-8")
        lines = text.split("\n")
        if lines[0] != HEADER:
            errors.append("%s: bad header %r" % (fn, lines[0]))
        if not text.endswith("\n"):
            errors.append("%s: no final newline" % fn)
        for i, line in enumerate(lines[1:], start=2):
            if not line or line.startswith("#"):
                continue
            where = "%s:%d" % (fn, i)
            cols = line.split("\t")
            if len(cols) != 6:
                errors.append("%s: %d columns" % (where, len(cols)))
                continue
            label, canon, aliases, typ, cc, src = cols
            if label not in LABELS:
                errors.append("%s: unknown label %r" % (where, label))
            if typ not in TYPES:
                errors.append("%s: unknown type %r" % (where, typ))
            if cc and not re.fullmatch(r"[A-Z]{2}", cc):
                errors.append("%s: bad country %r" % (where, cc))
            if src not in keys:
                errors.append("%s: source %r not defined in SOURCES.md" % (where, src))
            if not canon or canon != canon.strip() or "|" in canon:
                errors.append("%s: bad canonical %r" % (where, canon))
            k = (label, canon)
            if k in seen:
                errors.append("%s: duplicate (label, canonical) %r, first at %s" % (where, k, seen[k]))
            seen[k] = where
            al = aliases.split("|") if aliases else []
            if len(set(al)) != len(al):
                errors.append("%s: duplicate alias in %r" % (where, aliases))
            for a in al:
                if not a or a != a.strip():
                    errors.append("%s: empty or padded alias in %r" % (where, aliases))
                if a == canon:
                    errors.append("%s: alias equals canonical %r" % (where, a))
            for form in [canon] + al:
                surface[form].add((label, canon, fn))
            counts[(fn, typ)] += 1
    for form, ents in sorted(surface.items()):
        labels = {l for l, _, f in ents if f != "ambiguous.tsv"}
        if len(labels) > 1 and form not in ALLOWED_CROSS_LABEL:
            errors.append("surface form %r shared across labels: %s" % (
                form, "; ".join("%s %s (%s)" % e for e in sorted(ents))))
    total = 0
    for fn in FILES:
        n = sum(v for (f, _), v in counts.items() if f == fn)
        total += n
        per = ", ".join("%s %d" % (t, v) for (f, t), v in sorted(counts.items()) if f == fn)
        print("%-18s %5d  (%s)" % (fn, n, per))
    print("%-18s %5d" % ("total", total))
    same_label = sum(1 for ents in surface.values() if len({(l, c) for l, c, _ in ents}) > 1)
    print("surface forms shared by several entries of the same label: %d" % same_label)
    for e in errors:
        print("ERROR:", e)
    print("%d errors" % len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
