//! Prints the mentions the recognizer finds in a text read from stdin (one paragraph per
//! blank-line-separated block), for trying sentences by hand.
//!
//! ```text
//! echo "Foreign Minister Sergey Lavrov spoke." | cargo run -p dossier-entities --example probe
//! ```

use std::io::{Read, Write};

use dossier_core::{CleanDocument, DocId};
use dossier_entities::{Config, Recognizer};

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let mut config = Config::default();
    if std::env::args().any(|a| a == "--low") {
        config.min_confidence = 0.0;
    }
    let doc = CleanDocument::from_plain_text(DocId::new("stdin"), text);
    let ann = Recognizer::new(&config).extract(&doc, &[]);
    let mut out = std::io::stdout().lock();
    for m in &ann.mentions {
        writeln!(
            out,
            "{}..{} {} {:?} [{}] {} {:.2}",
            m.span.start,
            m.span.end,
            m.label,
            &doc.text[m.span.range()],
            m.canonical,
            m.extractor.as_str(),
            m.confidence
        )?;
    }
    Ok(())
}
