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
    holiday,
    modified,
    quarter,
    half,
    fiscal,
    season,
    set,
    anaphoric,
    decade,
    year,
    short_year,
    relative,
    duration,
    vague,
    clock,
    named_clock,
];

/// Finds the expressions of one line, in order, without overlaps.
/// `month_first`: read ambiguous numeric dates (`7/8/07`) month first.
pub(crate) fn recognize(tokens: &[Token<'_>], vague_refs: bool, month_first: bool) -> Vec<Hit> {
    let line = Line {
        t: tokens,
        month_first,
    };
    let mut hits = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !may_open(&tokens[i]) {
            debug_assert!(
                RULES.iter().all(|rule| rule(&line, i).is_none()),
                "a rule matched at a token that `may_open` rules out: {:?}",
                tokens[i].text
            );
            i += 1;
            continue;
        }
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

/// False for a token no rule starts at: a punctuation mark other than an apostrophe
/// (which opens "'90s" and "'24"). Every rule starts with a word or a number.
fn may_open(token: &Token<'_>) -> bool {
    token.kind != Kind::Punct || matches!(token.text, "'" | "’")
}

/// The tokens of a line, with small accessors that return nothing out of bounds.
pub(crate) struct Line<'a> {
    pub(crate) t: &'a [Token<'a>],
    /// Ambiguous numeric dates are month first (`7/8/07` is July 8).
    pub(crate) month_first: bool,
}

