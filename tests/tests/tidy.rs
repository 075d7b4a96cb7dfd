//! Repository hygiene: the architecture invariants that a test can check.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let mut files = Vec::new();
    for dir in ["crates", "xtask", "tests"] {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(files.len() > 20);
    let missing: Vec<_> = files
        .iter()
        .filter(|f| {
            !std::fs::read_to_string(f)
                .unwrap()
                .trim_start()
                .starts_with("//!")
        })
        .collect();
    assert!(
        missing.is_empty(),
        "files without a `//!` line: {missing:?}"
    );
}

/// Architecture invariant: a stage crate depends on `dossier-core` only, never on another
/// stage; only xtask and the tests compose them.
#[test]
fn stage_crates_depend_on_core_only() {
    for entry in std::fs::read_dir(root().join("crates")).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        for line in manifest.lines() {
            let dep = line.split(['.', ' ', '=']).next().unwrap_or("");
            if dep.starts_with("dossier-") && dep != "dossier-core" {
                panic!("{name} depends on {dep}: stages talk only through dossier-core");
            }
        }
        if name != "dossier-core" {
            assert!(manifest.contains("dossier-core.workspace = true"), "{name}");
        }
    }
}

#[test]
fn the_seeds_are_the_shared_corpus_byte_for_byte() {
    let shared = root().join("../shared/seeds");
    if !shared.exists() {
        return; // shared/ is beside the repo in CI and in the workplace only
    }
    for entry in std::fs::read_dir(&shared).unwrap() {
        let path = entry.unwrap().path();
        let ours = root().join("seeds").join(path.file_name().unwrap());
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&ours).unwrap(),
            "{ours:?}"
        );
    }
}
