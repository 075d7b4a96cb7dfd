//! The article-region finder: picks the main run of prose lines as the body, the
//! title-like line above it as the headline, and gives every other line a reason by its
//! pattern and its place (header, between headline and body, body, footer).

use std::sync::LazyLock;

use dossier_core::{Date, RemovalReason, SourceMeta};
use regex::Regex;
use whatlang::{Lang, Script};

use crate::{
    Config, dates, features, language,
    lines::Line,
    patterns::{self, Hint},
};

/// What happens to one raw line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// A raw line without any byte: neither kept nor recorded.
    Empty,
    /// Kept as the headline.
    Title,
    /// Kept as a body paragraph.
    Body,
    /// Dropped for a reason.
    Drop(RemovalReason),
}

/// The decisions for every line, and what the page says about the document.
#[derive(Debug, Default)]
pub(crate) struct Analysis {
    pub(crate) decisions: Vec<Decision>,
    pub(crate) publisher: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) published: Option<Date>,
    /// The sample of the article's prose whose language was asked, for the clean text's
    /// language to reuse.
    pub(crate) prose: Option<language::Sample>,
}

/// Where a line stands relative to the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Header,
    Between,
    Body,
    Footer,
}

struct Ctx<'a> {
    lines: &'a [Line],
    pats: Vec<Option<(RemovalReason, Hint)>>,
    words: Vec<usize>,
    doc_script: Option<Script>,
    /// A sample of the article's prose, once the body is found; its language (computed on
    /// first use) is the document's.
    prose: Option<language::Sample>,
    /// `is_foreign` per line, computed once (language identification is the costly part).
    foreign: Vec<std::cell::OnceCell<bool>>,
    config: &'a Config,
}

impl Ctx<'_> {
    fn text(&self, i: usize) -> &str {
        &self.lines[i].text
    }

    fn reason(&self, i: usize) -> Option<RemovalReason> {
        self.pats[i].as_ref().map(|(r, _)| *r)
    }

    fn hint(&self, i: usize) -> Option<&Hint> {
        self.pats[i].as_ref().map(|(_, h)| h)
    }

    fn is_void(&self, i: usize) -> bool {
        self.lines[i].text.is_empty()
    }

    /// Article prose: enough words, ends like a sentence (or is long), matches no chrome
    /// pattern.
    fn is_prose(&self, i: usize) -> bool {
        let t = self.text(i);
        let w = self.words[i];
        !t.is_empty()
            && self.pats[i].is_none()
            // A long line ending in a colon introduces a quote or a list: prose too.
            && ((w >= self.config.min_prose_words
                && (features::ends_sentence(t) || t.ends_with(':')))
                || (w >= self.config.min_unpunctuated_prose_words
                    && features::title_case_share(t) < 0.6))
    }

    /// A line in another script than the article, or confidently in another language.
    fn is_foreign(&self, i: usize) -> bool {
        *self.foreign[i].get_or_init(|| self.compute_foreign(i))
    }

    /// The article's language, when whatlang is sure of it and it is written in Latin script.
    fn doc_lang(&self) -> Option<Lang> {
        self.prose
            .as_ref()
            .and_then(language::Sample::info)
            .filter(|info| info.is_reliable() && info.script() == Script::Latin)
            .map(|info| info.lang())
    }

    fn compute_foreign(&self, i: usize) -> bool {
        let t = self.text(i);
        let script = language::script_of(t);
        if let (Some(s), Some(d)) = (script, self.doc_script)
            && s != d
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 3
        {
            return true;
        }
        if self.words[i] >= self.config.min_foreign_words
            && !(self.doc_lang() == Some(Lang::Eng) && language::looks_english(t))
            && let (Some(l), Some(d)) = (language::reliable_language(t), self.doc_lang())
        {
            return l != d;
        }
        false
    }

    /// A short name-like line (author, role, place: "Marat Bekov", "Almaty") next to a
    /// byline or date line, with only such lines between them.
    fn in_byline_block(&self, i: usize) -> bool {
        let name_like = |j: usize| {
            let t = self.text(j);
            self.pats[j].is_none()
                && (1..=4).contains(&self.words[j])
                && !features::ends_sentence(t)
                && !t.ends_with(':')
                && features::title_case_share(t) > 0.99
        };
        if !name_like(i) {
            return false;
        }
        let meta = |j: usize| {
            matches!(
                self.reason(j),
                Some(RemovalReason::Byline | RemovalReason::PublishedLine)
            )
        };
        let up = (0..i)
            .rev()
            .filter(|&j| !self.is_void(j))
            .find(|&j| !name_like(j))
            .is_some_and(meta);
        let down = (i + 1..self.lines.len())
            .filter(|&j| !self.is_void(j))
            .find(|&j| !name_like(j))
            .is_some_and(meta);
        up || down
    }

    /// A headline candidate: a few words up to a long sentence, no final period, not a
    /// list item, in the article's script.
    fn is_title_like(&self, i: usize) -> bool {
        let t = self.text(i);
        let w = self.words[i];
        let (_, bullet) = features::strip_bullet(t);
        (3..=self.config.max_headline_words).contains(&w)
            && !bullet
            && dates::find_date(t).is_none_or(|(_, s, e)| (e - s) * 2 < t.len())
            && !t.ends_with(['.', ':', ',', ';'])
            && !self.is_foreign(i)
    }
}

