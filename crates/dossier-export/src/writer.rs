//! The dataset writer: spill documents as they come, write every table at `finish`, and
//! swap the finished folder into place.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use dossier_core::{DocId, ErrorRecord, Resolution};
use serde::Serialize;

use crate::error::ExportError;
use crate::readme;
use crate::rows::{
    Confidence, CooccurrenceRow, EntityRow, ErrorRow, JsonlDate, JsonlMention, JsonlQuote,
    JsonlRecord, TABLES, Table,
};
use crate::spill::{DocumentInput, SpillDoc, spill_doc};

/// Name of the JSONL file in the dataset folder.
pub(crate) const JSONL_FILE: &str = "dataset.jsonl";
/// Name of the data dictionary in the dataset folder.
pub(crate) const README_FILE: &str = "README.md";
/// Name of the spill file inside the temporary folder (deleted before the swap).
const SPILL_FILE: &str = ".spill";
/// Buffer size of the spill file: a document's record is often larger than the default.
const SPILL_BUFFER: usize = 1 << 20;
/// Buffer size of each table and of the JSONL file: fewer, larger writes.
const OUTPUT_BUFFER: usize = 1 << 18;

/// What the data dictionary says about the run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Version of the tool that built the dataset (`0.1.0`).
    pub tool_version: String,
    /// How the corpus was named (`seeds`, or the folder name the user gave): it goes into
    /// `README.md` as given, so pass a name, not an absolute path, to keep the output the
    /// same on every machine.
    pub corpus: String,
}

/// What a finished dataset holds: the number of rows of each table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Rows of `documents.csv` (and lines of `dataset.jsonl`).
    pub documents: u64,
    /// Rows of `errors.csv`.
    pub errors: u64,
    /// Rows of `mentions.csv`.
    pub mentions: u64,
    /// Rows of `entities.csv`.
    pub entities: u64,
    /// Rows of `dates.csv`.
    pub dates: u64,
    /// Rows of `removed.csv`.
    pub removed: u64,
    /// Rows of `quotes.csv`.
    pub quotes: u64,
    /// Rows of `cooccurrences.csv`.
    pub cooccurrences: u64,
    /// The dataset folder.
    pub out_dir: PathBuf,
}

/// Writes one dataset folder. Documents and errors may be added in any order; the output
/// is the same bytes whatever the order.
///
/// Memory grows with the number of documents only by an index entry each (id, offset,
/// length), and with the errors; document rows wait in a spill file in the temporary
/// folder. Dropping the writer without calling [`finish`](DatasetWriter::finish) deletes
/// the temporary folder and leaves any previous dataset untouched.
#[derive(Debug)]
pub struct DatasetWriter {
    out_dir: PathBuf,
    options: Options,
    spill_path: PathBuf,
    spill: BufWriter<File>,
    spill_len: u64,
    /// Document id → (offset, length) of its record in the spill file.
    index: BTreeMap<DocId, (u64, usize)>,
    errors: Vec<ErrorRecord>,
    /// Declared last so the spill file is closed before the folder is removed.
    tmp: TempDir,
}

