//! The recogniser: finds temporal expressions in the tokens of one line.
//!
//! Each rule looks at a token position and either returns how far its expression reaches
//! and what it means, or nothing. The line is read left to right; at each position the
//! longest match wins (ties go to the earlier rule) and reading goes on after it, so the
//! hits never overlap. A new form of expression is a new rule in [`RULES`].

use dossier_core::Date;

use crate::expr::{Clock, Expr, Lean, YearRef};
use crate::lexicon::{self, Unit};
use crate::token::{Kind, Token};

/// One recognised expression: tokens `start..end` of the line, and its meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) expr: Expr,
}

/// A rule: at token `i`, the end (exclusive) of the expression starting there and its
/// meaning.
type Rule = fn(&Line<'_>, usize) -> Option<(usize, Expr)>;

/// All rules, most specific first (ties in length go to the earlier one).
const RULES: &[Rule] = &[
    numeric_date,
    weekday,
    month_first,
    day_first,
    solar_hijri_month_first,
    islamic,
    modified,
    quarter,
    season,
    set,
    decade,
    year,
    relative,
    duration,
    vague,
    clock,
];

/// Finds the expressions of one line, in order, without overlaps.
pub(crate) fn recognize(tokens: &[Token<'_>], vague_refs: bool) -> Vec<Hit> {
    let line = Line { t: tokens };
    let mut hits = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut best: Option<(usize, Expr)> = None;
        for rule in RULES {
            if let Some((end, expr)) = rule(&line, i)
                && end > i
                && best.as_ref().is_none_or(|(b, _)| end > *b)
            {
                best = Some((end, expr));
            }
        }
        match best {
            Some((end, expr)) => {
                let keep = vague_refs || !matches!(expr, Expr::Ref { mention: false, .. });
                if keep {
                    hits.push(Hit {
                        start: i,
                        end,
                        expr,
                    });
                }
                i = end;
            }
            None => i += 1,
        }
    }
    hits
}

/// The tokens of a line, with small accessors that return nothing out of bounds.
pub(crate) struct Line<'a> {
    pub(crate) t: &'a [Token<'a>],
}

impl Line<'_> {
    /// The lower-case word at `i`.
    pub(crate) fn word(&self, i: usize) -> Option<&str> {
        self.t
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str())
    }

    /// True when token `i` is the word `w` (any case).
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// True when token `i` is a word starting with an upper-case letter.
    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.kind == Kind::Word && t.text.chars().next().is_some_and(char::is_uppercase)
        })
    }

    /// The number at `i` and its count of digits.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i).filter(|t| t.kind == Kind::Num)?;
        if t.text.len() > 9 {
            return None;
        }
        Some((t.text.parse().ok()?, t.text.len()))
    }

    /// The punctuation mark at `i`, if it is one of `set`.
    fn punct(&self, i: usize, set: &str) -> Option<char> {
        let t = self.t.get(i).filter(|t| t.kind == Kind::Punct)?;
        let c = t.text.chars().next()?;
        set.contains(c).then_some(c)
    }

    /// True when token `i` exists and follows the previous one without a space.
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.glued)
    }

    /// A day of the month (1 or 2 digits, 1..=31), with an ordinal suffix glued to it
    /// ("11th"): `(day, next token)`.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let (d, digits) = self.num(i)?;
        if digits > 2 || !(1..=31).contains(&d) {
            return None;
        }
        // A number glued to more digits or a decimal point is not a day ("11.5", "11:30").
        if self.glued(i + 1)
            && self.punct(i + 1, ":.,").is_some()
            && self.glued(i + 2)
            && self.num(i + 2).is_some()
        {
            return None;
        }
        if self.glued(i + 1) && matches!(self.word(i + 1), Some("st" | "nd" | "rd" | "th")) {
            return Some((d, i + 2));
        }
        if self.glued(i + 1) && self.t[i + 1].kind == Kind::Word {
            return None;
        }
        Some((d, i + 1))
    }

    /// A Gregorian month name (capitalised; abbreviations with an optional glued period):
    /// `(month, abbreviated, next token)`.
    fn month(&self, i: usize) -> Option<(u32, bool, usize)> {
        if !self.cap(i) {
            return None;
        }
        let (m, abbr) = lexicon::month(self.word(i)?)?;
        if abbr && self.glued(i + 1) && self.punct(i + 1, ".").is_some() {
            return Some((m, true, i + 2));
        }
        Some((m, abbr, i + 1))
    }

    /// A 4-digit year in `range` at `i`.
    fn year_in(&self, i: usize, range: std::ops::RangeInclusive<u32>) -> Option<i32> {
        let (y, digits) = self.num(i)?;
        if digits != 4 || !range.contains(&y) {
            return None;
        }
        // "2024-25", "2024,000", "2024.5" are not a year standing alone.
        if self.glued(i + 1)
            && self.punct(i + 1, ",.:-/").is_some()
            && self.glued(i + 2)
            && self.num(i + 2).is_some()
        {
            return None;
        }
        if self.glued(i + 1) && self.t[i + 1].kind != Kind::Punct {
            return None;
        }
        Some(y as i32)
    }

    /// An optional year after a month or a day: `[,] YYYY`, returning `(year, next)`.
    fn trailing_year(
        &self,
        i: usize,
        range: std::ops::RangeInclusive<u32>,
    ) -> Option<(i32, usize)> {
        let j = if self.punct(i, ",").is_some() {
            i + 1
        } else {
            i
        };
        self.year_in(j, range).map(|y| (y, j + 1))
    }

    /// True when the token before `i` is a sentence end or there is none.
    fn sentence_start(&self, i: usize) -> bool {
        i == 0 || self.punct(i - 1, ".!?:;\"“”'‘’(–—-").is_some()
    }
}

