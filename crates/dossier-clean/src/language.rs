//! Language and script detection: `whatlang`, plus letter checks for the languages of the
//! region that `whatlang` does not know (Pashto, Tajik, Kazakh, Uzbek Cyrillic).

use whatlang::{Lang, Script};

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
    let text = sample(text);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return None;
    }
    match whatlang::detect_script(text) {
        Some(Script::Arabic) => {
            // Pashto is not in whatlang: its own letters give it away.
            let pashto = text.chars().filter(|c| PASHTO_LETTERS.contains(c)).count();
            if pashto >= 1 && pashto * 200 >= letters {
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
    let lang = whatlang::detect_lang(text)?;
    Some(iso_code(lang).to_owned())
}

/// The first few thousand bytes of a text (cut on a character boundary): language and
/// script identification are as sure on a sample as on a whole article, and much cheaper.
pub(crate) fn sample(text: &str) -> &str {
    const SAMPLE_BYTES: usize = 4096;
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
    const FUNCTION_WORDS: &[&str] = &[
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as", "by",
        "it", "are", "from", "has", "have", "at", "be", "this", "its", "their", "an", "were",
        "which", "will", "not", "said",
    ];
    let (mut words, mut hits) = (0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if w.len() <= 5 && FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)) {
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
    if text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    whatlang::detect_script(text)
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
