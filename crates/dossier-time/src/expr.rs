//! What a recognised expression means, before it is anchored: the bridge between the
//! recogniser (which reads words) and the resolver (which computes TIMEX3 values).

use crate::lexicon::Unit;

/// Which occurrence a bare month or weekday refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lean {
    /// Decided by the sentence's tense ("on Friday", "in March").
    Tense,
    /// Strictly before the anchor ("last Friday", "last March").
    Before,
    /// Strictly after the anchor ("next Friday", "next March").
    After,
    /// In the anchor's own period ("this March", "this Friday").
    Same,
}

/// The year of a quarter or season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written out: "the first quarter of 2009".
    Given(i32),
    /// Relative to the anchor's year: "this year" 0, "last year" -1.
    Relative(i64),
    /// Not given: the nearest occurrence, by `Lean` (and the sentence's tense).
    Near(Lean),
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clock {
    /// Hours and minutes, and whether the text says UTC / GMT.
    HourMinute { hour: u32, minute: u32, utc: bool },
    /// A part of the day: `MO`, `AF`, `EV`, `NI` (TimeML codes).
    Part(&'static str),
}

/// The meaning of one temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A Gregorian month and day, with the year when the text gives it.
    Date {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// A Gregorian month, with the year when the text gives it.
    Month {
        year: Option<i32>,
        month: u32,
        lean: Lean,
    },
    /// A month of a year given relative to the anchor's: "October of next year".
    MonthOfYear { month: u32, years: i64 },
    /// A quarter (1–4) of a year.
    Quarter { quarter: u32, year: YearRef },
    /// A season (`SP`, `SU`, `FA`, `WI`) of a year.
    Season { season: &'static str, year: YearRef },
    /// A recurrence (TIMEX3 SET): "weekly" is `P1W`.
    Set(&'static str),
    /// A length named by an adjective ("annual" profit is `P1Y`): a DURATION that is not a
    /// DATE mention.
    Period(&'static str),
    /// A recurrence every `amount` units (TIMEX3 SET): "every ten years" is `P10Y`.
    SetEvery { amount: u32, unit: Unit },
    /// A year ("2002").
    Year(i32),
    /// A decade: 199 for "the 1990s".
    Decade(i32),
    /// A weekday, ISO numbered (Monday = 1).
    Weekday { day: u32, lean: Lean },
    /// A Solar Hijri day and month, with the Solar Hijri year when the text gives it.
    SolarHijri {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// An Islamic (lunar Hijri) day and month, with the Hijri year when the text gives it.
    Islamic {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// A weekend (Saturday and Sunday): "the weekend", "last weekend".
    Weekend(Lean),
    /// A day relative to the anchor: today 0, yesterday -1, "two days ago" -2.
    DayOffset(i64),
    /// A week / month / quarter / year relative to the anchor's: "last week" is (Week, -1).
    Offset { unit: Unit, n: i64 },
    /// A day, week, month, quarter or year relative to the *reference time* (the last
    /// date the text mentioned, else the anchor): "the same day" is (Day, 0), "the
    /// previous year" (Year, -1), "two days later" (Day, 2).
    Anaphoric { unit: Unit, n: i64 },
    /// A fiscal year: "fiscal 2008" is `FY2008`.
    FiscalYear(YearRef),
    /// A half year (1 or 2): "the first half of 2009" is `2009-H1`.
    Half { half: u32, year: YearRef },
    /// A length of time; `amount` is `None` when vague ("several years").
    Duration { amount: Option<u32>, unit: Unit },
    /// A TimeML reference value (`PAST_REF`, `PRESENT_REF`, `FUTURE_REF`).
    Ref { value: &'static str, mention: bool },
    /// A time of day on a day.
    Time { day: Box<Expr>, clock: Clock },
}
