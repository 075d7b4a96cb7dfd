//! The resolver: turns an [`Expr`] into a TIMEX3 type and value, anchored on the
//! publication date when there is one.

use dossier_core::{Date, TimexType};

use crate::calendar::{
    gregorian_to_solar_hijri, islamic_to_gregorian, islamic_year, iso_week,
    solar_hijri_to_gregorian,
};
use crate::expr::{Clock, Expr, Lean, YearRef};
use crate::lexicon::Unit;
use crate::tense::Tense;

/// A resolved expression: TIMEX3 type, value, and whether it is a DATE mention.
pub(crate) struct Resolved {
    pub(crate) kind: TimexType,
    pub(crate) value: String,
    pub(crate) is_mention: bool,
}

/// How far (in days) an occurrence on the wrong side of the anchor may be preferred over
/// one on the side the tense asks for: a wrong-side occurrence wins only when the
/// right-side one is this much further away (the anchor may be a republication date, the
/// tense cue may be wrong).
/// With 335, a wrong-side date wins only when it lies within about two weeks of the anchor.
const WRONG_SIDE_PENALTY_DAYS: i64 = 335;

/// The reference time of anaphoric expressions ("the same day", "the previous year",
/// "two days later"): the last date the text mentioned, at each granularity, starting from
/// the anchor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Reference {
    year: Option<i32>,
    month: Option<u32>,
    /// The year of `month`.
    month_year: Option<i32>,
    day: Option<Date>,
}

impl Reference {
    /// The reference time before any mention: the anchor.
    pub(crate) fn new(anchor: Option<Date>) -> Reference {
        Reference {
            year: anchor.map(|a| a.year()),
            month: anchor.map(|a| a.month()),
            month_year: anchor.map(|a| a.year()),
            day: anchor,
        }
    }

    /// Moves the reference time to a resolved DATE or TIME value (`2009-04-03`,
    /// `2009-04`, `2009`, `2009-04-03T16:00`); other values leave it. Each granularity
    /// moves on its own: a year leaves the last day named in place.
    pub(crate) fn update(&mut self, kind: TimexType, value: &str) {
        if !matches!(kind, TimexType::Date | TimexType::Time) {
            return;
        }
        let b = value.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b.get(r.clone())
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                .then(|| value[r].parse::<u32>().ok())
                .flatten()
        };
        let Some(year) = digits(0..4) else { return };
        let year = year as i32;
        let month = if b.get(4) == Some(&b'-') {
            digits(5..7).filter(|m| (1..=12).contains(m))
        } else {
            None
        };
        let day = month
            .and_then(|_| (b.get(7) == Some(&b'-')).then(|| value.get(..10)).flatten())
            .and_then(Date::parse_iso);
        // Each granularity keeps its own last mention: "on Friday … in March … ending the
        // day" is still Friday.
        if day.is_some() {
            self.day = day;
        }
        if let Some(m) = month {
            self.month = Some(m);
            self.month_year = Some(year);
        }
        self.year = Some(year);
    }
}

