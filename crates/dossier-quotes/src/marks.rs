//! Pairs of quotation marks: every outermost quoted stretch of the text, before any
//! decision about whether it is a quotation.

use dossier_core::Span;

use crate::text::lines;

/// A quoted stretch: from an opening mark to its closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Marks included.
    pub(crate) span: Span,
    /// Between the marks (for a quotation over several paragraphs: from after the first
    /// opening mark to before the last closing one).
    pub(crate) inner: Span,
}

/// The kinds of opening marks and how each one closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// “…”
    Curly,
    /// „…“ or „…”
    Low,
    /// "…"
    Straight,
    /// «…», which nests.
    Guillemet,
    /// ‘…’ — the closing mark is also the apostrophe.
    CurlySingle,
    /// '…' — the same character opens, closes and is the apostrophe.
    StraightSingle,
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '"' | '«')
    })
}

/// The characters [`opener`] may take for an opening mark.
const OPENING_MARKS: [char; 6] = ['“', '„', '«', '"', '‘', '\''];

/// The kind of quotation an opening mark at `at` starts, if it is one.
fn opener(line: &str, at: usize, c: char, single_quotes: bool) -> Option<Kind> {
    let prev = line[..at].chars().next_back();
    let next = line[at + c.len_utf8()..].chars().next()?;
    if next.is_whitespace() {
        return None;
    }
    match c {
        '“' => Some(Kind::Curly),
        '„' => Some(Kind::Low),
        '«' => Some(Kind::Guillemet),
        '"' if is_opening_context(prev) => Some(Kind::Straight),
        '‘' if single_quotes && is_opening_context(prev) => Some(Kind::CurlySingle),
        '\'' if single_quotes && is_opening_context(prev) && !next.is_numeric() => {
            Some(Kind::StraightSingle)
        }
        _ => None,
    }
}

