//! The Dossier runner.
fn main() {}
