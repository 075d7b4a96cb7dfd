//! Text helpers: words with byte spans, lines, and a fallback sentence splitter.

use dossier_core::Span;

/// A word of the text: a run of letters and digits, with inner apostrophes and hyphens
/// (`CSTO’s`, `Afghanistan-based`), as a byte span.
pub(crate) fn words(text: &str, within: Span) -> Vec<Span> {
    word_spans(text, within).collect()
}

/// The number of [`words`].
pub(crate) fn word_count(text: &str, within: Span) -> usize {
    word_spans(text, within).count()
}

/// The [`words`] one by one.
fn word_spans(text: &str, within: Span) -> impl Iterator<Item = Span> + '_ {
    let slice = &text[within.range()];
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut chars = slice.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                last_end = i + c.len_utf8();
                continue;
            }
            let joiner = matches!(c, '\'' | '’' | '-' | '‐');
            let next_alnum = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if joiner && start.is_some() && next_alnum {
                continue;
            }
            if let Some(s) = start.take() {
                return Some(Span::new(within.start + s, within.start + last_end));
            }
        }
        start
            .take()
            .map(|s| Span::new(within.start + s, within.start + last_end))
    })
}

/// The non-empty lines of the text (paragraphs of a clean text, and lines inside them),
/// without their line ends.
pub(crate) fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let span = Span::new(at, at + line.len());
        at += line.len() + 1;
        if !line.trim().is_empty() {
            out.push(span);
        }
    }
    out
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Adm", "Gov",
    "Sen", "Rep", "Rev", "Hon", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "No", "vs", "etc",
];

/// Closing quotes and brackets a sentence end absorbs.
const CLOSERS: &[char] = &['”', '"', '’', '\'', ')', ']', '»'];

/// Sentences of a text when the entity stage gave none: each line is split after `.`,
/// `!`, `?` or `…` (and any closing quotes or brackets) when the next word starts with an
/// upper-case letter, a digit or an opening quote, except after a few abbreviations and
/// initials. The same rule as the entity stage's splitter, without its tokenizer.
pub(crate) fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for line in lines(text) {
        let s = &text[line.range()];
        let mut start = line.start + (s.len() - s.trim_start().len());
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = iter.peek() {
                if CLOSERS.contains(&n) {
                    end = j + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let rest = &s[end..];
            let next = rest.trim_start();
            if next.len() == rest.len() && !next.is_empty() {
                continue; // "3.5", "Khaama.com"
            }
            let starts_ok = next.chars().next().is_none_or(|n| {
                n.is_uppercase() || n.is_numeric() || matches!(n, '“' | '"' | '‘' | '\'' | '«')
            });
            if !starts_ok {
                continue;
            }
            if c == '.' {
                let before = &s[..i];
                let word: &str = before
                    .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.')
                    .next()
                    .unwrap_or("");
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if initial || word.contains('.') || ABBREVIATIONS.contains(&word) {
                    continue;
                }
            }
            out.push(Span::new(start, line.start + end));
            start = line.start + end + (rest.len() - next.len());
        }
        let trimmed_end = line.start + s.trim_end().len();
        if start < trimmed_end {
            out.push(Span::new(start, trimmed_end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let t = "The CSTO’s “Afghanistan-based” threat, isn't it?";
        let w = words(t, Span::new(0, t.len()));
        assert_eq!(
            texts(t, &w),
            [
                "The",
                "CSTO’s",
                "Afghanistan-based",
                "threat",
                "isn't",
                "it"
            ]
        );
    }

    #[test]
    fn sentences_split_after_closing_quotes() {
        let t = "He said “no.” Then Mr. Smith left. “Go,” he said.\n\nNew line";
        assert_eq!(
            texts(t, &sentences(t)),
            [
                "He said “no.”",
                "Then Mr. Smith left.",
                "“Go,” he said.",
                "New line"
            ]
        );
    }
}
