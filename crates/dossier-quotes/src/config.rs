//! Settings of the quotation finder.

/// How quotations are told from scare quotes, and how far an attribution may lie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Fewer words than this between the marks is never a quotation (“security belt”).
    pub min_words: usize,
    /// A quoted stretch that is not punctuated like speech, has no reporting verb near it
    /// and starts in lower case ("called it a “grave threat to the region”") needs this
    /// many words to count as a (partial) quotation.
    pub min_fragment_words: usize,
    /// The most words between a quotation and its reporting verb (`“…,” Natalia
    /// Kharitonova, spokesperson for the CSTO, said`).
    pub max_gap_words: usize,
    /// Also look for quotations in single quotes (‘…’ and '…'), British style. Their
    /// closing mark is also the apostrophe, so they are found less reliably.
    pub single_quotes: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            min_words: 4,
            min_fragment_words: 6,
            max_gap_words: 12,
            single_quotes: true,
        }
    }
}
