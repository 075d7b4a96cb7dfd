//! Word lists: month and weekday names (Gregorian and Solar Hijri), number words, units,
//! and the words that make a bare number or month read as a date.
//!
//! Every lookup takes a lower-case word.

/// A unit of time, as used in durations and in "last week", "two days ago".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A Gregorian month: `(number, is_abbreviation)`. "May" is a full name.
pub(crate) fn month(word: &str) -> Option<(u32, bool)> {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if let Some(i) = FULL.iter().position(|m| *m == word) {
        return Some((i as u32 + 1, false));
    }
    let m = match word {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some((m, true))
}

/// ISO weekday number (Monday = 1) of a weekday name.
pub(crate) fn weekday(word: &str) -> Option<u32> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter().position(|d| *d == word).map(|i| i as u32 + 1)
}

/// Solar Hijri month number (1 = Hamal / Farvardin) of a Dari / Afghan or Iranian month
/// name, in the common English transliterations.
pub(crate) fn solar_hijri_month(word: &str) -> Option<u32> {
    Some(match word {
        // Afghan (Dari, zodiac) names, then the Iranian names.
        "hamal" | "farvardin" => 1,
        "sawr" | "saur" | "sowr" | "sor" | "ordibehesht" => 2,
        "jawza" | "jauza" | "jowza" | "jawzā" | "khordad" => 3,
        "saratan" | "tir" => 4,
        "asad" | "mordad" | "amordad" => 5,
        "sonbola" | "sunbula" | "sunbulah" | "sombola" | "sunbola" | "shahrivar" | "shahrewar" => 6,
        "mizan" | "mehr" => 7,
        "aqrab" | "akrab" | "aban" => 8,
        "qaws" | "qaus" | "qows" | "azar" => 9,
        "jadi" | "jaddi" | "jadee" | "dey" | "dei" => 10,
        "dalw" | "dalv" | "dalwa" | "bahman" => 11,
        "hut" | "hoot" | "hout" | "esfand" => 12,
        _ => return None,
    })
}

/// Islamic (lunar Hijri) month number of a month name, given as its letters only, lower
/// case, without spaces, hyphens or apostrophes ("Rabi' al-Awwal" → `rabialawwal`).
pub(crate) fn islamic_month(letters: &str) -> Option<u32> {
    let i = ISLAMIC_MONTHS.partition_point(|(name, _)| *name < letters);
    ISLAMIC_MONTHS
        .get(i)
        .filter(|(name, _)| *name == letters)
        .map(|&(_, month)| month)
}

/// True when `letters` begin (or are) an Islamic month name of [`islamic_month`].
pub(crate) fn begins_islamic_month(letters: &str) -> bool {
    // The names that begin with `letters` come first among those not before it.
    let i = ISLAMIC_MONTHS.partition_point(|(name, _)| *name < letters);
    ISLAMIC_MONTHS
        .get(i)
        .is_some_and(|(name, _)| name.starts_with(letters))
}

/// The spellings of the Islamic months (letters only, lower case, sorted) and their
/// numbers.
const ISLAMIC_MONTHS: &[(&str, u32)] = &[
    ("dhualhijja", 12),
    ("dhualhijjah", 12),
    ("dhualqadah", 11),
    ("dhualqidah", 11),
    ("dhulhijja", 12),
    ("dhulhijjah", 12),
    ("dhulqadah", 11),
    ("dhulqidah", 11),
    ("jumadaalakhira", 6),
    ("jumadaalakhirah", 6),
    ("jumadaalawwal", 5),
    ("jumadaalthani", 6),
    ("jumadaalula", 5),
    ("jumadai", 5),
    ("jumadaii", 6),
    ("jumadaluula", 5),
    ("jumadiulakhir", 6),
    ("jumadiulawwal", 5),
    ("moharram", 1),
    ("muharram", 1),
    ("rabialakhir", 4),
    ("rabialawal", 3),
    ("rabialawwal", 3),
    ("rabialthani", 4),
    ("rabii", 3),
    ("rabiii", 4),
    ("rabiulakhir", 4),
    ("rabiulawal", 3),
    ("rabiulawwal", 3),
    ("rabiulthani", 4),
    ("rabiusthani", 4),
    ("rajab", 7),
    ("ramadan", 9),
    ("ramadhan", 9),
    ("ramazan", 9),
    ("safar", 2),
    ("shaaban", 8),
    ("shaban", 8),
    ("shawal", 10),
    ("shawwal", 10),
    ("zulhijja", 12),
    ("zulhijjah", 12),
    ("zulqadah", 11),
    ("zulqaida", 11),
];

