//! Small text helpers shared by the stages.

/// Converts a byte offset in `text` to a Unicode code-point offset.
///
/// `byte` must lie on a character boundary (or at `text.len()`).
///
/// ```
/// assert_eq!(dossier_core::char_offset("CSTO’s", 7), 5);
/// ```
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// A stable, readable identifier fragment for a name: lower case, letters and digits kept
/// (Latin letters lose their accents), everything else collapsed to one `-`.
///
/// ```
/// assert_eq!(
///     dossier_core::slugify("Islamic State – Khorasan Province"),
///     "islamic-state-khorasan-province"
/// );
/// assert_eq!(dossier_core::slugify("Al-Qa’ida"), "al-qaida");
/// ```
pub fn slugify(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        // Apostrophes join the letters around them ("Qa’ida" -> "qaida").
        if matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`') {
            continue;
        }
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            for l in c.to_lowercase() {
                match fold_latin(l) {
                    Some(ascii) => out.push_str(ascii),
                    None => out.push(l),
                }
            }
        } else {
            dash = true;
        }
    }
    out
}

/// Folds the common accented Latin letters to ASCII; anything else is kept as it is.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        'ð' => "d",
        _ => return None,
    })
}
