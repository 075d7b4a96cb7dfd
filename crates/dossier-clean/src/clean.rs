//! The entry point: split, decide, assemble the clean text and its offset map, and fill in
//! the metadata.

use std::sync::LazyLock;

use dossier_core::{
    CleanDocument, DateSource, Metadata, OffsetMap, RawDocument, RemovalReason, RemovedBlock, Span,
};
use regex::Regex;

use crate::{
    Config, Mode, dates, language,
    lines::{self, Line, Seg},
    region::{self, Analysis, Decision},
};

/// Cleans one document: keeps the headline and the article body, records every dropped
/// line with its reason, maps the clean text back to the raw text and finds the metadata.
///
/// Never fails: an empty or chrome-only input gives an empty document.
pub fn clean(doc: &RawDocument, config: &Config) -> CleanDocument {
    let lines = lines::split_lines(&doc.text);
    let analysis = match config.mode {
        Mode::Full => region::analyse(&lines, &doc.meta, config),
        Mode::PreCleaned => pre_cleaned(&lines, doc),
    };
    assemble(doc, &lines, analysis)
}

/// Pre-cleaned input: every line with text is kept; the first is the headline when it is
/// the record's title.
fn pre_cleaned(lines: &[Line], doc: &RawDocument) -> Analysis {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let title = doc.meta.title.as_deref().map(norm);
    let mut first = true;
    let decisions = lines
        .iter()
        .map(|l| {
            if l.is_empty() {
                Decision::Empty
            } else if l.is_blank() {
                Decision::Drop(RemovalReason::Blank)
            } else if std::mem::take(&mut first) && title.as_deref() == Some(norm(&l.text).as_str())
            {
                Decision::Title
            } else {
                Decision::Body
            }
        })
        .collect();
    Analysis {
        decisions,
        ..Analysis::default()
    }
}

fn assemble(doc: &RawDocument, lines: &[Line], analysis: Analysis) -> CleanDocument {
    let mut text = String::new();
    let mut offsets = OffsetMap::default();
    let mut paragraphs = Vec::new();
    let mut removed = Vec::new();
    let mut has_title = false;
    let mut title_text = None;
    let mut first_body: Option<String> = None;
    let mut prev_end: Option<usize> = None;
    for (line, decision) in lines.iter().zip(&analysis.decisions) {
        match *decision {
            Decision::Empty => {}
            Decision::Drop(reason) => removed.push(RemovedBlock {
                raw: line.span,
                line: line.number,
                reason,
            }),
            Decision::Title | Decision::Body => {
                if let Some(end) = prev_end {
                    text.push_str("\n\n");
                    offsets.push_replace(end, line.content_start() - end, 2);
                } else if *decision == Decision::Title {
                    has_title = true;
                    title_text = Some(line.text.clone());
                }
                if *decision == Decision::Body && first_body.is_none() {
                    first_body = Some(line.text.clone());
                }
                let start = text.len();
                text.push_str(&line.text);
                for seg in &line.segs {
                    match *seg {
                        Seg::Copy { raw, len } => offsets.push_copy(raw, len),
                        Seg::Space { raw, len } => offsets.push_replace(raw, len, 1),
                    }
                }
                paragraphs.push(Span::new(start, text.len()));
                prev_end = Some(line.content_end());
            }
        }
    }
    debug_assert_eq!(offsets.clean_len(), text.len());

    let meta = &doc.meta;
    let body_text: String = paragraphs
        .iter()
        .skip(usize::from(has_title))
        .map(|p| &text[p.range()])
        .collect::<Vec<_>>()
        .join("\n");
    let language = language::detect_language_of(&body_text, analysis.prose.as_ref())
        .or_else(|| language::detect_language(&text));
    let (published, published_source) = if let Some(d) = meta.published {
        (Some(d), Some(DateSource::Record))
    } else if let Some(d) = analysis.published {
        (Some(d), Some(DateSource::Page))
    } else if let Some(d) = meta.url.as_deref().and_then(dates::date_in_url) {
        (Some(d), Some(DateSource::Url))
    } else {
        (None, None)
    };
    let metadata = Metadata {
        title: meta.title.clone().or(title_text),
        publisher: meta.source.clone().or(analysis.publisher),
        author: analysis.author,
        published,
        published_source,
        dateline: first_body.as_deref().and_then(dateline),
        language,
    };
    CleanDocument {
        id: doc.id.clone(),
        text,
        paragraphs,
        has_title,
        offsets,
        removed,
        metadata,
    }
}

/// The dateline opening a first paragraph: "KABUL, AFGHANISTAN – The …" → "KABUL,
/// AFGHANISTAN"; "MOSCOW, Nov 25 (Reuters) - …" → "MOSCOW"; "МОСКВА, 26 ноября. /ТАСС/. …"
/// → "МОСКВА". The place is in capitals, an
/// optional second part after a comma may be in title case.
pub(crate) fn dateline(paragraph: &str) -> Option<String> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+)*(?:,\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})?)(?:,\s*(?:[\p{L}.]+\s+\d{1,2}|\d{1,2}\s+\p{L}+\.?)(?:,?\s*\d{4})?\.?)?\s*(?:\([^)]{1,40}\)\s*)?(?:(?:[–—]|--?|:)\s|/[^/\s][^/]{0,29}/\.?\s)",
        )
        .unwrap()
    });
    let c = DATELINE.captures(paragraph)?;
    let place = c[1].trim().trim_end_matches(',').to_owned();
    // A single capitalised word before a dash that is not all capitals ("Taliban – ")
    // is not a dateline; the first word must be in capitals.
    let first = place.split([' ', ',']).next().unwrap_or("");
    (first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first.chars().all(|c| !c.is_lowercase()))
    .then_some(place)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("KABUL, AFGHANISTAN – The CSTO said").as_deref(),
            Some("KABUL, AFGHANISTAN")
        );
        assert_eq!(
            dateline("MOSCOW (Reuters) - Russia said").as_deref(),
            Some("MOSCOW")
        );
        assert_eq!(
            dateline("DUSHANBE, Tajikistan — Officials").as_deref(),
            Some("DUSHANBE, Tajikistan")
        );
        assert_eq!(
            dateline("МОСКВА, 26 ноября. /ТАСС/. Страны ОДКБ готовы").as_deref(),
            Some("МОСКВА")
        );
        assert_eq!(
            dateline("HERAT CITY (Pajhwok): A new clinic").as_deref(),
            Some("HERAT CITY")
        );
        assert_eq!(dateline("The CSTO – a military alliance – said"), None);
        assert_eq!(dateline("NATO/EU officials met"), None);
        assert_eq!(dateline("CSTO officials are concerned"), None);
        assert_eq!(dateline("RASC News Agency: The Secretary-General"), None);
    }
}
