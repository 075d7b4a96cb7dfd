//! Raw lines and their whitespace normalisation, with the pieces of the offset map.

use dossier_core::Span;

/// One raw line of the input.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based line number.
    pub(crate) number: usize,
    /// Byte span of the line in the raw text, without its terminator.
    pub(crate) span: Span,
    /// The normalised text (trimmed, spaces collapsed, invisible characters removed).
    pub(crate) text: String,
    /// How `text` maps back to the raw text.
    pub(crate) segs: Vec<Seg>,
}

impl Line {
    /// True when the raw line holds no byte at all (not recorded as removed).
    pub(crate) fn is_empty(&self) -> bool {
        self.span.is_empty()
    }

    /// True when the raw line holds only whitespace or invisible characters.
    pub(crate) fn is_blank(&self) -> bool {
        !self.is_empty() && self.text.is_empty()
    }

    /// Raw byte offset of the first kept character.
    pub(crate) fn content_start(&self) -> usize {
        self.segs.first().map_or(self.span.start, |s| s.raw_start())
    }

    /// Raw byte offset just after the last kept character.
    pub(crate) fn content_end(&self) -> usize {
        self.segs.last().map_or(self.span.end, |s| s.raw_end())
    }
}

/// A piece of a normalised line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seg {
    /// `len` bytes copied verbatim from `raw`.
    Copy { raw: usize, len: usize },
    /// One space standing for the whitespace run `raw..raw + len`.
    Space { raw: usize, len: usize },
}

impl Seg {
    fn raw_start(&self) -> usize {
        match *self {
            Seg::Copy { raw, .. } | Seg::Space { raw, .. } => raw,
        }
    }

    fn raw_end(&self) -> usize {
        match *self {
            Seg::Copy { raw, len } | Seg::Space { raw, len } => raw + len,
        }
    }
}

/// Splits the raw text into lines (`\n`, `\r\n` and a lone `\r` end a line) and
/// normalises each.
pub(crate) fn split_lines(raw: &str) -> Vec<Line> {
    let bytes = raw.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            lines.push(make_line(raw, lines.len() + 1, Span::new(start, i)));
            i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            start = i;
        } else {
            i += 1;
        }
    }
    if start < raw.len() {
        lines.push(make_line(raw, lines.len() + 1, Span::new(start, raw.len())));
    }
    lines
}

fn make_line(raw: &str, number: usize, span: Span) -> Line {
    let (text, segs) = normalize(raw, span);
    Line {
        number,
        span,
        text,
        segs,
    }
}

/// Characters dropped from the text: soft hyphen, zero-width space, word joiner, BOM.
/// ZWNJ and ZWJ are dropped too, except between two letters, where they are spelling
/// (the Persian half-space in "می‌خواهم", Indic conjuncts).
fn is_invisible(c: char, prev: Option<char>, next: Option<char>) -> bool {
    match c {
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => true,
        '\u{200C}' | '\u{200D}' => {
            !(prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic))
        }
        _ => false,
    }
}

/// Normalises `raw[span]`: trims, maps every whitespace run (NBSP, tabs, Unicode spaces)
/// to one space, removes invisible characters. Returns the text and its pieces.
pub(crate) fn normalize(raw: &str, span: Span) -> (String, Vec<Seg>) {
    let s = &raw[span.range()];
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut segs: Vec<Seg> = Vec::new();
    let mut pending_ws: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < bytes.len() {
        // A run of printable ASCII other than the space: no whitespace, control or
        // invisible character, copied as it is.
        let run = bytes[i..]
            .iter()
            .take_while(|b| (0x21..=0x7E).contains(*b))
            .count();
        if run > 0 {
            if let Some((a, e)) = pending_ws.take()
                && !out.is_empty()
            {
                push_space(raw, &mut out, &mut segs, a, e);
            }
            out.push_str(&s[i..i + run]);
            push_copy(&mut segs, span.start + i, run);
            prev = Some(char::from(bytes[i + run - 1]));
            i += run;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or_default();
        let len = c.len_utf8();
        let abs = span.start + i;
        let end = abs + len;
        let next = s[i + len..].chars().next();
        i += len;
        if c.is_whitespace() || c.is_control() {
            pending_ws = Some(pending_ws.map_or((abs, end), |(a, _)| (a, end)));
            prev = Some(c);
            continue;
        }
        if is_invisible(c, prev, next) {
            if let Some((a, _)) = pending_ws {
                pending_ws = Some((a, end));
            }
            continue;
        }
        if let Some((a, e)) = pending_ws.take()
            && !out.is_empty()
        {
            push_space(raw, &mut out, &mut segs, a, e);
        }
        out.push(c);
        push_copy(&mut segs, abs, len);
        prev = Some(c);
    }
    (out, segs)
}

/// Writes the one space standing for the whitespace run `raw[a..e]`.
fn push_space(raw: &str, out: &mut String, segs: &mut Vec<Seg>, a: usize, e: usize) {
    out.push(' ');
    if &raw[a..e] == " " {
        push_copy(segs, a, 1);
    } else {
        segs.push(Seg::Space { raw: a, len: e - a });
    }
}

fn push_copy(segs: &mut Vec<Seg>, raw: usize, len: usize) {
    if let Some(Seg::Copy { raw: r, len: l }) = segs.last_mut()
        && *r + *l == raw
    {
        *l += len;
        return;
    }
    segs.push(Seg::Copy { raw, len });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_kind_of_line_end() {
        let raw = "a\r\nb\rc\n\nd";
        let lines = split_lines(raw);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["a", "b", "c", "", "d"]);
        assert_eq!(lines[1].span, Span::new(3, 4));
        assert!(lines[3].is_empty());
    }

    #[test]
    fn normalises_spaces_and_invisibles() {
        let raw = "\u{a0} x\t\u{200b} y\u{ad}z \u{2003}";
        let (text, segs) = normalize(raw, Span::new(0, raw.len()));
        assert_eq!(text, "x yz");
        assert_eq!(segs.first().map(|s| s.raw_start()), Some(3));
    }
}
