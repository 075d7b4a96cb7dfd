//! A small tokenizer for one line of text: words, digit runs and single punctuation marks,
//! with their byte spans and whether a space precedes them.

use std::borrow::Cow;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (any script).
    Word,
    /// ASCII digits.
    Num,
    /// One other non-space character.
    Punct,
}

/// One token of a line.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// Byte offset of the first byte, in the whole text.
    pub(crate) start: usize,
    /// Byte offset one past the last byte, in the whole text.
    pub(crate) end: usize,
    /// The token as written.
    pub(crate) text: &'a str,
    /// The token in lower case (the text itself when it has no capital).
    pub(crate) lower: Cow<'a, str>,
    /// Word, number or punctuation.
    pub(crate) kind: Kind,
    /// True when the token directly follows the previous one, without a space.
    pub(crate) glued: bool,
}

/// Splits `line` (which starts at byte `offset` of the text) into tokens.
#[cfg(test)]
pub(crate) fn tokenize(line: &str, offset: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokenize_into(line, offset, &mut out);
    out
}

/// [`tokenize`] into `out`, which is cleared first (its allocation serves line after
/// line).
pub(crate) fn tokenize_into<'a>(line: &'a str, offset: usize, out: &mut Vec<Token<'a>>) {
    out.clear();
    let mut chars = line.char_indices().peekable();
    let mut prev_end: Option<usize> = None;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(i, n)) = chars.peek() {
                let same = match kind {
                    Kind::Num => n.is_ascii_digit(),
                    _ => n.is_alphabetic() || is_mark(n),
                };
                if !same {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
        }
        let text = &line[start..end];
        out.push(Token {
            start: offset + start,
            end: offset + end,
            text,
            lower: lowercase(text),
            kind,
            glued: prev_end == Some(start),
        });
        prev_end = Some(end);
    }
}

/// `text.to_lowercase()`, borrowing `text` when it is ASCII without capitals (most
/// tokens), which lower-cases to itself.
fn lowercase(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// Combining marks stay inside the word they follow.
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_marks() {
        let toks = tokenize("On Dec. 11th, 2024-12-11", 10);
        let texts: Vec<_> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "On", "Dec", ".", "11", "th", ",", "2024", "-", "12", "-", "11"
            ]
        );
        assert_eq!(toks[0].start, 10);
        assert!(toks[4].glued && !toks[3].glued && toks[2].glued);
        assert_eq!(toks[3].kind, Kind::Num);
    }
}
