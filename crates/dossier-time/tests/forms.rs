//! Focused tests of each form the recogniser handles, with and without an anchor.

use dossier_core::Date;
use dossier_time::{Config, find_timexes};

/// `"text" TYPE value mention` for every timex of `text`.
fn check(text: &str, anchor: Option<&str>) -> Vec<String> {
    let anchor = anchor.map(|a| Date::parse_iso(a).expect("valid anchor"));
    find_timexes(text, anchor, &Config::default())
        .iter()
        .map(|t| {
            format!(
                "{:?} {} {}{}",
                &text[t.span.range()],
                t.kind.as_str(),
                t.value,
                if t.is_mention { "" } else { " (not a mention)" }
            )
        })
        .collect()
}

/// The single value found in `text`.
fn value(text: &str, anchor: Option<&str>) -> String {
    let anchor = anchor.map(|a| Date::parse_iso(a).unwrap());
    let found = find_timexes(text, anchor, &Config::default());
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found[0].value.clone()
}

#[test]
fn full_dates() {
    assert_eq!(
        check(
            "On December 11, 2024, 11 December 2024, Dec. 11, 2024, 2024-12-11, 25/11/2024 and 25.11.2024.",
            None
        ),
        [
            r#""December 11, 2024" DATE 2024-12-11"#,
            r#""11 December 2024" DATE 2024-12-11"#,
            r#""Dec. 11, 2024" DATE 2024-12-11"#,
            r#""2024-12-11" DATE 2024-12-11"#,
            r#""25/11/2024" DATE 2024-11-25"#,
            r#""25.11.2024" DATE 2024-11-25"#,
        ]
    );
    assert_eq!(
        value("It met on March 12 2009 in Rome.", None),
        "2009-03-12"
    );
    // Month-first only when day-first is impossible.
    assert_eq!(value("Filed 11/25/2024.", None), "2024-11-25");
}

