//! A JSONL corpus (optionally gzip-compressed): one JSON object per line, streamed.

use std::io::{self, BufRead};

use dossier_core::{Date, DocId, RawDocument, SourceMeta};
use serde_json::{Map, Value};

use crate::{InputError, InputErrorKind, decode::check_text, file::sha256_hex};

/// Streams records from a reader of JSONL; keeps only the current line in memory.
pub(crate) struct Records {
    reader: Box<dyn BufRead + Send>,
    source_path: String,
    limit: u64,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl Records {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, source_path: String, limit: u64) -> Self {
        Records {
            reader,
            source_path,
            limit,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// The next non-blank line parsed into a document (without the duplicate check, which
    /// is the corpus's), or `None` at the end of the file. A read error (I/O, corrupt gzip
    /// stream) is reported for the line where it happened and ends the file.
    pub(crate) fn next_record(&mut self) -> Option<Result<RawDocument, InputError>> {
        loop {
            if self.done {
                return None;
            }
            self.line += 1;
            self.buf.clear();
            match read_line_limited(&mut *self.reader, &mut self.buf, self.limit) {
                Ok(Line::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(Line::TooLong(size)) => {
                    return Some(Err(self.error(InputErrorKind::TooLarge {
                        size,
                        limit: self.limit,
                    })));
                }
                Ok(Line::Complete) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.error(InputErrorKind::Unreadable(e.to_string()))));
                }
            }
            let mut bytes = self.buf.as_slice();
            bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let record = parse_record(bytes).map(|(id, text, meta)| RawDocument {
                id: DocId::new(id),
                source_path: self.source_path.clone(),
                line: Some(self.line),
                sha256: sha256_hex(text.as_bytes()),
                encoding: "UTF-8".to_owned(),
                text,
                meta,
            });
            return Some(record.map_err(|kind| self.error(kind)));
        }
    }

    fn error(&self, kind: InputErrorKind) -> InputError {
        InputError {
            source_path: self.source_path.clone(),
            line: Some(self.line),
            kind,
        }
    }
}

/// What [`read_line_limited`] read.
enum Line {
    /// End of input: nothing read.
    Eof,
    /// A line within the limit (with its `\n` unless it is the last).
    Complete,
    /// Longer than the limit (skipped); its length in bytes without the line end.
    TooLong(u64),
}

/// Reads one line (with its `\n`) into `buf`, reading at most `limit + 1` bytes of it; a
/// longer line is skipped to its end without being kept.
fn read_line_limited(reader: &mut dyn BufRead, buf: &mut Vec<u8>, limit: u64) -> io::Result<Line> {
    let n = io::Read::take(&mut *reader, limit.saturating_add(1)).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    if buf.last() == Some(&b'\n') || n as u64 <= limit {
        return Ok(Line::Complete);
    }
    let mut size = n as u64;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        match available.iter().position(|&b| b == b'\n') {
            Some(i) => {
                size += i as u64;
                reader.consume(i + 1);
                break;
            }
            None => {
                let len = available.len();
                size += len as u64;
                reader.consume(len);
            }
        }
    }
    buf.clear();
    Ok(Line::TooLong(size))
}

/// One JSONL line → (id, text, meta), or why it is rejected.
fn parse_record(line: &[u8]) -> Result<(String, String, SourceMeta), InputErrorKind> {
    let value: Value = serde_json::from_slice(line).map_err(|e| {
        // The record is one line: "at line 1 column 28" is "at column 28".
        let message = e.to_string();
        let suffix = format!(" at line 1 column {}", e.column());
        InputErrorKind::BadJson(match message.strip_suffix(&suffix) {
            Some(head) => format!("{head} at column {}", e.column()),
            None => message,
        })
    })?;
    let Value::Object(map) = value else {
        return Err(InputErrorKind::BadJson(format!(
            "expected a JSON object, found {}",
            kind_of(&value)
        )));
    };
    let id = id_field(&map)?;
    let text = match map.get("text") {
        None | Some(Value::Null) => return Err(InputErrorKind::MissingField("text")),
        Some(Value::String(s)) => s.clone(),
        Some(other) => return Err(expected_string("text", other)),
    };
    check_text(&text).map_err(InputErrorKind::from)?;
    let published = match optional_string(&map, "published")? {
        None => None,
        Some(s) => Some(parse_published(&s).ok_or_else(|| InputErrorKind::BadField {
            field: "published",
            reason: format!("not a YYYY-MM-DD date: {s:?}"),
        })?),
    };
    let meta = SourceMeta {
        title: optional_string(&map, "title")?,
        published,
        url: optional_string(&map, "url")?,
        source: optional_string(&map, "source")?,
    };
    Ok((id, text, meta))
}

