//! The entry point: runs the recogniser line by line and resolves each expression.

use dossier_core::{Date, Span, Timex};

use crate::config::Config;
use crate::recognize::recognize;
use crate::resolve::{Reference, resolve};
use crate::tense::tense_around;
use crate::token::tokenize_into;

/// Finds the temporal expressions of `text` and normalises them to TIMEX3 values, relative
/// expressions resolved against `anchor` (the publication date) when it is known.
///
/// The result is sorted by span and has no overlaps. Expressions never cross a line
/// break. The output depends only on the arguments (never on the current date).
pub fn find_timexes(text: &str, anchor: Option<Date>, config: &Config) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut reference = Reference::new(anchor);
    let month_first = writes_month_first(text);
    let mut tokens = Vec::new();
    for line in text.split_inclusive('\n') {
        tokenize_into(line, offset, &mut tokens);
        for hit in recognize(&tokens, config.vague_refs, month_first) {
            let tense = tense_around(&tokens, hit.start, hit.end);
            let resolved = resolve(&hit.expr, anchor, &reference, tense);
            reference.update(resolved.kind, &resolved.value);
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

/// True when the text writes numeric dates month first: some `a/b/yyyy` has a day (13–31)
/// in second place and none has one in first place. Ambiguous dates (`7/8/07`) are then
/// read month first; otherwise day first.
fn writes_month_first(text: &str) -> bool {
    let (mut month_first, mut day_first) = (false, false);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let number = |from: usize| -> (u32, usize) {
            let mut j = from;
            let mut n = 0u32;
            while j < bytes.len() && bytes[j].is_ascii_digit() && j - from < 4 {
                n = n * 10 + u32::from(bytes[j] - b'0');
                j += 1;
            }
            (n, j)
        };
        let (a, j) = number(i);
        if j - i <= 2 && bytes.get(j) == Some(&b'/') {
            let (b, k) = number(j + 1);
            if k - j - 1 <= 2 && k > j + 1 && bytes.get(k) == Some(&b'/') {
                let (_, l) = number(k + 1);
                if l - k - 1 == 2 || l - k - 1 == 4 {
                    day_first |= (13..=31).contains(&a) && (1..=12).contains(&b);
                    month_first |= (13..=31).contains(&b) && (1..=12).contains(&a);
                }
            }
        }
        i = j.max(i + 1);
    }
    month_first && !day_first
}
