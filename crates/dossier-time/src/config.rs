//! Options of the recogniser.

/// Options for [`crate::find_timexes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Also report vague references ("recently", "now", "currently"), which are not DATE
    /// mentions. Default: true.
    pub vague_refs: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config { vague_refs: true }
    }
}