/// Resolves `expr` given the publication date, the reference time of anaphoric
/// expressions, and the tense of its sentence.
pub(crate) fn resolve(
    expr: &Expr,
    anchor: Option<Date>,
    reference: &Reference,
    tense: Tense,
) -> Resolved {
    let date = |value: String| Resolved {
        kind: TimexType::Date,
        value,
        is_mention: true,
    };
    match *expr {
        Expr::Date {
            year: Some(y),
            month,
            day,
        } => date(ymd(y, month, day)),
        Expr::Date {
            year: None,
            month,
            day,
        } => match anchor {
            Some(a) => {
                let candidates =
                    (a.year() - 1..=a.year() + 1).filter_map(|y| Date::new(y, month, day));
                match choose_day(a, candidates, tense, Lean::Tense) {
                    Some(d) => date(d.to_string()),
                    None => date(format!("XXXX-{month:02}-{day:02}")),
                }
            }
            None => date(format!("XXXX-{month:02}-{day:02}")),
        },
        Expr::Month {
            year: Some(y),
            month,
            ..
        } => date(format!("{y:04}-{month:02}")),
        Expr::Month {
            year: None,
            month,
            lean,
        } => match anchor {
            Some(a) => {
                let here = i64::from(a.year()) * 12 + i64::from(a.month()) - 1;
                let candidates =
                    (-1..=1).map(|dy| (i64::from(a.year()) + dy) * 12 + i64::from(month) - 1);
                let chosen = choose(here, candidates, tense, lean, 10).unwrap_or(here);
                date(format!(
                    "{:04}-{:02}",
                    chosen.div_euclid(12),
                    chosen.rem_euclid(12) + 1
                ))
            }
            None => date(format!("XXXX-{month:02}")),
        },
        Expr::MonthOfYear { month, years } => match anchor {
            Some(a) => date(format!("{:04}-{month:02}", i64::from(a.year()) + years)),
            None => date(format!("XXXX-{month:02}")),
        },
        Expr::Quarter { quarter, year } => {
            let value = match (year, anchor) {
                (YearRef::Given(y), _) => format!("{y:04}-Q{quarter}"),
                (YearRef::Relative(n), Some(a)) => {
                    format!("{:04}-Q{quarter}", i64::from(a.year()) + n)
                }
                (YearRef::Near(lean), Some(a)) => {
                    let here = i64::from(a.year()) * 4 + (i64::from(a.month()) - 1) / 3;
                    let candidates =
                        (-1..=1).map(|dy| (i64::from(a.year()) + dy) * 4 + i64::from(quarter) - 1);
                    let chosen = choose(here, candidates, tense, lean, 3).unwrap_or(here);
                    format!("{:04}-Q{}", chosen.div_euclid(4), chosen.rem_euclid(4) + 1)
                }
                (_, None) => format!("XXXX-Q{quarter}"),
            };
            date(value)
        }
        Expr::Season { season, year } => {
            let value = match (year, anchor) {
                (YearRef::Given(y), _) => format!("{y:04}-{season}"),
                (YearRef::Relative(n), Some(a)) => {
                    format!("{:04}-{season}", i64::from(a.year()) + n)
                }
                (YearRef::Near(lean), Some(a)) => {
                    // A season as its middle month: spring April, summer July, autumn
                    // October, winter January.
                    let mid = match season {
                        "SP" => 3,
                        "SU" => 6,
                        "FA" => 9,
                        _ => 0,
                    };
                    let here = i64::from(a.year()) * 12 + i64::from(a.month()) - 1;
                    let candidates = (-1..=1).map(|dy| (i64::from(a.year()) + dy) * 12 + mid);
                    let lean = if lean == Lean::Same {
                        Lean::Tense
                    } else {
                        lean
                    };
                    let chosen = choose(here, candidates, tense, lean, 6).unwrap_or(here);
                    format!("{:04}-{season}", chosen.div_euclid(12))
                }
                (_, None) => format!("XXXX-{season}"),
            };
            date(value)
        }
        Expr::Set(value) => Resolved {
            kind: TimexType::Set,
            value: value.to_owned(),
            is_mention: false,
        },
        Expr::SetEvery { amount, unit } => Resolved {
            kind: TimexType::Set,
            value: duration(Some(amount), unit),
            is_mention: false,
        },
        Expr::Period(value) => Resolved {
            kind: TimexType::Duration,
            value: value.to_owned(),
            is_mention: false,
        },
        Expr::Year(y) => date(format!("{y:04}")),
        Expr::Decade(d) => date(format!("{d:03}")),
        Expr::Weekday { day, lean } => match anchor {
            Some(a) => date(weekday_near(a, day, lean, tense).to_string()),
            None => date(format!("XXXX-WXX-{day}")),
        },
        Expr::SolarHijri {
            year: Some(y),
            month,
            day,
        } => match solar_hijri_to_gregorian(y, month, day) {
            Some(d) => date(d.to_string()),
            None => date("XXXX-XX-XX".to_owned()),
        },
        Expr::SolarHijri {
            year: None,
            month,
            day,
        } => match anchor {
            Some(a) => {
                let (sy, _, _) = gregorian_to_solar_hijri(a);
                let candidates =
                    (sy - 1..=sy + 1).filter_map(|y| solar_hijri_to_gregorian(y, month, day));
                match choose_day(a, candidates, tense, Lean::Tense) {
                    Some(d) => date(d.to_string()),
                    None => date("XXXX-XX-XX".to_owned()),
                }
            }
            None => date("XXXX-XX-XX".to_owned()),
        },
        Expr::Islamic {
            year: Some(y),
            month,
            day,
        } => match islamic_to_gregorian(y, month, day) {
            Some(d) => date(d.to_string()),
            None => date("XXXX-XX-XX".to_owned()),
        },
        Expr::Islamic {
            year: None,
            month,
            day,
        } => match anchor {
            Some(a) => {
                let hy = islamic_year(a);
                let candidates =
                    (hy - 1..=hy + 1).filter_map(|y| islamic_to_gregorian(y, month, day));
                match choose_day(a, candidates, tense, Lean::Tense) {
                    Some(d) => date(d.to_string()),
                    None => date("XXXX-XX-XX".to_owned()),
                }
            }
            None => date("XXXX-XX-XX".to_owned()),
        },
        Expr::Weekend(lean) => match anchor {
            Some(a) => {
                // The weekend's Saturday, found like a weekday.
                let saturday = weekday_near(a, 6, lean, tense);
                let (y, w) = iso_week(saturday);
                date(format!("{y:04}-W{w:02}-WE"))
            }
            None => date("XXXX-WXX-WE".to_owned()),
        },
        Expr::DayOffset(n) => match anchor {
            Some(a) => date(a.add_days(n).to_string()),
            None if n == 0 => date("PRESENT_REF".to_owned()),
            None => date("XXXX-XX-XX".to_owned()),
        },
        Expr::Offset { unit, n } => date(offset(anchor, unit, n)),
        Expr::Anaphoric { unit, n } => date(anaphoric(anchor, reference, unit, n)),
        Expr::FiscalYear(year) => date(match (year, anchor) {
            (YearRef::Given(y), _) => format!("FY{y:04}"),
            (YearRef::Relative(n), Some(a)) => format!("FY{:04}", i64::from(a.year()) + n),
            (YearRef::Near(_), Some(a)) => format!("FY{:04}", a.year()),
            (_, None) => "FYXXXX".to_owned(),
        }),
        Expr::Half { half, year } => {
            let value = match (year, anchor) {
                (YearRef::Given(y), _) => format!("{y:04}-H{half}"),
                (YearRef::Relative(n), Some(a)) => {
                    format!("{:04}-H{half}", i64::from(a.year()) + n)
                }
                (YearRef::Near(lean), Some(a)) => {
                    let here = i64::from(a.year()) * 2 + (i64::from(a.month()) - 1) / 6;
                    let candidates =
                        (-1..=1).map(|dy| (i64::from(a.year()) + dy) * 2 + i64::from(half) - 1);
                    let chosen = choose(here, candidates, tense, lean, 1).unwrap_or(here);
                    format!("{:04}-H{}", chosen.div_euclid(2), chosen.rem_euclid(2) + 1)
                }
                (_, None) => format!("XXXX-H{half}"),
            };
            date(value)
        }
        Expr::Duration { amount, unit } => Resolved {
            kind: TimexType::Duration,
            value: duration(amount, unit),
            is_mention: true,
        },
        Expr::Ref { value, mention } => Resolved {
            kind: TimexType::Date,
            value: value.to_owned(),
            is_mention: mention,
        },
        Expr::Time { ref day, clock } => {
            let day = resolve(day, anchor, reference, tense).value;
            let day = if day == "PRESENT_REF" {
                "XXXX-XX-XX".to_owned()
            } else {
                day
            };
            let time = match clock {
                Clock::HourMinute { hour, minute, utc } => {
                    format!("{hour:02}:{minute:02}{}", if utc { "Z" } else { "" })
                }
                Clock::Part(p) => p.to_owned(),
            };
            Resolved {
                kind: TimexType::Time,
                value: format!("{day}T{time}"),
                is_mention: false,
            }
        }
    }
}