impl DatasetWriter {
    /// Prepares to write the dataset folder `out_dir`: creates its parent folders and an
    /// empty temporary sibling `<out_dir>.tmp-<pid>`. Nothing is written to `out_dir`
    /// until [`finish`](DatasetWriter::finish).
    ///
    /// Fails when `out_dir` exists but is neither empty nor a dataset (it has no
    /// `documents.csv`), so that a mistyped output path never deletes unrelated files.
    pub fn create(out_dir: &Path, options: Options) -> Result<DatasetWriter, ExportError> {
        let tmp_path = sibling(out_dir, "tmp")?;
        if let Some(parent) = tmp_path.parent() {
            fs::create_dir_all(parent).map_err(|e| ExportError::io("create", parent, e))?;
        }
        check_replaceable(out_dir)?;
        if fs::symlink_metadata(&tmp_path).is_ok() {
            // Left by a killed run that had the same process id.
            remove_any(&tmp_path).map_err(|e| ExportError::io("remove", &tmp_path, e))?;
        }
        fs::create_dir(&tmp_path).map_err(|e| ExportError::io("create", &tmp_path, e))?;
        let tmp = TempDir {
            path: tmp_path,
            armed: true,
        };
        let spill_path = tmp.path.join(SPILL_FILE);
        let spill = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&spill_path)
            .map_err(|e| ExportError::io("create", &spill_path, e))?;
        Ok(DatasetWriter {
            out_dir: out_dir.to_path_buf(),
            options,
            spill_path,
            spill: BufWriter::with_capacity(SPILL_BUFFER, spill),
            spill_len: 0,
            index: BTreeMap::new(),
            errors: Vec::new(),
            tmp,
        })
    }

    /// Adds one document: computes its rows and parks them in the spill file.
    ///
    /// Fails when a document with the same id was already added, or when one of its spans
    /// does not fit its text; the writer is unchanged then and can go on (see
    /// [`ExportError::to_record`] to turn the error into a row of `errors.csv`).
    pub fn add_document(&mut self, doc: DocumentInput<'_>) -> Result<(), ExportError> {
        if self.index.contains_key(&doc.raw.id) {
            return Err(ExportError::DuplicateDocument {
                id: doc.raw.id.to_string(),
                source_path: doc.raw.source_path.clone(),
                line: doc.raw.line,
            });
        }
        let spilled = spill_doc(&doc)?;
        let record = postcard::to_stdvec(&spilled).map_err(|e| {
            let e = io::Error::new(io::ErrorKind::InvalidData, e);
            ExportError::io("write", &self.spill_path, e)
        })?;
        self.spill
            .write_all(&record)
            .map_err(|e| ExportError::io("write", &self.spill_path, e))?;
        self.index
            .insert(doc.raw.id.clone(), (self.spill_len, record.len()));
        self.spill_len += record.len() as u64;
        Ok(())
    }

    /// Adds a row to the error table (a rejected input).
    pub fn add_error(&mut self, error: &ErrorRecord) -> Result<(), ExportError> {
        self.errors.push(error.clone());
        Ok(())
    }

    /// Writes every table, the JSONL file and the data dictionary, then replaces
    /// `out_dir` with the new folder (the old one is renamed aside, then deleted).
    ///
    /// Mention keys are mapped to entity ids through `resolution`; an unresolved key
    /// leaves `entity_id` empty.
    pub fn finish(self, resolution: &Resolution) -> Result<Summary, ExportError> {
        let DatasetWriter {
            out_dir,
            options,
            spill_path,
            spill,
            spill_len: _,
            index,
            mut errors,
            mut tmp,
        } = self;
        let mut spill = spill
            .into_inner()
            .map_err(|e| ExportError::io("write", &spill_path, e.into_error()))?;
        let mut counts = [0u64; TABLES.len()];

        let dir = tmp.path.clone();
        let mut documents = CsvTable::create(&dir, Table::Documents)?;
        let mut removed = CsvTable::create(&dir, Table::Removed)?;
        let mut mentions = CsvTable::create(&dir, Table::Mentions)?;
        let mut dates = CsvTable::create(&dir, Table::Dates)?;
        let mut quotes = CsvTable::create(&dir, Table::Quotes)?;
        let jsonl_path = dir.join(JSONL_FILE);
        let mut jsonl = BufWriter::with_capacity(
            OUTPUT_BUFFER,
            File::create(&jsonl_path).map_err(|e| ExportError::io("create", &jsonl_path, e))?,
        );

        let mut buf = Vec::new();
        for &(offset, len) in index.values() {
            let doc = read_spilled(&mut spill, &spill_path, offset, len, &mut buf)?;
            let mention_rows: Vec<_> = doc
                .mentions
                .into_iter()
                .map(|m| m.resolve(resolution))
                .collect();
            let quote_rows: Vec<_> = doc
                .quotes
                .into_iter()
                .map(|q| q.resolve(resolution))
                .collect();
            let d = &doc.document;
            let record = JsonlRecord {
                id: &d.id,
                source_path: &d.source_path,
                url: d.url.as_deref(),
                sha256: &d.sha256,
                title: d.title.as_deref(),
                publisher: d.publisher.as_deref(),
                author: d.author.as_deref(),
                published: d.published.as_deref(),
                dateline: d.dateline.as_deref(),
                language: d.language.as_deref(),
                text: &d.text,
                mentions: mention_rows
                    .iter()
                    .map(|m| JsonlMention {
                        start: m.start,
                        end: m.end,
                        text: &m.text,
                        label: &m.label,
                        entity_id: m.entity_id.as_deref(),
                        sentence: m.sentence,
                        extractor: &m.extractor,
                        confidence: Confidence::parse(&m.confidence)
                            .map_or(0.0, Confidence::to_f64),
                    })
                    .collect(),
                dates: doc
                    .dates
                    .iter()
                    .map(|t| JsonlDate {
                        start: t.start,
                        end: t.end,
                        text: &t.text,
                        kind: &t.kind,
                        value: &t.value,
                    })
                    .collect(),
                quotes: quote_rows
                    .iter()
                    .map(|q| JsonlQuote {
                        start: q.start,
                        end: q.end,
                        text: &q.text,
                        speaker_entity_id: q.speaker_entity_id.as_deref(),
                        speaker: q.speaker.as_deref(),
                        verb: q.verb.as_deref(),
                    })
                    .collect(),
            };
            serde_json::to_writer(&mut jsonl, &record)
                .map_err(|e| ExportError::io("write", &jsonl_path, e.into()))?;
            jsonl
                .write_all(b"\n")
                .map_err(|e| ExportError::io("write", &jsonl_path, e))?;

            documents.row(d)?;
            for r in &doc.removed {
                removed.row(r)?;
            }
            for m in &mention_rows {
                mentions.row(m)?;
            }
            for t in &doc.dates {
                dates.row(t)?;
            }
            for q in &quote_rows {
                quotes.row(q)?;
            }
        }
        drop(spill);
        fs::remove_file(&spill_path).map_err(|e| ExportError::io("remove", &spill_path, e))?;
        let file = jsonl
            .into_inner()
            .map_err(|e| ExportError::io("write", &jsonl_path, e.into_error()))?;
        file.sync_all()
            .map_err(|e| ExportError::io("write", &jsonl_path, e))?;
        for table in [documents, removed, mentions, dates, quotes] {
            let (t, n) = table.finish()?;
            counts[t as usize] = n;
        }

        let mut entities = CsvTable::create(&dir, Table::Entities)?;
        let mut sorted: Vec<_> = resolution.entities.iter().collect();
        sorted.sort_by(|a, b| (&a.id, a.label, &a.name).cmp(&(&b.id, b.label, &b.name)));
        for e in sorted {
            entities.row(&EntityRow {
                id: &e.id,
                label: e.label.as_str(),
                name: &e.name,
                aliases: e.aliases.join(" | "),
                kb_id: e.kb_id.as_deref(),
                geonames_id: e.geo.as_ref().map(|g| g.geonames_id),
                lat: e.geo.as_ref().map(|g| format!("{:.5}", g.lat)),
                lon: e.geo.as_ref().map(|g| format!("{:.5}", g.lon)),
                country: e.geo.as_ref().map(|g| g.country.as_str()),
                role: e.role.as_deref(),
                watched: e.watched,
                n_mentions: e.n_mentions,
                n_documents: e.n_documents,
            })?;
        }
        let (t, n) = entities.finish()?;
        counts[t as usize] = n;

        // Co-occurrences: names from the entity list; pairs sorted by (a, b).
        let names: BTreeMap<&str, &str> = resolution
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str()))
            .collect();
        let mut pairs: Vec<_> = resolution.cooccurrences.iter().collect();
        pairs.sort();
        let mut co = CsvTable::create(&dir, Table::Cooccurrences)?;
        for c in pairs {
            co.row(&CooccurrenceRow {
                a: &c.a,
                b: &c.b,
                a_name: names.get(c.a.as_str()).copied().unwrap_or(""),
                b_name: names.get(c.b.as_str()).copied().unwrap_or(""),
                n_sentences: c.n_sentences,
                n_documents: c.n_documents,
            })?;
        }
        let (t, n) = co.finish()?;
        counts[t as usize] = n;

        errors.sort();
        let mut error_table = CsvTable::create(&dir, Table::Errors)?;
        for e in &errors {
            error_table.row(&ErrorRow {
                source_path: &e.source_path,
                line: e.line,
                stage: &e.stage,
                reason: &e.reason,
            })?;
        }
        let (t, n) = error_table.finish()?;
        counts[t as usize] = n;

        let readme_path = dir.join(README_FILE);
        write_synced(&readme_path, readme::render(&options, &counts).as_bytes())?;

        replace_dir(&tmp.path, &out_dir)?;
        tmp.armed = false;
        Ok(Summary {
            documents: counts[Table::Documents as usize],
            errors: counts[Table::Errors as usize],
            mentions: counts[Table::Mentions as usize],
            entities: counts[Table::Entities as usize],
            dates: counts[Table::Dates as usize],
            removed: counts[Table::Removed as usize],
            quotes: counts[Table::Quotes as usize],
            cooccurrences: counts[Table::Cooccurrences as usize],
            out_dir,
        })
    }
}