/// The byte range of the closing mark of a quotation opened at `from` (just after the
/// opening mark) in `line`, if the line holds it.
fn closer(line: &str, from: usize, kind: Kind, single_quotes: bool) -> Option<(usize, usize)> {
    let rest = &line[from..];
    let found = |i: usize, c: char| Some((from + i, from + i + c.len_utf8()));
    match kind {
        Kind::Curly => rest
            .char_indices()
            .find(|&(_, c)| c == '”')
            .and_then(|(i, c)| found(i, c)),
        Kind::Low => rest
            .char_indices()
            .find(|&(_, c)| c == '”' || c == '“')
            .and_then(|(i, c)| found(i, c)),
        Kind::Straight => rest
            .char_indices()
            .find(|&(_, c)| c == '"')
            .and_then(|(i, c)| found(i, c)),
        Kind::Guillemet => {
            let mut depth = 1;
            for (i, c) in rest.char_indices() {
                match c {
                    '«' => depth += 1,
                    '»' => {
                        depth -= 1;
                        if depth == 0 {
                            return found(i, c);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        Kind::CurlySingle | Kind::StraightSingle => {
            let (open, close) = if kind == Kind::CurlySingle {
                ('‘', '’')
            } else {
                ('\'', '\'')
            };
            // Closing marks: after a non-space, before a non-letter (not the apostrophe of
            // "CSTO’s"). A plural possessive ("members’ rights") looks the same, so prefer
            // a mark right after punctuation ("…rights matter,’"), before the next opening
            // mark of the same kind.
            let mut first = None;
            let mut prev: Option<char> = None;
            let mut iter = rest.char_indices().peekable();
            while let Some((i, c)) = iter.next() {
                let next = iter.peek().map(|&(_, n)| n);
                if c == close && prev.is_some_and(|p| !p.is_whitespace()) {
                    if next.is_none_or(|n| !n.is_alphanumeric()) {
                        if prev.is_some_and(|p| matches!(p, '.' | ',' | '!' | '?' | '…' | ';')) {
                            return found(i, c);
                        }
                        first.get_or_insert((from + i, from + i + c.len_utf8()));
                    }
                } else if c == open && opener(line, from + i, c, single_quotes).is_some() {
                    break;
                }
                prev = Some(c);
            }
            first
        }
    }
}

/// The first character of a line, after leading spaces, with its offset in the line.
fn first_char(line: &str) -> Option<(usize, char)> {
    line.char_indices().find(|(_, c)| !c.is_whitespace())
}

/// Every outermost quotation-mark pair of the text, in order. A quotation stays inside one
/// line, except that an opening mark left unclosed at the end of a line continues into
/// the next non-empty line when that line starts with the same mark (the convention for
/// a quotation over several paragraphs); the candidate then spans all of them. Quotes
/// nested inside a candidate are part of it; unclosed marks are ignored.
pub(crate) fn candidates(text: &str, single_quotes: bool) -> Vec<Candidate> {
    let lines = lines(text);
    let mut out = Vec::new();
    let mut li = 0;
    let mut pos = lines.first().map_or(0, |l| l.start);
    while li < lines.len() {
        let line = lines[li];
        let s = &text[line.range()];
        let local = pos - line.start;
        // Only a quotation mark can open a quotation (`opener`): skip to the next one.
        let Some((i, c)) = s[local..]
            .char_indices()
            .find(|&(_, c)| OPENING_MARKS.contains(&c))
            .map(|(i, c)| (local + i, c))
        else {
            li += 1;
            if let Some(next) = lines.get(li) {
                pos = next.start;
            }
            continue;
        };
        let Some(kind) = opener(s, i, c, single_quotes) else {
            pos = line.start + i + c.len_utf8();
            continue;
        };
        let inner_start = line.start + i + c.len_utf8();
        // Follow the quotation from line to line until its closing mark.
        let mut cur = li;
        let mut from = inner_start - line.start;
        let closed = loop {
            let cur_line = lines[cur];
            let cs = &text[cur_line.range()];
            if let Some((a, b)) = closer(cs, from, kind, single_quotes) {
                break Some((cur, cur_line.start + a, cur_line.start + b));
            }
            let Some(next) = lines.get(cur + 1) else {
                break None;
            };
            let ns = &text[next.range()];
            match first_char(ns) {
                Some((j, n)) if n == c && opener(ns, j, n, single_quotes) == Some(kind) => {
                    cur += 1;
                    from = j + n.len_utf8();
                }
                _ => break None,
            }
        };
        match closed {
            Some((end_line, close_start, close_end)) => {
                out.push(Candidate {
                    span: Span::new(line.start + i, close_end),
                    inner: Span::new(inner_start, close_start),
                });
                li = end_line;
                pos = close_end;
            }
            None => pos = inner_start,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        candidates(text, true)
            .iter()
            .map(|c| &text[c.span.range()])
            .collect()
    }

    #[test]
    fn curly_straight_guillemets_and_single() {
        assert_eq!(
            quoted("He said “yes, we will” and left."),
            ["“yes, we will”"]
        );
        assert_eq!(
            quoted(r#"He said "yes" and "no"."#),
            [r#""yes""#, r#""no""#]
        );
        assert_eq!(
            quoted("Il a dit «oui «ici» non» hier."),
            ["«oui «ici» non»"]
        );
        assert_eq!(quoted("Он сказал „да“."), ["„да“"]);
        assert_eq!(
            quoted("‘Our members’ rights matter,’ he said."),
            ["‘Our members’ rights matter,’"]
        );
        assert_eq!(
            quoted("The CSTO’s ‘belt’ and ‘wall’."),
            ["‘belt’", "‘wall’"]
        );
        assert_eq!(quoted("It's the 'real deal' in the '90s."), ["'real deal'"]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        assert_eq!(
            quoted(r#""He said 'never again' twice," she recalled."#),
            [r#""He said 'never again' twice,""#]
        );
        assert_eq!(
            quoted("“They call it ‘a belt of steel’,” he said."),
            ["“They call it ‘a belt of steel’,”"]
        );
    }

    #[test]
    fn a_quotation_over_paragraphs_is_one_candidate() {
        let t = "He said: “First part.\n\n“Second part.\n\n“Third,” he added. Done.";
        assert_eq!(quoted(t), ["“First part.\n\n“Second part.\n\n“Third,”"]);
        // The next paragraph does not open with a mark: the first mark stays unclosed.
        assert_eq!(quoted("“Unclosed.\n\nPlain “closed” here."), ["“closed”"]);
    }
}
