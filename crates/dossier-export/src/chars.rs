//! Byte offsets to Unicode code-point offsets, many at once, in one pass over the text.

/// The code-point offsets of a set of byte offsets into one text.
///
/// Built by sorting the byte offsets and walking the text once from left to right, so
/// converting every offset of a document costs O(text + offsets · log offsets), not
/// O(text) per offset.
#[derive(Debug, Clone, Default)]
pub(crate) struct CharOffsets {
    /// Sorted, distinct byte offsets.
    bytes: Vec<usize>,
    /// `chars[i]` is the code-point offset of `bytes[i]`.
    chars: Vec<u64>,
}

impl CharOffsets {
    /// Converts `bytes` (any order, repeats allowed) for `text`. Fails with the first
    /// offset that lies past the end of the text or inside a UTF-8 sequence.
    pub(crate) fn new(text: &str, mut bytes: Vec<usize>) -> Result<CharOffsets, usize> {
        bytes.sort_unstable();
        bytes.dedup();
        let mut chars = Vec::with_capacity(bytes.len());
        let (mut at_byte, mut at_char) = (0usize, 0u64);
        for &b in &bytes {
            if !text.is_char_boundary(b) {
                return Err(b);
            }
            at_char += text[at_byte..b].chars().count() as u64;
            at_byte = b;
            chars.push(at_char);
        }
        Ok(CharOffsets { bytes, chars })
    }

    /// The code-point offset of `byte`, which must be one of the offsets given to `new`.
    pub(crate) fn get(&self, byte: usize) -> u64 {
        let i = self
            .bytes
            .binary_search(&byte)
            .expect("byte offset was registered");
        self.chars[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_offset_on_non_ascii_text() {
        let text = "“Hi” – it’s Лавров, 2024 ✓";
        let all: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut shuffled = all.clone();
        shuffled.reverse();
        shuffled.extend_from_slice(&all[..3]);
        let map = CharOffsets::new(text, shuffled).unwrap();
        for &b in &all {
            assert_eq!(map.get(b), dossier_core::char_offset(text, b) as u64, "{b}");
        }
    }

    #[test]
    fn rejects_offsets_inside_a_character_or_past_the_end() {
        assert_eq!(CharOffsets::new("“a”", vec![0, 1]).unwrap_err(), 1);
        assert_eq!(CharOffsets::new("ab", vec![3]).unwrap_err(), 3);
        assert!(CharOffsets::new("", vec![0]).is_ok());
    }
}
