//! Find corpus inputs, decode them to text, hash and identify them