/// Years accepted in full dates ("March 06, 2008").
const FULL_DATE_YEARS: std::ops::RangeInclusive<u32> = 1000..=2999;
/// Years accepted standing alone ("in 2002").
const BARE_YEARS: std::ops::RangeInclusive<u32> = 1900..=2099;
/// Solar Hijri years written with a Solar Hijri date ("8 Qaws 1403").
const SOLAR_HIJRI_YEARS: std::ops::RangeInclusive<u32> = 1200..=1599;

/// True when `month`/`day` exists in some year (February 29 does, February 30 does not).
fn possible(month: u32, day: u32) -> bool {
    Date::new(2000, month, day).is_some()
}

/// All-numeric dates: ISO `2024-12-11` (and `2024/12/11`), and day-first `25/11/2024`,
/// `25.11.2024`, `25-11-2024` (month-first only when day-first is impossible: `11/25/2024`).
fn numeric_date(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let (a, da) = l.num(i)?;
    let sep = l.punct(i + 1, "-/.")?;
    let (b, db) = l.num(i + 2)?;
    if !(l.glued(i + 1) && l.glued(i + 2) && l.glued(i + 3) && l.glued(i + 4)) {
        return None;
    }
    l.punct(i + 3, &sep.to_string())?;
    let (c, dc) = l.num(i + 4)?;
    // More numbers glued on: a version or phone number, not a date.
    if l.glued(i + 5) && l.punct(i + 5, "-/.").is_some() && l.num(i + 6).is_some() {
        return None;
    }
    let end = i + 5;
    let (y, m, d) = if da == 4 && db <= 2 && dc <= 2 && sep != '.' {
        (a, b, c)
    } else if da <= 2 && db <= 2 && dc == 4 {
        if Date::new(c as i32, b, a).is_some() {
            (c, b, a)
        } else if sep == '/' {
            (c, a, b)
        } else {
            return None;
        }
    } else {
        return None;
    };
    if !FULL_DATE_YEARS.contains(&y) {
        return None;
    }
    Date::new(y as i32, m, d)?;
    Some((
        end,
        Expr::Date {
            year: Some(y as i32),
            month: m,
            day: d,
        },
    ))
}

/// Month first: "December 11", "Dec. 11th, 2024", "December 11 2024", "January 2022",
/// "January of 2022", and a bare month after a preposition ("in March").
fn month_first(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let (month, abbr, j) = l.month(i)?;
    if let Some((day, k)) = l.day(j) {
        if let Some((year, end)) = l.trailing_year(k, FULL_DATE_YEARS) {
            Date::new(year, month, day)?;
            return Some((
                end,
                Expr::Date {
                    year: Some(year),
                    month,
                    day,
                },
            ));
        }
        if !possible(month, day) {
            return None;
        }
        return Some((
            k,
            Expr::Date {
                year: None,
                month,
                day,
            },
        ));
    }
    // "October of next year"
    if l.is(j, "of") && l.is(j + 2, "year") {
        let years = match l.word(j + 1) {
            Some("this") => Some(0),
            Some("last") => Some(-1),
            Some("next") => Some(1),
            _ => None,
        };
        if let Some(years) = years {
            return Some((j + 3, Expr::MonthOfYear { month, years }));
        }
    }
    let (year, end) = if l.is(j, "of") {
        (l.year_in(j + 1, FULL_DATE_YEARS), j + 2)
    } else {
        (l.trailing_year(j, FULL_DATE_YEARS).map(|(y, _)| y), 0)
    };
    if let Some(year) = year {
        let end = if end == 0 {
            l.trailing_year(j, FULL_DATE_YEARS)?.1
        } else {
            end
        };
        return Some((
            end,
            Expr::Month {
                year: Some(year),
                month,
                lean: Lean::Tense,
            },
        ));
    }
    // A bare month needs a preposition before it ("in March", "since May").
    if abbr || i == 0 || !l.word(i - 1).is_some_and(lexicon::is_month_trigger) {
        return None;
    }
    Some((
        j,
        Expr::Month {
            year: None,
            month,
            lean: Lean::Tense,
        },
    ))
}

