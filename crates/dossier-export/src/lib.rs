//! Write the dataset: CSV and JSONL tables and a data dictionary, atomically
