//! Finds temporal expressions in a clean English text and normalises them to TimeML
//! TIMEX3 values, Solar Hijri (Afghan / Iranian) dates included.
//!
//! What it does: recognises every TimeML TIMEX3 type, DATE, TIME, DURATION and SET:
//! calendar dates ("Wednesday, December 11", "11 December 2024", "2024-12-11",
//! "25/11/2024", "7/8/07"), months and years ("January 2022", "in March", "in 2002", "the
//! 1990s", "early 2025", "late last year"), year ranges ("from 2009 to 2011" is two DATEs),
//! weekdays, relative days and periods ("yesterday", "last week", "two days ago"),
//! anaphoric dates anchored on the last date the text named ("the same day", "the previous
//! year", "two days later", "ending the day"), quarters, halves and fiscal years
//! (`2009-Q3`, `2009-H1`, `FY2008`), seasons ("in the spring" `2025-SP`), weekends, a few
//! fixed holidays (Christmas, New Year's Day, Nowruz, Eid al-Fitr), durations ("five
//! years", "the past few days" `PXD`, "two consecutive quarters" `P2Q`), recurrences
//! ("weekly", "every Monday", "twice a year"), clock times ("16:15 UTC", "at noon"),
//! vague references ("recently" `PAST_REF`, "for the time being" `PRESENT_REF`, "soon"
//! `FUTURE_REF`), Solar Hijri dates ("8th of Qaws", "8 Qaws 1403") and Islamic lunar dates
//! ("10 Muharram 1446"). Relative expressions are resolved against the document's
//! publication date (the *anchor*), using the tense of the sentence to choose between the
//! past and the future occurrence (a year-less date is the nearest past one unless the
//! sentence speaks of the future); without an anchor the value keeps its unknown parts
//! (`XXXX-12-11`, `XXXX-WXX-4`). Impossible dates (February 30) are rejected.
//!
//! Calendar dates, years, months, weekdays, durations and anaphoric dates are DATE
//! mentions too ([`dossier_core::Timex::is_mention`]); clock times, sets and vague
//! references are not.
//!
//! What it does not do: no I/O, no errors, no reading of the clock; it does not annotate
//! `mod`/`anchorTimeID`/`freq` attributes (the value of "early 2025" is `2025`), movable
//! feasts other than the Islamic ones (Easter, Thanksgiving), or event-anchored spans ("the
//! same period last year"); other languages than English are out of scope.
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