/// "RASC 25/11/2024", "Jane Doe – November 25, 2024": a short name followed by a date.
fn name_and_date(text: &str) -> Option<(String, Date)> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,3})\s*[-–—|,·•/]?\s*")
            .unwrap()
    });
    let m = NAME.captures(text)?;
    let name = m[1].trim();
    // The longest run of capitalised words is tried first, then shorter ones: in "Joanna
    // Lillis Nov 25, 2024" the month is capitalised too.
    let ends: Vec<usize> = name
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(k, _)| k)
        .chain([name.len()])
        .collect();
    ends.iter().rev().find_map(|&end| {
        let name = name[..end].trim();
        let rest = text[end..].trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',' | '·' | '•' | '/')
        });
        let date = dates::date_only(rest)?;
        // The name must not itself be a weekday or month ("Monday 25/11/2024").
        dates::date_only(&format!("{name} 25/11/2024"))
            .is_none()
            .then(|| (name.to_owned(), date))
    })
}

/// Finds the article and decides every line.
pub(crate) fn analyse(lines: &[Line], meta: &SourceMeta, config: &Config) -> Analysis {
    let n = lines.len();
    let words: Vec<usize> = lines
        .iter()
        .map(|l| features::word_count(&l.text))
        .collect();
    let mut pats: Vec<_> = lines
        .iter()
        .zip(&words)
        .map(|(l, &w)| {
            if l.text.is_empty() {
                None
            } else {
                patterns::classify_counted(&l.text, w)
            }
        })
        .collect();
    // An image credit standing alone ("Getty Images", "Photo: AFP") is followed by the
    // image's caption when the next line does not end like a sentence (a caption is a
    // phrase, a paragraph a sentence).
    for i in 0..n {
        if !matches!(pats[i], Some((RemovalReason::Caption, _))) || words[i] > 6 {
            continue;
        }
        if let Some(j) = (i + 1..n).find(|&j| !lines[j].text.is_empty())
            && pats[j].is_none()
            && (3..=30).contains(&words[j])
            && !features::ends_sentence(&lines[j].text)
            && !lines[j].text.ends_with(':')
        {
            pats[j] = Some((RemovalReason::Caption, Hint::default()));
        }
    }
    let mut ctx = Ctx {
        lines,
        pats,
        words,
        doc_script: None,
        prose: None,
        foreign: vec![std::cell::OnceCell::new(); n],
        config,
    };

    // 1. The body: the biggest run of prose lines. A run ends at a long stretch of
    //    non-prose lines, or at a heading that opens a related list or the comments; a run
    //    after such a heading counts half (it is likely comments or teasers).
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    let mut gap = 0;
    let mut seen_break = false;
    for i in 0..n {
        if ctx.is_void(i) {
            continue;
        }
        if ctx.is_prose(i) {
            match current.as_mut() {
                Some(run) if gap <= config.max_body_gap => {
                    run.last = i;
                    run.chars += ctx.text(i).len();
                }
                _ => {
                    runs.extend(current.take());
                    current = Some(Run {
                        first: i,
                        last: i,
                        chars: ctx.text(i).len(),
                        after_break: seen_break,
                    });
                }
            }
            gap = 0;
        } else if ctx.hint(i).is_some_and(|h| h.section_break)
            && ctx.reason(i) == Some(RemovalReason::ReplyWidget)
        {
            // The comments: what follows is readers' prose, not the article.
            runs.extend(current.take());
            seen_break = true;
        } else if ctx.hint(i).is_some_and(|h| h.article_end) && current.is_some() {
            // Story credits close the article: prose after them is an author box.
            runs.extend(current.take());
            seen_break = true;
        } else {
            gap += 1;
        }
    }
    runs.extend(current.take());
    let best = runs
        .iter()
        .enumerate()
        .max_by_key(|&(k, r)| (r.score(), std::cmp::Reverse(k)))
        .map(|(k, _)| k);
    // A long list or gallery inside the article splits it in two: join the neighbouring
    // runs that are close and big enough to be the same article.
    let best = best.map(|k| {
        let (mut lo, mut hi) = (k, k);
        let close = |a: &Run, b: &Run| {
            let between = (a.last + 1..b.first).filter(|&i| !ctx.is_void(i)).count();
            between <= 3 * config.max_body_gap && a.after_break == b.after_break
        };
        let big = |r: &Run| r.score() * 3 >= runs[k].score();
        while hi + 1 < runs.len() && close(&runs[hi], &runs[hi + 1]) && big(&runs[hi + 1]) {
            hi += 1;
        }
        while lo > 0 && close(&runs[lo - 1], &runs[lo]) && big(&runs[lo - 1]) {
            lo -= 1;
        }
        (runs[lo].first, runs[hi].last, ())
    });

    let Some((body_first, body_last, _)) = best else {
        return fallback(&ctx);
    };
    // A summary box ("Key points:" and its items) just above the body is the article's.
    let body_first = (0..body_first)
        .rev()
        .filter(|&i| !ctx.is_void(i))
        .take(config.headline_search_lines)
        .take_while(|&i| ctx.pats[i].is_none())
        .find(|&i| patterns::is_summary_heading(ctx.text(i)))
        .unwrap_or(body_first);
    // A list that closes the article ("Key dates:" then "1. …") is the article's.
    let mut body_last = body_last;
    while let Some(k) = (body_last + 1..n).find(|&k| !ctx.is_void(k))
        && ctx.pats[k].is_none()
        && features::is_list_item(ctx.text(k))
        && (ctx.text(body_last).ends_with(':') || features::is_list_item(ctx.text(body_last)))
    {
        body_last = k;
    }

    // The article's script and language, from its prose.
    let prose: String = (body_first..=body_last)
        .filter(|&i| ctx.is_prose(i))
        .map(|i| ctx.text(i))
        .collect::<Vec<_>>()
        .join(" ");
    let prose = language::Sample::new(language::sample(&prose));
    ctx.doc_script = prose.script();
    // Other languages are told apart line by line only in Latin script, and only when the
    // article's own language is certain: in Arabic or Cyrillic script, languages whatlang
    // does not know (Pashto, Tajik) would be taken for their neighbours (`Ctx::doc_lang`).
    ctx.prose = Some(prose);

    // 2. The headline: the record's title when a line above the body says it; else the
    //    first title-like line above the body, skipping chrome (byline, date, share …).
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let meta_title = meta.title.as_deref().map(norm);
    let mut title = meta_title
        .as_ref()
        .and_then(|t| (0..body_first).rev().find(|&i| norm(ctx.text(i)) == *t));
    if title.is_none() {
        // Chrome lines (byline, date, share buttons, reading time) are skipped without
        // counting, up to a limit; so is one standfirst sentence under the headline.
        let mut seen = 0;
        let mut chrome = 0;
        let mut standfirst = false;
        for i in (0..body_first).rev() {
            if ctx.is_void(i) {
                continue;
            }
            if ctx.pats[i].is_some() {
                chrome += 1;
                if chrome > 4 * config.headline_search_lines {
                    break;
                }
                continue;
            }
            seen += 1;
            if seen > config.headline_search_lines {
                break;
            }
            if patterns::is_outlet_name(ctx.text(i), None)
                || name_and_date(ctx.text(i)).is_some()
                || ctx.words[i] <= 2
            {
                continue;
            }
            if !standfirst && ctx.is_prose(i) && features::ends_sentence(ctx.text(i)) {
                standfirst = true;
                continue;
            }
            if ctx.is_title_like(i) {
                title = Some(i);
            }
            break;
        }
        // A long unpunctuated standfirst right under a shorter title-like line: the line
        // above is the headline.
        if let Some(c) = title
            && let Some(p) = (0..c).rev().find(|&i| !ctx.is_void(i))
            && ctx.pats[p].is_none()
            && ctx.words[p] >= 4
            && ctx.words[c] >= 15
            && ctx.words[c] * 2 >= ctx.words[p] * 3
            && ctx.is_title_like(p)
            && !patterns::is_outlet_name(ctx.text(p), None)
        {
            title = Some(p);
        }
    }
    let title_text = title.map(|t| norm(ctx.text(t)));
    let header_end = title.unwrap_or(body_first);

    // 3. The site's name (for publisher lines) from the top of the page and from a
    //    copyright line.
    let holder = (0..n).find_map(|i| {
        (ctx.reason(i) == Some(RemovalReason::Copyright))
            .then(|| ctx.hint(i).and_then(|h| h.publisher.clone()))
            .flatten()
    });
    let top: Vec<&str> = (0..header_end)
        .filter(|&i| !ctx.is_void(i) && ctx.pats[i].is_none())
        .take(3)
        .map(|i| {
            let t = ctx.text(i);
            patterns::logo_link(t).unwrap_or(t)
        })
        .collect();
    // The copyright holder's name heading the page is the site's name, whatever its
    // words; else a line of the top that reads as an outlet's name.
    let site = top
        .iter()
        .copied()
        .find(|t| holder.as_deref().is_some_and(|h| h.eq_ignore_ascii_case(t)))
        .or_else(|| {
            top.iter()
                .copied()
                .chain((0..header_end).filter_map(|i| features::doubled(ctx.text(i))))
                .find(|t| patterns::is_outlet_name(t, None))
        })
        .or_else(|| top.first().copied().filter(|t| patterns::is_domain_name(t)))
        .map(str::to_owned);
    let related_to_site = |name: &str| {
        let l = name.to_lowercase();
        site.as_deref().is_some_and(|s| {
            let s = s.to_lowercase();
            s.starts_with(&l) || l.starts_with(&s)
        }) || holder
            .as_deref()
            .is_some_and(|h| h.eq_ignore_ascii_case(name))
            || patterns::is_outlet_name(name, None)
    };

    // The site describing itself: its name, then "is" or "was".
    let is_about_site = |text: &str| {
        [site.as_deref(), holder.as_deref()]
            .into_iter()
            .flatten()
            .any(|name| {
                let t = text.to_lowercase();
                let name = name.to_lowercase();
                t.strip_prefix(&name)
                    .or_else(|| t.strip_prefix("the ").and_then(|t| t.strip_prefix(&name)))
                    .is_some_and(|rest| rest.starts_with(" is ") || rest.starts_with(" was "))
            })
    };
    let last_prose = (body_first..=body_last)
        .rev()
        .find(|&i| ctx.is_prose(i))
        .unwrap_or(body_last);

    // The head of the body, up to its second prose line: a standfirst may open the body
    // and the byline stand under it.
    let body_head_end = (body_first..=body_last)
        .filter(|&i| ctx.is_prose(i))
        .nth(1)
        .unwrap_or(body_first);

    // 4. Decide every line.
    let mut analysis = Analysis {
        decisions: vec![Decision::Empty; n],
        ..Analysis::default()
    };
    let mut publisher_line: Option<(u8, String)> = None;
    let mut published: Option<(u8, usize, Date)> = None;
    let mut offer_date = |prio: u8, i: usize, d: Date| {
        if published.is_none_or(|(p, j, _)| (prio, i) < (p, j)) {
            published = Some((prio, i, d));
        }
    };
    let above_title = title.and_then(|t| (0..t).rev().find(|&i| !ctx.is_void(i)));
    // The date of the article may stand a few lines above its headline, among share
    // buttons ("25 Nov 2024", "Print", "Email", headline).
    let near_title: Vec<usize> = title.map_or_else(Vec::new, |t| {
        (0..t).rev().filter(|&i| !ctx.is_void(i)).take(4).collect()
    });
    // The section a footer line stands in: a related list or the comments.
    let mut section: Option<RemovalReason> = None;
    let mut footer_seen = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        if line.is_blank() {
            analysis.decisions[i] = Decision::Drop(RemovalReason::Blank);
            continue;
        }
        let zone = if i < header_end {
            Zone::Header
        } else if Some(i) == title {
            analysis.decisions[i] = Decision::Title;
            continue;
        } else if i < body_first {
            Zone::Between
        } else if i <= body_last {
            Zone::Body
        } else {
            Zone::Footer
        };
        let text = ctx.text(i);
        let same_as_title = title_text.as_deref().is_some_and(|t| lower_eq(text, t));
        let near_article = zone == Zone::Between
            || (zone == Zone::Body && i < body_head_end)
            || Some(i) == above_title
            || (zone == Zone::Footer && footer_seen < 2 && section.is_none());
        if zone == Zone::Footer {
            footer_seen += 1;
        }
        let decision = if let Some((reason, hint)) = ctx.pats[i].clone() {
            let mut reason = reason;
            if hint.section_break && matches!(zone, Zone::Footer | Zone::Body) {
                section = Some(reason);
            } else if zone == Zone::Footer
                && !matches!(
                    reason,
                    RemovalReason::Related
                        | RemovalReason::Category
                        | RemovalReason::PublishedLine
                        | RemovalReason::ReplyWidget
                )
            {
                section = None;
            }
            let in_related = section == Some(RemovalReason::Related);
            if reason == RemovalReason::PublishedLine {
                if in_related {
                    reason = RemovalReason::Related;
                } else if zone == Zone::Header && !near_title.contains(&i) {
                    reason = RemovalReason::SiteChrome;
                }
            }
            if let Some(d) = hint.date
                && !in_related
                && (zone != Zone::Header || near_title.contains(&i))
            {
                let prio = match reason {
                    RemovalReason::PublishedLine
                        if hint.published_keyword && text.split_whitespace().count() > 1 =>
                    {
                        0
                    }
                    RemovalReason::Byline => 1,
                    RemovalReason::PublishedLine if hint.published_keyword && near_article => 2,
                    _ => 3,
                };
                offer_date(prio, i, d);
            }
            if matches!(reason, RemovalReason::Byline | RemovalReason::PublishedLine)
                && analysis.author.is_none()
                && !in_related
                && zone != Zone::Header
            {
                analysis.author = hint.author.clone();
            }
            Decision::Drop(reason)
        } else if same_as_title {
            Decision::Drop(if zone == Zone::Header {
                RemovalReason::SiteChrome
            } else {
                RemovalReason::RepeatedTitle
            })
        } else if zone != Zone::Body && ctx.is_foreign(i) {
            Decision::Drop(RemovalReason::ForeignLanguage)
        } else if zone != Zone::Header
            && near_article
            && let Some((name, d)) = name_and_date(text)
        {
            offer_date(1, i, d);
            if related_to_site(&name) || !name.contains(' ') {
                publisher_line.get_or_insert((1, name));
                Decision::Drop(RemovalReason::PublisherLine)
            } else {
                analysis.author.get_or_insert(name);
                Decision::Drop(RemovalReason::Byline)
            }
        } else if zone != Zone::Header
            && near_article
            && patterns::is_outlet_name(text, site.as_deref())
        {
            if publisher_line.as_ref().is_none_or(|(p, _)| *p > 0) {
                publisher_line = Some((0, text.to_owned()));
            }
            Decision::Drop(RemovalReason::PublisherLine)
        } else {
            match zone {
                Zone::Body | Zone::Between => {
                    let prose = ctx.is_prose(i);
                    if prose {
                        section = None;
                    }
                    if ctx.is_foreign(i) {
                        Decision::Drop(RemovalReason::ForeignLanguage)
                    } else if let Some(reason) = section.filter(|_| !prose) {
                        // Teasers under a "Read more" box inside the article.
                        Decision::Drop(reason)
                    } else if zone == Zone::Between && ctx.words[i] <= 2 {
                        // A short label between headline and body: a section or kicker.
                        Decision::Drop(RemovalReason::Category)
                    } else if !prose && ctx.in_byline_block(i) {
                        Decision::Drop(RemovalReason::Byline)
                    } else if i == last_prose
                        && (is_about_site(text) || patterns::self_description(text).is_some())
                    {
                        // "Khaama Press is Afghanistan's first online news agency.": the
                        // site's blurb under the article.
                        Decision::Drop(RemovalReason::SiteChrome)
                    } else {
                        Decision::Body
                    }
                }
                Zone::Header => Decision::Drop(header_reason(&ctx, i)),
                Zone::Footer if section.is_some() => {
                    Decision::Drop(section.unwrap_or(RemovalReason::SiteChrome))
                }
                Zone::Footer => Decision::Drop(RemovalReason::SiteChrome),
            }
        };
        analysis.decisions[i] = decision;
    }

    // 5. Publisher: syndication footer, then a publisher line, then the site name, then
    //    the copyright holder.
    let syndication = (0..n).find_map(|i| {
        (ctx.reason(i) == Some(RemovalReason::Syndication))
            .then(|| ctx.hint(i).and_then(|h| h.publisher.clone()))
            .flatten()
    });
    let (line_first, line_late) = match publisher_line {
        Some((0, p)) => (Some(p), None),
        Some((_, p)) => (None, Some(p)),
        None => (None, None),
    };
    // The copyright holder written as the initials of the site's name ("British
    // Broadcasting Corporation" / "BBC") is the name the outlet goes by.
    let site = match (&site, &holder) {
        (Some(s), Some(h)) if is_acronym_of(h, s) => Some(h.clone()),
        _ => site,
    };
    // The site's blurb under the article or in the footer names it.
    let blurb = (body_first..n)
        .filter(|&i| i >= last_prose && !ctx.is_void(i))
        .find_map(|i| patterns::self_description(ctx.text(i)))
        .map(str::to_owned);
    analysis.publisher = syndication
        .or(line_first)
        .or(site)
        .or(blurb)
        .or(line_late)
        .or(holder);
    analysis.published = published.map(|(_, _, d)| d);
    analysis.prose = ctx.prose.take();
    analysis
}

