//! Name normalisation: lookup keys, transliteration keys and edit distance.

/// The base letter of a Latin letter with a diacritic (lower case), or the letter itself.
fn base_letter(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ə' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' | 'ḥ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṣ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'ṭ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' | 'ẓ' => "z",
        'þ' => "th",
        _ => "",
    }
}

/// Lower case without diacritics (Latin letters); other characters lower-cased as they are.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match base_letter(c) {
            "" => out.push(c),
            b => out.push_str(b),
        }
    }
    out
}

/// The lookup key of a name: folded, apostrophes and periods dropped, dashes, hyphens and
/// other punctuation turned into spaces, a leading "the" dropped, spaces collapsed.
/// "Islamic State – Khorasan Province" → "islamic state khorasan province"; "U.S." → "us".
pub(crate) fn name_key(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ' | 'ʻ' | '.') {
            continue;
        } else {
            out.push(' ');
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// A spelling that irons out common romanisation variants of one word (already
/// [`name_key`]-normalised): `dzh`/`zh` → `j`, `kh` → `h`, `q` → `k`, `w` → `v`,
/// `y` → `i`, `ou`/`oo` → `u`, `ee` → `i`, doubled letters once.
pub(crate) fn translit(word: &str) -> String {
    let mut s = word.to_string();
    for (from, to) in [
        ("dzh", "j"),
        ("zh", "j"),
        ("kh", "h"),
        ("sch", "sh"),
        ("tch", "ch"),
        ("ph", "f"),
        ("ck", "k"),
        ("q", "k"),
        ("w", "v"),
        ("y", "i"),
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
    ] {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// The consonant skeleton of a [`translit`] spelling: an initial vowel becomes `a`, later
/// vowels are dropped ("tasmagambetov" and "tasmagambitov" → "tsmgmbtv"; "imangali" and
/// "amangali" → "amngl").
pub(crate) fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (i, c) in word.chars().enumerate() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        if i == 0 && vowel {
            out.push('a');
        } else if !vowel && c != '-' {
            out.push(c);
        }
    }
    out
}

/// The [`translit`] spelling of each word of a name ("Kassym-Zhomart Tokayev" →
/// `kasim`, `jomart`, `tokaiev`).
pub(crate) fn translit_words(name: &str) -> Vec<String> {
    name_key(name).split(' ').map(translit).collect()
}

/// The consonant skeletons of [`translit_words`], joined: names that may be spellings of
/// one another share it.
pub(crate) fn skeleton_key(words: &[String]) -> String {
    let sk: Vec<String> = words.iter().map(|w| skeleton(w)).collect();
    sk.join(" ")
}

/// Two names spelled as [`translit_words`] are spellings of one name: as many words, each
/// at most one edit apart (two for words of 8 letters or more).
pub(crate) fn close_spellings(a: &[String], b: &[String]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(a, b)| {
            let limit = if a.len().min(b.len()) >= 8 { 2 } else { 1 };
            edit_distance(a, b) <= limit
        })
}

/// Levenshtein distance in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// An acronym: one word, at least two capitals, capitals at least half its letters.
pub(crate) fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    !s.contains(char::is_whitespace) && upper >= 2 && upper * 2 >= letters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(
            name_key("Islamic State – Khorasan Province"),
            "islamic state khorasan province"
        );
        assert_eq!(name_key("ISIS-K"), "isis k");
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("Da’esh"), "daesh");
        assert_eq!(name_key("The Taliban"), "taliban");
        assert_eq!(name_key("São Paulo"), "sao paulo");
    }

    #[test]
    fn transliteration_keys() {
        assert_eq!(skeleton(&translit("tasmagambetov")), "tsmgmbtv");
        assert_eq!(skeleton(&translit("tasmagambitov")), "tsmgmbtv");
        assert_eq!(skeleton(&translit("imangali")), "amngl");
        assert_eq!(skeleton(&translit("amangali")), "amngl");
        assert_eq!(translit("sergey"), translit("sergei"));
        assert_eq!(translit("zhaparov"), translit("japarov"));
        assert_eq!(edit_distance("imangali", "amangali"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        let a = translit_words("Kassym-Zhomart Tokaev");
        let b = translit_words("Kassym-Jomart Tokayev");
        assert_eq!(skeleton_key(&a), skeleton_key(&b));
        assert!(close_spellings(&a, &b));
        let c = translit_words("Sergey Lebedev");
        assert!(!close_spellings(&c, &translit_words("Sergey Lavrov")));
        assert!(!close_spellings(&c, &translit_words("Sergey Lebedev Jr")));
    }
}
