//! Opening corpora built in a temporary folder: folders, JSONL, gzip, single files, and
//! the inputs that must become error rows while the rest still loads.

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
};

use dossier_core::{Date, RawDocument};
use dossier_corpus::{Config, CorpusError, InputError, InputErrorKind, open};
use flate2::{Compression, write::GzEncoder};

/// Writes `files` (relative path, bytes) under a new temporary folder.
fn corpus(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, bytes) in files {
        let path = dir.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

fn load(path: &Path, config: &Config) -> (Vec<RawDocument>, Vec<InputError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for item in open(path, config).unwrap() {
        match item {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

fn ids(docs: &[RawDocument]) -> Vec<&str> {
    docs.iter().map(|d| d.id.as_str()).collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn a_bad_file_among_good_ones() {
    let dir = corpus(&[
        ("a.txt", b"First article."),
        ("b.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("c.txt", b"   \n\n"),
        ("d.txt", b""),
        ("e.txt", b"Last article."),
    ]);
    let (docs, errors) = load(dir.path(), &Config::default());
    assert_eq!(ids(&docs), ["a", "e"]);
    let rows: Vec<_> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        rows,
        [
            "b.txt: binary content: NUL bytes or control characters",
            "c.txt: empty: no text or only whitespace",
            "d.txt: empty: no text or only whitespace",
        ]
    );
    let record = errors[0].to_record();
    assert_eq!(
        (
            record.source_path.as_str(),
            record.line,
            record.stage.as_str()
        ),
        ("b.txt", None, "corpus")
    );
}

#[test]
fn documents_carry_hash_encoding_and_text() {
    let text = "Москва, 11 декабря.\r\nВстреча министров.\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let dir = corpus(&[("ru.txt", &bytes)]);
    let (docs, errors) = load(dir.path(), &Config::default());
    assert!(errors.is_empty(), "{errors:?}");
    let doc = &docs[0];
    assert_eq!(doc.encoding, "windows-1251");
    assert_eq!(doc.text, text);
    assert_eq!(doc.source_path, "ru.txt");
    assert_eq!(doc.line, None);
    // SHA-256 of the raw (windows-1251) bytes, not of the decoded text.
    assert_eq!(doc.sha256.len(), 64);
    assert!(
        doc.sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    );
    let (docs2, _) = load(dir.path(), &Config::default());
    assert_eq!(docs2[0].sha256, doc.sha256);
    let utf8 = corpus(&[("ru.txt", text.as_bytes())]);
    assert_ne!(
        load(utf8.path(), &Config::default()).0[0].sha256,
        doc.sha256
    );
}

#[test]
fn too_large_is_checked_before_reading() {
    let dir = corpus(&[("big.txt", &[b'a'; 101]), ("ok.txt", &[b'a'; 100])]);
    let config = Config {
        max_file_bytes: 100,
        ..Config::default()
    };
    let (docs, errors) = load(dir.path(), &config);
    assert_eq!(ids(&docs), ["ok"]);
    assert_eq!(errors[0].source_path, "big.txt");
    assert_eq!(
        errors[0].kind,
        InputErrorKind::TooLarge {
            size: 101,
            limit: 100
        }
    );
    assert_eq!(
        errors[0].to_record().reason,
        "too large: 101 bytes, limit 100"
    );
}

#[test]
fn nested_folders_hidden_files_and_extensions() {
    let dir = corpus(&[
        ("world/asia/kabul.txt", b"Kabul"),
        ("world/europe.TXT", b"Europe"),
        ("world.txt", b"World"),
        ("world-cup/final.txt", b"Final"),
        ("notes.md", b"not a document"),
        ("noext", b"not a document"),
        (".hidden.txt", b"hidden"),
        (".git/objects/x.txt", b"hidden"),
        ("world/.cache/y.txt", b"hidden"),
        ("v1.2/report.final.txt", b"Report"),
    ]);
    let (docs, errors) = load(dir.path(), &Config::default());
    assert!(errors.is_empty(), "{errors:?}");
    // Sorted by relative path as a string ('-' < '.' < '/').
    assert_eq!(
        ids(&docs),
        [
            "v1.2/report.final",
            "world-cup/final",
            "world",
            "world/asia/kabul",
            "world/europe",
        ]
    );
    let paths: Vec<_> = docs.iter().map(|d| d.source_path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "v1.2/report.final.txt",
            "world-cup/final.txt",
            "world.txt",
            "world/asia/kabul.txt",
            "world/europe.TXT",
        ]
    );
    // More extensions.
    let config = Config {
        extensions: vec!["txt".into(), ".md".into()],
        ..Config::default()
    };
    let (docs, _) = load(dir.path(), &config);
    assert!(ids(&docs).contains(&"notes"));
}

#[test]
fn order_is_deterministic_whatever_the_creation_order() {
    let names = [
        "b/2.txt", "a.txt", "b/10.txt", "B.txt", "b/1.txt", "ä.txt", "a b.txt",
    ];
    let mut reversed = names;
    reversed.reverse();
    let first: Vec<(&str, &[u8])> = names.iter().map(|n| (*n, &b"x"[..])).collect();
    let second: Vec<(&str, &[u8])> = reversed.iter().map(|n| (*n, &b"x"[..])).collect();
    let (a, _) = load(corpus(&first).path(), &Config::default());
    let (b, _) = load(corpus(&second).path(), &Config::default());
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(ids(&a), ["B", "a b", "a", "b/1", "b/10", "b/2", "ä"]);
}

#[test]
fn same_id_twice_in_a_folder() {
    let dir = corpus(&[("a.txt", b"one"), ("a.TXT", b"two")]);
    let (docs, errors) = load(dir.path(), &Config::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].source_path, "a.TXT");
    assert_eq!(errors[0].source_path, "a.txt");
    assert_eq!(errors[0].kind, InputErrorKind::DuplicateId("a".into()));
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed() {
    let outside = corpus(&[("secret.txt", b"outside"), ("dir/inner.txt", b"outside")]);
    let dir = corpus(&[("a.txt", b"inside")]);
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("link.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path().join("dir"), dir.path().join("linked-dir")).unwrap();
    let (docs, errors) = load(dir.path(), &Config::default());
    assert_eq!(ids(&docs), ["a"]);
    assert!(errors.is_empty());
}

#[test]
fn single_text_file() {
    let dir = corpus(&[("sub/article.v2.txt", b"\xEF\xBB\xBFHello.\n")]);
    let (docs, errors) = load(&dir.path().join("sub/article.v2.txt"), &Config::default());
    assert!(errors.is_empty());
    assert_eq!(ids(&docs), ["article.v2"]);
    assert_eq!(docs[0].source_path, "article.v2.txt");
    assert_eq!(docs[0].text, "Hello.\n");
}

#[test]
fn fatal_errors() {
    let dir = corpus(&[("data.csv", b"a,b"), ("x.txt", b"x")]);
    let missing = dir.path().join("nope");
    assert!(matches!(
        open(&missing, &Config::default()),
        Err(CorpusError::NotFound(p)) if p == missing
    ));
    let csv = dir.path().join("data.csv");
    let err = open(&csv, &Config::default()).unwrap_err();
    assert!(matches!(err, CorpusError::Unsupported(_)));
    assert!(!err.to_string().contains('\n'));
}

const JSONL: &str = r#"{"id": "a", "text": "First.", "title": "T", "published": "2024-11-25", "url": "https://example.org/a", "source": "Example"}

{"id": 42, "text": "Second.\r\nTwo lines."}
{"id": "b", "text": "broken
{"id": "c"}
{"id": "d", "text": "Fourth.", "published": "2024-02-30"}
{"id": "a", "text": "Duplicate."}
[1, 2]
{"id": 1.5, "text": "x"}
{"id": "e", "text": 7}
{"id": "f", "text": "  "}
{"id": "g", "text": "Last.", "title": null, "url": ""}
"#;

fn check_jsonl(docs: &[RawDocument], errors: &[InputError], name: &str) {
    assert_eq!(ids(docs), ["a", "42", "g"]);
    let a = &docs[0];
    assert_eq!(a.line, Some(1));
    assert_eq!(a.source_path, name);
    assert_eq!(a.encoding, "UTF-8");
    assert_eq!(a.meta.title.as_deref(), Some("T"));
    assert_eq!(a.meta.published, Date::new(2024, 11, 25));
    assert_eq!(a.meta.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(a.meta.source.as_deref(), Some("Example"));
    // SHA-256 of the record's text in UTF-8.
    assert_eq!(
        a.sha256,
        "6ccbae3c549451073bfcd5d56254fc65cba81b7c44192ef9fb4e68b91872d342"
    );
    assert_eq!(docs[1].line, Some(3));
    assert_eq!(docs[1].text, "Second.\r\nTwo lines.");
    assert_eq!(docs[2].line, Some(12));
    assert_eq!(docs[2].meta.title, None);
    assert_eq!(docs[2].meta.url, None);
    let rows: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let expected = [
        format!("{name}:4: invalid JSON: EOF while parsing a string at column 27"),
        format!("{name}:5: missing field `text`"),
        format!("{name}:6: bad field `published`: not a YYYY-MM-DD date: \"2024-02-30\""),
        format!("{name}:7: duplicate id `a`: an earlier input has the same id"),
        format!("{name}:8: invalid JSON: expected a JSON object, found an array"),
        format!("{name}:9: bad field `id`: expected a string or an integer, found a number (1.5)"),
        format!("{name}:10: bad field `text`: expected a string, found a number (7)"),
        format!("{name}:11: empty: no text or only whitespace"),
    ];
    assert_eq!(rows, expected);
}

#[test]
fn jsonl_records_and_bad_lines() {
    let dir = corpus(&[("news.jsonl", JSONL.as_bytes())]);
    let (docs, errors) = load(&dir.path().join("news.jsonl"), &Config::default());
    check_jsonl(&docs, &errors, "news.jsonl");
    assert_eq!(
        docs[0].sha256,
        file_sha256(b"First."),
        "the hash is of the record's text"
    );
}

fn file_sha256(bytes: &[u8]) -> String {
    let dir = corpus(&[("x.txt", bytes)]);
    load(dir.path(), &Config::default()).0[0].sha256.clone()
}

#[test]
fn jsonl_gz_and_crlf() {
    let crlf = JSONL.replace('\n', "\r\n");
    let dir = corpus(&[
        ("news.jsonl.gz", &gzip(JSONL.as_bytes())),
        ("crlf.JSONL", crlf.as_bytes()),
    ]);
    let (docs, errors) = load(&dir.path().join("news.jsonl.gz"), &Config::default());
    check_jsonl(&docs, &errors, "news.jsonl.gz");
    let (docs, errors) = load(&dir.path().join("crlf.JSONL"), &Config::default());
    assert_eq!(ids(&docs), ["a", "42", "g"]);
    assert_eq!(errors.len(), 8);
}

#[test]
fn jsonl_gz_of_several_members() {
    let mut bytes = gzip(b"{\"id\": \"a\", \"text\": \"A\"}\n");
    bytes.extend(gzip(b"{\"id\": \"b\", \"text\": \"B\"}\n"));
    let dir = corpus(&[("two.jsonl.gz", &bytes)]);
    let (docs, errors) = load(&dir.path().join("two.jsonl.gz"), &Config::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&docs), ["a", "b"]);
    assert_eq!(docs[1].line, Some(2));
}

#[test]
fn corrupt_gz_ends_the_file_with_an_error_row() {
    let lines: String = (0..2000)
        .map(|i| format!("{{\"id\": {i}, \"text\": \"Record number {i} of the corpus.\"}}\n"))
        .collect();
    let full = gzip(lines.as_bytes());
    // Cut the stream in the middle.
    let truncated = &full[..full.len() / 2];
    let dir = corpus(&[
        ("cut.jsonl.gz", truncated),
        ("plain.jsonl.gz", b"not gzip at all\n"),
    ]);
    let (docs, errors) = load(&dir.path().join("cut.jsonl.gz"), &Config::default());
    assert!(!docs.is_empty() && docs.len() < 2000);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let broke_at = errors[0].line.unwrap();
    assert_eq!(broke_at, docs.last().unwrap().line.unwrap() + 1);
    assert!(matches!(errors[0].kind, InputErrorKind::Unreadable(_)));
    // Not gzip at all: an error row for line 1.
    let (docs, errors) = load(&dir.path().join("plain.jsonl.gz"), &Config::default());
    assert!(docs.is_empty());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, Some(1));
}

#[test]
fn jsonl_line_too_large_and_bom() {
    let long_text = "x".repeat(500);
    let data = format!(
        "\u{FEFF}{{\"id\": \"a\", \"text\": \"A\"}}\n{{\"id\": \"b\", \"text\": \"{long_text}\"}}\n{{\"id\": \"c\", \"text\": \"C\"}}"
    );
    let dir = corpus(&[("x.jsonl", data.as_bytes())]);
    let config = Config {
        max_file_bytes: 100,
        ..Config::default()
    };
    let (docs, errors) = load(&dir.path().join("x.jsonl"), &config);
    assert_eq!(ids(&docs), ["a", "c"]);
    assert_eq!(docs[1].line, Some(3));
    assert_eq!(errors[0].line, Some(2));
    assert!(matches!(
        errors[0].kind,
        InputErrorKind::TooLarge { limit: 100, .. }
    ));
}

#[test]
fn jsonl_invalid_utf8_is_an_error_for_that_line_only() {
    let dir = corpus(&[(
        "x.jsonl",
        b"{\"id\": \"a\", \"text\": \"caf\xE9\"}\n{\"id\": \"b\", \"text\": \"ok\"}\n",
    )]);
    let (docs, errors) = load(&dir.path().join("x.jsonl"), &Config::default());
    assert_eq!(ids(&docs), ["b"]);
    assert_eq!(errors[0].line, Some(1));
    assert!(matches!(errors[0].kind, InputErrorKind::BadJson(_)));
}

#[test]
fn unreadable_folder_entries_are_rows_not_fatal() {
    // Only meaningful when permissions are enforced (not as root).
    let dir = corpus(&[("a.txt", b"A"), ("locked/b.txt", b"B")]);
    let locked: PathBuf = dir.path().join("locked");
    set_mode(&locked, 0o000);
    let enforced = fs::read_dir(&locked).is_err();
    let (docs, errors) = load(dir.path(), &Config::default());
    set_mode(&locked, 0o755);
    if enforced {
        assert_eq!(ids(&docs), ["a"]);
        assert_eq!(errors[0].source_path, "locked");
        assert!(matches!(errors[0].kind, InputErrorKind::Unreadable(_)));
    }
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {}

/// One line per item of a corpus: a document's id, path, line, encoding and text, or an
/// error row.
fn render(path: &Path) -> String {
    let mut out = String::new();
    for item in open(path, &Config::default()).unwrap() {
        let line = match item {
            Ok(doc) => format!(
                "OK    {} | {} | {:?} | {} | {:?}",
                doc.id, doc.source_path, doc.line, doc.encoding, doc.text
            ),
            Err(e) => {
                let r = e.to_record();
                format!(
                    "ERROR {} | {:?} | {} | {}",
                    r.source_path, r.line, r.stage, r.reason
                )
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn mixed_folder_snapshot() {
    let utf16: Vec<u8> = "Hello from UTF-16.\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("Привет из Москвы, где идёт снег.\n");
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode("“Café” costs 3 € in Genève.\n");
    let dir = corpus(&[
        ("en/utf8.txt", "Plain “UTF-8” – fine.\n".as_bytes()),
        ("en/bom.txt", b"\xEF\xBB\xBFWith a BOM.\n"),
        ("en/utf16.txt", &utf16),
        ("ru/cp1251.txt", &cp1251),
        ("fr/cp1252.txt", &cp1252),
        ("bad/empty.txt", b""),
        ("bad/blank.txt", b" \n\t\r\n"),
        ("bad/binary.txt", b"GIF89a\x01\x00\x01\x00\x80\x00\x00"),
        ("bad/dup.TXT", b"second a/dup"),
        ("bad/dup.txt", b"first a/dup"),
        (".hidden/skip.txt", b"skipped"),
        ("readme.md", b"skipped"),
    ]);
    insta::assert_snapshot!(render(dir.path()));
}

#[cfg(unix)]
#[test]
fn unlistable_root_is_fatal() {
    let dir = corpus(&[("a.txt", b"A")]);
    set_mode(dir.path(), 0o000);
    let result = open(dir.path(), &Config::default());
    set_mode(dir.path(), 0o755);
    if let Err(err) = result {
        assert!(matches!(err, CorpusError::Io { .. }));
        assert!(std::error::Error::source(&err).is_some());
    }
}
