//! Language and script detection: `whatlang`, plus letter checks for the languages of the
//! region that `whatlang` does not know (Pashto, Tajik, Kazakh, Uzbek Cyrillic).

use std::cell::OnceCell;

use whatlang::{Info, Lang, Script};

/// Letters used by Pashto and not by Persian, Dari, Arabic or Urdu.
const PASHTO_LETTERS: &[char] = &['ټ', 'ډ', 'ړ', 'ږ', 'ښ', 'ځ', 'څ', 'ګ', 'ڼ', 'ې', 'ۍ'];

/// Detects the language of a text: ISO 639-1 where it exists (`en`, `ru`, `fa`, `ps`),
/// else ISO 639-3. `None` when the text has too few letters to tell.
///
/// ```
/// assert_eq!(
///     dossier_clean::detect_language("The ministers met in Astana on Thursday to discuss security.").as_deref(),
///     Some("en")
/// );
/// assert_eq!(dossier_clean::detect_language("123 456"), None);
/// ```
pub fn detect_language(text: &str) -> Option<String> {
    detect_language_of(text, None)
}

/// [`detect_language`], taking whatlang's findings from `known` when `known` is the same
/// sample (see [`Sample::same_as`]).
pub(crate) fn detect_language_of(text: &str, known: Option<&Sample>) -> Option<String> {
    let text = sample(text);
    let fresh;
    let known = match known.filter(|k| k.same_as(text)) {
        Some(k) => k,
        None => {
            fresh = Sample::new(text);
            &fresh
        }
    };
    if known.letters < 3 {
        return None;
    }
    match known.script {
        Some(Script::Arabic) => {
            // Pashto is not in whatlang: its own letters give it away.
            let pashto = text.chars().filter(|c| PASHTO_LETTERS.contains(c)).count();
            if pashto >= 1 && pashto * 200 >= known.letters {
                return Some("ps".to_owned());
            }
        }
        Some(Script::Cyrillic) => {
            let has = |set: &[char]| {
                text.chars()
                    .any(|c| set.contains(&c.to_lowercase().next().unwrap_or(c)))
            };
            if has(&['ҷ', 'ӣ', 'ӯ']) {
                return Some("tg".to_owned());
            }
            if has(&['ә', 'ұ', 'і']) && has(&['қ', 'ң', 'ғ', 'ө', 'ү']) {
                return Some("kk".to_owned());
            }
            if has(&['ў']) && has(&['қ', 'ғ', 'ҳ']) {
                return Some("uz".to_owned());
            }
        }
        _ => {}
    }
    let lang = known.info()?.lang();
    Some(iso_code(lang).to_owned())
}

/// A text sample with its letter count and script, and whatlang's verdict on it made on
/// first use (a whatlang detection on a full sample costs more than the rest of the
/// cleaning). The article's prose is asked twice, for the foreign-line test and for the
/// clean text's language, and both questions usually bear on the same words.
#[derive(Debug)]
pub(crate) struct Sample {
    text: String,
    /// Number of alphabetic characters.
    letters: usize,
    /// `whatlang::detect_script` of the text.
    script: Option<Script>,
    /// `whatlang::detect` of the text.
    info: OnceCell<Option<Info>>,
}

impl Sample {
    /// Takes a text already cut by [`sample`].
    pub(crate) fn new(text: &str) -> Sample {
        let (letters, script) = plain_script(text).unwrap_or_else(|| {
            (
                text.chars().filter(|c| c.is_alphabetic()).count(),
                whatlang::detect_script(text),
            )
        });
        Sample {
            text: text.to_owned(),
            letters,
            script,
            info: OnceCell::new(),
        }
    }

    /// [`script_of`] the text.
    pub(crate) fn script(&self) -> Option<Script> {
        if self.letters < 2 { None } else { self.script }
    }

    /// `whatlang::detect` of the text, computed once.
    pub(crate) fn info(&self) -> Option<&Info> {
        self.info
            .get_or_init(|| whatlang::detect(&self.text))
            .as_ref()
    }

    /// True when whatlang cannot tell `other` from this sample: the same bytes, except that
    /// a space may stand for a line break or the other way round. whatlang treats both alike,
    /// as it does every ASCII space, digit and punctuation character (its "stop"
    /// characters): it skips them when counting scripts and letters and reads them as a
    /// space in trigrams; neither is a letter, lower-cases to another character, or is
    /// case-ignorable (for the final sigma).
    pub(crate) fn same_as(&self, other: &str) -> bool {
        self.text.len() == other.len()
            && self
                .text
                .bytes()
                .zip(other.bytes())
                .all(|(a, b)| a == b || (matches!(a, b' ' | b'\n') && matches!(b, b' ' | b'\n')))
    }
}

