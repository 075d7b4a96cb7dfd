//! The cleaner's configuration: the mode and the few thresholds of the region finder.

/// How much cleaning to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Remove page chrome (menus, share widgets, related lists, …) and keep the article.
    #[default]
    Full,
    /// The text is already clean: remove nothing, only normalise whitespace and
    /// paragraphing; metadata and language are still found.
    PreCleaned,
}

/// Settings of [`crate::clean`]. `Config::default()` suits ordinary news pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Full cleaning or pre-cleaned input.
    pub mode: Mode,
    /// A line is prose (article body) when it has at least this many words and ends like
    /// a sentence.
    pub min_prose_words: usize,
    /// A line without sentence punctuation still counts as prose from this many words on.
    pub min_unpunctuated_prose_words: usize,
    /// The article body is broken into separate runs when more than this many non-empty,
    /// non-prose lines stand between two prose lines.
    pub max_body_gap: usize,
    /// The headline is searched among this many non-empty lines above the body, not
    /// counting chrome lines (byline, date, share buttons), of which four times as many
    /// are passed over.
    pub headline_search_lines: usize,
    /// The longest headline, in words.
    pub max_headline_words: usize,
    /// A line in the document's script is checked for another language only from this many
    /// words on.
    pub min_foreign_words: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            mode: Mode::Full,
            min_prose_words: 8,
            min_unpunctuated_prose_words: 25,
            max_body_gap: 6,
            headline_search_lines: 6,
            max_headline_words: 35,
            min_foreign_words: 12,
        }
    }
}
