//! One file, one document: size check, read, decode, hash.

use std::{fs, io::Read, path::Path};

use dossier_core::{DocId, RawDocument, SourceMeta};
use sha2::{Digest, Sha256};

use crate::{Config, InputError, InputErrorKind, decode};

/// Reads the document at `path`; `source_path` (relative to the corpus root) and `id` name
/// it. The size is checked on the metadata before anything is read.
pub(crate) fn read_document(
    path: &Path,
    source_path: String,
    id: String,
    config: &Config,
) -> Result<RawDocument, InputError> {
    let fail = |kind| InputError {
        source_path: source_path.clone(),
        line: None,
        kind,
    };
    let bytes = read_limited(path, config.max_file_bytes).map_err(fail)?;
    let decoded = decode(&bytes).map_err(|e| fail(e.into()))?;
    Ok(RawDocument {
        id: DocId::new(id),
        source_path,
        line: None,
        sha256: sha256_hex(&bytes),
        encoding: decoded.encoding.to_owned(),
        text: decoded.text,
        meta: SourceMeta::default(),
    })
}

/// The file's bytes, or `TooLarge` when it has more than `limit` (checked on the metadata,
/// and again while reading in case the file grew), or `Unreadable`.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, InputErrorKind> {
    let unreadable = |e: std::io::Error| InputErrorKind::Unreadable(e.to_string());
    let file = fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > limit {
        return Err(InputErrorKind::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(InputErrorKind::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// Lower-case hex SHA-256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
