//! Bytes to text: byte-order marks, UTF-8, UTF-16 without a BOM, legacy encodings
//! (guessed with `chardetng`), and the checks that reject empty, binary and undecodable
//! input.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from bytes, and the encoding it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without byte-order mark, line ends as in the input.
    pub text: String,
    /// The encoding's WHATWG name (`UTF-8`, `UTF-16LE`, `windows-1251`, …).
    pub encoding: &'static str,
}

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// No bytes, or only whitespace once decoded.
    #[error("empty: no text or only whitespace")]
    Empty,
    /// NUL bytes outside UTF-16, or too many control characters.
    #[error("binary content: NUL bytes or control characters")]
    Binary,
    /// Too many malformed byte sequences for the detected encoding.
    #[error(
        "undecodable: decoding as {encoding} needs {replacements} replacement characters in {chars}"
    )]
    Undecodable {
        /// The encoding that was tried.
        encoding: &'static str,
        /// Number of malformed byte sequences (each became U+FFFD).
        replacements: usize,
        /// Number of characters of the decoded text.
        chars: usize,
    },
}

/// Decodes the bytes of one document to text.
///
/// In order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides and is removed; bytes
/// with NULs are UTF-16 when the NULs fall on one byte parity only (else binary); valid
/// UTF-8 is UTF-8 (so is UTF-8 with a few broken sequences among many good ones); anything
/// else is guessed by `chardetng` and decoded with `encoding_rs`. The decoded text is then
/// checked: only whitespace is [`DecodeError::Empty`], many control characters are
/// [`DecodeError::Binary`], many replacement characters are [`DecodeError::Undecodable`].
///
/// ```
/// use dossier_corpus::decode;
/// let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Le café coûte 3 € — “très” cher, à Paris et à Genève");
/// let d = decode(&bytes).unwrap();
/// assert_eq!(d.encoding, "windows-1252");
/// assert!(d.text.starts_with("Le café coûte 3 €"));
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (encoding, text, replacements) = decode_unchecked(bytes)?;
    check_text(&text)?;
    let chars = text.chars().count();
    if too_many_replacements(replacements, chars) {
        return Err(DecodeError::Undecodable {
            encoding: encoding.name(),
            replacements,
            chars,
        });
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// Checks decoded text: only whitespace is `Empty`; a high share of control characters is
/// `Binary`. Shared with JSONL records, whose text comes decoded already.
pub(crate) fn check_text(text: &str) -> Result<(), DecodeError> {
    let mut chars = 0usize;
    let mut controls = 0usize;
    let mut blank = true;
    for c in text.chars() {
        chars += 1;
        if blank && !is_blank(c) {
            blank = false;
        }
        if is_binary_control(c) {
            controls += 1;
        }
    }
    if blank {
        return Err(DecodeError::Empty);
    }
    // Text files carry at most a stray control character (a DOS end-of-file mark, a
    // form feed); binary data decoded as text is full of them.
    if controls * CONTROL_SHARE_DENOMINATOR > chars {
        return Err(DecodeError::Binary);
    }
    Ok(())
}

/// Text is binary when more than 1 character in this many is a control character.
const CONTROL_SHARE_DENOMINATOR: usize = 100;

/// Whitespace, and the invisible characters that make a page look blank (zero-width
/// space and joiners, word joiner, a stray byte-order mark).
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// C0 controls other than tab, line feed, carriage return and form feed; DEL; C1 controls.
fn is_binary_control(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' | '\u{0C}' => false,
        '\u{00}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        _ => false,
    }
}

/// Rejects a decoding that needed many replacement characters: more than 1 in 100
/// characters once there are a few of them, or more than 1 in 10 at any count.
fn too_many_replacements(replacements: usize, chars: usize) -> bool {
    (replacements >= 3 && replacements * 100 > chars) || replacements * 10 > chars
}