/// The day part of a day-first date: `[the] 8[th] [of]` → `(day, next token)`. "the" is
/// only taken with an ordinal and "of" ("the 8th of December").
fn day_part(l: &Line<'_>, i: usize) -> Option<(u32, usize)> {
    let the = l.is(i, "the");
    let start = if the { i + 1 } else { i };
    let (day, j) = l.day(start)?;
    let ordinal = j == start + 2;
    if l.is(j, "of") {
        if the && !ordinal {
            return None;
        }
        return Some((day, j + 1));
    }
    if the {
        return None;
    }
    Some((day, j))
}

/// Day first: "11 December 2024", "8th of December", "the 8th of December", and the Solar
/// Hijri forms "8 Qaws", "8th of Qaws", "8 Qaws 1403 SH".
fn day_first(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let (day, j) = day_part(l, i)?;
    if let Some((month, _, k)) = l.month(j) {
        if let Some((year, end)) = l.trailing_year(k, FULL_DATE_YEARS) {
            Date::new(year, month, day)?;
            return Some((
                end,
                Expr::Date {
                    year: Some(year),
                    month,
                    day,
                },
            ));
        }
        if !possible(month, day) {
            return None;
        }
        return Some((
            k,
            Expr::Date {
                year: None,
                month,
                day,
            },
        ));
    }
    solar_hijri_after_day(l, day, j)
}

/// The Solar Hijri month (capitalised) at `j` after a day, with an optional year and era.
fn solar_hijri_after_day(l: &Line<'_>, day: u32, j: usize) -> Option<(usize, Expr)> {
    if !l.cap(j) {
        return None;
    }
    let month = lexicon::solar_hijri_month(l.word(j)?)?;
    let (year, end) = solar_hijri_year(l, j + 1);
    if day > 31 || (month > 6 && day > 30) {
        return None;
    }
    Some((end, Expr::SolarHijri { year, month, day }))
}

/// An optional Solar Hijri year `[,] 1403 [SH|AP|HS]` at `i`: `(year, next token)`.
fn solar_hijri_year(l: &Line<'_>, i: usize) -> (Option<i32>, usize) {
    match l.trailing_year(i, SOLAR_HIJRI_YEARS) {
        Some((y, k)) => {
            let k = if l.word(k).is_some_and(lexicon::is_solar_hijri_era) {
                k + 1
            } else {
                k
            };
            (Some(y), k)
        }
        None => (None, i),
    }
}

/// Solar Hijri month first: "Qaws 8", "Qaws 8, 1403".
fn solar_hijri_month_first(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    if !l.cap(i) {
        return None;
    }
    let month = lexicon::solar_hijri_month(l.word(i)?)?;
    let (day, j) = l.day(i + 1)?;
    if month > 6 && day > 30 {
        return None;
    }
    let (year, end) = solar_hijri_year(l, j);
    Some((end, Expr::SolarHijri { year, month, day }))
}

/// A weekday, alone ("on Thursday", "Thursday night") or before a date it names
/// ("Wednesday, December 11" is one expression).
fn weekday(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    if !l.cap(i) {
        return None;
    }
    let day = lexicon::weekday(l.word(i)?)?;
    // Named days are not weekdays: "Black Monday", "Good Friday", "Super Tuesday".
    if i > 0
        && matches!(
            l.word(i - 1),
            Some(
                "black"
                    | "good"
                    | "holy"
                    | "super"
                    | "cyber"
                    | "ash"
                    | "easter"
                    | "palm"
                    | "maundy"
            )
        )
        && l.cap(i - 1)
    {
        return None;
    }
    let j = if l.punct(i + 1, ",").is_some() {
        i + 2
    } else {
        i + 1
    };
    if let Some(found) = month_first(l, j).or_else(|| day_first(l, j))
        && matches!(found.1, Expr::Date { .. })
    {
        return Some(found);
    }
    // "Sunday Times": a capitalised word right after is a name, not a day.
    if l.cap(i + 1) && !l.glued(i + 1) && lexicon::month(l.word(i + 1)?).is_none() {
        return None;
    }
    weekday_with_part(
        l,
        i + 1,
        Expr::Weekday {
            day,
            lean: Lean::Tense,
        },
    )
}

/// A day expression followed by an optional part of the day ("Thursday night").
fn weekday_with_part(l: &Line<'_>, j: usize, day: Expr) -> Option<(usize, Expr)> {
    match part_of_day(l.word(j)) {
        Some(part) => Some((
            j + 1,
            Expr::Time {
                day: Box::new(day),
                clock: Clock::Part(part),
            },
        )),
        None => Some((j, day)),
    }
}

