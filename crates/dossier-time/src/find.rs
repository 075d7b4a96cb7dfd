//! The entry point: runs the recogniser line by line and resolves each expression.

use dossier_core::{Date, Span, Timex};

use crate::config::Config;
use crate::recognize::recognize;
use crate::resolve::resolve;
use crate::tense::tense_around;
use crate::token::tokenize;

/// Finds the temporal expressions of `text` and normalises them to TIMEX3 values, relative
/// expressions resolved against `anchor` (the publication date) when it is known.
///
/// The result is sorted by span and has no overlaps. Expressions never cross a line
/// break. The output depends only on the arguments (never on the current date).
pub fn find_timexes(text: &str, anchor: Option<Date>, config: &Config) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let tokens = tokenize(line, offset);
        for hit in recognize(&tokens, config.vague_refs) {
            let tense = tense_around(&tokens, hit.start, hit.end);
            let resolved = resolve(&hit.expr, anchor, tense);
            out.push(Timex {
                span: Span::new(tokens[hit.start].start, tokens[hit.end - 1].end),
                kind: resolved.kind,
                value: resolved.value,
                is_mention: resolved.is_mention,
            });
        }
        offset += line.len();
    }
    out
}
