//! The web crate decides no access: it says who is asking and renders what the use cases answer.
//! A handler that asks the policy itself, or works out the caller's standing or role to decide
//! what to show, fails here; the links a page offers come from the `Permissions` the core
//! decided.

use std::path::{Path, PathBuf};

/// Words of the policy that have no business in the edge's code.
const POLICY_WORDS: [&str; 5] = ["decide", "Standing", "Denied", "is_team", "access"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read the web crate's sources") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The identifiers of Rust source with their line numbers; comments and the contents of string
/// and character literals are left out (a comment or a page's text may speak of access).
fn identifiers(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let mut word = String::new();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            i += 1;
            continue;
        }
        // A raw string opens with r, hashes and a quote: the r is not an identifier.
        let raw_hashes = (word == "r" || word == "br") && (c == '#' || c == '"');
        if !word.is_empty() && !raw_hashes {
            out.push((line, std::mem::take(&mut word)));
        }
        if raw_hashes {
            word.clear();
            let hashes = chars[i..].iter().take_while(|c| **c == '#').count();
            i += hashes + 1;
            let closing: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            while i < chars.len() && !chars[i..].iter().take(closing.len()).copied().eq(closing.chars()) {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += closing.len();
            continue;
        }
        match (c, at(i + 1)) {
            ('/', '/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            ('/', '*') => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
                i += 2;
            }
            ('"', _) => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    line += usize::from(chars[i] == '\n');
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
            }
            // A character literal ('x', '\n', '\u{..}'); otherwise a lifetime, read as code.
            ('\'', '\\') => {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            ('\'', _) if at(i + 2) == '\'' => i += 3,
            _ => {
                line += usize::from(c == '\n');
                i += 1;
            }
        }
    }
    if !word.is_empty() {
        out.push((line, word));
    }
    out
}

fn policy_words_in(source: &str) -> Vec<(usize, String)> {
    identifiers(source).into_iter().filter(|(_, word)| POLICY_WORDS.contains(&word.as_str())).collect()
}

#[test]
fn the_web_crate_never_asks_the_policy_itself() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.iter().any(|f| f.ends_with("lib.rs")), "the scan must see the crate's sources");
    let mut offences = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("read a source file");
        for (line, word) in policy_words_in(&source) {
            offences.push(format!("{}:{line}: {word}", file.display()));
        }
    }
    assert!(offences.is_empty(), "the web crate decides access itself:\n{}", offences.join("\n"));
}

#[test]
fn the_scan_finds_a_call_to_the_policy_and_nothing_in_text() {
    let handler = "fn f() {\n    tracktwo_domain::access::decide(&user.identity, standing, secret, op)?; // here\n}\n";
    assert_eq!(policy_words_in(handler), [(2, "access".to_owned()), (2, "decide".to_owned())]);
    let text = concat!(
        "// the core decides access; Standing is its word\n",
        "/* access */ let page = \"access to \\\" Track One\";\n",
        "let raw = r#\"access \"decide\" \"#;\n",
        "let c = '\\''; let d = 'x'; fn g<'a>(s: &'a str) {}\n",
    );
    assert!(policy_words_in(text).is_empty(), "{:?}", policy_words_in(text));
    assert_eq!(policy_words_in(&format!("{text}let s = Standing {{ role, side }};")), [(5, "Standing".to_owned())]);
}
