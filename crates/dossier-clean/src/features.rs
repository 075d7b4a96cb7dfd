//! Surface features of one normalised line: words, sentence punctuation, title case,
//! bullets, CamelCase concatenations, repeated strings.

/// Bullet characters that open menu items and list lines.
const BULLETS: &[char] = &[
    '•', '·', '‣', '◦', '▪', '●', '■', '►', '▸', '»', '-', '*', '–', '—', '✓',
];

/// Small words that stay lower case inside a title-case line.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "with", "vs", "via", "over", "after", "amid", "de", "la", "le", "du", "des",
    "von", "van", "al", "el", "is", "are", "was", "be",
];

/// Number of words: whitespace tokens holding a letter or digit; a run of CJK characters
/// counts one word per two characters.
pub(crate) fn word_count(text: &str) -> usize {
    // One pass: a token is counted at its first letter or digit. ASCII bytes are tested as
    // bytes (`char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed,
    // carriage return, space), other characters decoded.
    let bytes = text.as_bytes();
    let mut tokens = 0;
    let mut cjk = 0;
    let mut counted = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if matches!(b, b'\t'..=b'\r' | b' ') {
                counted = false;
            } else if !counted && b.is_ascii_alphanumeric() {
                tokens += 1;
                counted = true;
            }
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        if c.is_whitespace() {
            counted = false;
            continue;
        }
        if !counted && c.is_alphanumeric() {
            tokens += 1;
            counted = true;
        }
        if is_cjk(c) {
            cjk += 1;
        }
    }
    tokens.max(cjk / 2)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// True when the line ends like a sentence (., !, ?, …, CJK and Arabic stops), possibly
/// followed by closing quotes or brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['”', '"', '’', '\'', '»', ')', ']', '›', '*']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', '۔'])
}

/// Share of the words with letters that start with an upper-case letter, minor words
/// ("of", "the") left out. 0 when the line has no such word.
pub(crate) fn title_case_share(text: &str) -> f32 {
    let mut n = 0;
    let mut upper = 0;
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() || MINOR_WORDS.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        n += 1;
        if first.is_uppercase() || !first.is_lowercase() {
            upper += 1;
        }
    }
    if n == 0 { 0.0 } else { upper as f32 / n as f32 }
}

/// The line without a leading bullet, and whether it had one.
pub(crate) fn strip_bullet(text: &str) -> (&str, bool) {
    let t = text.trim_start();
    match t.strip_prefix(BULLETS) {
        Some(rest) if rest.starts_with(' ') || rest.is_empty() => (rest.trim(), true),
        _ => (t, false),
    }
}

/// A list item: a bulleted line or a numbered one ("1. …", "2) …").
pub(crate) fn is_list_item(text: &str) -> bool {
    if strip_bullet(text).1 {
        return true;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && text[digits..].starts_with(['.', ')'])
        && text[digits + 1..].starts_with(' ')
}

/// Menu words glued together by a page scraper: "AfghanistanNewsWorld" (two or more
/// capitalised words with no space, each at least two letters).
pub(crate) fn is_camel_concatenation(text: &str) -> bool {
    if text.contains(char::is_whitespace) || text.chars().count() < 6 {
        return false;
    }
    let mut parts = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_uppercase() {
            return false;
        }
        let mut lower = 0;
        while chars.peek().is_some_and(|c| c.is_lowercase()) {
            chars.next();
            lower += 1;
        }
        if lower == 0 {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// A string written twice in a row ("RASC NewsRASC News": a logo's text and its alt text).
/// Returns the single copy.
pub(crate) fn doubled(text: &str) -> Option<&str> {
    let len = text.len();
    if len < 4 {
        return None;
    }
    for half in [len / 2, (len - 1) / 2] {
        if !text.is_char_boundary(half) {
            continue;
        }
        let (a, b) = text.split_at(half);
        let b = b.trim_start();
        if a.trim_end() == b && a.chars().any(char::is_alphabetic) {
            return Some(a.trim_end());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features() {
        assert_eq!(word_count("Hello, world — 2024"), 3);
        for t in [
            "",
            "  a  b\tc\u{a0}d\u{3000}e ",
            "“Quoted” — text…",
            "東京都の人口は約千四百万人です",
            "ab 東京 — ,, x",
            "\u{85}x\u{2028}y",
        ] {
            let tokens = t
                .split_whitespace()
                .filter(|t| t.chars().any(char::is_alphanumeric))
                .count();
            let cjk = t.chars().filter(|&c| is_cjk(c)).count();
            assert_eq!(word_count(t), tokens.max(cjk / 2), "{t:?}");
        }
        assert!(ends_sentence("He said “no.”"));
        assert!(!ends_sentence("A headline"));
        assert!(title_case_share("Threats of Terrorist Groups in Afghanistan") > 0.99);
        assert!(title_case_share("CSTO warns of ongoing threats") < 0.5);
        assert_eq!(strip_bullet("  • Home"), ("Home", true));
        assert_eq!(strip_bullet("-5 degrees"), ("-5 degrees", false));
        assert!(is_list_item("1. March 2025: first review"));
        assert!(is_list_item("• Design documentation"));
        assert!(!is_list_item("2025. A year"));
        assert!(!is_list_item("10.5 percent"));
        assert!(is_camel_concatenation("AfghanistanNewsWorld"));
        assert!(!is_camel_concatenation("Afghanistan"));
        assert!(!is_camel_concatenation("CSTO"));
        assert_eq!(doubled("RASC NewsRASC News"), Some("RASC News"));
        assert_eq!(doubled("Ad imageAd image"), Some("Ad image"));
        assert_eq!(doubled("Hello world"), None);
    }
}