impl Line<'_> {
    /// The lower-case word at `i`.
    pub(crate) fn word(&self, i: usize) -> Option<&str> {
        self.t
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| &*t.lower)
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
    } else if da <= 2 && db <= 2 && (dc == 4 || (dc == 2 && sep == '/')) {
        // Two-digit years: 00–49 are 2000–2049, 50–99 are 1950–1999.
        let y = match (dc, c) {
            (4, _) => c,
            (_, c) if c < 50 => 2000 + c,
            _ => 1900 + c,
        };
        let (first, second) = if l.month_first {
            ((y, a, b), (y, b, a))
        } else {
            ((y, b, a), (y, a, b))
        };
        if Date::new(first.0 as i32, first.1, first.2).is_some() {
            first
        } else if sep == '/' {
            second
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
            if l.is(j, "the")
                && let Some((unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false)) =
                    l.word(j + 1).and_then(lexicon::unit)
            {
                return Some((j + 2, Expr::Anaphoric { unit, n: 0 }));
            }
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

/// A year, decade, season, relative period ("last year") or month (with or without
/// year) after a modifier.
fn inner_period(l: &Line<'_>, j: usize) -> Option<(usize, Expr)> {
    if let Some(found) = decade(l, j) {
        return Some(found);
    }
    if let Some(found @ (_, Expr::Offset { .. } | Expr::Season { .. })) =
        relative(l, j).or_else(|| season(l, j))
    {
        return Some(found);
    }
    if let Some(season) = l.word(j).and_then(season_code)
        && !l.is(j + 1, "of")
        && (season != "FA" || !l.cap(j))
    {
        return Some((
            j + 1,
            Expr::Season {
                season,
                year: YearRef::Near(Lean::Tense),
            },
        ));
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
    // "the 70s and 80s": the second decade of a pair needs no "the".
    let paired = j == i
        && k == j
        && j >= 3
        && matches!(l.word(j - 1), Some("and" | "or" | "to"))
        && l.is(j - 2, "s")
        && l.num(j - 3).is_some_and(|(d, n)| n == 2 && d % 10 == 0);
    if let Some((d, 2)) = l.num(k)
        && d % 10 == 0
        && l.glued(k + 1)
        && l.is(k + 1, "s")
        && (k > j || j > i || paired)
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
    // "from 2009 to 2011", "between 2014 and 2016": the first year of a range.
    let opens_range = matches!(
        l.word(i + 1),
        Some("to" | "and" | "through" | "until" | "till")
    ) && l.year_in(i + 2, BARE_YEARS).is_some()
        && prev.is_some_and(|w| matches!(w, "from" | "between" | "in" | "since" | "during"));
    let by_trigger = prev.is_some_and(lexicon::is_year_trigger)
        && !(prev.is_some_and(lexicon::is_weak_year_trigger) && next_lower_word && !opens_range);
    // The second year of a range; after "and" / "or" a lower-case word may make it a count
    // ("2014 and 2016 people") unless the range opened with "from" / "between".
    let opened = i >= 3 && matches!(l.word(i - 3), Some("from" | "between"));
    let in_range = i >= 2
        && (matches!(prev, Some("and" | "or" | "to" | "through" | "until"))
            || l.punct(i - 1, "-–").is_some())
        && l.year_in(i - 2, BARE_YEARS).is_some()
        && (!next_lower_word || opened || matches!(prev, Some("to" | "through" | "until")));
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
            matches!(expr, Expr::DayOffset(0) | Expr::Offset { .. }).then_some((end, expr))
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
    // "the nine months ended September 30": a number after "the" is a duration too.
    if w == Some("the")
        && !modifier
        && let Some((Some(_), _)) = amount(l, i + 1)
        && !matches!(l.word(i + 1), Some("a" | "an" | "one"))
        && !(l.glued(i + 2) && l.punct(i + 2, "-").is_some())
    {
        j = i + 1;
    }
    // "over the years", "through the decades": a vague length.
    if w == Some("the")
        && i > 0
        && matches!(l.word(i - 1), Some("over" | "through" | "throughout"))
        && let Some((unit @ (Unit::Year | Unit::Decade | Unit::Month | Unit::Century), true)) =
            l.word(i + 1).and_then(lexicon::unit)
    {
        return Some((i + 2, Expr::Duration { amount: None, unit }));
    }
    let (amount, k) = match amount(l, j) {
        Some(found) => found,
        // "the past decade", "the last year", "the coming months"
        None if modifier => match lexicon::unit(l.word(j)?)? {
            (_, false) => (Some(1), j),
            (_, true) => (None, j),
        },
        // "for years", "for decades", "in years", "in minutes", "decades-long"
        None if !modifier => match lexicon::unit(l.word(i)?)? {
            (Unit::Year | Unit::Decade | Unit::Month | Unit::Century, true)
                if i > 0 && matches!(l.word(i - 1), Some("for" | "in")) =>
            {
                (None, i)
            }
            (_, true) if i > 0 && l.is(i - 1, "in") && !l.is(i + 1, "of") => (None, i),
            (Unit::Year | Unit::Decade | Unit::Century, true)
                if l.glued(i + 1) && l.punct(i + 1, "-").is_some() && l.is(i + 2, "long") =>
            {
                (None, i)
            }
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
    // "between 60 and 90 days", "two or three weeks": the first number takes the unit of
    // the second.
    if amount.is_some()
        && k > j
        && (matches!(l.word(k), Some("and" | "or" | "to")) || l.punct(k, "-–").is_some())
        && let Some((Some(_), k2)) = self::amount(l, k + 1)
        && let Some((unit, true)) = l.word(k2).and_then(lexicon::unit)
        && !l.is(k2 + 1, "ago")
        && !l.is(k2 + 1, "old")
    {
        return Some((k, Expr::Duration { amount, unit }));
    }
    // "three consecutive quarters", "two straight weeks"
    let consecutive = amount.is_some()
        && matches!(
            l.word(k),
            Some("consecutive" | "straight" | "successive" | "trading" | "business" | "working")
        );
    let k = if consecutive { k + 1 } else { k };
    let (unit, plural) = lexicon::unit(l.word(k)?)?;
    // "a decades-long dispute": "a" belongs to the noun, not to the unit.
    if plural && k == j + 1 && matches!(l.word(j), Some("a" | "an")) {
        return None;
    }
    let end = k + 1;
    // "a quarter of the dealers": a fraction, not three months.
    if unit == Unit::Quarter
        && !consecutive
        && (l.is(end, "of") || amount.is_none_or(|n| n == 1) && !modifier)
    {
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
        // "soon", "very soon"; not "as soon as", "soon after", "sooner".
        "soon" | "very" => {
            let j = if w_is(l, i, "very") { i + 1 } else { i };
            if !l.is(j, "soon")
                || (i > 0 && l.is(i - 1, "as"))
                || matches!(
                    l.word(j + 1),
                    Some("as" | "after" | "afterwards" | "thereafter")
                )
            {
                return None;
            }
            Some((j + 1, reference("FUTURE_REF")))
        }
        // "these days"
        "these" if l.is(i + 1, "days") && !l.is(i + 2, "of") => {
            Some((i + 2, reference("PRESENT_REF")))
        }
        // "for the time being", "at the moment", "in the long term", "in the near term"
        "the"
            if i > 0
                && matches!(
                    (l.word(i - 1), l.word(i + 1), l.word(i + 2)),
                    (Some("for"), Some("time"), Some("being"))
                        | (Some("at"), Some("moment"), _)
                        | (
                            Some("in" | "over" | "for"),
                            Some("long" | "short" | "near" | "medium"),
                            Some("term" | "run")
                        )
                ) =>
        {
            if l.is(i + 1, "moment") {
                return Some((i + 2, reference("PRESENT_REF")));
            }
            if l.is(i + 1, "time") {
                return Some((i + 3, reference("PRESENT_REF")));
            }
            Some((i + 3, reference("FUTURE_REF")))
        }
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
    let (day, end) = clock_day(l, j);
    Some((
        end,
        Expr::Time {
            day: Box::new(day),
            clock: Clock::HourMinute { hour, minute, utc },
        },
    ))
}

/// The day after a clock time: "16:00 UTC today", "12:00 UTC Monday", "3 p.m. on Friday";
/// today when none is written. Returns the day and the end of the expression.
fn clock_day(l: &Line<'_>, j: usize) -> (Expr, usize) {
    let on = if l.is(j, "on") { j + 1 } else { j };
    match l.word(on) {
        Some("today") => (Expr::DayOffset(0), on + 1),
        Some("yesterday") => (Expr::DayOffset(-1), on + 1),
        Some("tomorrow") => (Expr::DayOffset(1), on + 1),
        Some(w) if l.cap(on) && lexicon::weekday(w).is_some() => match weekday(l, on) {
            Some((end, day @ (Expr::Weekday { .. } | Expr::Date { .. }))) => (day, end),
            _ => (Expr::DayOffset(0), j),
        },
        _ => (Expr::DayOffset(0), j),
    }
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
    let code = season_code;
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
    let Some(y) = l.year_in(k, FULL_DATE_YEARS) else {
        // "in the spring", "during winter", "by the autumn": the nearest one by tense. Not
        // "the fall of Kabul", not a capitalised "Fall".
        let after_preposition = i > 0
            && matches!(
                l.word(i - 1),
                Some("in" | "during" | "by" | "until" | "till" | "since" | "through" | "over")
            );
        if !after_preposition
            || l.is(j + 1, "of")
            || (season == "FA" && (!the || l.cap(j)))
            || (l.glued(j + 1) && l.punct(j + 1, "-").is_some())
        {
            return None;
        }
        return Some((
            j + 1,
            Expr::Season {
                season,
                year: YearRef::Near(Lean::Tense),
            },
        ));
    };
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

/// The TimeML code of a season name.
fn season_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Recurrences (TIMEX3 SET): "weekly", "annual", "every year", "each month", "every two
/// weeks". Not DATE mentions.
fn set(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let w = l.word(i)?;
    let simple = match w {
        "annually" | "yearly" => Some("P1Y"),
        "monthly" => Some("P1M"),
        "weekly" => Some("P1W"),
        "daily" => Some("P1D"),
        "hourly" => Some("PT1H"),
        "quarterly" => Some("P3M"),
        _ => None,
    };
    // "annual profit": the length the figure covers (TimeBank and MEANTIME annotate it a
    // DURATION).
    if w == "annual" && (!l.cap(i) || l.sentence_start(i)) {
        return Some((i + 1, Expr::Period("P1Y")));
    }
    if let Some(value) = simple {
        // "Daily Mail", "Weekly Standard": a capitalised adjective is part of a name.
        if l.cap(i) && !l.sentence_start(i) {
            return None;
        }
        return Some((i + 1, Expr::Set(value)));
    }
    // "twice a year", "once a week", "three times a day"
    let (freq_end, per) = match w {
        "once" | "twice" | "thrice" => (i + 1, true),
        _ => match amount(l, i) {
            Some((Some(_), k)) if l.is(k, "times") => (k + 1, true),
            _ => (i, false),
        },
    };
    if per && matches!(l.word(freq_end), Some("a" | "per" | "each" | "every")) {
        let (unit, false) = lexicon::unit(l.word(freq_end + 1)?)? else {
            return None;
        };
        return Some((freq_end + 2, Expr::Set(unit_period(unit))));
    }
    // "per year"; "15 a year", "10% a year" after a number.
    if w == "per" || (w == "a" && i > 0 && after_count(l, i)) {
        let (unit, false) = lexicon::unit(l.word(i + 1)?)? else {
            return None;
        };
        if unit == Unit::Quarter || l.is(i + 2, "ago") || l.is(i + 2, "old") {
            return None;
        }
        return Some((i + 2, Expr::Set(unit_period(unit))));
    }
    if !matches!(w, "every" | "each") {
        return None;
    }
    // "every ten years", "every two weeks"
    if let Some((Some(n), k)) = amount(l, i + 1)
        && n > 1
        && let Some((unit, true)) = l.word(k).and_then(lexicon::unit)
    {
        return Some((k + 1, Expr::SetEvery { amount: n, unit }));
    }
    // "every Monday"
    if l.cap(i + 1)
        && let Some(day) = lexicon::weekday(l.word(i + 1)?)
    {
        return Some((i + 2, Expr::Set(WEEKDAY_SETS[day as usize - 1])));
    }
    let (unit, plural) = lexicon::unit(l.word(i + 1)?)?;
    if plural {
        return None;
    }
    Some((i + 2, Expr::Set(unit_period(unit))))
}

/// SET values of "every Monday" … "every Sunday".
const WEEKDAY_SETS: [&str; 7] = [
    "XXXX-WXX-1",
    "XXXX-WXX-2",
    "XXXX-WXX-3",
    "XXXX-WXX-4",
    "XXXX-WXX-5",
    "XXXX-WXX-6",
    "XXXX-WXX-7",
];

/// True when token `i` ("a") follows a count: "15 a year", "10% a year", "$5 million a
/// year" (not a year: "in 2005 a year later").
fn after_count(l: &Line<'_>, i: usize) -> bool {
    let p = i - 1;
    if l.punct(p, "%").is_some() || matches!(l.word(p), Some("million" | "billion" | "percent")) {
        return true;
    }
    l.num(p).is_some_and(|(n, _)| {
        !BARE_YEARS.contains(&n) || l.glued(p) && l.punct(p - 1, "$£€").is_some()
    })
}

/// The period of one unit, as a SET or duration value: `P1W`, `PT1H`.
fn unit_period(unit: Unit) -> &'static str {
    match unit {
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
    }
}

/// An Islamic month name spread over up to four tokens ("Rabi' al-Awwal", "Dhu al-Hijjah",
/// "Ramadan"), capitalised: `(month, next token)`.
fn islamic_month_at(l: &Line<'_>, i: usize) -> Option<(u32, usize)> {
    if !l.cap(i) || !l.word(i).is_some_and(lexicon::begins_islamic_month) {
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
        if !lexicon::begins_islamic_month(&letters) {
            // No more letters can make a month name.
            break;
        }
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

/// True when token `i` is the word `w` (a free-function form for closures).
fn w_is(l: &Line<'_>, i: usize, w: &str) -> bool {
    l.is(i, w)
}

/// Anaphoric dates, resolved against the reference time (the last date the text
/// mentioned): "the same day", "that week", "the previous year", "the following day", "the
/// next day", "the day before.", "a week later", "two days earlier", "three years
/// earlier", and "the day" where it can only be a day already named ("end the day", "late in
/// the day").
fn anaphoric(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let w = l.word(i)?;
    let unit_at = |k: usize| -> Option<Unit> {
        match l.word(k).and_then(lexicon::unit)? {
            (u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year), false) => {
                Some(u)
            }
            _ => None,
        }
    };
    // A clause boundary after "before" / "after": "the day before.", "two days after,"
    let closes = |k: usize| k >= l.t.len() || l.punct(k, ".,;:)!?\"”").is_some();
    match w {
        "the" | "that" => {
            // "the same day", "that same week", "that day"
            let j = if l.is(i + 1, "same") { i + 2 } else { i + 1 };
            if (j == i + 2 || w == "that")
                && let Some(unit) = unit_at(j)
            {
                if l.is(j + 1, "of")
                    || (w == "that"
                        && j == i + 1
                        && l.t.get(j + 1).is_some_and(|t| t.kind == Kind::Word)
                        && !matches!(
                            l.word(j + 1),
                            Some(
                                "and"
                                    | "or"
                                    | "but"
                                    | "when"
                                    | "the"
                                    | "a"
                                    | "in"
                                    | "on"
                                    | "at"
                                    | "as"
                                    | "was"
                                    | "is"
                                    | "had"
                                    | "has"
                                    | "will"
                            )
                        ))
                {
                    return None;
                }
                return Some((j + 1, Expr::Anaphoric { unit, n: 0 }));
            }
            if w != "the" {
                return None;
            }
            // "the previous year", "the following day", "the next day"
            let n = match l.word(i + 1)? {
                "previous" | "preceding" | "prior" => Some(-1),
                "following" | "subsequent" => Some(1),
                "next" if unit_at(i + 2) == Some(Unit::Day) => Some(1),
                _ => None,
            };
            if let Some(n) = n {
                let unit = unit_at(i + 2)?;
                return Some((i + 3, Expr::Anaphoric { unit, n }));
            }
            let unit = unit_at(i + 1)?;
            // "the year before.", "the day after", "the year earlier"
            match l.word(i + 2) {
                Some("before" | "earlier") if l.is(i + 2, "earlier") || closes(i + 3) => {
                    return Some((i + 3, Expr::Anaphoric { unit, n: -1 }));
                }
                Some("after" | "later") if l.is(i + 2, "later") || closes(i + 3) => {
                    return Some((i + 3, Expr::Anaphoric { unit, n: 1 }));
                }
                Some("previous") => return Some((i + 3, Expr::Anaphoric { unit, n: -1 })),
                _ => {}
            }
            // "end the day", "ending the day at", "late in the day", "earlier in the year"
            let before = if i > 0 { l.word(i - 1) } else { None };
            let in_context = match before {
                Some(
                    "end" | "ended" | "ending" | "ends" | "finish" | "finished" | "finishing"
                    | "close" | "closed" | "closing" | "start" | "started" | "starting" | "open"
                    | "opened" | "opening" | "began" | "begin" | "beginning",
                ) => unit == Unit::Day,
                Some("in") => {
                    i >= 2 && matches!(l.word(i - 2), Some("late" | "early" | "later" | "earlier"))
                }
                // "a loss for the year.", "sales during the year ended June 30"
                Some("for" | "during" | "throughout") => {
                    unit == Unit::Year
                        && (closes(i + 2) || matches!(l.word(i + 2), Some("ended" | "ending")))
                }
                _ => false,
            };
            in_context.then_some((i + 2, Expr::Anaphoric { unit, n: 0 }))
        }
        _ => {
            // "a week later", "two days earlier", "three years before."
            let (Some(n), k) = amount(l, i)? else {
                return None;
            };
            if matches!(w, "several" | "few" | "many") {
                return None;
            }
            let (unit, _) = lexicon::unit(l.word(k)?)?;
            if !matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                return None;
            }
            let sign = match l.word(k + 1)? {
                "later" => 1,
                "earlier" => -1,
                "after" if closes(k + 2) => 1,
                "before" if closes(k + 2) => -1,
                _ => return None,
            };
            // "later than originally planned" stays a date.
            Some((
                k + 2,
                Expr::Anaphoric {
                    unit,
                    n: sign * i64::from(n),
                },
            ))
        }
    }
}

/// Half years: "the first half of 2009", "the second half of this year", "the first
/// half", "first-half", "H1 2009".
fn half(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    if l.cap(i) && l.is(i, "h") && l.glued(i + 1) {
        let (h, 1) = l.num(i + 1)? else { return None };
        if !(1..=2).contains(&h) || (l.glued(i + 2) && l.t[i + 2].kind != Kind::Punct) {
            return None;
        }
        let (end, year) = match l.trailing_year(i + 2, FULL_DATE_YEARS) {
            Some((y, end)) => (end, YearRef::Given(y)),
            None => (i + 2, YearRef::Near(Lean::Tense)),
        };
        return Some((end, Expr::Half { half: h, year }));
    }
    let the = l.is(i, "the");
    let j = if the { i + 1 } else { i };
    let h = match l.word(j)? {
        "first" => 1,
        "second" => 2,
        _ => return None,
    };
    let k = if l.glued(j + 1) && l.punct(j + 1, "-").is_some() {
        j + 2
    } else {
        j + 1
    };
    if !l.is(k, "half") || (!the && k == j + 1) {
        return None;
    }
    let (end, year) = period_year(l, k + 1);
    Some((end, Expr::Half { half: h, year }))
}

/// The year after a quarter or half: "of 2009", "of this year", "of the year", or none.
fn period_year(l: &Line<'_>, k: usize) -> (usize, YearRef) {
    if l.is(k, "of") {
        if let Some(y) = l.year_in(k + 1, FULL_DATE_YEARS) {
            return (k + 2, YearRef::Given(y));
        }
        if let Some((
            end,
            Expr::Offset {
                unit: Unit::Year,
                n,
            },
        )) = relative(l, k + 1)
        {
            return (end, YearRef::Relative(n));
        }
        if l.is(k + 1, "the") && l.is(k + 2, "year") {
            return (k + 3, YearRef::Near(Lean::Tense));
        }
    }
    (k, YearRef::Near(Lean::Tense))
}

/// Fiscal years: "fiscal 2008", "fiscal year 2008", "FY2008", "FY 2008", "the 2008 fiscal
/// year", "this fiscal year", "last fiscal year".
fn fiscal(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let w = l.word(i)?;
    if w == "fy" && l.cap(i) {
        let j = i + 1;
        let (y, digits) = l.num(j)?;
        let year = match digits {
            4 if BARE_YEARS.contains(&y) => y as i32,
            2 => 2000 + y as i32,
            _ => return None,
        };
        return Some((j + 1, Expr::FiscalYear(YearRef::Given(year))));
    }
    if w == "fiscal" {
        let j = if l.is(i + 1, "year") { i + 2 } else { i + 1 };
        let y = l.year_in(j, BARE_YEARS)?;
        return Some((j + 1, Expr::FiscalYear(YearRef::Given(y))));
    }
    // "the 2008 fiscal year"
    if w == "the"
        && let Some(y) = l.year_in(i + 1, BARE_YEARS)
        && l.is(i + 2, "fiscal")
        && l.is(i + 3, "year")
    {
        return Some((i + 4, Expr::FiscalYear(YearRef::Given(y))));
    }
    let n = match w {
        "this" | "current" => 0,
        "last" | "previous" => -1,
        "next" => 1,
        _ => return None,
    };
    (l.is(i + 1, "fiscal") && l.is(i + 2, "year"))
        .then_some((i + 3, Expr::FiscalYear(YearRef::Relative(n))))
}

/// Holidays with a fixed date: "Christmas", "Christmas Eve", "New Year's Day", "New
/// Year's Eve", "Halloween", "Valentine's Day", "Boxing Day", with an optional year; and
/// "Nowruz" (1 Hamal), "Eid al-Fitr" (1 Shawwal), "Eid al-Adha" (10 Dhu al-Hijjah),
/// "Ashura" (10 Muharram).
fn holiday(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    if !l.cap(i) {
        return None;
    }
    let possessive = |k: usize| l.punct(k, "'’").is_some() && l.glued(k) && l.is(k + 1, "s");
    let (month, day, end) = match l.word(i)? {
        "christmas" => match l.word(i + 1) {
            Some("eve") if l.cap(i + 1) => (12, 24, i + 2),
            Some("day") if l.cap(i + 1) => (12, 25, i + 2),
            _ => (12, 25, i + 1),
        },
        "new" if l.is(i + 1, "year") && l.cap(i + 1) => {
            let k = if possessive(i + 2) { i + 4 } else { i + 2 };
            match l.word(k) {
                Some("eve") if l.cap(k) => (12, 31, k + 1),
                Some("day") if l.cap(k) => (1, 1, k + 1),
                _ if k == i + 4 || (i > 0 && l.is(i - 1, "the")) => (1, 1, k),
                _ => return None,
            }
        }
        "halloween" => (10, 31, i + 1),
        "valentine" if possessive(i + 1) && l.is(i + 3, "day") => (2, 14, i + 4),
        "boxing" if l.is(i + 1, "day") && l.cap(i + 1) => (12, 26, i + 1),
        "nowruz" | "navruz" | "nauroz" | "norooz" | "nowrooz" | "nawruz" => {
            return Some((
                i + 1,
                Expr::SolarHijri {
                    year: None,
                    month: 1,
                    day: 1,
                },
            ));
        }
        "ashura" | "ashoura" => {
            return Some((
                i + 1,
                Expr::Islamic {
                    year: None,
                    month: 1,
                    day: 10,
                },
            ));
        }
        "eid" => {
            let mut letters = String::new();
            let mut k = i + 1;
            while k < l.t.len() && k < i + 5 {
                let t = &l.t[k];
                match t.kind {
                    Kind::Word => letters.push_str(&t.lower),
                    Kind::Punct if t.glued && matches!(t.text, "-" | "'" | "’") => {}
                    _ => break,
                }
                k += 1;
                let (month, day) = match letters.as_str() {
                    "alfitr" | "ulfitr" | "elfitr" | "fitr" => (10, 1),
                    "aladha" | "uladha" | "eladha" | "aladha'" | "adha" | "uladha'" => (12, 10),
                    _ => continue,
                };
                return Some((
                    k,
                    Expr::Islamic {
                        year: None,
                        month,
                        day,
                    },
                ));
            }
            return None;
        }
        _ => return None,
    };
    let (year, end) = match l.trailing_year(end, FULL_DATE_YEARS) {
        Some((y, e)) => (Some(y), e),
        None => (None, end),
    };
    Some((end, Expr::Date { year, month, day }))
}

/// "noon", "midday", "midnight" (after a preposition), with an optional day: "at noon
/// Friday", "by midnight on Tuesday".
fn named_clock(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    let hour = match l.word(i)? {
        "noon" | "midday" => 12,
        "midnight" => 24,
        _ => return None,
    };
    if i == 0
        || !matches!(
            l.word(i - 1),
            Some("at" | "by" | "until" | "till" | "before" | "after" | "around" | "from" | "since")
        )
    {
        return None;
    }
    let (day, end) = clock_day(l, i + 1);
    Some((
        end,
        Expr::Time {
            day: Box::new(day),
            clock: Clock::HourMinute {
                hour,
                minute: 0,
                utc: false,
            },
        },
    ))
}

/// A two-digit year with an apostrophe after a preposition or a month: "in '82", "since
/// '09", "March '07" (00–49 are 2000–2049, 50–99 are 1950–1999).
fn short_year(l: &Line<'_>, i: usize) -> Option<(usize, Expr)> {
    l.punct(i, "'’")?;
    let (yy, 2) = l.num(i + 1)? else { return None };
    if !l.glued(i + 1) || (l.glued(i + 2) && l.t[i + 2].kind != Kind::Punct) || i == 0 {
        return None;
    }
    let after_month = l.cap(i - 1) && l.word(i - 1).and_then(lexicon::month).is_some();
    if !after_month && !l.word(i - 1).is_some_and(lexicon::is_year_trigger) {
        return None;
    }
    let year = if yy < 50 { 2000 + yy } else { 1900 + yy } as i32;
    Some((i + 2, Expr::Year(year)))
}
