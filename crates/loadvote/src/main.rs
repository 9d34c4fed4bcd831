//! `tracktwo-loadvote`: see the crate's documentation and `--help`.

use std::fs::File;
use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use tracktwo_loadvote::cli::Args;
use tracktwo_loadvote::run::run;

fn main() -> ExitCode {
    let args = Args::parse();
    let config = match args.config() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    // Opened before the run so a path that cannot be written fails now, not after the load.
    let mut json = match &args.json {
        Some(path) => match File::create(path) {
            Ok(file) => Some((path, file)),
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let report = match runtime.block_on(run(config)) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e:#}");
            // An empty file left behind would read as a result.
            if let Some((path, file)) = json.take() {
                drop(file);
                let _ = std::fs::remove_file(path);
            }
            return ExitCode::FAILURE;
        }
    };
    print!("{}", report.human());
    if let Some((path, mut file)) = json {
        let written = serde_json::to_writer_pretty(&mut file, &report)
            .map_err(std::io::Error::from)
            .and_then(|()| file.write_all(b"\n"))
            .and_then(|()| file.sync_all());
        if let Err(e) = written {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    // A cut-short run still reports, but a script must not take it for a full one.
    if report.interrupted { ExitCode::from(130) } else { ExitCode::SUCCESS }
}
