//! Snapshot tests: every line of the seeds and of the fixtures with its decision, and
//! focused tests of the hard cases (offsets, blank lines, dates, modes, languages).

use std::{fmt::Write, path::Path};

use dossier_clean::{Config, Mode, clean, detect_language};
use dossier_core::{CleanDocument, DocId, RawDocument, SourceMeta, Span};

fn raw(text: &str, meta: SourceMeta) -> RawDocument {
    RawDocument {
        id: DocId::new("t"),
        source_path: "t.txt".into(),
        line: None,
        sha256: String::new(),
        encoding: "UTF-8".into(),
        text: text.into(),
        meta,
    }
}

/// Renders the metadata, then every raw line with its decision.
fn render(doc: &RawDocument, clean: &CleanDocument) -> String {
    let m = &clean.metadata;
    let mut out = String::new();
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    writeln!(out, "title:     {}", opt(&m.title)).unwrap();
    writeln!(out, "publisher: {}", opt(&m.publisher)).unwrap();
    writeln!(out, "author:    {}", opt(&m.author)).unwrap();
    writeln!(
        out,
        "published: {} {}",
        m.published.map(|d| d.to_string()).unwrap_or_default(),
        m.published_source.map(|s| s.as_str()).unwrap_or_default()
    )
    .unwrap();
    writeln!(out, "dateline:  {}", opt(&m.dateline)).unwrap();
    writeln!(out, "language:  {}", opt(&m.language)).unwrap();
    writeln!(out, "has_title: {}", clean.has_title).unwrap();
    writeln!(out, "---").unwrap();
    let kept: Vec<Span> = clean
        .paragraphs
        .iter()
        .map(|p| clean.offsets.span_to_raw(*p))
        .collect();
    let mut start = 0;
    for (i, line) in doc.text.split('\n').enumerate() {
        let end = start + line.len();
        let line_no = i + 1;
        let shown: String = line.trim().chars().take(80).collect();
        let decision = if let Some(r) = clean.removed.iter().find(|r| r.line == line_no) {
            format!("DROP {}", r.reason)
        } else if kept
            .iter()
            .any(|k| k.start >= start && k.end <= end && !k.is_empty())
        {
            if clean.has_title && kept[0].start >= start && kept[0].end <= end {
                "KEEP title".to_owned()
            } else {
                "KEEP".to_owned()
            }
        } else if line.trim_end_matches('\r').is_empty() {
            String::new()
        } else {
            "???".to_owned()
        };
        writeln!(out, "{line_no:>3} {decision:<22} {shown}").unwrap();
        start = end + 1;
    }
    out
}

