//! Finds temporal expressions in a clean English text and normalises them to TimeML
//! TIMEX3 values, Solar Hijri (Afghan / Iranian) dates included.
//!
//! What it does: recognises calendar dates ("Wednesday, December 11", "11 December 2024",
//! "2024-12-11", "25/11/2024"), months and years ("January 2022", "in March", "in 2002",
//! "the 1990s"), weekdays, relative days and periods ("yesterday", "last week", "two days
//! ago"), durations ("five years", "the past three years"), vague references ("recently",
//! "now"), quarters and seasons, weekends, clock times, recurrences ("weekly"), Solar Hijri
//! dates ("8th of Qaws", "8 Qaws 1403") and Islamic lunar dates ("10 Muharram 1446"). Relative
//! expressions are resolved against the document's publication date (the *anchor*), using
//! the tense of the sentence to choose between the past and the future occurrence; without
//! an anchor the value keeps its unknown parts (`XXXX-12-11`, `XXXX-WXX-4`).
//!
//! What it does not do: no I/O, no errors, no reading of the clock; it does not annotate
//! `mod`/`anchorTimeID` attributes, sets ("every week"), or anaphoric dates ("the same
//! day", "the previous year"); other languages than English are out of scope.
//!
//! # Example
//! ```
//! use dossier_core::{Date, TimexType};
//! use dossier_time::{Config, find_timexes};
//!
//! let text = "The plan will be approved on November 28 (8th of Qaws), five years after 2019.";
//! let anchor = Date::new(2024, 11, 25);
//! let found = find_timexes(text, anchor, &Config::default());
//! let values: Vec<(&str, &str)> = found
//!     .iter()
//!     .map(|t| (&text[t.span.range()], t.value.as_str()))
//!     .collect();
//! assert_eq!(
//!     values,
//!     [
//!         ("November 28", "2024-11-28"),
//!         ("8th of Qaws", "2024-11-28"),
//!         ("five years", "P5Y"),
//!         ("2019", "2019"),
//!     ]
//! );
//! assert_eq!(found[2].kind, TimexType::Duration);
//! ```

mod calendar;
mod config;
mod expr;
mod find;
mod lexicon;
mod recognize;
mod resolve;
mod tense;
mod token;

pub use crate::{
    calendar::{gregorian_to_solar_hijri, solar_hijri_to_gregorian},
    config::Config,
    find::find_timexes,
};