/// Reads one spilled document back.
fn read_spilled<'a>(
    spill: &mut File,
    path: &Path,
    offset: u64,
    len: usize,
    buf: &'a mut Vec<u8>,
) -> Result<SpillDoc<'a>, ExportError> {
    buf.resize(len, 0);
    spill
        .seek(SeekFrom::Start(offset))
        .and_then(|_| spill.read_exact(buf))
        .map_err(|e| ExportError::io("read", path, e))?;
    match postcard::take_from_bytes::<SpillDoc<'a>>(buf) {
        Ok((doc, [])) => Ok(doc),
        _ => {
            let e = io::Error::new(io::ErrorKind::InvalidData, "corrupt spill record");
            Err(ExportError::io("read", path, e))
        }
    }
}

/// A CSV table being written: header first, then rows, `\n` line ends.
struct CsvTable {
    table: Table,
    path: PathBuf,
    writer: csv::Writer<File>,
    rows: u64,
}

impl CsvTable {
    fn create(dir: &Path, table: Table) -> Result<CsvTable, ExportError> {
        let path = dir.join(table.spec().file);
        let file = File::create(&path).map_err(|e| ExportError::io("create", &path, e))?;
        let mut writer = csv::WriterBuilder::new()
            .buffer_capacity(OUTPUT_BUFFER)
            .has_headers(false)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(file);
        writer
            .write_record(table.spec().header())
            .map_err(|e| ExportError::io("write", &path, e.into()))?;
        Ok(CsvTable {
            table,
            path,
            writer,
            rows: 0,
        })
    }

