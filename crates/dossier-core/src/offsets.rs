//! The exact map from a cleaned text back to the raw text it was cut from.

use crate::Span;

/// Maps byte offsets of a clean text to byte offsets of the raw text.
///
/// The clean text is built piece by piece, left to right. A piece is either a *copy*
/// (bytes taken verbatim from the raw text: offsets map one to one) or a *replacement*
/// (a normalised character such as NBSP → space, or an inserted paragraph break: its
/// start maps to the start of the raw bytes it stands for and its end to their end).
/// Every kept character therefore maps back exactly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Pieces in clean order; `clean` offsets are contiguous from 0.
    pieces: Vec<Piece>,
    clean_len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    clean: usize,
    raw: usize,
    clean_len: usize,
    raw_len: usize,
    copy: bool,
}

impl OffsetMap {
    /// The identity map of a text of `len` bytes (nothing was removed or changed).
    pub fn identity(len: usize) -> OffsetMap {
        let mut map = OffsetMap::default();
        map.push_copy(0, len);
        map
    }

    /// Appends `len` clean bytes copied verbatim from `raw_start..raw_start + len`.
    pub fn push_copy(&mut self, raw_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut()
            && last.copy
            && last.raw + last.raw_len == raw_start
        {
            last.clean_len += len;
            last.raw_len += len;
            self.clean_len += len;
            return;
        }
        self.push(Piece {
            clean: self.clean_len,
            raw: raw_start,
            clean_len: len,
            raw_len: len,
            copy: true,
        });
    }

    /// Appends `clean_len` clean bytes standing for the raw bytes
    /// `raw_start..raw_start + raw_len` (a normalised character, or an inserted separator
    /// with `raw_len` 0 or covering the raw line breaks it replaces).
    pub fn push_replace(&mut self, raw_start: usize, raw_len: usize, clean_len: usize) {
        if clean_len == 0 {
            return;
        }
        self.push(Piece {
            clean: self.clean_len,
            raw: raw_start,
            clean_len,
            raw_len,
            copy: false,
        });
    }

    fn push(&mut self, piece: Piece) {
        debug_assert!(
            self.pieces
                .last()
                .is_none_or(|p| p.raw + p.raw_len <= piece.raw),
            "offset map pieces must move forward in the raw text"
        );
        self.clean_len += piece.clean_len;
        self.pieces.push(piece);
    }

    /// Length of the clean text this map describes, in bytes.
    pub fn clean_len(&self) -> usize {
        self.clean_len
    }

    /// The raw offset of the clean offset `clean`, read as the start of a span.
    pub fn start_to_raw(&self, clean: usize) -> usize {
        match self.piece_at(clean) {
            None => self.raw_end(),
            Some(p) if p.copy => p.raw + (clean - p.clean),
            Some(p) => p.raw,
        }
    }

    /// The raw offset of the clean offset `clean`, read as the (exclusive) end of a span.
    pub fn end_to_raw(&self, clean: usize) -> usize {
        if clean == 0 {
            return self.pieces.first().map_or(0, |p| p.raw);
        }
        // The end maps through the last byte before it.
        match self.piece_at(clean - 1) {
            None => self.raw_end(),
            Some(p) if p.copy => p.raw + (clean - p.clean),
            Some(p) => p.raw + p.raw_len,
        }
    }

    /// Maps a span of the clean text to the raw text.
    pub fn span_to_raw(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self.start_to_raw(span.start);
            return Span::new(at, at);
        }
        Span::new(self.start_to_raw(span.start), self.end_to_raw(span.end))
    }

    fn raw_end(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.raw + p.raw_len)
    }

    fn piece_at(&self, clean: usize) -> Option<&Piece> {
        let i = self
            .pieces
            .partition_point(|p| p.clean + p.clean_len <= clean);
        self.pieces.get(i).filter(|p| p.clean <= clean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_and_replacements_map_back() {
        // raw: "  Head\n\nBody\u{a0}text\n"  -> clean: "Head\n\nBody text"
        let raw = "  Head\n\nBody\u{a0}text\n";
        let mut map = OffsetMap::default();
        let mut clean = String::new();
        clean.push_str(&raw[2..6]);
        map.push_copy(2, 4);
        clean.push_str("\n\n");
        map.push_replace(6, 2, 2);
        clean.push_str(&raw[8..12]);
        map.push_copy(8, 4);
        clean.push(' ');
        map.push_replace(12, 2, 1);
        clean.push_str(&raw[14..18]);
        map.push_copy(14, 4);
        assert_eq!(clean, "Head\n\nBody text");
        assert_eq!(map.clean_len(), clean.len());
        for (word, at) in [("Head", 0), ("Body", 6), ("text", 11)] {
            let span = Span::new(at, at + word.len());
            assert_eq!(&raw[map.span_to_raw(span).range()], word);
        }
        // A span over the normalised space covers the NBSP.
        assert_eq!(
            &raw[map.span_to_raw(Span::new(6, 15)).range()],
            "Body\u{a0}text"
        );
        assert_eq!(map.span_to_raw(Span::new(15, 15)), Span::new(18, 18));
    }

    #[test]
    fn adjacent_copies_merge() {
        let mut map = OffsetMap::default();
        map.push_copy(0, 3);
        map.push_copy(3, 3);
        assert_eq!(map.pieces.len(), 1);
        assert_eq!(map, OffsetMap::identity(6));
    }
}
