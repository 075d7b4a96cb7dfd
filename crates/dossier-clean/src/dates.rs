//! Publication dates as pages write them: ISO, day-first numeric, month names (English
//! and Russian), with optional weekday and time around them.

use std::sync::LazyLock;

use dossier_core::Date;
use regex::Regex;

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря";

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)").unwrap());
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b").unwrap());
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?,?\s+(\d{{4}})\b"
    ))
    .unwrap()
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .unwrap()
});
/// What may stand around a date on a date-only line: weekdays, times, zones, separators,
/// an "Updated 2 hours ago" after it. One piece; a run of them is [`DATE_FILLER`].
const FILLER: &str = r"[\s,|·•/–—():\[\]-]|at|on|published|posted|updated|last|modified|ago|опубликовано|обновлено|изменено|г\.|года?|в|\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?)\s+ago|\d{1,2}[:.]\d{2}(?::\d{2})?|am|pm|a\.m\.|p\.m\.|gmt|utc|[+-]\d{1,2}(?::?\d{2})?|cet|est|edt|pst|ist|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?";
static DATE_FILLER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^(?:{FILLER})*$")).unwrap());
/// The start of a date-only line: filler, then what a date starts with (a digit or a
/// month). A cheap anchored test that rejects prose lines before [`find_date`] runs.
static DATE_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^(?:{FILLER})*(?:\d|{MONTHS})")).unwrap());

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let i = MONTHS.split('|').position(|m| m == n)?;
    Some(match i {
        0..=11 => i as u32 + 1,
        12..=15 => i as u32 - 11, // jan feb mar apr
        16 => 6,
        17 => 7,
        18 => 8,
        19 | 20 => 9,
        21 => 10,
        22 => 11,
        23 => 12,
        _ => i as u32 - 23, // Russian genitives
    })
}

/// The first date written in `text`, with its byte range.
pub(crate) fn find_date(text: &str) -> Option<(Date, usize, usize)> {
    // Every pattern holds a decimal digit (`\d`, a kind of numeric character).
    if !has_numeric(text) {
        return None;
    }
    let mut best: Option<(Date, usize, usize)> = None;
    let mut consider = |d: Option<Date>, s: usize, e: usize| {
        if let Some(d) = d
            && best.is_none_or(|(_, bs, _)| s < bs)
        {
            best = Some((d, s, e));
        }
    };
    if let Some(c) = ISO.captures(text) {
        let m = c.get(0).unwrap();
        let (y, mo, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        // 1300–1499 is a Solar Hijri year (Afghanistan and Iran write 1403/09/05).
        let d = if (1300..1500).contains(&y) {
            solar_hijri(y, mo, d)
        } else {
            plausible(Date::new(y, mo, d))
        };
        consider(d, m.start(), m.end());
    }
    if let Some(c) = NUMERIC.captures(text) {
        let m = c.get(0).unwrap();
        let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        // Day first, as most of the world writes it; month first only when the day
        // cannot be the first number (11/25/2024).
        let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        consider(
            plausible(Date::new(c[3].parse().ok()?, month, day)),
            m.start(),
            m.end(),
        );
    }
    if let Some(c) = DAY_MONTH.captures(text) {
        let m = c.get(0).unwrap();
        let d = month_number(&c[2])
            .and_then(|mo| Date::new(c[3].parse().ok()?, mo, c[1].parse().ok()?));
        consider(d, m.start(), m.end());
    }
    if let Some(c) = MONTH_DAY.captures(text) {
        let m = c.get(0).unwrap();
        let d = month_number(&c[1])
            .and_then(|mo| Date::new(c[3].parse().ok()?, mo, c[2].parse().ok()?));
        consider(d, m.start(), m.end());
    }
    best
}

/// True when `text` holds a numeric character (`\d` matches a subset of them).
fn has_numeric(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii() && text.chars().any(char::is_numeric))
}

/// A publication date of the web era; anything else is a number that looks like a date.
fn plausible(d: Option<Date>) -> Option<Date> {
    d.filter(|d| (1990..=2100).contains(&d.year()))
}