    fn row(&mut self, row: &impl Serialize) -> Result<(), ExportError> {
        self.rows += 1;
        self.writer
            .serialize(row)
            .map_err(|e| ExportError::io("write", &self.path, e.into()))
    }

    /// Flushes and syncs the file; returns the table and its number of rows.
    fn finish(self) -> Result<(Table, u64), ExportError> {
        let file = self
            .writer
            .into_inner()
            .map_err(|e| ExportError::io("write", &self.path, e.into_error()))?;
        file.sync_all()
            .map_err(|e| ExportError::io("write", &self.path, e))?;
        Ok((self.table, self.rows))
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let mut file = File::create(path).map_err(|e| ExportError::io("create", path, e))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| ExportError::io("write", path, e))
}

/// `<out_dir>.<what>-<pid>`, next to `out_dir`.
fn sibling(out_dir: &Path, what: &str) -> Result<PathBuf, ExportError> {
    let name = out_dir
        .file_name()
        .ok_or_else(|| ExportError::InvalidOutDir {
            path: out_dir.to_path_buf(),
        })?;
    let mut name = name.to_os_string();
    name.push(format!(".{what}-{}", std::process::id()));
    Ok(out_dir.with_file_name(name))
}

/// Fails unless `out_dir` is missing, an empty folder, or a dataset folder.
fn check_replaceable(out_dir: &Path) -> Result<(), ExportError> {
    let not_a_dataset = || ExportError::NotADataset {
        path: out_dir.to_path_buf(),
    };
    match fs::symlink_metadata(out_dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(ExportError::io("read", out_dir, e)),
        Ok(meta) if !meta.is_dir() => Err(not_a_dataset()),
        Ok(_) => {
            let mut entries =
                fs::read_dir(out_dir).map_err(|e| ExportError::io("read", out_dir, e))?;
            let empty = entries.next().is_none();
            if empty || out_dir.join(Table::Documents.spec().file).is_file() {
                Ok(())
            } else {
                Err(not_a_dataset())
            }
        }
    }
}

/// Puts the finished folder `tmp` at `out_dir`: the old dataset, if any, is renamed
/// aside first, and deleted once the new one is in place (or put back if that fails).
fn replace_dir(tmp: &Path, out_dir: &Path) -> Result<(), ExportError> {
    check_replaceable(out_dir)?;
    if fs::symlink_metadata(out_dir).is_err() {
        return fs::rename(tmp, out_dir).map_err(|e| ExportError::io("rename", tmp, e));
    }
    let old = sibling(out_dir, "old")?;
    if fs::symlink_metadata(&old).is_ok() {
        remove_any(&old).map_err(|e| ExportError::io("remove", &old, e))?;
    }
    fs::rename(out_dir, &old).map_err(|e| ExportError::io("rename", out_dir, e))?;
    if let Err(e) = fs::rename(tmp, out_dir) {
        // Put the previous dataset back: the run failed, the old output stays valid.
        let _ = fs::rename(&old, out_dir);
        return Err(ExportError::io("rename", tmp, e));
    }
    // The new dataset is complete and in place; failing to delete the old copy does not
    // make the run fail (it is left as `<out>.old-<pid>` and removed by the next run with
    // the same id).
    let _ = remove_any(&old);
    Ok(())
}

fn remove_any(path: &Path) -> io::Result<()> {
    if fs::symlink_metadata(path)?.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}

/// The temporary folder: removed on drop unless disarmed after the final rename.
#[derive(Debug)]
struct TempDir {
    path: PathBuf,
    armed: bool,
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}