/// The TimeML code of a part of the day.
fn part_of_day(word: Option<&str>) -> Option<&'static str> {
    Some(match word? {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// A modifier and the period it modifies: "early 2025", "mid-2024", "late March", "the
/// early 1990s", "the end of 2024", "the beginning of this year". The value is the
/// period's (TimeML would add a `mod` attribute).
fn modified(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let mut j = i;
    if l.is(j, "the") {
        j += 1;
        if matches!(l.word(j), Some("end" | "beginning" | "start" | "middle")) && l.is(j + 1, "of")
        {
            j += 2;
            return inner_period(l, j).or_else(|| {
                let (end, expr) = relative(l, j)?;
                matches!(expr, Expr::Offset { .. }).then_some((end, expr))
            });
        }
    }
    if !matches!(l.word(j), Some("early" | "mid" | "late")) {
        return None;
    }
    j += 1;
    if l.glued(j) && l.punct(j, "-").is_some() {
        j += 1;
    }
    inner_period(l, j)
}

/// A year, decade or month (with or without year) after a modifier.
fn inner_period(l: &Line<'_>, j: usize) -> Option<(usize, Expr)> {
    if let Some(found) = decade(l, j) {
        return Some(found);
    }
    if let Some(y) = l.year_in(j, BARE_YEARS) {
        return Some((j + 1, Expr::Year(y)));
    }
    let (month, abbr, k) = l.month(j)?;
    if let Some((year, end)) = l.trailing_year(k, FULL_DATE_YEARS) {
        return Some((
            end,
            Expr::Month {
                year: Some(year),
                month,
                lean: Lean::Tense,
            },
        ));
    }
    if abbr || l.day(k).is_some() {
        return None;
    }
    Some((
        k,
        Expr::Month {
            year: None,
            month,
            lean: Lean::Tense,
        },
    ))
}

/// Decades: "the 1990s", "1990s", "the 1990's".
fn decade(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let j = if l.is(i, "the") { i + 1 } else { i };
    // "the '80s", "the 80s": two digits mean the 1900s.
    let k = if l.punct(j, "'’").is_some() {
        j + 1
    } else {
        j
    };
    if let Some((d, 2)) = l.num(k)
        && d % 10 == 0
        && l.glued(k + 1)
        && l.is(k + 1, "s")
        && (k > j || j > i)
    {
        return Some((k + 2, Expr::Decade(190 + d as i32 / 10)));
    }
    let (y, digits) = l.num(j)?;
    if digits != 4 || y % 10 != 0 || !(1000..=2990).contains(&y) {
        return None;
    }
    let end = if l.glued(j + 1) && l.is(j + 1, "s") {
        j + 2
    } else if l.glued(j + 1) && l.punct(j + 1, "'’").is_some() && l.glued(j + 2) && l.is(j + 2, "s")
    {
        j + 3
    } else {
        return None;
    };
    Some((end, Expr::Decade(y as i32 / 10)))
}

/// A bare year, 1900–2099, only where it reads as a year: after a preposition or "year"
/// ("in 2002", "since 2014"), before a comma or period, in parentheses, in a range ("2014
/// and 2016"). Not "2002 people".
fn year(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let y = l.year_in(i, BARE_YEARS)?;
    // Glued to a sign or a number before it: "$2002", "#2002", "1/2002".
    if l.glued(i) && i > 0 && l.punct(i - 1, "(").is_none() && l.punct(i - 1, "'’").is_none() {
        let range =
            l.punct(i - 1, "-–").is_some() && i >= 2 && l.year_in(i - 2, BARE_YEARS).is_some();
        if !range {
            return None;
        }
    }
    let next_lower_word = l.t.get(i + 1).is_some_and(|t| {
        t.kind == Kind::Word && t.text.chars().next().is_some_and(char::is_lowercase)
    });
    let prev = if i > 0 { l.word(i - 1) } else { None };
    let by_trigger = prev.is_some_and(lexicon::is_year_trigger)
        && !(prev.is_some_and(lexicon::is_weak_year_trigger) && next_lower_word);
    let in_range = i >= 2
        && (matches!(prev, Some("and" | "or" | "to")) || l.punct(i - 1, "-–").is_some())
        && l.year_in(i - 2, BARE_YEARS).is_some()
        && !next_lower_word;
    let before_punct = i + 1 == l.t.len() || l.punct(i + 1, ",.;:)!?'’").is_some();
    let in_parens = i > 0 && l.punct(i - 1, "(").is_some();
    // "the 1991 agreement", "the 2011 version" — but "the 2000 soldiers" is a count.
    let attributive = prev == Some("the")
        && l.word(i + 1)
            .is_some_and(|w| !(next_lower_word && w.ends_with('s') && !w.ends_with("ss")));
    (by_trigger || in_range || before_punct || in_parens || attributive)
        .then_some((i + 1, Expr::Year(y)))
}

/// Days, weeks, months and years relative to the publication date: "today", "yesterday
/// morning", "tonight", "earlier today", "last week", "this year", "next month", "last
/// September", "next Friday", "this morning", "last night".
fn relative(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let w = l.word(i)?;
    match w {
        "today" | "yesterday" | "tomorrow" | "tonight" => {
            // "USA Today": a capitalised "Today" after a capitalised word is a name.
            if l.cap(i) && i > 0 && l.cap(i - 1) && !l.sentence_start(i) {
                return None;
            }
            let n = match w {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            if w == "tonight" {
                return Some((
                    i + 1,
                    Expr::Time {
                        day: Box::new(Expr::DayOffset(0)),
                        clock: Clock::Part("NI"),
                    },
                ));
            }
            weekday_with_part(l, i + 1, Expr::DayOffset(n))
        }
        // "over the weekend", "at the weekend"
        "the" if l.is(i + 1, "weekend") => Some((i + 2, Expr::Weekend(Lean::Tense))),
        "earlier" | "later" => {
            let (end, expr) = relative(l, i + 1)?;
            matches!(expr, Expr::DayOffset(0) | Expr::Offset { n: 0, .. }).then_some((end, expr))
        }
        "this" | "last" | "next" => {
            // "the last year" is a duration, not last year.
            if i > 0 && l.is(i - 1, "the") {
                return None;
            }
            let (n, lean) = match w {
                "this" => (0, Lean::Same),
                "last" => (-1, Lean::Before),
                _ => (1, Lean::After),
            };
            let next = l.word(i + 1)?;
            if next == "weekend" {
                return Some((i + 2, Expr::Weekend(lean)));
            }
            if let Some((unit, false)) = lexicon::unit(next)
                && matches!(unit, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)
            {
                return Some((i + 2, Expr::Offset { unit, n }));
            }
            if let Some(part) = part_of_day(Some(next)) {
                let day = match (w, part) {
                    ("this", _) => 0,
                    ("last", "NI") => -1,
                    _ => return None,
                };
                return Some((
                    i + 2,
                    Expr::Time {
                        day: Box::new(Expr::DayOffset(day)),
                        clock: Clock::Part(part),
                    },
                ));
            }
            if l.cap(i + 1) {
                if let Some(day) = lexicon::weekday(next) {
                    return Some((i + 2, Expr::Weekday { day, lean }));
                }
                if let Some((month, false, k)) = l.month(i + 1) {
                    return Some((
                        k,
                        Expr::Month {
                            year: None,
                            month,
                            lean,
                        },
                    ));
                }
            }
            None
        }
        _ => None,
    }
}

/// An amount of units: `(amount, next token)`, the amount `None` when vague. Digits,
/// number words ("twenty-five"), "a"/"an", "several", "a few", "a couple of".
fn amount(l: &Line<'_>, i: usize) -> Option<(Option<u32>, usize)> {
    if let Some((n, digits)) = l.num(i) {
        // "1,000 years", "2.5 years": not handled; a glued separator means another number.
        if digits > 4
            || (l.glued(i + 1)
                && l.punct(i + 1, ",.").is_some()
                && l.glued(i + 2)
                && l.num(i + 2).is_some())
        {
            return None;
        }
        if l.glued(i) && i > 0 && l.t[i - 1].kind != Kind::Word {
            return None;
        }
        return Some((Some(n), i + 1));
    }
    let w = l.word(i)?;
    if let Some(n) = lexicon::number_word(w) {
        // "twenty-five"
        if n >= 20
            && n % 10 == 0
            && l.glued(i + 1)
            && l.punct(i + 1, "-").is_some()
            && l.glued(i + 2)
            && let Some(u) = l.word(i + 2).and_then(lexicon::number_word)
            && (1..=9).contains(&u)
        {
            return Some((Some(n + u), i + 3));
        }
        return Some((Some(n), i + 1));
    }
    match w {
        "a" | "an" => {
            if l.is(i + 1, "few") {
                return Some((None, i + 2));
            }
            if l.is(i + 1, "couple") && l.is(i + 2, "of") {
                return Some((Some(2), i + 3));
            }
            // "once a week", "twice a year", "times a day": a frequency, not a duration.
            if i > 0
                && matches!(
                    l.word(i - 1),
                    Some("once" | "twice" | "thrice" | "times" | "per")
                )
            {
                return None;
            }
            Some((Some(1), i + 1))
        }
        "several" | "few" | "many" => Some((None, i + 1)),
        _ => None,
    }
}

/// Durations and ago-dates: "five years", "10 days", "a decade", "two weeks", "the past
/// three years", "the last decade", "five-year", "several months", "two days ago", and
/// "recent years" (a vague past date).
fn duration(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    // "nearly five months", "more than a decade": the approximator is
    // part of the expression (TimeML would put it in `mod`).
    let approx = match (l.word(i), l.word(i + 1)) {
        (Some("more" | "less" | "fewer"), Some("than"))
        | (Some("at"), Some("least"))
        | (Some("up"), Some("to")) => 2,
        // Not "over" ("over five years" is as often "during" as "more than") or "some".
        (Some("nearly" | "almost" | "about" | "around" | "approximately" | "roughly"), _) => 1,
        _ => 0,
    };
    if approx > 0 {
        if l.is(i + approx, "the") {
            return None;
        }
        let (end, expr) = plain_duration(l, i + approx)?;
        return matches!(
            expr,
            Expr::Duration {
                amount: Some(_),
                ..
            }
        )
        .then_some((end, expr));
    }
    plain_duration(l, i)
}

/// [`duration`] without a leading approximator.
fn plain_duration(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let w = l.word(i);
    if w == Some("recent") {
        let (unit, plural) = lexicon::unit(l.word(i + 1)?)?;
        return (plural && !matches!(unit, Unit::Minute | Unit::Hour)).then_some((
            i + 2,
            Expr::Ref {
                value: "PAST_REF",
                mention: true,
            },
        ));
    }
    // "the past three years", "the next decade", "the first six months"
    let mut j = i;
    let mut modifier = false;
    if w == Some("the")
        && matches!(
            l.word(i + 1),
            Some(
                "past" | "last" | "next" | "previous" | "coming" | "first" | "following" | "final"
            )
        )
    {
        j = i + 2;
        modifier = true;
    }
    let (amount, k) = match amount(l, j) {
        Some(found) => found,
        // "the past decade", "the last year", "the coming months"
        None if modifier => match lexicon::unit(l.word(j)?)? {
            (_, false) => (Some(1), j),
            (_, true) => (None, j),
        },
        // "for years", "for decades"
        None if i > 0 && l.is(i - 1, "for") && !modifier => match lexicon::unit(l.word(i)?)? {
            (Unit::Year | Unit::Decade | Unit::Month | Unit::Century, true) => (None, i),
            _ => return None,
        },
        None => return None,
    };
    // "five-year", "12-year": a hyphenated adjective is a duration too.
    let k = if k > j && l.glued(k) && l.punct(k, "-").is_some() && l.glued(k + 1) {
        k + 1
    } else {
        k
    };
    let (unit, _) = lexicon::unit(l.word(k)?)?;
    let end = k + 1;
    // "a quarter of the dealers": a fraction, not three months.
    if unit == Unit::Quarter && (l.is(end, "of") || amount.is_none_or(|n| n == 1) && !modifier) {
        return None;
    }
    // Ages are not time expressions: "five years old", "51-year-old".
    if l.is(end, "old") || (l.glued(end) && l.punct(end, "-").is_some() && l.is(end + 1, "old")) {
        return None;
    }
    if l.is(end, "ago") && !modifier {
        return Some((
            end + 1,
            match amount {
                None => Expr::Ref {
                    value: "PAST_REF",
                    mention: true,
                },
                Some(n) if unit == Unit::Day => Expr::DayOffset(-i64::from(n)),
                Some(n) => match unit {
                    Unit::Week | Unit::Month | Unit::Quarter | Unit::Year => Expr::Offset {
                        unit,
                        n: -i64::from(n),
                    },
                    Unit::Fortnight => Expr::DayOffset(-14 * i64::from(n)),
                    Unit::Decade => Expr::Offset {
                        unit: Unit::Year,
                        n: -10 * i64::from(n),
                    },
                    _ => return None,
                },
            },
        ));
    }
    Some((end, Expr::Duration { amount, unit }))
}

/// Vague references: "recently", "lately" (PAST_REF), "now", "currently", "nowadays", "at
/// present" (PRESENT_REF), "in the past" (PAST_REF), "in the future", "the near future"
/// (FUTURE_REF). Kept conservative: these are not DATE mentions.
fn vague(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let reference = |value| Expr::Ref {
        value,
        mention: false,
    };
    match l.word(i)? {
        "recently" | "lately" => Some((i + 1, reference("PAST_REF"))),
        // "more recently", "most recently"
        "more" | "most" if l.is(i + 1, "recently") => Some((i + 2, reference("PAST_REF"))),
        "currently" | "nowadays" | "presently" => Some((i + 1, reference("PRESENT_REF"))),
        "now" => {
            // "now that" is a conjunction; "now-defunct" an adjective.
            if l.is(i + 1, "that") || (l.glued(i + 1) && l.punct(i + 1, "-").is_some()) {
                return None;
            }
            Some((i + 1, reference("PRESENT_REF")))
        }
        "present" if i > 0 && l.is(i - 1, "at") => Some((i + 1, reference("PRESENT_REF"))),
        "the" => {
            let (j, value) = match (l.word(i + 1)?, l.word(i + 2)) {
                ("near" | "distant", Some("future")) => (i + 3, "FUTURE_REF"),
                ("future", _) => (i + 2, "FUTURE_REF"),
                ("past", _) => (i + 2, "PAST_REF"),
                _ => return None,
            };
            // Only "in the past" / "in the future": elsewhere "the past" is often a noun
            // phrase head ("the past week" is a duration, matched by its own rule).
            if (value != "FUTURE_REF" || j == i + 2)
                && !(i > 0 && (l.is(i - 1, "in") || l.is(i - 1, "of")))
            {
                return None;
            }
            if l.t.get(j).is_some_and(|t| t.kind == Kind::Word)
                && !matches!(l.word(j), Some("and" | "or" | "but" | "when" | "as"))
            {
                return None;
            }
            Some((j, reference(value)))
        }
        _ => None,
    }
}

/// Clock times: "16:15 UTC", "0800 GMT", "3 p.m.", "10:30 am".
fn clock(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let (h, digits) = l.num(i)?;
    let (mut hour, mut minute, mut j) = (h, 0, i + 1);
    let mut explicit = false;
    if digits <= 2 && l.glued(i + 1) && l.punct(i + 1, ":").is_some() && l.glued(i + 2) {
        let (m, md) = l.num(i + 2)?;
        if md != 2 {
            return None;
        }
        minute = m;
        j = i + 3;
        explicit = true;
    } else if digits == 4 && matches!(l.word(i + 1), Some("utc" | "gmt")) {
        hour = h / 100;
        minute = h % 100;
    } else if digits > 2 {
        return None;
    }
    // a.m. / p.m. / am / pm
    let mut meridiem = None;
    if matches!(l.word(j), Some("am" | "pm")) {
        meridiem = l.word(j).map(|w| w == "pm");
        j += 1;
    } else if matches!(l.word(j), Some("a" | "p"))
        && l.punct(j + 1, ".").is_some()
        && l.glued(j + 1)
        && l.is(j + 2, "m")
        && l.glued(j + 2)
    {
        meridiem = Some(l.is(j, "p"));
        j += if l.glued(j + 3) && l.punct(j + 3, ".").is_some() {
            4
        } else {
            3
        };
    }
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        explicit = true;
    }
    let utc = matches!(l.word(j), Some("utc" | "gmt"));
    if utc {
        j += 1;
        explicit = true;
    }
    if !explicit || hour > 23 || minute > 59 {
        return None;
    }
    // "16:00 UTC today", "12:00 UTC Monday", "3 p.m. on Friday"
    let on = if l.is(j, "on") { j + 1 } else { j };
    let (day, end) = match l.word(on) {
        Some("today") => (Expr::DayOffset(0), on + 1),
        Some("yesterday") => (Expr::DayOffset(-1), on + 1),
        Some("tomorrow") => (Expr::DayOffset(1), on + 1),
        Some(w) if l.cap(on) && lexicon::weekday(w).is_some() => match weekday(l, on) {
            Some((end, day @ (Expr::Weekday { .. } | Expr::Date { .. }))) => (day, end),
            _ => (Expr::DayOffset(0), j),
        },
        _ => (Expr::DayOffset(0), j),
    };
    Some((
        end,
        Expr::Time {
            day: Box::new(day),
            clock: Clock::HourMinute { hour, minute, utc },
        },
    ))
}

/// Quarters: "the first quarter of 2009", "the third quarter of this year", "the fourth
/// quarter", "third-quarter", "Q3 2009", "the last quarter" (the one before the anchor's).
fn quarter(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    // "Q3", "Q3 2009"
    if l.cap(i) && l.is(i, "q") && l.glued(i + 1) {
        let (q, 1) = l.num(i + 1)? else { return None };
        if !(1..=4).contains(&q) || (l.glued(i + 2) && l.t[i + 2].kind != Kind::Punct) {
            return None;
        }
        return Some(match l.trailing_year(i + 2, FULL_DATE_YEARS) {
            Some((y, end)) => (
                end,
                Expr::Quarter {
                    quarter: q,
                    year: YearRef::Given(y),
                },
            ),
            None => (
                i + 2,
                Expr::Quarter {
                    quarter: q,
                    year: YearRef::Near(Lean::Tense),
                },
            ),
        });
    }
    let the = l.is(i, "the");
    let j = if the { i + 1 } else { i };
    let q = match l.word(j)? {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" | "final" => 4,
        "last" | "past" | "previous" if the => 0,
        _ => return None,
    };
    let k = if l.glued(j + 1) && l.punct(j + 1, "-").is_some() {
        j + 2
    } else {
        j + 1
    };
    if !l.is(k, "quarter") {
        return None;
    }
    if !the && k == j + 1 {
        // "a first quarter" without "the" or a hyphen: too loose.
        return None;
    }
    if q == 0 {
        return Some((
            k + 1,
            Expr::Offset {
                unit: Unit::Quarter,
                n: -1,
            },
        ));
    }
    if l.is(k + 1, "of") {
        if let Some(y) = l.year_in(k + 2, FULL_DATE_YEARS) {
            return Some((
                k + 3,
                Expr::Quarter {
                    quarter: q,
                    year: YearRef::Given(y),
                },
            ));
        }
        if let Some((
            end,
            Expr::Offset {
                unit: Unit::Year,
                n,
            },
        )) = relative(l, k + 2)
        {
            return Some((
                end,
                Expr::Quarter {
                    quarter: q,
                    year: YearRef::Relative(n),
                },
            ));
        }
        if l.is(k + 2, "the") && l.is(k + 3, "year") {
            return Some((
                k + 4,
                Expr::Quarter {
                    quarter: q,
                    year: YearRef::Near(Lean::Tense),
                },
            ));
        }
    }
    Some((
        k + 1,
        Expr::Quarter {
            quarter: q,
            year: YearRef::Near(Lean::Tense),
        },
    ))
}

/// Seasons with a year or a determiner: "spring 2009", "the summer of 2008", "this
/// autumn", "last winter", "next spring". A bare "spring" / "fall" is left alone.
fn season(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let code = |w: &str| -> Option<&'static str> {
        Some(match w {
            "spring" => "SP",
            "summer" => "SU",
            "autumn" | "fall" => "FA",
            "winter" => "WI",
            _ => return None,
        })
    };
    let lean = match l.word(i)? {
        "this" => Some(Lean::Same),
        "last" => Some(Lean::Before),
        "next" => Some(Lean::After),
        _ => None,
    };
    if let Some(lean) = lean {
        let season = code(l.word(i + 1)?)?;
        return Some((
            i + 2,
            Expr::Season {
                season,
                year: YearRef::Near(lean),
            },
        ));
    }
    let the = l.is(i, "the");
    let j = if the { i + 1 } else { i };
    let season = code(l.word(j)?)?;
    let k = if the && l.is(j + 1, "of") {
        j + 2
    } else {
        j + 1
    };
    let y = l.year_in(k, FULL_DATE_YEARS)?;
    if the && k == j + 1 {
        return None;
    }
    Some((
        k + 1,
        Expr::Season {
            season,
            year: YearRef::Given(y),
        },
    ))
}

/// Recurrences (TIMEX3 SET): "weekly", "annual", "every year", "each month", "every two
/// weeks". Not DATE mentions.
fn set(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let w = l.word(i)?;
    let simple = match w {
        "annual" | "annually" | "yearly" => Some("P1Y"),
        "monthly" => Some("P1M"),
        "weekly" => Some("P1W"),
        "daily" => Some("P1D"),
        "hourly" => Some("PT1H"),
        "quarterly" => Some("P3M"),
        _ => None,
    };
    if let Some(value) = simple {
        // "Daily Mail", "Weekly Standard": a capitalised adjective is part of a name.
        if l.cap(i) && !l.sentence_start(i) {
            return None;
        }
        return Some((i + 1, Expr::Set(value)));
    }
    if !matches!(w, "every" | "each") {
        return None;
    }
    let (unit, plural) = lexicon::unit(l.word(i + 1)?)?;
    if plural {
        return None;
    }
    let value = match unit {
        Unit::Minute => "PT1M",
        Unit::Hour => "PT1H",
        Unit::Day => "P1D",
        Unit::Week => "P1W",
        Unit::Fortnight => "P2W",
        Unit::Month => "P1M",
        Unit::Quarter => "P3M",
        Unit::Year => "P1Y",
        Unit::Decade => "P10Y",
        Unit::Century => "P100Y",
    };
    Some((i + 2, Expr::Set(value)))
}

/// An Islamic month name spread over up to four tokens ("Rabi' al-Awwal", "Dhu al-Hijjah",
/// "Ramadan"), capitalised: `(month, next token)`.
fn islamic_month_at(l: &Line<'_>, i: usize) -> Option<(u32, usize)> {
    if !l.cap(i) {
        return None;
    }
    let mut letters = String::new();
    let mut found = None;
    let mut k = i;
    while k < l.t.len() && k < i + 6 {
        let t = &l.t[k];
        if k > i && !t.glued && t.kind == Kind::Punct {
            break;
        }
        match t.kind {
            Kind::Word => letters.push_str(&t.lower),
            Kind::Punct if matches!(t.text, "-" | "'" | "’" | "ʿ" | "ʼ") => {}
            _ => break,
        }
        k += 1;
        if let Some(m) = lexicon::islamic_month(&letters) {
            found = Some((m, k));
        }
    }
    found
}

/// Islamic (lunar Hijri) dates with a day: "10 Muharram 1446", "1 Ramadan 1445 AH",
/// "Ramadan 1, 1445", "the 10th of Muharram". A month alone ("during Ramadan") is left
/// out: it names a period that straddles Gregorian months.
fn islamic(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let year_after = |k: usize| -> (Option<i32>, usize) {
        match l.trailing_year(k, 1300..=1599) {
            Some((y, e)) if l.word(e).is_some_and(lexicon::is_islamic_era) => (Some(y), e + 1),
            Some((y, e)) => (Some(y), e),
            None => (None, k),
        }
    };
    if let Some((day, j)) = day_part(l, i)
        && let Some((month, k)) = islamic_month_at(l, j)
    {
        if day > 30 {
            return None;
        }
        let (year, end) = year_after(k);
        return Some((end, Expr::Islamic { year, month, day }));
    }
    let (month, j) = islamic_month_at(l, i)?;
    let (day, k) = l.day(j)?;
    if day > 30 {
        return None;
    }
    let (year, end) = year_after(k);
    Some((end, Expr::Islamic { year, month, day }))
}
