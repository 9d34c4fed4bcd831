//! The format's tests: export then import returns the same text, exports validate against the
//! OASIS schema, and documents that are not understood are refused with their place.

mod drafts;
mod refused;
mod round_trip;
mod schema;
