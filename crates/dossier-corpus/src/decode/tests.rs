//! Unit tests of decoding: each encoding, and the rejections.

use super::*;

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut units: Vec<u16> = Vec::new();
    if bom {
        units.push(0xFEFF);
    }
    units.extend(text.encode_utf16());
    units
        .iter()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(
        !unmappable,
        "{text:?} is not representable in {}",
        encoding.name()
    );
    bytes.into_owned()
}

const ENGLISH: &str = "The Collective Security Treaty Organization (CSTO) met in Moscow.\r\n\
    Foreign ministers discussed Afghanistan.\n";
const RUSSIAN: &str = "Организация Договора о коллективной безопасности (ОДКБ) заявила, \
    что источник террористических угроз находится в Афганистане.\n\
    Министры иностранных дел провели встречу в Москве в среду, 11 декабря.\n";
const FRENCH: &str = "Le ministre a déclaré : « la menace est réelle ». \
    Selon l’agence, le coût dépasse 3 millions d’€ — “une somme énorme” pour l’été.\n\
    Les négociations reprendront à Genève après la fête de Noël.\n";

#[test]
fn utf8_plain_and_crlf_kept() {
    let d = decode(ENGLISH.as_bytes()).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.text, ENGLISH);
    let d = decode(RUSSIAN.as_bytes()).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("UTF-8", RUSSIAN));
}

#[test]
fn utf8_bom_is_removed() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(FRENCH.as_bytes());
    let d = decode(&bytes).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("UTF-8", FRENCH));
}

#[test]
fn utf16_with_bom() {
    for big_endian in [false, true] {
        for text in [ENGLISH, RUSSIAN, "中文新闻：阿富汗局势。"] {
            let d = decode(&utf16(text, big_endian, true)).unwrap();
            let expected = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
            assert_eq!((d.encoding, d.text.as_str()), (expected, text));
        }
    }
}

#[test]
fn utf16_without_bom() {
    for big_endian in [false, true] {
        let expected = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
        for text in [ENGLISH, RUSSIAN, FRENCH, "a"] {
            let d = decode(&utf16(text, big_endian, false)).unwrap();
            assert_eq!((d.encoding, d.text.as_str()), (expected, text), "{text}");
        }
    }
}

#[test]
fn windows_1251_russian() {
    let d = decode(&encode(encoding_rs::WINDOWS_1251, RUSSIAN)).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("windows-1251", RUSSIAN));
    // A short line too.
    let short = "Привет, мир! Как дела?";
    let d = decode(&encode(encoding_rs::WINDOWS_1251, short)).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("windows-1251", short));
}

#[test]
fn koi8_russian() {
    let d = decode(&encode(encoding_rs::KOI8_R, RUSSIAN)).unwrap();
    assert!(d.encoding.starts_with("KOI8"), "{}", d.encoding);
    assert_eq!(d.text, RUSSIAN);
}

#[test]
fn windows_1252_with_smart_quotes_euro_and_accents() {
    let d = decode(&encode(encoding_rs::WINDOWS_1252, FRENCH)).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("windows-1252", FRENCH));
    let german = "Der Außenminister sagte: „Die Lage ist ernst“ – die Kosten über 5 € pro Kopf.";
    let d = decode(&encode(encoding_rs::WINDOWS_1252, german)).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("windows-1252", german));
    let spanish = "El ministro señaló que “la amenaza” persiste en el norte del país; costó 10 €.";
    let d = decode(&encode(encoding_rs::WINDOWS_1252, spanish)).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("windows-1252", spanish));
}

#[test]
fn other_legacy_encodings() {
    let greek = "Ο υπουργός Εξωτερικών δήλωσε ότι η απειλή από το Αφγανιστάν παραμένει σοβαρή.";
    let d = decode(&encode(encoding_rs::WINDOWS_1253, greek)).unwrap();
    assert_eq!(d.text, greek, "{}", d.encoding);
    let japanese = "外務大臣は、アフガニスタンからのテロの脅威が続いていると述べた。";
    let d = decode(&encode(encoding_rs::SHIFT_JIS, japanese)).unwrap();
    assert_eq!((d.encoding, d.text.as_str()), ("Shift_JIS", japanese));
}

#[test]
fn utf8_cut_in_the_middle_of_a_character() {
    let mut bytes = "Kabul – Moscow ".as_bytes().to_vec();
    bytes.extend_from_slice(&"–".as_bytes()[..2]);
    let d = decode(&bytes).unwrap();
    assert_eq!(
        (d.encoding, d.text.as_str()),
        ("UTF-8", "Kabul – Moscow \u{FFFD}")
    );
}

#[test]
fn mostly_utf8_with_a_stray_latin1_byte() {
    let mut bytes = RUSSIAN.as_bytes().to_vec();
    bytes.extend_from_slice(b" caf\xE9\n");
    let d = decode(&bytes).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.text.starts_with(RUSSIAN));
    assert!(d.text.ends_with(" caf\u{FFFD}\n"));
}

#[test]
fn replacement_character_in_the_input_is_not_counted() {
    let text = "\u{FFFD}\u{FFFD}\u{FFFD} broken upstream";
    let d = decode(&utf16(text, false, true)).unwrap();
    assert_eq!(d.text, text);
}

#[test]
fn empty_and_whitespace() {
    assert_eq!(decode(b""), Err(DecodeError::Empty));
    assert_eq!(decode(b" \r\n\t\n"), Err(DecodeError::Empty));
    assert_eq!(decode(b"\xEF\xBB\xBF"), Err(DecodeError::Empty));
    assert_eq!(
        decode("\u{A0}\u{200B}\n".as_bytes()),
        Err(DecodeError::Empty)
    );
    assert_eq!(decode(&utf16(" \n ", false, true)), Err(DecodeError::Empty));
}

#[test]
fn binary() {
    // PNG header and a chunk: NUL bytes on both parities.
    let png =
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00";
    assert_eq!(decode(png), Err(DecodeError::Binary));
    // A single NUL in ASCII text.
    assert_eq!(
        decode(b"hello\x00world, this is text"),
        Err(DecodeError::Binary)
    );
    // No NUL, but control characters everywhere.
    let noisy: Vec<u8> = (0..400u32)
        .map(|i| {
            if i % 7 == 0 {
                0x01
            } else {
                b'a' + (i % 26) as u8
            }
        })
        .collect();
    assert_eq!(decode(&noisy), Err(DecodeError::Binary));
    // UTF-16 with a BOM that hides binary data.
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend((0..200u16).flat_map(|i| (i % 20).to_le_bytes()));
    assert_eq!(decode(&bytes), Err(DecodeError::Binary));
}

#[test]
fn stray_control_characters_are_tolerated() {
    let text = format!("{ENGLISH}\u{0C}{ENGLISH}\u{1A}");
    assert_eq!(decode(text.as_bytes()).unwrap().text, text);
}

#[test]
fn undecodable() {
    // UTF-16 with a BOM, then unpaired surrogates.
    let mut bytes = vec![0xFF, 0xFE];
    for _ in 0..20 {
        bytes.extend_from_slice(&0xD800u16.to_le_bytes());
        bytes.extend_from_slice(&u16::from(b'a').to_le_bytes());
    }
    assert!(matches!(
        decode(&bytes),
        Err(DecodeError::Undecodable {
            encoding: "UTF-16LE",
            replacements: 20,
            chars: 40
        })
    ));
}
