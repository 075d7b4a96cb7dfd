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
    if s.is_ascii() {
        let b = s.as_bytes();
        return if b[0].is_ascii_digit() {
            TokenKind::Number
        } else if b.iter().any(u8::is_ascii_alphanumeric) {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
    }
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
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, 0, &mut out);
    out
}

/// [`tokenize`] of `text`, with spans shifted by `offset`, appended to `out`.
///
/// UAX #29 breaks before every run of ASCII whitespace, and after it unless a combining
/// or format character follows (WB4), so the text is cut at ASCII whitespace: each
/// pure-ASCII chunk is segmented by the ASCII subset of the rules, and only chunks with
/// other characters (with the spaces before them) go through the Unicode tables. The
/// boundaries are those of `unicode-segmentation` on the whole text (checked by a test;
/// the tagger trained on either tokenisation is byte-identical).
pub(crate) fn tokenize_into(text: &str, offset: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let space = i;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        let mut ascii = true;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            ascii &= bytes[i].is_ascii();
            i += 1;
        }
        if ascii {
            ascii_segments(&text[start..i], start + offset, out);
        } else {
            // With the spaces before it: a combining mark or format character at the
            // start of the chunk belongs to the spaces' segment (WB4), as in the whole
            // text.
            for (s, w) in text[space..i].split_word_bound_indices() {
                push_segment(w, space + offset + s, out);
            }
        }
    }
}

/// ASCII character classes of UAX #29 word boundaries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    /// ALetter.
    Letter,
    /// Numeric.
    Digit,
    /// ExtendNumLet (`_`).
    Extend,
    /// MidLetter (`:`).
    MidLetter,
    /// MidNumLet and Single_Quote (`.`, `'`).
    MidNumLet,
    /// MidNum (`,`, `;`).
    MidNum,
    Other,
}

fn wb(b: u8) -> Wb {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Digit,
        b'_' => Wb::Extend,
        b':' => Wb::MidLetter,
        b'.' | b'\'' => Wb::MidNumLet,
        b',' | b';' => Wb::MidNum,
        _ => Wb::Other,
    }
}

/// Word segments of an ASCII chunk without whitespace (rules WB5–WB13b).
fn ascii_segments(chunk: &str, offset: usize, out: &mut Vec<Token>) {
    let b = chunk.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let c = wb(b[i]);
        i += 1;
        if matches!(c, Wb::Letter | Wb::Digit | Wb::Extend) {
            let mut prev = c;
            while i < b.len() {
                let k = wb(b[i]);
                if matches!(k, Wb::Letter | Wb::Digit | Wb::Extend) {
                    prev = k;
                    i += 1;
                    continue;
                }
                let next = b.get(i + 1).map(|&x| wb(x));
                let letters = prev == Wb::Letter
                    && matches!(k, Wb::MidLetter | Wb::MidNumLet)
                    && next == Some(Wb::Letter);
                let digits = prev == Wb::Digit
                    && matches!(k, Wb::MidNum | Wb::MidNumLet)
                    && next == Some(Wb::Digit);
                if letters || digits {
                    i += 1;
                    continue;
                }
                break;
            }
        }
        push_segment(&chunk[start..i], offset + start, out);
    }
}

/// Appends one word segment (not whitespace), splitting off a possessive clitic.
fn push_segment(w: &str, start: usize, out: &mut Vec<Token>) {
    if w.chars().all(char::is_whitespace) {
        return;
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
        return;
    }
    out.push(Token {
        span: Span::new(start, end),
        kind: kind_of(w),
    });
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
    sentences_of_tokens(text, &tokenize(text), paragraphs)
}

/// [`sentences`] over the tokens of the whole text (`tokenize(text)`), which it reuses.
pub(crate) fn sentences_of_tokens(text: &str, toks: &[Token], paragraphs: &[Span]) -> Vec<Span> {
    let whole = [Span::new(0, text.len())];
    let blocks = if paragraphs.is_empty() {
        &whole[..]
    } else {
        paragraphs
    };
    let mut out = Vec::new();
    let mut scratch = Vec::new();
    let mut line = |line: Span, out: &mut Vec<Span>| {
        let a = toks.partition_point(|t| t.span.start < line.start);
        let b = a + toks[a..].partition_point(|t| t.span.start < line.end);
        let straddles = (a > 0 && toks[a - 1].span.end > line.start)
            || (b > a && toks[b - 1].span.end > line.end);
        if straddles {
            scratch.clear();
            tokenize_into(&text[line.range()], line.start, &mut scratch);
            split_line(text, &scratch, out);
        } else {
            split_line(text, &toks[a..b], out);
        }
    };
    for block in blocks {
        let mut line_start = block.start;
        for (i, b) in text[block.range()].bytes().enumerate() {
            if b == b'\n' {
                line(Span::new(line_start, block.start + i), &mut out);
                line_start = block.start + i + 1;
            }
        }
        line(Span::new(line_start, block.end), &mut out);
    }
    out
}

fn split_line(text: &str, toks: &[Token], out: &mut Vec<Span>) {
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
            if is_boundary(text, toks, i, j, end) {
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

    /// The plain UAX #29 segmentation the ASCII fast path must reproduce.
    fn reference(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        for (s, w) in text.split_word_bound_indices() {
            push_segment(w, s, &mut out);
        }
        out
    }

    #[test]
    fn ascii_fast_path_matches_unicode_segmentation() {
        let mut texts = vec![
            "a:b a.b a'b a,b 3.5 3,5 3;5 3:5 a_b _a a_ 1a a1 x.y.z. U.S. e.g. 1,000.50,"
                .to_string(),
            "it's CSTO's O'Neil's 'quoted' \"x\" (a) [b] {c} a--b a-b 10-12 a..b a:: ::a"
                .to_string(),
            "tab\there\r\nCRLF  two  spaces ... ?! #tag @user http://x.co/a?b=c&d=e".to_string(),
            "Mixed “curly” quotes, café’s naïve—dash – en … 3½ Zürich's \u{a0}nbsp".to_string(),
            "marks after spaces: a \u{200e}b  \u{fe0f}c\n\u{301}d ❤\u{fe0f} x \u{64e}".to_string(),
        ];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
        for t in &texts {
            assert_eq!(tokenize(t), reference(t), "{t}");
        }
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