/// True when the lower case of `text` is `lower`: `norm(text) == lower` for a normalised
/// line (whose only whitespace is single spaces between words), without building it.
/// `str::to_lowercase` lower-cases character by character but for a final capital sigma.
fn lower_eq(text: &str, lower: &str) -> bool {
    if text.contains('Σ') {
        return text.to_lowercase() == lower;
    }
    text.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// True when `short` is the initials of `long` ("BBC", "British Broadcasting
/// Corporation"; small words may be left out).
fn is_acronym_of(short: &str, long: &str) -> bool {
    if short.chars().count() < 2 || !short.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let all: String = long
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    let caps: String = all.chars().filter(|c| c.is_uppercase()).collect();
    short == all || short == caps
}

/// A run of prose lines.
#[derive(Debug, Clone, Copy)]
struct Run {
    first: usize,
    last: usize,
    chars: usize,
    /// The run comes after a comments heading.
    after_break: bool,
}

impl Run {
    /// Size of the run; runs among the comments count half.
    fn score(&self) -> usize {
        if self.after_break {
            self.chars / 2
        } else {
            self.chars
        }
    }
}

/// A header line that matches no pattern: a menu item when it is a list item or one of a
/// run of short lines, else site furniture (name, tagline, logo text).
fn header_reason(ctx: &Ctx<'_>, i: usize) -> RemovalReason {
    if ctx.is_foreign(i) {
        return RemovalReason::ForeignLanguage;
    }
    let (_, bullet) = features::strip_bullet(ctx.text(i));
    if bullet {
        return RemovalReason::Menu;
    }
    if patterns::is_outlet_name(ctx.text(i), None) {
        return RemovalReason::SiteChrome;
    }
    // "Home | World | Business": menu items on one line.
    let items: Vec<&str> = ctx.text(i).split(['|', '·', '•']).map(str::trim).collect();
    if items.len() >= 3
        && items
            .iter()
            .all(|t| (1..=3).contains(&features::word_count(t)))
    {
        return RemovalReason::Menu;
    }
    let short = |j: usize| !ctx.is_void(j) && ctx.words[j] <= 4;
    let mut run = 1;
    let mut j = i;
    while j > 0 && short(j - 1) {
        j -= 1;
        run += 1;
    }
    let mut j = i;
    while j + 1 < ctx.lines.len() && short(j + 1) {
        j += 1;
        run += 1;
    }
    if run >= 3 && ctx.words[i] <= 4 {
        RemovalReason::Menu
    } else {
        RemovalReason::SiteChrome
    }
}

/// No prose at all (a very short page): keep every line that matches no pattern.
fn fallback(ctx: &Ctx<'_>) -> Analysis {
    let decisions = (0..ctx.lines.len())
        .map(|i| {
            if ctx.lines[i].is_empty() {
                Decision::Empty
            } else if ctx.lines[i].is_blank() {
                Decision::Drop(RemovalReason::Blank)
            } else if let Some(r) = ctx.reason(i) {
                Decision::Drop(r)
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