/// Picks the encoding and decodes, returning the number of malformed sequences; applies
/// only the checks that decide the encoding (NUL bytes).
fn decode_unchecked(bytes: &[u8]) -> Result<(&'static Encoding, String, usize), DecodeError> {
    // A byte-order mark is the file's own statement of its encoding.
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, bad) = decode_counting(encoding, &bytes[bom_len..]);
        return Ok((encoding, text, bad));
    }
    // NUL bytes never occur in text of an ASCII-compatible encoding: either the text is
    // UTF-16 without a byte-order mark (ASCII-range characters have a zero high byte), or
    // the file is binary.
    if memchr_nul(bytes) {
        return match sniff_utf16(bytes) {
            Some(encoding) => {
                let (text, bad) = decode_counting(encoding, bytes);
                Ok((encoding, text, bad))
            }
            None => Err(DecodeError::Binary),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((UTF_8, text.to_owned(), 0)),
        // A download cut off in the middle of a multi-byte character: UTF-8 all along.
        Err(e) if e.error_len().is_none() => {
            let (text, bad) = decode_counting(UTF_8, bytes);
            return Ok((UTF_8, text, bad));
        }
        Err(_) => {}
    }
    // Mostly UTF-8 with a few broken sequences (a page stitched from parts, one stray
    // Latin-1 byte): legacy encodings almost never form valid multi-byte UTF-8 sequences,
    // so many valid ones against few broken ones mean UTF-8.
    let (utf8_text, utf8_bad) = decode_counting(UTF_8, bytes);
    let utf8_good = utf8_text
        .chars()
        .filter(|&c| !c.is_ascii() && c != '\u{FFFD}')
        .count();
    if utf8_good >= UTF8_GOOD_PER_BAD * utf8_bad {
        return Ok((UTF_8, utf8_text, utf8_bad));
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Allow);
    let (text, bad) = decode_counting(encoding, bytes);
    Ok((encoding, text, bad))
}

/// Invalid UTF-8 is still decoded as UTF-8 when it has at least this many valid non-ASCII
/// characters per malformed sequence.
const UTF8_GOOD_PER_BAD: usize = 4;

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Recognises UTF-16 without a byte-order mark by its byte pattern.
///
/// In UTF-16 text of an alphabetic script, the high byte of each code unit takes very few
/// values: `0x00` for ASCII (spaces, digits, punctuation, Latin letters) and one script
/// block (`0x04` for Cyrillic, `0x06` for Arabic, …). So one byte lane (odd positions for
/// little-endian, even for big-endian) is NUL in a good share of code units and almost
/// always NUL or one other value, while the other lane is almost never NUL. CJK text
/// without a byte-order mark is not recognised (its high bytes vary too much).
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    const SAMPLE: usize = 64 * 1024;
    let sample = &bytes[..bytes.len().min(SAMPLE) & !1];
    if sample.is_empty() {
        return None;
    }
    let mut even = [0usize; 256];
    let mut odd = [0usize; 256];
    for pair in sample.chunks_exact(2) {
        even[usize::from(pair[0])] += 1;
        odd[usize::from(pair[1])] += 1;
    }
    let units = sample.len() / 2;
    if is_high_byte_lane(&odd, &even, units) {
        Some(UTF_16LE)
    } else if is_high_byte_lane(&even, &odd, units) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when `high` looks like the high bytes of UTF-16 code units and `low` like the low
/// bytes (see [`sniff_utf16`]).
fn is_high_byte_lane(high: &[usize; 256], low: &[usize; 256], units: usize) -> bool {
    let nul = high[0];
    let other = high[1..].iter().copied().max().unwrap_or(0);
    // At least 5% NUL high bytes (spaces and punctuation of any alphabetic script) …
    nul * 20 >= units
        // … 90% of the high bytes are NUL or a single script block …
        && (nul + other) * 10 >= units * 9
        // … and the low bytes are rarely NUL (at most 5%, and far rarer than high NULs).
        && low[0] * 20 <= units
        && low[0] * 4 < nul
}

/// Decodes with `encoding` (no BOM sniffing), replacing each malformed sequence with
/// U+FFFD and counting them (a U+FFFD present in the input itself is not counted).
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut out = String::with_capacity(capacity);
    let mut src = bytes;
    let mut bad = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(src, &mut out, true);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(src.len())
                    .unwrap_or(src.len())
                    .max(16);
                out.reserve(more);
            }
            DecoderResult::Malformed(_, _) => {
                bad += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    (out, bad)
}

#[cfg(test)]
mod tests;