/// Every word of the clean text maps back to the same word in the raw text.
fn assert_round_trip(doc: &RawDocument, clean: &CleanDocument) {
    assert_eq!(clean.offsets.clean_len(), clean.text.len());
    let mut at = 0;
    for word in clean.text.split(|c: char| c.is_whitespace()) {
        let span = Span::new(at, at + word.len());
        at += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let back = clean.offsets.span_to_raw(span);
        // Soft hyphens and zero-width characters are removed from the clean text.
        let raw_word: String = doc.text[back.range()]
            .chars()
            .filter(|c| !matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}'))
            .collect();
        assert_eq!(raw_word, word, "{span:?}");
    }
    for p in &clean.paragraphs {
        let back = clean.offsets.span_to_raw(*p);
        let raw_norm: String = doc.text[back.range()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let clean_norm: String = clean.text[p.range()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let raw_norm: String = raw_norm
            .chars()
            .filter(|c| !matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}'))
            .collect();
        assert_eq!(raw_norm, clean_norm);
    }
}

/// Cleans one file, checks the offset round trip and renders the decisions.
fn render_file(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let doc = raw(&text, SourceMeta::default());
    let clean = clean(&doc, &Config::default());
    assert_round_trip(&doc, &clean);
    render(&doc, &clean)
}

#[test]
fn seeds() {
    insta::glob!("../../../seeds", "*.txt", |path| {
        insta::assert_snapshot!(render_file(path));
    });
}

#[test]
fn fixtures() {
    // The dev set's gold texts (`*.clean.txt`) are not pages.
    insta::glob!("data/**/*.txt", |path| {
        if path.to_string_lossy().ends_with(".clean.txt") {
            return;
        }
        insta::assert_snapshot!(render_file(path));
    });
}

fn full(text: &str) -> (RawDocument, CleanDocument) {
    let doc = raw(text, SourceMeta::default());
    let c = clean(&doc, &Config::default());
    assert_round_trip(&doc, &c);
    (doc, c)
}

const PROSE: &str =
    "The ministers met in Astana on Thursday to discuss the security of the southern border.";

#[test]
fn offsets_survive_nbsp_crlf_and_soft_hyphens() {
    let text = format!(
        "Border\u{a0}talks in\u{2003}Astana\r\n\r\n  The minis\u{ad}ters  met\u{a0}in Astana\tto discuss the southern border on Thursday.\u{200b}\r\n{PROSE}\r\n"
    );
    let (doc, c) = full(&text);
    assert_eq!(
        c.text,
        format!(
            "Border talks in Astana\n\nThe ministers met in Astana to discuss the southern border on Thursday.\n\n{PROSE}"
        )
    );
    // "ministers" maps back to the raw word with its soft hyphen.
    let at = c.text.find("ministers").unwrap();
    let back = c.offsets.span_to_raw(Span::new(at, at + "ministers".len()));
    assert_eq!(&doc.text[back.range()], "minis\u{ad}ters");
    // The separator covers the raw line break.
    let sep = c.text.find("\n\n").unwrap();
    let back = c.offsets.span_to_raw(Span::new(sep, sep + 2));
    assert_eq!(&doc.text[back.range()], "\r\n\r\n  ");
    assert_eq!(c.paragraphs.len(), 3);
    assert!(c.has_title);
}

#[test]
fn blank_only_lines_are_recorded_and_empty_lines_are_not() {
    let text = format!("{PROSE}\n\u{a0}\n\n \u{200b} \n{PROSE}");
    let (_, c) = full(&text);
    let blank: Vec<usize> = c.removed.iter().map(|r| r.line).collect();
    assert_eq!(blank, [2, 4]);
    assert!(c.removed.iter().all(|r| r.reason.as_str() == "blank"));
    assert_eq!(
        c.removed[0].raw,
        Span::new(PROSE.len() + 1, PROSE.len() + 3)
    );
}

#[test]
fn dateline_is_found_and_kept() {
    let (_, c) = full(&format!("KABUL, AFGHANISTAN – {PROSE}\n{PROSE}"));
    assert_eq!(c.metadata.dateline.as_deref(), Some("KABUL, AFGHANISTAN"));
    assert!(c.text.starts_with("KABUL, AFGHANISTAN – The"));
    let (_, c) = full(&format!("{PROSE}\n{PROSE}"));
    assert_eq!(c.metadata.dateline, None);
}

#[test]
fn dates_from_page_record_and_url() {
    let meta = SourceMeta {
        url: Some("https://example.com/news/2024/11/25/border-talks/".into()),
        ..SourceMeta::default()
    };
    let c = clean(
        &raw(&format!("Border talks in Astana\n{PROSE}"), meta.clone()),
        &Config::default(),
    );
    assert_eq!(
        c.metadata.published.map(|d| d.to_string()).as_deref(),
        Some("2024-11-25")
    );
    assert_eq!(c.metadata.published_source.map(|s| s.as_str()), Some("url"));

    let page = format!("Border talks in Astana\nPublished November 26, 2024\n{PROSE}");
    let c = clean(&raw(&page, meta.clone()), &Config::default());
    assert_eq!(
        c.metadata.published.map(|d| d.to_string()).as_deref(),
        Some("2024-11-26")
    );
    assert_eq!(
        c.metadata.published_source.map(|s| s.as_str()),
        Some("page")
    );

    let record = SourceMeta {
        published: dossier_core::Date::new(2024, 11, 27),
        title: Some("Talks".into()),
        source: Some("Example News".into()),
        ..meta
    };
    let c = clean(&raw(&page, record), &Config::default());
    assert_eq!(
        c.metadata.published.map(|d| d.to_string()).as_deref(),
        Some("2024-11-27")
    );
    assert_eq!(
        c.metadata.published_source.map(|s| s.as_str()),
        Some("record")
    );
    assert_eq!(c.metadata.title.as_deref(), Some("Talks"));
    assert_eq!(c.metadata.publisher.as_deref(), Some("Example News"));
}

#[test]
fn pre_cleaned_mode_keeps_every_line() {
    let text = "Border talks\n\nShare\n\u{a0}\nHome\u{a0} page\n";
    let meta = SourceMeta {
        title: Some("Border talks".into()),
        ..SourceMeta::default()
    };
    let doc = raw(text, meta);
    let config = Config {
        mode: Mode::PreCleaned,
        ..Config::default()
    };
    let c = clean(&doc, &config);
    assert_round_trip(&doc, &c);
    assert_eq!(c.text, "Border talks\n\nShare\n\nHome page");
    assert!(c.has_title);
    assert_eq!(c.metadata.title.as_deref(), Some("Border talks"));
    assert_eq!(c.removed.len(), 1);
    assert_eq!(c.removed[0].reason.as_str(), "blank");
}

#[test]
fn empty_input_gives_an_empty_document() {
    for text in ["", "\n\n", "\u{a0}\r\n"] {
        let (_, c) = full(text);
        assert_eq!(c.text, "");
        assert!(c.paragraphs.is_empty());
        assert!(!c.has_title);
        assert_eq!(c.metadata.language, None);
    }
}

#[test]
fn languages() {
    let d = |s: &str| detect_language(s);
    assert_eq!(d(PROSE).as_deref(), Some("en"));
    assert_eq!(
        d("Министры иностранных дел встретились в Астане в четверг, чтобы обсудить безопасность границы.").as_deref(),
        Some("ru")
    );
    assert_eq!(
        d("وزیران خارجه روز پنجشنبه در آستانه دیدار کردند تا درباره امنیت مرزهای جنوبی گفتگو کنند.").as_deref(),
        Some("fa")
    );
    assert_eq!(
        d("د بهرنیو چارو وزیرانو د پنجشنبې په ورځ په آستانه کې وکتل او د سرحد د امنیت په اړه یې خبرې وکړې.").as_deref(),
        Some("ps")
    );
    assert_eq!(
        d("Вазирони корҳои хориҷӣ рӯзи панҷшанбе дар Остона вохӯрданд.").as_deref(),
        Some("tg")
    );
    assert_eq!(d("—— 123"), None);
}

#[test]
fn odd_inputs_never_panic_and_always_map_back() {
    let long = "word ".repeat(5000);
    let inputs = [
        "\u{feff}\u{200b}\u{ad}".to_owned(),
        "\r\r\r\n\n".to_owned(),
        "| | |\n> > >\n© \n".to_owned(),
        long,
        "习近平周四在北京会见了来访的哈萨克斯坦总统，双方就地区安全问题交换了意见。\n分享"
            .to_owned(),
        format!("{PROSE}\n\u{200c}\u{200d}\n{PROSE}\u{2028}x"),
        "By\nPublished\n13/13/2024\n31/02/2024\n".to_owned(),
    ];
    for text in inputs {
        let (_, c) = full(&text);
        assert!(c.paragraphs.iter().all(|p| p.end <= c.text.len()));
    }
}
