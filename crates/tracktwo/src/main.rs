//! `tracktwo`: the one binary. See the library half (`cli`) for the commands.

use std::process::ExitCode;

use tracktwo::cli;

fn main() -> ExitCode {
    let cli = cli::parse();
    cli.choose_language();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("{}", cli::runtime_error_line(&e));
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", cli::error_line(&e));
            ExitCode::FAILURE
        }
    }
}