/// The Gregorian date of a Solar Hijri (Persian calendar) date.
fn solar_hijri(year: i32, month: u32, day: u32) -> Option<Date> {
    if !(1..=12).contains(&month) || day == 0 || day > if month <= 6 { 31 } else { 30 } {
        return None;
    }
    // Days since 1 Farvardin of `year`, then counted from a known Nowruz (20 March 2024
    // = 1 Farvardin 1403). The 33-year leap rule is good for the years near today.
    let day_of_year = if month <= 6 {
        (month - 1) * 31 + day - 1
    } else {
        186 + (month - 7) * 30 + day - 1
    } as i64;
    let is_leap = |y: i32| matches!(y.rem_euclid(33), 1 | 5 | 9 | 13 | 17 | 22 | 26 | 30);
    let mut days = day_of_year;
    let mut y = 1403;
    while y < year {
        days += if is_leap(y) { 366 } else { 365 };
        y += 1;
    }
    while y > year {
        y -= 1;
        days -= if is_leap(y) { 366 } else { 365 };
    }
    plausible(Some(Date::new(2024, 3, 20)?.add_days(days)))
}

fn date(y: &str, m: &str, d: &str) -> Option<Date> {
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The date when the whole line is a date (with weekday, time or zone around it).
pub(crate) fn date_only(text: &str) -> Option<Date> {
    // The date found starts with a digit or a month, after filler only.
    if !DATE_LEAD.is_match(text) {
        return None;
    }
    let (d, s, e) = find_date(text)?;
    (DATE_FILLER.is_match(&text[..s]) && DATE_FILLER.is_match(&text[e..])).then_some(d)
}

/// A date in a URL path: `/2024/11/25/` or `/2024-11-25`.
pub(crate) fn date_in_url(url: &str) -> Option<Date> {
    static URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)").unwrap()
    });
    let c = URL.captures(url)?;
    date(&c[1], &c[2], &c[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        find_date(s).map(|(d, _, _)| d.to_string())
    }

    #[test]
    fn formats() {
        assert_eq!(d("Published 25/11/2024").as_deref(), Some("2024-11-25"));
        assert_eq!(d("11/25/2024").as_deref(), Some("2024-11-25"));
        assert_eq!(d("November 25, 2024").as_deref(), Some("2024-11-25"));
        assert_eq!(d("25th of Nov. 2024").as_deref(), Some("2024-11-25"));
        assert_eq!(d("2024-11-25T10:00").as_deref(), Some("2024-11-25"));
        assert_eq!(d("25 ноября 2024 г.").as_deref(), Some("2024-11-25"));
        assert_eq!(d("Sept 3, 2023").as_deref(), Some("2023-09-03"));
        assert_eq!(d("no date here 2024"), None);
        assert_eq!(d("1403/09/05").as_deref(), Some("2024-11-25"));
        assert_eq!(d("1402/12/29").as_deref(), Some("2024-03-19"));
        assert_eq!(d("0031/12/2024"), None);
        assert_eq!(d("Serial 1234-12-12"), None);
        assert!(date_only("November 25, 2024 5:42 PM GMT+5 Updated 2 hours ago").is_some());
        assert!(date_only("25.11.2024, 10:15 (обновлено: 11:02)").is_some());
        assert!(date_only("Monday, November 25, 2024 at 10:30 am").is_some());
        assert!(date_only("13/05/2023").is_some());
        assert!(date_only("RASC 25/11/2024").is_none());
        assert_eq!(
            date_in_url("https://x.com/2024/11/25/csto-warns/")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2024-11-25")
        );
        assert_eq!(date_in_url("https://x.com/news/12345"), None);
    }

    #[test]
    fn filler_pattern_is_the_original() {
        assert_eq!(
            DATE_FILLER.as_str(),
            r"(?i)^(?:[\s,|·•/–—():\[\]-]|at|on|published|posted|updated|last|modified|ago|опубликовано|обновлено|изменено|г\.|года?|в|\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?)\s+ago|\d{1,2}[:.]\d{2}(?::\d{2})?|am|pm|a\.m\.|p\.m\.|gmt|utc|[+-]\d{1,2}(?::?\d{2})?|cet|est|edt|pst|ist|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?)*$"
        );
    }
}
