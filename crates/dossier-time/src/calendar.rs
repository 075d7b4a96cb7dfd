//! Calendar arithmetic: Solar Hijri (Persian) conversion through `icu_calendar`, ISO weeks.

use dossier_core::Date;
use icu_calendar::{
    Date as IcuDate,
    cal::{Hijri, Persian},
    types::RataDie,
};

/// Rata Die (day 1 = 0001-01-01 proleptic Gregorian) of 1970-01-01.
const RD_UNIX_EPOCH: i64 = 719_163;

/// The Gregorian date of a Solar Hijri (Afghan / Iranian) date, or `None` when it does not
/// exist (month 13, 31 Mizan, 30 Hut of a common year).
///
/// ```
/// use dossier_core::Date;
/// assert_eq!(dossier_time::solar_hijri_to_gregorian(1403, 9, 8), Date::new(2024, 11, 28));
/// assert_eq!(dossier_time::solar_hijri_to_gregorian(1403, 7, 31), None);
/// ```
pub fn solar_hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<Date> {
    let month = u8::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    let persian = IcuDate::try_new_persian(year, month, day).ok()?;
    let days = persian.to_rata_die().to_i64_date() - RD_UNIX_EPOCH;
    Some(Date::from_days_since_epoch(days))
}

/// The Solar Hijri `(year, month, day)` of a Gregorian date (month 1 = Hamal / Farvardin).
///
/// ```
/// use dossier_core::Date;
/// let d = Date::new(2024, 3, 20).unwrap();
/// assert_eq!(dossier_time::gregorian_to_solar_hijri(d), (1403, 1, 1));
/// ```
pub fn gregorian_to_solar_hijri(date: Date) -> (i32, u32, u32) {
    let rd = RataDie::new(date.days_since_epoch() + RD_UNIX_EPOCH);
    let persian = IcuDate::from_rata_die(rd, Persian);
    (
        persian.era_year().extended_year,
        u32::from(persian.month().ordinal),
        u32::from(persian.day_of_month().0),
    )
}

/// The Gregorian date of an Islamic (Hijri, lunar) date by the Umm al-Qura calendar, or
/// `None` when it does not exist. Local observance may differ by a day.
pub(crate) fn islamic_to_gregorian(year: i32, month: u32, day: u32) -> Option<Date> {
    let month = u8::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    let hijri =
        IcuDate::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    let days = hijri.to_rata_die().to_i64_date() - RD_UNIX_EPOCH;
    Some(Date::from_days_since_epoch(days))
}

/// The Islamic (Umm al-Qura) year of a Gregorian date.
pub(crate) fn islamic_year(date: Date) -> i32 {
    let rd = RataDie::new(date.days_since_epoch() + RD_UNIX_EPOCH);
    IcuDate::from_rata_die(rd, Hijri::new_umm_al_qura())
        .era_year()
        .extended_year
}

/// The ISO 8601 week `(week-year, week)` holding a date.
pub(crate) fn iso_week(date: Date) -> (i32, u32) {
    let thursday = date.add_days(4 - i64::from(date.weekday()));
    let year = thursday.year();
    let jan1 = Date::new(year, 1, 1).map_or(0, |d| d.days_since_epoch());
    let week = (thursday.days_since_epoch() - jan1) / 7 + 1;
    (year, week as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn solar_hijri_known_dates() {
        assert_eq!(solar_hijri_to_gregorian(1403, 9, 8), Some(d(2024, 11, 28)));
        assert_eq!(solar_hijri_to_gregorian(1403, 1, 1), Some(d(2024, 3, 20)));
        assert_eq!(solar_hijri_to_gregorian(1403, 12, 30), Some(d(2025, 3, 20)));
        assert_eq!(solar_hijri_to_gregorian(1402, 10, 11), Some(d(2024, 1, 1)));
        // 1403 is a leap year, 1402 is not: 30 Hut 1402 does not exist.
        assert_eq!(solar_hijri_to_gregorian(1402, 12, 30), None);
        assert_eq!(solar_hijri_to_gregorian(1403, 7, 31), None);
        assert_eq!(solar_hijri_to_gregorian(1403, 13, 1), None);
        assert_eq!(solar_hijri_to_gregorian(1403, 1, 0), None);
    }

    #[test]
    fn solar_hijri_round_trip() {
        for days in (19_000..21_000).step_by(7) {
            let g = Date::from_days_since_epoch(days);
            let (y, m, day) = gregorian_to_solar_hijri(g);
            assert_eq!(solar_hijri_to_gregorian(y, m, day), Some(g), "{g}");
        }
        assert_eq!(gregorian_to_solar_hijri(d(2024, 11, 25)), (1403, 9, 5));
    }

    #[test]
    fn islamic_dates() {
        // 1 Ramadan 1445 AH was 11 March 2024; 10 Muharram 1446 was 16 July 2024.
        assert_eq!(islamic_to_gregorian(1445, 9, 1), Some(d(2024, 3, 11)));
        assert_eq!(islamic_to_gregorian(1446, 1, 10), Some(d(2024, 7, 16)));
        assert_eq!(islamic_to_gregorian(1446, 1, 31), None);
        assert_eq!(islamic_year(d(2024, 11, 25)), 1446);
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(d(2024, 11, 25)), (2024, 48));
        assert_eq!(iso_week(d(2024, 12, 30)), (2025, 1));
        assert_eq!(iso_week(d(2021, 1, 3)), (2020, 53));
        assert_eq!(iso_week(d(2008, 10, 9)), (2008, 41));
    }
}
