//! Tokens (Unicode word boundaries with byte spans) and rule-based sentence splitting.

use dossier_core::Span;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits or inner apostrophes): `CSTO`, `isn’t`.
    Word,
    /// Starts with a digit: `2024`, `8th`, `25/11`.
    Number,
    /// One punctuation mark or symbol: `,`, `(`, `’s` is a [`TokenKind::Word`].
    Punct,
}

/// A token of a text, with its byte span. Whitespace is not a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte span in the text.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.range()]
    }
}

fn kind_of(s: &str) -> TokenKind {
    match s.chars().next() {
        Some(c) if c.is_ascii_digit() || c.is_numeric() => TokenKind::Number,
        _ if s.chars().any(char::is_alphanumeric) => TokenKind::Word,
        _ => TokenKind::Punct,
    }
}

/// Splits `text` into tokens on Unicode (UAX #29) word boundaries, with byte spans.
///
/// Whitespace is dropped. The possessive clitic is split off its word (`CSTO’s` →
/// `CSTO`, `’s`), which UAX #29 would keep together.
///
/// ```
/// let text = "The CSTO’s summit";
/// let words: Vec<&str> = dossier_entities::tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["The", "CSTO", "’s", "summit"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for (start, w) in text.split_word_bound_indices() {
        if w.chars().all(char::is_whitespace) {
            continue;
        }
        let end = start + w.len();
        let possessive = ["’s", "'s", "’S", "'S"]
            .into_iter()
            .find_map(|suf| w.strip_suffix(suf).map(|stem| (stem, suf)));
        if let Some((stem, suf)) = possessive
            && stem.chars().any(char::is_alphabetic)
        {
            let mid = start + stem.len();
            out.push(Token {
                span: Span::new(start, mid),
                kind: kind_of(stem),
            });
            out.push(Token {
                span: Span::new(mid, end),
                kind: kind_of(suf),
            });
            continue;
        }
        out.push(Token {
            span: Span::new(start, end),
            kind: kind_of(w),
        });
    }
    out
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Adm", "Gov",
    "Sen", "Rep", "Rev", "Hon", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "No", "vs", "etc", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "Fig",
    "al", "Mt", "Ft", "e.g", "i.e",
];

const CLOSERS: &[&str] = &["”", "\"", "’", "'", ")", "]", "»"];
const OPENERS: &[&str] = &["“", "\"", "‘", "'", "(", "[", "«", "—", "–", "-"];

/// Splits a text into sentences: every paragraph, and every line of a paragraph, is split
/// on its own, so no sentence crosses a line break. Sentences end after `.`, `!`, `?` or
/// `…` (and any closing quotes or brackets) when the next token starts with an upper-case
/// letter, a digit or an opening quote, except after abbreviations (`Mr.`, `Jan.`) and
/// initials (`J.`). When `paragraphs` is empty the whole text is one paragraph.
///
/// ```
/// use dossier_core::Span;
/// let text = "Mr. Smith left. He came back.\nNext line";
/// let s = dossier_entities::sentences(text, &[Span::new(0, text.len())]);
/// let s: Vec<&str> = s.iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(s, ["Mr. Smith left.", "He came back.", "Next line"]);
/// ```
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let whole = [Span::new(0, text.len())];
    let blocks = if paragraphs.is_empty() {
        &whole[..]
    } else {
        paragraphs
    };
    let mut out = Vec::new();
    for block in blocks {
        let mut line_start = block.start;
        for (i, b) in text[block.range()].bytes().enumerate() {
            if b == b'\n' {
                split_line(text, Span::new(line_start, block.start + i), &mut out);
                line_start = block.start + i + 1;
            }
        }
        split_line(text, Span::new(line_start, block.end), &mut out);
    }
    out
}

fn split_line(text: &str, line: Span, out: &mut Vec<Span>) {
    let toks: Vec<Token> = tokenize(&text[line.range()])
        .into_iter()
        .map(|t| Token {
            span: Span::new(t.span.start + line.start, t.span.end + line.start),
            kind: t.kind,
        })
        .collect();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let s = *start.get_or_insert(t.span.start);
        let word = t.text(text);
        if matches!(word, "." | "!" | "?" | "…") {
            // Absorb closing quotes and brackets glued to the mark.
            let mut j = i + 1;
            let mut end = t.span.end;
            while j < toks.len()
                && toks[j].span.start == end
                && CLOSERS.contains(&toks[j].text(text))
            {
                end = toks[j].span.end;
                j += 1;
            }
            if is_boundary(text, &toks, i, j, end) {
                out.push(Span::new(s, end));
                start = None;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if let (Some(s), Some(last)) = (start, toks.last()) {
        out.push(Span::new(s, last.span.end));
    }
}

/// Is the sentence mark at `toks[i]` (closers up to `j`, ending at `end`) a boundary?
fn is_boundary(text: &str, toks: &[Token], i: usize, j: usize, end: usize) -> bool {
    let Some(next) = toks.get(j) else {
        return true;
    };
    if next.span.start == end {
        return false; // "3.5", "Khaama.com"
    }
    let n = next.text(text);
    let starts_ok = n
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        || OPENERS.contains(&n);
    if !starts_ok {
        return false;
    }
    if toks[i].text(text) == "." && i > 0 {
        let prev = toks[i - 1];
        if prev.span.end == toks[i].span.start && prev.kind == TokenKind::Word {
            let p = prev.text(text);
            let single_initial = p.chars().count() == 1 && p.chars().all(char::is_uppercase);
            if single_initial || ABBREVIATIONS.contains(&p) || p.contains('.') {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        sentences(text, &[])
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn splits_quotes_and_abbreviations() {
        assert_eq!(
            sents("He said, “We advocate peace.” This statement matters."),
            ["He said, “We advocate peace.”", "This statement matters."]
        );
        assert_eq!(
            sents("The U.S. Army left. Dr. J. Smith came in 2002."),
            ["The U.S. Army left.", "Dr. J. Smith came in 2002."]
        );
        assert_eq!(
            sents("It rose 3.5 percent. ok then"),
            ["It rose 3.5 percent. ok then"]
        );
    }

    #[test]
    fn lines_never_join() {
        assert_eq!(
            sents("Headline here\nBody starts"),
            ["Headline here", "Body starts"]
        );
    }

    #[test]
    fn hyphens_and_possessives_are_tokens() {
        let text = "Khalil-ur-Rahman’s Afghanistan-based";
        let words: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
        assert_eq!(
            words,
            [
                "Khalil",
                "-",
                "ur",
                "-",
                "Rahman",
                "’s",
                "Afghanistan",
                "-",
                "based"
            ]
        );
    }
}
