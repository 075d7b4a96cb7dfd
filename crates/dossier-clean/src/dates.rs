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
/// What may stand around a date on a date-only line: weekdays, times, zones, separators.
static DATE_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[\s,|·•/–—-]|at|on|\d{1,2}[:.]\d{2}(?::\d{2})?|am|pm|a\.m\.|p\.m\.|gmt|utc|[+-]\d{1,2}(?::?\d{2})?|cet|est|edt|pst|ist|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?)*$",
    )
    .unwrap()
});

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
        consider(date(&c[1], &c[2], &c[3]), m.start(), m.end());
    }
    if let Some(c) = NUMERIC.captures(text) {
        let m = c.get(0).unwrap();
        let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        // Day first, as most of the world writes it; month first only when the day
        // cannot be the first number (11/25/2024).
        let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        consider(
            Date::new(c[3].parse().ok()?, month, day),
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

fn date(y: &str, m: &str, d: &str) -> Option<Date> {
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The date when the whole line is a date (with weekday, time or zone around it).
pub(crate) fn date_only(text: &str) -> Option<Date> {
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
}