/// Words written after an Islamic year ("1446 AH").
pub(crate) fn is_islamic_era(word: &str) -> bool {
    matches!(word, "ah" | "h")
}

/// Words written after a Solar Hijri year ("1403 SH", "1403 AP", "1403 HS").
pub(crate) fn is_solar_hijri_era(word: &str) -> bool {
    matches!(word, "sh" | "ap" | "hs" | "hijri" | "solar")
}

/// The value of a number word, one to ninety (and "a dozen" style words are left out).
pub(crate) fn number_word(word: &str) -> Option<u32> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    if let Some(i) = ONES.iter().position(|w| *w == word) {
        return Some(i as u32);
    }
    Some(match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// A unit word, singular or plural: `(unit, plural)`.
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Words before a bare 4-digit number that make it read as a year ("in 2002", "since
/// 2014", "the year 2000", "early 2025").
pub(crate) fn is_year_trigger(word: &str) -> bool {
    matches!(
        word,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "of"
            | "year"
            | "early"
            | "late"
            | "mid"
            | "before"
            | "after"
            | "during"
            | "through"
            | "throughout"
            | "between"
            | "circa"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "for"
            | "to"
            | "around"
    )
}

/// Triggers after which a following lower-case word suggests a count, not a year ("of 2000
/// soldiers", "by 2000 votes"); "in 2002 the company" stays a year.
pub(crate) fn is_weak_year_trigger(word: &str) -> bool {
    matches!(word, "of" | "by" | "from" | "to" | "around" | "for")
}

/// Words before a bare month name that make it read as a date ("in March", "since May").
pub(crate) fn is_month_trigger(word: &str) -> bool {
    matches!(
        word,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "of"
            | "during"
            | "before"
            | "after"
            | "through"
            | "throughout"
            | "between"
            | "to"
            | "and"
            | "on"
            | "early"
            | "late"
            | "mid"
            | "end"
    )
}

/// Sentence words that place the event after the publication date.
pub(crate) fn is_future_cue(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "shall"
            | "ll"
            | "scheduled"
            | "upcoming"
            | "next"
            | "expected"
            | "due"
            | "slated"
            | "planned"
            | "plans"
            | "plan"
            | "coming"
            | "forthcoming"
            | "tomorrow"
            | "intends"
            | "going"
            | "should"
            | "until"
            | "till"
    )
}

/// Irregular past-tense verbs and other words that place the event before publication
/// (regular "-ed" verbs are recognised by their ending).
pub(crate) fn is_past_cue(word: &str) -> bool {
    matches!(
        word,
        "was"
            | "were"
            | "had"
            | "did"
            | "ago"
            | "last"
            | "yesterday"
            | "earlier"
            | "said"
            | "told"
            | "took"
            | "met"
            | "held"
            | "made"
            | "came"
            | "went"
            | "gave"
            | "saw"
            | "began"
            | "became"
            | "found"
            | "left"
            | "spoke"
            | "won"
            | "lost"
            | "fell"
            | "rose"
            | "got"
            | "led"
            | "kept"
            | "brought"
            | "thought"
            | "sent"
            | "paid"
            | "ran"
            | "wrote"
            | "struck"
            | "stood"
            | "sought"
            | "fought"
            | "built"
            | "shot"
            | "sold"
            | "bought"
            | "flew"
            | "drew"
            | "grew"
            | "knew"
            | "meant"
            | "felt"
            | "heard"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn islamic_months_are_sorted_and_found() {
        assert!(ISLAMIC_MONTHS.windows(2).all(|w| w[0].0 < w[1].0));
        for &(name, month) in ISLAMIC_MONTHS {
            assert_eq!(islamic_month(name), Some(month), "{name}");
            for end in 1..=name.len() {
                assert!(begins_islamic_month(&name[..end]), "{name}");
            }
        }
        assert_eq!(islamic_month("rabi"), None);
        assert_eq!(islamic_month("ramadans"), None);
        assert!(!begins_islamic_month("ramadans"));
        assert!(!begins_islamic_month("president"));
        assert!(!begins_islamic_month("zz"));
    }
}
