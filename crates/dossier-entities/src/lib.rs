//! Tokens, sentences, gazetteers and rules for entity mentions; cross-document resolution