/// The first few thousand bytes of a text (cut on a character boundary): language and
/// script identification are as sure on a sample as on a whole article, and much cheaper.
pub(crate) fn sample(text: &str) -> &str {
    const SAMPLE_BYTES: usize = 2048;
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A cheap test that a line is English: at least a tenth of its words, and at least two,
/// are English function words. Lets the per-line foreign-language check skip `whatlang`
/// for the ordinary lines of an English article.
pub(crate) fn looks_english(text: &str) -> bool {
    // "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as",
    // "by", "it", "are", "from", "has", "have", "at", "be", "this", "its", "their", "an",
    // "were", "which", "will", "not", "said", in any ASCII case.
    fn is_function_word(w: &str) -> bool {
        let mut buf = [0u8; 5];
        let Some(buf) = buf.get_mut(..w.len()) else {
            return false;
        };
        buf.copy_from_slice(w.as_bytes());
        buf.make_ascii_lowercase();
        matches!(
            &*buf,
            b"the"
                | b"of"
                | b"and"
                | b"to"
                | b"in"
                | b"a"
                | b"is"
                | b"that"
                | b"for"
                | b"on"
                | b"with"
                | b"was"
                | b"as"
                | b"by"
                | b"it"
                | b"are"
                | b"from"
                | b"has"
                | b"have"
                | b"at"
                | b"be"
                | b"this"
                | b"its"
                | b"their"
                | b"an"
                | b"were"
                | b"which"
                | b"will"
                | b"not"
                | b"said"
        )
    }
    let (mut words, mut hits) = (0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if w.len() <= 5 && is_function_word(w) {
            hits += 1;
        }
    }
    hits >= 2 && hits * 10 >= words
}

/// The language of a line when `whatlang` is sure of it (used to spot foreign lines).
pub(crate) fn reliable_language(text: &str) -> Option<Lang> {
    let info = whatlang::detect(text)?;
    (info.is_reliable() && info.confidence() >= 0.9).then(|| info.lang())
}

/// The dominant script of a text's letters.
pub(crate) fn script_of(text: &str) -> Option<Script> {
    let (letters, script) = plain_script(text).unwrap_or_else(|| {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        (letters, None)
    });
    if letters < 2 {
        return None;
    }
    if script.is_some() {
        return script;
    }
    whatlang::detect_script(text)
}

/// The letter count and `whatlang::detect_script` of a text made only of ASCII and general
/// punctuation (U+2000–U+206F: spaces, dashes, quotes, bullet, ellipsis), found without
/// whatlang: its letters are the ASCII ones, which whatlang counts as Latin, and whatlang
/// counts nothing else (checked by a test). `None` for any other text.
fn plain_script(text: &str) -> Option<(usize, Option<Script>)> {
    let mut letters = 0;
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            letters += 1;
        } else if !c.is_ascii() && !('\u{2000}'..='\u{206F}').contains(&c) {
            return None;
        }
    }
    Some((letters, (letters > 0).then_some(Script::Latin)))
}

/// ISO 639-1 code of a `whatlang` language where one exists, else its ISO 639-3 code.
pub(crate) fn iso_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_script_agrees_with_whatlang() {
        // Every character the shortcut accepts, alone and after a letter.
        let plain = (0u32..0x80)
            .chain(0x2000..=0x206F)
            .filter_map(char::from_u32);
        for c in plain {
            for text in [c.to_string(), format!("ab{c}"), format!("{c}{c}")] {
                let slow = (
                    text.chars().filter(|c| c.is_alphabetic()).count(),
                    whatlang::detect_script(&text),
                );
                assert_eq!(plain_script(&text), Some(slow), "{text:?}");
            }
        }
        assert_eq!(plain_script("Привет"), None);
        assert_eq!(plain_script("café"), None);
        assert_eq!(script_of("“Hello” — world…"), Some(Script::Latin));
        assert_eq!(script_of("Привет, мир"), Some(Script::Cyrillic));
        assert_eq!(script_of("a"), None);
    }

    #[test]
    fn sample_reuse() {
        let a = Sample::new("Ministers met in Astana. They spoke.");
        assert!(a.same_as("Ministers met in Astana.\nThey spoke."));
        assert!(!a.same_as("Ministers met in Astana.\nThey spoke!"));
        assert!(!a.same_as("Ministers met in Astana. They spoke"));
        assert_eq!(
            detect_language_of("Ministers met in Astana.\nThey spoke.", Some(&a)),
            detect_language("Ministers met in Astana.\nThey spoke.")
        );
    }
}