/// The date of weekday `day` (ISO number) near the anchor: "last Friday" strictly
/// before, "next Friday" strictly after, "this Friday" in the anchor's week; a bare
/// "Friday" is the next one on or after the anchor when the sentence speaks of the future,
/// otherwise the most recent one on or before it.
fn weekday_near(a: Date, day: u32, lean: Lean, tense: Tense) -> Date {
    let back = i64::from((a.weekday() + 7 - day) % 7);
    let ahead = i64::from((day + 7 - a.weekday()) % 7);
    match (lean, tense) {
        (Lean::Before, _) => a.add_days(if back == 0 { -7 } else { -back }),
        (Lean::After, _) => a.add_days(if ahead == 0 { 7 } else { ahead }),
        (Lean::Tense, Tense::Future) => a.add_days(ahead),
        (Lean::Same, _) => a.add_days(i64::from(day) - i64::from(a.weekday())),
        (Lean::Tense, _) => a.add_days(-back),
    }
}

/// `YYYY-MM-DD`.
fn ymd(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Chooses among candidate dates by [`choose`] on day numbers.
fn choose_day(
    anchor: Date,
    candidates: impl Iterator<Item = Date>,
    tense: Tense,
    lean: Lean,
) -> Option<Date> {
    let here = anchor.days_since_epoch();
    choose(
        here,
        candidates.map(|d| d.days_since_epoch()),
        tense,
        lean,
        WRONG_SIDE_PENALTY_DAYS,
    )
    .map(Date::from_days_since_epoch)
}

/// Picks the candidate position (days or months) for an anchor at `here`: strictly
/// before / after it for an explicit lean; otherwise the nearest, with candidates on the
/// side the tense contradicts counted `penalty` further away.
fn choose(
    here: i64,
    candidates: impl Iterator<Item = i64>,
    tense: Tense,
    lean: Lean,
    penalty: i64,
) -> Option<i64> {
    let mut candidates: Vec<i64> = candidates.collect();
    candidates.sort_unstable();
    match lean {
        Lean::Before => candidates.into_iter().rev().find(|&c| c < here),
        Lean::After => candidates.into_iter().find(|&c| c > here),
        Lean::Same | Lean::Tense => candidates.into_iter().min_by_key(|&c| {
            let wrong = match tense {
                Tense::Past => c > here,
                Tense::Future => c < here,
                Tense::Unknown => false,
            };
            (c - here).abs()
                + if wrong && lean == Lean::Tense {
                    penalty
                } else {
                    0
                }
        }),
    }
}

/// The value of "last week", "this year", "two months ago": the period `n` units from the
/// anchor's.
fn offset(anchor: Option<Date>, unit: Unit, n: i64) -> String {
    let Some(a) = anchor else {
        return match unit {
            Unit::Week => "XXXX-WXX".to_owned(),
            Unit::Month => "XXXX-XX".to_owned(),
            Unit::Quarter => "XXXX-QX".to_owned(),
            _ => "XXXX".to_owned(),
        };
    };
    match unit {
        Unit::Week => {
            let (y, w) = iso_week(a.add_days(7 * n));
            format!("{y:04}-W{w:02}")
        }
        Unit::Month => {
            let m = i64::from(a.year()) * 12 + i64::from(a.month()) - 1 + n;
            format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
        }
        Unit::Quarter => {
            let q = i64::from(a.year()) * 4 + (i64::from(a.month()) - 1) / 3 + n;
            format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
        }
        _ => format!("{:04}", i64::from(a.year()) + n),
    }
}

/// The value of "the same day", "the previous year", "two days later": the period `n`
/// units from the reference time's (the anchor's when the text has not named one at that
/// granularity).
fn anaphoric(anchor: Option<Date>, reference: &Reference, unit: Unit, n: i64) -> String {
    let day = reference.day.or(anchor);
    match unit {
        Unit::Day | Unit::Fortnight | Unit::Week => {
            let Some(d) = day else {
                return if unit == Unit::Day {
                    "XXXX-XX-XX"
                } else {
                    "XXXX-WXX"
                }
                .to_owned();
            };
            match unit {
                Unit::Day => d.add_days(n).to_string(),
                _ => {
                    let weeks = if unit == Unit::Fortnight { 2 * n } else { n };
                    let (y, w) = iso_week(d.add_days(7 * weeks));
                    format!("{y:04}-W{w:02}")
                }
            }
        }
        Unit::Month | Unit::Quarter => {
            let ym = match (reference.month_year, reference.month) {
                (Some(y), Some(m)) => Some((y, m)),
                _ => anchor.map(|a| (a.year(), a.month())),
            };
            let Some((y, m)) = ym else {
                return if unit == Unit::Month {
                    "XXXX-XX"
                } else {
                    "XXXX-QX"
                }
                .to_owned();
            };
            if unit == Unit::Month {
                let m = i64::from(y) * 12 + i64::from(m) - 1 + n;
                format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
            } else {
                let q = i64::from(y) * 4 + (i64::from(m) - 1) / 3 + n;
                format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
            }
        }
        Unit::Year | Unit::Decade | Unit::Century => {
            let scale = match unit {
                Unit::Decade => 10,
                Unit::Century => 100,
                _ => 1,
            };
            match reference.year.or(anchor.map(|a| a.year())) {
                Some(y) => format!("{:04}", i64::from(y) + scale * n),
                None => "XXXX".to_owned(),
            }
        }
        Unit::Minute | Unit::Hour => "XXXX-XX-XX".to_owned(),
    }
}

/// `P5Y`, `P3M`, `P2W`, `PT3H`, `P10Y` for a decade; `PXY` when the amount is vague.
fn duration(amount: Option<u32>, unit: Unit) -> String {
    let (scale, code, time) = match unit {
        Unit::Minute => (1, "M", true),
        Unit::Hour => (1, "H", true),
        Unit::Day => (1, "D", false),
        Unit::Week => (1, "W", false),
        Unit::Fortnight => (2, "W", false),
        Unit::Month => (1, "M", false),
        Unit::Quarter => (1, "Q", false),
        Unit::Year => (1, "Y", false),
        Unit::Decade => (10, "Y", false),
        Unit::Century => (100, "Y", false),
    };
    let n = match amount {
        Some(n) => (u64::from(n) * scale).to_string(),
        None if unit == Unit::Decade => "XDE".to_owned(),
        None if unit == Unit::Century => "XCE".to_owned(),
        None => "X".to_owned(),
    };
    let n_and_code = if n.ends_with("DE") || n.ends_with("CE") {
        n
    } else {
        format!("{n}{code}")
    };
    format!("P{}{n_and_code}", if time { "T" } else { "" })
}
