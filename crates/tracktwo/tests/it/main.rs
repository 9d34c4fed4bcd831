//! The binary's integration tests: one test binary.

mod acting;
mod architecture;
mod browser;
mod canary_sweep;
mod cli;
mod cli_language;
mod cli_matrix;
mod common_ground;
mod fuzz_corpus;
mod http;
mod map_interchange;
mod measures_browser;
mod ocr;
mod outcomes_browser;
mod polis_export;
mod reports;
mod rtl_browser;
mod several_servers;
mod snapshots;
mod text_browser;
mod text_pages;
mod threat_model;

/// A child process that is killed when the test ends, even by a panic.
pub(crate) struct KillOnDrop(pub(crate) std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