/// `id`: a non-blank string, or an integer written as its decimal string.
fn id_field(map: &Map<String, Value>) -> Result<String, InputErrorKind> {
    match map.get("id") {
        None | Some(Value::Null) => Err(InputErrorKind::MissingField("id")),
        Some(Value::String(s)) if s.trim().is_empty() => Err(InputErrorKind::BadField {
            field: "id",
            reason: "empty string".to_owned(),
        }),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
        Some(other) => Err(InputErrorKind::BadField {
            field: "id",
            reason: format!("expected a string or an integer, found {}", describe(other)),
        }),
    }
}

/// An optional string field: absent, `null` or blank is `None`.
fn optional_string(
    map: &Map<String, Value>,
    field: &'static str,
) -> Result<Option<String>, InputErrorKind> {
    match map.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(expected_string(field, other)),
    }
}

fn expected_string(field: &'static str, found: &Value) -> InputErrorKind {
    InputErrorKind::BadField {
        field,
        reason: format!("expected a string, found {}", describe(found)),
    }
}

/// `YYYY-MM-DD`; also the date part of an ISO-8601 timestamp (`2024-11-25T14:03:00Z`,
/// `2024-11-25 14:03`), the form many scrapers write, taken as the publisher's local date.
fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    let (date, rest) = s.split_at_checked(10)?;
    let date = Date::parse_iso(date)?;
    if rest.is_empty() {
        return Some(date);
    }
    // A time must follow: `T` or a space, then `HH:MM`.
    let time = rest.strip_prefix(['T', 't', ' '])?.as_bytes();
    let hh_mm = time.len() >= 5
        && time[..2].iter().all(u8::is_ascii_digit)
        && time[2] == b':'
        && time[3..5].iter().all(u8::is_ascii_digit);
    hh_mm.then_some(date)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The kind of a value, with the value itself when it is short.
fn describe(value: &Value) -> String {
    match value {
        Value::Bool(_) | Value::Number(_) => format!("{} ({value})", kind_of(value)),
        _ => kind_of(value).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_accepts_dates_and_timestamps_only() {
        let d = Date::new(2024, 11, 25);
        assert_eq!(parse_published("2024-11-25"), d);
        assert_eq!(parse_published("2024-11-25T23:10:00-05:00"), d);
        assert_eq!(parse_published("2024-11-25 08:00"), d);
        assert_eq!(parse_published("2024-11-31"), None);
        assert_eq!(parse_published("2024-11-25junk"), None);
        assert_eq!(parse_published("25/11/2024"), None);
        assert_eq!(parse_published("2024-11-25T"), None);
        assert_eq!(parse_published("Nov 25, 2024"), None);
    }

    #[test]
    fn long_lines_are_skipped_whole() {
        let data = b"0123456789\nabc\n0123456789";
        let mut reader: &[u8] = data;
        let mut buf = Vec::new();
        assert!(matches!(
            read_line_limited(&mut reader, &mut buf, 5),
            Ok(Line::TooLong(10))
        ));
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut reader, &mut buf, 5),
            Ok(Line::Complete)
        ));
        assert_eq!(buf, b"abc\n");
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut reader, &mut buf, 5),
            Ok(Line::TooLong(10))
        ));
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut reader, &mut buf, 5),
            Ok(Line::Eof)
        ));
        // Exactly at the limit, with and without a line end.
        let mut reader: &[u8] = b"12345\n12345";
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut reader, &mut buf, 5),
            Ok(Line::Complete)
        ));
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut reader, &mut buf, 5),
            Ok(Line::Complete)
        ));
        assert_eq!(buf, b"12345");
    }
}
