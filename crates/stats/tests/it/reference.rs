//! SciPy, through the reference Python environment (`tests/python/stats_reference.py`).

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/python/stats_reference.py");

/// Sends `request` to the reference script and returns its answer.
pub fn scipy(request: &Value) -> Value {
    let mut child = Command::new(tracktwo_test_support::reference_python())
        .arg(SCRIPT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the reference python");
    child.stdin.take().expect("stdin").write_all(request.to_string().as_bytes()).expect("write the request");
    let output = child.wait_with_output().expect("run the reference python");
    assert!(output.status.success(), "stats_reference.py failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("the reference answers JSON")
}
