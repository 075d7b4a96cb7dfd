//! The data dictionary (`README.md` of the dataset), written from the table list.

use std::fmt::Write;

use crate::rows::{Column, JSONL_FIELDS, TABLES, Table};
use crate::writer::JSONL_FILE;

/// Renders the data dictionary. Deterministic: no dates, no absolute paths.
pub(crate) fn render(options: &crate::Options, counts: &[u64; TABLES.len()]) -> String {
    let mut s = String::new();
    let docs = counts[Table::Documents as usize];
    let corpus = if options.corpus.is_empty() {
        "(unnamed)"
    } else {
        &options.corpus
    };
    let version = if options.tool_version.is_empty() {
        "(unknown version)"
    } else {
        &options.tool_version
    };
    s.push_str("# Dossier dataset\n\n");
    let _ = writeln!(
        s,
        "Built by Dossier {version} from the corpus `{corpus}`: news articles cleaned of web \
         boilerplate and annotated with entity mentions, temporal expressions and quotations.\n"
    );

    s.push_str("## Files\n\n| file | one row per | rows |\n|---|---|---:|\n");
    for (spec, n) in TABLES.iter().zip(counts) {
        let _ = writeln!(s, "| `{}` | {} | {n} |", spec.file, spec.row);
    }
    let _ = writeln!(
        s,
        "| `{JSONL_FILE}` | document, with its mentions, dates and quotes nested (JSON Lines) | {docs} |"
    );
    s.push_str("| `README.md` | this data dictionary | |\n\n");

    s.push_str(CONVENTIONS);

    for spec in &TABLES {
        let _ = writeln!(s, "## {}\n", spec.file);
        let _ = writeln!(
            s,
            "One row per {}. Sorted by {}.\n",
            spec.row, spec.sorted_by
        );
        columns(&mut s, "column", spec.columns);
    }
    let _ = writeln!(s, "## {JSONL_FILE}\n");
    s.push_str(
        "One JSON object per line, one line per document, sorted by id. Absent values are \
         `null`; offsets are code points, as in the CSV tables.\n\n",
    );
    columns(&mut s, "field", JSONL_FIELDS);
    s
}

fn columns(s: &mut String, what: &str, columns: &[Column]) {
    let _ = writeln!(s, "| {what} | type | meaning |\n|---|---|---|");
    for c in columns {
        let cell = |text: &str| text.replace('|', "\\|");
        let _ = writeln!(s, "| `{}` | {} | {} |", c.name, cell(c.ty), cell(c.meaning));
    }
    s.push('\n');
}

const CONVENTIONS: &str = "\
## Conventions

- **Format.** CSV files follow RFC 4180: UTF-8 without byte-order mark, comma-separated, \
a header row always (even when the table is empty), `\\n` line ends, fields quoted with `\"` \
when they hold a comma, a quote or a line break. An empty field means the value is absent.
- **Offsets.** `start`/`end` are Unicode code-point offsets into `documents.text`, end \
exclusive, so `text[start:end]` in Python is the mention. `raw_start`/`raw_end` are \
code-point offsets into the decoded raw text of the input (after any byte-order mark, \
line ends as in the file), end exclusive.
- **Ids.** `documents.id` is the input path relative to the corpus root without extension \
(or the JSONL record's id). Entity ids are derived from label and canonical name (or are \
knowledge-base ids): they are stable across runs and machines, never counters.
- **Joins.** `removed.doc_id`, `mentions.doc_id`, `dates.doc_id` and `quotes.doc_id` refer to \
`documents.id`; `mentions.entity_id`, `quotes.speaker_entity_id`, `cooccurrences.a` and \
`cooccurrences.b` refer to `entities.id`.
- **Knowledge base.** Entities are linked to Dossier's bundled, offline knowledge base: places \
to GeoNames (https://www.geonames.org/, CC BY 4.0) with their coordinates and country, \
organisations, armed groups and some people to hand-made, sourced lists. Names the knowledge \
base gives as one entity (`ISIS-K`, `ISKP`) are one row of `entities.csv`.
- **Dates.** Every temporal expression is a row of `dates.csv`. Calendar dates, years and \
periods are also DATE rows of `mentions.csv` (same span, `is_mention` true, empty \
`entity_id`); vague references (`recently`, `now`) are only in `dates.csv`.
- **Quotes.** A quotation is a stretch between quotation marks (`\"…\"`, `“…”`, `«…»`, `‘…’`) \
of at least four words that is punctuated like speech or attributed to a speaker; scare quotes \
(`“security belt”`) and quoted titles are not rows. A quotation interrupted by its attribution \
(`“…,” he said, “…”`) is two rows with the same speaker.
- **Language.** Every document has a detected language. Entities are extracted from \
English documents only: documents in other languages have no PERSON, ORG, GPE, LOC or \
NORP mentions.
- **Order.** Rows are sorted as each table says; the same input gives the same bytes.

";
