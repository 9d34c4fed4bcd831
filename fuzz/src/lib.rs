//! The fuzz targets' entry functions (`entries.rs`, shared with the seed-corpus replay test).

mod entries;

pub use entries::*;
