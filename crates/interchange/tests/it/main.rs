//! The interchange formats' tests, one test binary: every writer round-trips through its reader,
//! no input makes a reader panic, and each refusal names the file and the line.

mod common;
mod errors;
mod foreign;
mod garbage;
mod round_trip;
