//! The statistics against published worked examples and SciPy, and the small-cell rule
//! against every way a figure could be read out.

mod by_side;
mod noncentral_t;
mod published_examples;
mod reference;
mod reliable_change;
mod signed_rank;
mod suppression;