#[test]
fn weekday_prefix_and_ordinals_are_one_span() {
    assert_eq!(
        check("It took place on Wednesday, December 11, in Moscow.", None),
        [r#""Wednesday, December 11" DATE XXXX-12-11"#]
    );
    assert_eq!(
        check("on December 11th and on the 8th of December", None),
        [
            r#""December 11th" DATE XXXX-12-11"#,
            r#""the 8th of December" DATE XXXX-12-08"#
        ]
    );
}

#[test]
fn impossible_dates_and_leap_years() {
    assert!(check("on February 30 and on 31/04/2024", None).is_empty());
    assert_eq!(value("on February 29, 2024", None), "2024-02-29");
    // 2023 is not a leap year: only the year is left.
    assert_eq!(check("on February 29, 2023", None), [r#""2023" DATE 2023"#]);
    // Without a year, February 29 may exist; with an anchor, the nearest leap year's.
    assert_eq!(value("on February 29", None), "XXXX-02-29");
    assert_eq!(
        value("It happened on February 29.", Some("2024-11-25")),
        "2024-02-29"
    );
}

#[test]
fn month_day_year_choice_follows_tense() {
    let anchor = Some("2024-11-25");
    // Future: the next occurrence, even if a past one is nearer...
    assert_eq!(value("It will be held on October 1.", anchor), "2025-10-01");
    // ...unless the past one is only days away (a republished article, a wrong cue).
    assert_eq!(
        value("It will be approved on November 20.", anchor),
        "2024-11-20"
    );
    assert_eq!(
        value("The plan will be approved on November 28.", anchor),
        "2024-11-28"
    );
    // Past: the last occurrence.
    assert_eq!(value("He was killed on December 11.", anchor), "2023-12-11");
    assert_eq!(
        value("The vote was held on January 5.", anchor),
        "2024-01-05"
    );
    // No cue: the nearest.
    assert_eq!(value("The summit is on December 11.", anchor), "2024-12-11");
    assert_eq!(value("The summit is on January 5.", anchor), "2025-01-05");
    // Without anchor the year stays unknown.
    assert_eq!(value("He was killed on December 11.", None), "XXXX-12-11");
}

#[test]
fn months_and_years() {
    assert_eq!(value("In January 2022, he spoke.", None), "2022-01");
    assert_eq!(value("It was agreed in March.", None), "XXXX-03");
    assert_eq!(
        value("It was agreed in March.", Some("2024-11-25")),
        "2024-03"
    );
    assert_eq!(
        value("It will be signed in March.", Some("2024-11-25")),
        "2025-03"
    );
    assert_eq!(value("Formed in 2002, the alliance grew.", None), "2002");
    assert_eq!(value("It starts in 2025 and lasts.", None), "2025");
    assert!(check("There were 2002 people there.", None).is_empty());
    assert!(check("A total of 2000 soldiers died.", None).is_empty());
    assert_eq!(value("the 1991 agreement", None), "1991");
    assert_eq!(value("It grew in the 1990s.", None), "199");
    assert_eq!(value("It grew in the '80s.", None), "198");
    assert_eq!(value("Prices rose in early 2025.", None), "2025");
    // "May" the modal is not a month.
    assert!(check("They may come. May he rest.", None).is_empty());
}

#[test]
fn weekdays() {
    let anchor = Some("2024-11-25"); // a Monday
    assert_eq!(value("They met on Thursday.", None), "XXXX-WXX-4");
    assert_eq!(value("They met on Thursday.", anchor), "2024-11-21");
    assert_eq!(value("They will meet on Thursday.", anchor), "2024-11-28");
    assert_eq!(value("They met last Monday.", anchor), "2024-11-18");
    assert_eq!(value("They meet next Monday.", anchor), "2024-12-02");
    assert_eq!(
        check("on Thursday night", anchor),
        [r#""Thursday night" TIME 2024-11-21TNI (not a mention)"#]
    );
    assert!(check("The Sunday Times said so.", anchor).is_empty());
}

#[test]
fn relative_days_and_periods() {
    let anchor = Some("2024-11-25");
    assert_eq!(value("It rained today.", anchor), "2024-11-25");
    assert_eq!(value("It rained today.", None), "PRESENT_REF");
    assert_eq!(value("It rained yesterday.", anchor), "2024-11-24");
    assert_eq!(value("It rained yesterday.", None), "XXXX-XX-XX");
    assert_eq!(value("It rains tomorrow.", anchor), "2024-11-26");
    assert_eq!(value("It rained two days ago.", anchor), "2024-11-23");
    assert_eq!(value("They met last week.", anchor), "2024-W47");
    assert_eq!(value("They met last month.", anchor), "2024-10");
    assert_eq!(value("They met last year.", anchor), "2023");
    assert_eq!(value("They meet next year.", anchor), "2025");
    assert_eq!(value("They met this year.", anchor), "2024");
    assert_eq!(value("They met this year.", None), "XXXX");
    assert_eq!(value("They met last week.", None), "XXXX-WXX");
    assert_eq!(
        value("Sales fell in the first quarter of 2009.", None),
        "2009-Q1"
    );
    assert_eq!(value("It opens in the summer of 2026.", None), "2026-SU");
}

#[test]
fn durations() {
    let cases = [
        ("It will unfold over five years.", "P5Y", "five years"),
        ("It took three months.", "P3M", "three months"),
        ("It took 10 days.", "P10D", "10 days"),
        (
            "For the past three years, it grew.",
            "P3Y",
            "the past three years",
        ),
        ("It took a decade.", "P10Y", "a decade"),
        ("It took two weeks.", "P2W", "two weeks"),
        ("It took twenty-five years.", "P25Y", "twenty-five years"),
        ("a five-year plan", "P5Y", "five-year"),
        ("It took several years.", "PXY", "several years"),
        ("It took nearly five months.", "P5M", "nearly five months"),
        ("It took 36 hours.", "PT36H", "36 hours"),
    ];
    for (text, want, span) in cases {
        let found = find_timexes(text, None, &Config::default());
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].value, want, "{text}");
        assert_eq!(&text[found[0].span.range()], span, "{text}");
        assert!(found[0].is_mention);
    }
    // Ages and fractions are not durations.
    assert!(check("a five-year-old boy, five years old", None).is_empty());
    assert!(check("about a quarter of the dealers", None).is_empty());
    assert_eq!(
        check("In recent years, CSTO officials spoke.", None),
        [r#""recent years" DATE PAST_REF"#]
    );
}

#[test]
fn vague_references_are_not_mentions() {
    assert_eq!(
        check("Most recently, it is currently quiet, and now calm.", None),
        [
            r#""Most recently" DATE PAST_REF (not a mention)"#,
            r#""currently" DATE PRESENT_REF (not a mention)"#,
            r#""now" DATE PRESENT_REF (not a mention)"#,
        ]
    );
    assert!(check("Now that it ended, the current plan stands.", None).is_empty());
    let quiet = Config { vague_refs: false };
    assert!(find_timexes("It is currently quiet.", None, &quiet).is_empty());
}

#[test]
fn solar_hijri_dates() {
    let anchor = Some("2024-11-25");
    assert_eq!(value("approved on the 8th of Qaws", anchor), "2024-11-28");
    assert_eq!(value("approved (8th of Qaws).", anchor), "2024-11-28");
    assert_eq!(value("on 8 Qaws 1403", None), "2024-11-28");
    assert_eq!(value("on 8 Qaws 1403 SH", None), "2024-11-28");
    assert_eq!(value("on Qaws 8, 1403", None), "2024-11-28");
    assert_eq!(value("on 1 Hamal 1403", None), "2024-03-20");
    assert_eq!(value("on 30 Hut 1403", None), "2025-03-20");
    assert_eq!(value("on 11 Jadi 1402", None), "2024-01-01");
    assert_eq!(value("on 1 Farvardin 1403", None), "2024-03-20");
    // Without a year or an anchor the Gregorian day is unknown.
    assert_eq!(value("on 8 Qaws", None), "XXXX-XX-XX");
    // Impossible: the second half of the year has 30-day months.
    assert!(check("on 31 Mizan 1403", None).is_empty());
    assert_eq!(
        check("approved on 8 Qaws 1403 SH", None),
        [r#""8 Qaws 1403 SH" DATE 2024-11-28"#]
    );
}

#[test]
fn islamic_dates_need_a_day() {
    assert_eq!(value("It falls on 10 Muharram 1446.", None), "2024-07-16");
    assert_eq!(value("on 1 Ramadan 1445 AH", None), "2024-03-11");
    assert_eq!(
        check("on 10 Dhu al-Hijjah 1445", None),
        [r#""10 Dhu al-Hijjah 1445" DATE 2024-06-16"#]
    );
    assert_eq!(
        value("It began on 1 Ramadan.", Some("2024-11-25")),
        "2024-03-11"
    );
    assert!(check("They fasted during Ramadan.", None).is_empty());
}

#[test]
fn weekends() {
    let anchor = Some("2024-11-25"); // a Monday
    assert_eq!(
        value("They clashed over the weekend.", anchor),
        "2024-W47-WE"
    );
    assert_eq!(value("They will meet next weekend.", anchor), "2024-W48-WE");
    assert_eq!(value("They clashed over the weekend.", None), "XXXX-WXX-WE");
}

#[test]
fn clock_times() {
    assert_eq!(
        check("at 16:00 UTC today", Some("2009-06-01")),
        [r#""16:00 UTC today" TIME 2009-06-01T16:00Z (not a mention)"#]
    );
    assert_eq!(value("at 3 p.m. on Friday", None), "XXXX-WXX-5T15:00");
}

#[test]
fn output_is_sorted_and_disjoint() {
    let text = "On Wednesday, December 11, 2024, five years after 2019, now, the past three years.\nYesterday.";
    let found = find_timexes(text, Date::new(2024, 12, 12), &Config::default());
    assert_eq!(found.len(), 6);
    for pair in found.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
    }
}

#[test]
fn odd_input_does_not_panic() {
    let anchor = Date::new(2024, 2, 29);
    for text in [
        "",
        "\n\n",
        "Dec.",
        "the",
        "on Qaws",
        "2024-13-45 and 2024-",
        "31/12/ 12/31/ /2024",
        "the 8th of",
        "١٤٠٣ 😀 ß 1 - / 2024-",
        "Q5 2024, Q",
        "99:99 UTC, 12 p.m., 0 a.m.",
        "last",
        "the past",
        "twenty-",
        "10 Muharram 9999",
        "on 30 Hut 99999",
        "Eid",
        "Eid al-",
        "FY",
        "FY 99999",
        "fiscal",
        "every",
        "every 2",
        "the same",
        "H1",
        "H9 2024",
        "twice a",
        "a",
        "per",
        "New Year'",
        "the first half of",
        "two days",
        "end the day",
        "from 2009 to",
        "between 60 and",
        "at midnight on",
        "7/8/",
    ] {
        let found = find_timexes(text, anchor, &Config::default());
        for t in found {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}

#[test]
fn anaphoric_dates_follow_the_last_date_named() {
    let anchor = Some("2009-04-04"); // a Saturday
    assert_eq!(
        check(
            "Stocks rose on Friday. A report came out on the same day, and in March jobs fell; the Dow gained, ending the day at 8,017.",
            anchor
        ),
        [
            r#""Friday" DATE 2009-04-03"#,
            r#""the same day" DATE 2009-04-03"#,
            r#""March" DATE 2009-03"#,
            r#""the day" DATE 2009-04-03"#,
        ]
    );
    assert_eq!(
        check(
            "The strike began on 6 July 2010. The following day, protests spread; two days later they ended.",
            None
        ),
        [
            r#""6 July 2010" DATE 2010-07-06"#,
            r#""The following day" DATE 2010-07-07"#,
            r#""two days later" DATE 2010-07-09"#,
        ]
    );
    // Without a date named, the anchor; without an anchor, unknown.
    assert_eq!(
        value("Sales fell from the previous year.", Some("2009-02-03")),
        "2008"
    );
    assert_eq!(value("Sales fell from the previous year.", None), "XXXX");
    assert_eq!(
        check("In 2005 it grew; a year earlier it shrank.", None)[1],
        r#""a year earlier" DATE 2004"#
    );
    assert_eq!(
        value("It was settled that same week.", Some("2024-11-25")),
        "2024-W48"
    );
    assert_eq!(
        value("GM reported a loss for the year.", Some("1989-11-02")),
        "1989"
    );
    assert_eq!(
        value("Shares fell late in the day.", Some("2007-08-10")),
        "2007-08-10"
    );
    // "the day" elsewhere is not a date; "the previous three years" is a duration.
    assert!(check("He recalled the day they met.", anchor).is_empty());
    assert_eq!(value("over the previous three years", None), "P3Y");
}

#[test]
fn ranges_give_two_dates() {
    assert_eq!(
        check(
            "Six jets from 2009 to 2011, then between 2014 and 2016 it will take more.",
            None
        ),
        [
            r#""2009" DATE 2009"#,
            r#""2011" DATE 2011"#,
            r#""2014" DATE 2014"#,
            r#""2016" DATE 2016"#,
        ]
    );
    assert_eq!(
        check("It would take between 60 and 90 days.", None),
        [r#""60" DURATION P60D"#, r#""90 days" DURATION P90D"#]
    );
    assert_eq!(
        check("the cars of the 70s and 80s", None)[1],
        r#""80s" DATE 198"#
    );
}

#[test]
fn seasons_halves_and_fiscal_years() {
    let anchor = Some("2009-04-01");
    assert_eq!(
        value("Sales will recover in the summer.", anchor),
        "2009-SU"
    );
    assert_eq!(value("Sales fell in the winter.", anchor), "2009-WI");
    assert_eq!(value("It was built in early spring.", anchor), "2009-SP");
    assert!(check("after the fall of Kabul", anchor).is_empty());
    assert_eq!(
        value("Sales rose in the first half of 2008.", None),
        "2008-H1"
    );
    assert_eq!(value("in the second half of this year", anchor), "2009-H2");
    assert_eq!(
        value("first-half profit rose", Some("2009-08-01")),
        "2009-H1"
    );
    assert_eq!(value("Sales in fiscal 1999 grew.", None), "FY1999");
    assert_eq!(value("in fiscal year 2008", None), "FY2008");
    assert_eq!(value("in FY2024", None), "FY2024");
    assert_eq!(value("the 2008 fiscal year", None), "FY2008");
    assert_eq!(value("for the last fiscal year", anchor), "FY2008");
    assert_eq!(value("Prices rose in late last year.", anchor), "2008");
}

#[test]
fn holidays() {
    let anchor = Some("2019-12-20");
    assert_eq!(
        value("Shops are busy before Christmas.", anchor),
        "2019-12-25"
    );
    assert_eq!(value("It ends on New Year's Eve.", anchor), "2019-12-31");
    assert_eq!(
        value("It ended on New Year's Day.", Some("2020-01-10")),
        "2020-01-01"
    );
    assert_eq!(value("on Christmas Day 2008", None), "2008-12-25");
    assert_eq!(value("after Nowruz", Some("2024-03-01")), "2024-03-20");
    assert_eq!(
        value("The talks resume after Eid al-Fitr.", Some("2010-08-20")),
        "2010-09-10"
    );
    assert_eq!(value("before Eid al-Adha", None), "XXXX-XX-XX");
}

#[test]
fn sets_and_frequencies() {
    for (text, want) in [
        ("The council meets every Monday.", "XXXX-WXX-1"),
        ("A census is held every ten years.", "P10Y"),
        ("It reports twice a year.", "P1Y"),
        ("Trains run three times a day.", "P1D"),
        ("at a rate of 15 a year", "P1Y"),
        ("It costs $5 per month.", "P1M"),
    ] {
        let found = find_timexes(text, None, &Config::default());
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].kind.as_str(), "SET", "{text}");
        assert_eq!(found[0].value, want, "{text}");
        assert!(!found[0].is_mention, "{text}");
    }
    // "annual" profit covers a year: a DURATION, not a DATE mention.
    assert_eq!(
        check("an annual profit", None),
        [r#""annual" DURATION P1Y (not a mention)"#]
    );
    assert!(
        check("In 2005 a year later", None)
            .iter()
            .all(|s| !s.contains("SET"))
    );
}

#[test]
fn more_durations_and_references() {
    let cases = [
        (
            "Net income for the nine months rose.",
            "P9M",
            "the nine months",
        ),
        ("It hit its highest level in years.", "PXY", "years"),
        ("It lost them in minutes.", "PTXM", "minutes"),
        ("They grew over the years.", "PXY", "the years"),
        ("a decades-long dispute", "PXDE", "decades"),
        (
            "after two consecutive quarters of decline",
            "P2Q",
            "two consecutive quarters",
        ),
        (
            "It fell over the past few days.",
            "PXD",
            "the past few days",
        ),
    ];
    for (text, want, span) in cases {
        let found = find_timexes(text, None, &Config::default());
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].value, want, "{text}");
        assert_eq!(&text[found[0].span.range()], span, "{text}");
    }
    assert_eq!(
        check("It stays closed for the time being.", None),
        [r#""the time being" DATE PRESENT_REF (not a mention)"#]
    );
    assert_eq!(
        check("In the long term, a deal will come very soon.", None),
        [
            r#""the long term" DATE FUTURE_REF (not a mention)"#,
            r#""very soon" DATE FUTURE_REF (not a mention)"#,
        ]
    );
    assert!(check("as soon as possible", None).is_empty());
}

#[test]
fn noon_midnight_and_two_digit_years() {
    assert_eq!(
        check(
            "The curfew starts at midnight on Friday.",
            Some("2024-11-25")
        ),
        [r#""midnight on Friday" TIME 2024-11-22T24:00 (not a mention)"#]
    );
    assert_eq!(value("Filed on 25/11/24.", None), "2024-11-25");
    // Ambiguous numeric dates are day first unless the text writes month first.
    assert_eq!(value("It flew on 7/8/07.", None), "2007-08-07");
    assert_eq!(
        check("It flew on 7/8/07, and again on 12/25/07.", None)[0],
        r#""7/8/07" DATE 2007-07-08"#
    );
    assert!(check("version 1/2/3", None).is_empty());
    assert_eq!(
        check("the worst fall since '82, and in '09", None),
        [r#""'82" DATE 1982"#, r#""'09" DATE 2009"#]
    );
    assert!(
        check("the '80s and 'em and rock 'n' roll '99 ", None)
            .iter()
            .all(|s| s.contains("198"))
    );
}

#[test]
fn a_deadline_after_by_is_ahead() {
    let anchor = Some("2009-05-14");
    assert_eq!(
        value(
            "Chrysler said it wants to cut 789 dealers by early June.",
            anchor
        ),
        "2009-06"
    );
    assert_eq!(value("By March it had cut 789 dealers.", anchor), "2009-03");
}

/// The hand-written TimeML examples of `tests/data/timeml_examples.jsonl` (news-like
/// sentences annotated from the TimeML guidelines): every span is found, and every value
/// but the listed ones is right.
#[test]
fn timeml_examples() {
    let data = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/timeml_examples.jsonl"
    );
    let input = std::fs::read_to_string(data).unwrap();
    let mut wrong = Vec::new();
    let mut n = 0;
    for line in input.lines().filter(|l| !l.is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap();
        let anchor = doc["published"].as_str().and_then(Date::parse_iso);
        let found = find_timexes(text, anchor, &Config::default());
        for g in doc["timexes"].as_array().unwrap() {
            n += 1;
            let gold_text = g["text"].as_str().unwrap();
            let start = g["start"].as_u64().unwrap() as usize;
            let hit = found.iter().find(|t| {
                dossier_core::char_offset(text, t.span.start) == start
                    && &text[t.span.range()] == gold_text
            });
            match hit {
                Some(t) if t.value == g["value"].as_str().unwrap() => {}
                Some(t) => wrong.push(format!("{gold_text}: {}", t.value)),
                None => wrong.push(format!("{gold_text}: not found")),
            }
        }
    }
    assert_eq!(n, 80);
    // "continued until Friday morning": "until" reads as future.
    assert_eq!(
        wrong,
        [
            "Friday morning: 2024-11-29TMO",
            "Two days later: 2024-12-01",
            "the same day: 2024-12-01"
        ]
    );
}
