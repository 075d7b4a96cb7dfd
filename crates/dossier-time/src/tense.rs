//! Does the sentence around an expression speak of the past or of the future? Used to pick
//! the year of "December 11" and the week of "on Thursday".
//!
//! A heuristic, not a parser: within the sentence, the tense cue nearest to the expression
//! decides ("said on Monday that the plan will be approved on Friday": Monday is past,
//! Friday future).

use crate::lexicon;
use crate::token::{Kind, Token};

/// The tense of the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Past tense or perfect ("was held", "has announced").
    Past,
    /// Future ("will be approved", "is scheduled").
    Future,
    /// No cue found.
    Unknown,
}

/// The tense of the sentence holding tokens `start..end` of a line.
pub(crate) fn tense_around(t: &[Token<'_>], start: usize, end: usize) -> Tense {
    let (s, e) = sentence_bounds(t, start, end);
    // "cut 789 dealers by early June": a deadline lies ahead, unless the sentence is in
    // the past perfect or past ("by March it had …").
    if start > 0
        && t[start - 1].lower == "by"
        && !t[s..e]
            .iter()
            .any(|k| matches!(&*k.lower, "had" | "was" | "were"))
    {
        return Tense::Future;
    }
    let mut best: Option<(usize, Tense)> = None;
    for k in (s..start).chain(end..e) {
        let Some(cue) = cue(t, k) else { continue };
        let dist = if k < start { start - k } else { k + 1 - end };
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, cue));
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

/// The sentence holding tokens `start..end`: from after the previous sentence end to the
/// next one, within the line.
fn sentence_bounds(t: &[Token<'_>], start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    while s > 0 && !is_sentence_end(t, s - 1) {
        s -= 1;
    }
    let mut e = end;
    while e < t.len() && !is_sentence_end(t, e) {
        e += 1;
    }
    (s, e)
}

/// True when token `k` ends a sentence: `!`, `?`, or a period not after a short
/// capitalised abbreviation ("Dec.", "Mr.", "U.S.").
fn is_sentence_end(t: &[Token<'_>], k: usize) -> bool {
    match t[k].text {
        "!" | "?" => true,
        // "0.9%": a decimal point is not a sentence end.
        "." if t.get(k + 1).is_some_and(|n| n.glued) => false,
        "." => {
            let abbreviation = k > 0
                && t[k - 1].kind == Kind::Word
                && t[k - 1].text.len() <= 4
                && t[k - 1].text.chars().next().is_some_and(char::is_uppercase);
            !abbreviation
        }
        _ => false,
    }
}

/// The tense cue at token `k`, if any.
fn cue(t: &[Token<'_>], k: usize) -> Option<Tense> {
    let tok = &t[k];
    if tok.kind != Kind::Word {
        return None;
    }
    let w = &*tok.lower;
    // "won't"
    if w == "won" && t.get(k + 2).is_some_and(|n| n.lower == "t") {
        return Some(Tense::Future);
    }
    // "is set to begin"
    if w == "set" && t.get(k + 1).is_some_and(|n| n.lower == "to") {
        return Some(Tense::Future);
    }
    if lexicon::is_future_cue(w) {
        return Some(Tense::Future);
    }
    if matches!(w, "was" | "were" | "had" | "did" | "ago" | "yesterday") {
        return Some(Tense::Past);
    }
    if lexicon::is_past_cue(w) || (w.len() >= 5 && w.ends_with("ed")) {
        // A passive after "be"/"is"/"to" is not a past tense: "will be approved", "is
        // expected to be signed".
        let passive = (k.saturating_sub(2)..k).any(|p| {
            matches!(
                &*t[p].lower,
                "be" | "is" | "are" | "am" | "being" | "to" | "s"
            )
        });
        if !passive {
            return Some(Tense::Past);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn tense_of(line: &str, word: &str) -> Tense {
        let t = tokenize(line, 0);
        let i = t.iter().position(|t| t.text == word).unwrap();
        tense_around(&t, i, i + 1)
    }

    #[test]
    fn nearest_cue_decides() {
        assert_eq!(
            tense_of(
                "The plan will be formally approved on November 28.",
                "November"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of("Haqqani was killed on December 11.", "December"),
            Tense::Past
        );
        assert_eq!(
            tense_of(
                "He said on Monday that the pact will be signed on Friday.",
                "Monday"
            ),
            Tense::Past
        );
        assert_eq!(
            tense_of(
                "He said on Monday that the pact will be signed on Friday.",
                "Friday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of("The summit is on Friday.", "Friday"),
            Tense::Unknown
        );
        assert_eq!(
            tense_of(
                "The talks ended. The summit is scheduled for Friday.",
                "Friday"
            ),
            Tense::Future
        );
    }
}
