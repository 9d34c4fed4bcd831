//! The funder report and the evaluation brief from the command line, on the demo's store, read
//! back as their readers would: the PDF through Poppler (`pdftotext`, `pdffonts`), the DOCX
//! converted by LibreOffice. Written by the key holder, each holds only what its audience may
//! read: no name of the map's actors, of the accounts, or of an outcome's social actor.

use std::path::Path;
use std::process::Command;

use tracktwo_i18n::{Locale, text};

use crate::cli::{DemoStore, fails_with, ok, opened_in_libreoffice};

fn poppler(tool: &str, path: &Path) -> String {
    let out = Command::new(tool).arg(path).arg("-").output().expect("poppler-utils is installed by scripts/test");
    assert!(out.status.success(), "{tool} could not read {}", path.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every name the demo's reports must not hold: each actor of the demo's map, each account's
/// display name, and each outcome's social actor named by a proper name, as the key holder
/// lists them.
fn demo_names(demo: &DemoStore, serin: &str) -> Vec<String> {
    let mut names = Vec::new();
    let actors = concat!(env!("CARGO_MANIFEST_DIR"), "/src/demo/map-actors.csv");
    for line in csv::Reader::from_path(actors).unwrap().records() {
        names.push(line.unwrap()[1].to_owned());
    }
    for line in ok(demo.tt(&["user", "list"])).lines() {
        // "Name (role, organisation)": the person's name is what comes first.
        let display = line.splitn(3, "  ").nth(2).unwrap_or_default();
        let person = display.split(['(', ',']).next().unwrap_or_default().trim();
        if person.contains(' ') {
            names.push(person.to_owned());
        }
    }
    for line in ok(demo.tt(&["outcome", "list", serin])).lines() {
        let rest = line.splitn(6, "  ").nth(5).unwrap_or_default();
        // A social actor written as a proper name ("Quintus Varnell"), not as a description
        // ("The dialogue group").
        let Some((who, _)) = rest.split_once(": ") else { continue };
        let words: Vec<&str> = who.split_whitespace().collect();
        if words.len() > 1 && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            names.push(who.to_owned());
        }
    }
    names.retain(|n| n.chars().filter(|c| c.is_alphabetic()).count() >= 4);
    assert!(names.len() > 20, "the demo's names were read: {names:?}");
    names
}

fn assert_no_name(place: &str, text: &str, names: &[String]) {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    for name in names {
        assert!(!flat.contains(&name.to_lowercase()), "{name} in {place}");
    }
}

/// How many outcomes the command says it wrote.
fn outcomes_written(said: &str) -> usize {
    said.split(" outcomes)").next().and_then(|s| s.rsplit('(').next()).and_then(|n| n.parse().ok()).unwrap()
}

#[test]
fn the_demo_year_is_reported_for_each_audience_in_pdf_and_docx_with_no_name() {
    let demo = DemoStore::new();
    let (env, serin) = (&demo.env, demo.serin());
    let names = demo_names(&demo, &serin);
    let year = "2025-07-01..2026-06-30";
    let mut counts = Vec::new();
    for kind in ["funder", "evaluation"] {
        let pdf = env.path(&format!("{kind}.pdf"));
        let said = ok(demo.tt(&["report", kind, &serin, "--period", year, "--out", pdf.to_str().unwrap()]));
        let written = outcomes_written(&said);
        assert!(written > 0, "the demo's year has outcomes for the {kind} report: {said}");
        counts.push(written);
        let text = poppler("pdftotext", &pdf);
        assert_no_name(&format!("the {kind} report (PDF)"), &text, &names);
        for heading in ["report-outcomes-heading", "report-indicators-heading", "report-process-heading"] {
            assert!(text.contains(&text_of(Locale::English, heading)), "{heading} in the {kind} report");
        }
        // Each outcome is told once, numbered, in the statements' part.
        let statements = text.split(&text_of(Locale::English, "report-statements-heading")).nth(1).unwrap();
        assert!(statements.contains(&format!("{written} ·")), "the last statement is numbered {written}");
        // The Word file, as LibreOffice opens it.
        let docx = env.path(&format!("{kind}.docx"));
        ok(demo.tt(&["report", kind, &serin, "--period", year, "--out", docx.to_str().unwrap()]));
        let converted = opened_in_libreoffice(env, &docx, &env.path(&format!("{kind}-converted")));
        let opened = poppler("pdftotext", &converted);
        assert!(opened.contains(&text_of(Locale::English, "report-indicators-heading")));
        assert_no_name(&format!("the {kind} report (DOCX)"), &opened, &names);
    }
    // The brief also shows what is not yet reported: never fewer outcomes than the funder's.
    assert!(counts[1] >= counts[0], "{counts:?}");

    // Over the whole record every questionnaire's counts leave the team as five or more, or
    // suppressed: no group of fewer than five people is counted.
    let whole = env.path("whole.pdf");
    ok(demo.tt(&["report", "funder", &serin, "--out", whole.to_str().unwrap()]));
    let text = poppler("pdftotext", &whole).split_whitespace().collect::<Vec<_>>().join(" ");
    let suppressed = text_of(Locale::English, "measures-suppressed-short");
    let counted: Vec<&str> = text
        .split("Answered before: ")
        .skip(1)
        .flat_map(|rest| {
            let line = rest.split(" both, paired: ").collect::<Vec<_>>();
            let paired = line.get(1).and_then(|r| r.split_whitespace().next()).unwrap_or_default();
            let before_after = line[0].split(" · after: ").map(|s| s.trim_end_matches(" ·").trim()).collect::<Vec<_>>();
            before_after.into_iter().chain([paired]).collect::<Vec<_>>()
        })
        .collect();
    assert!(counted.len() >= 3, "the demo's measured rounds are in the report: {counted:?}");
    for count in counted {
        assert!(
            count == suppressed || count.parse::<usize>().is_ok_and(|n| n >= 5),
            "a count of {count} left the team"
        );
    }

    // In Arabic: the headings in Arabic, in logical order, set in an embedded Arabic face.
    let arabic = env.path("funder-ar.pdf");
    ok(demo.tt(&["report", "funder", &serin, "--language", "ar", "--out", arabic.to_str().unwrap()]));
    let text = poppler("pdftotext", &arabic);
    assert!(text.contains(&text_of(Locale::Arabic, "report-process-heading")), "{text}");
    let fonts = Command::new("pdffonts").arg(&arabic).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.lines().any(|l| l.contains("Arabic") && l.contains(" yes ")), "{fonts}");
}

fn text_of(locale: Locale, id: &str) -> String {
    text(locale, id).replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn a_report_asked_for_wrongly_is_refused_clearly() {
    let demo = DemoStore::new();
    let (env, serin) = (&demo.env, demo.serin());
    let out = env.path("r.pdf");
    let out = out.to_str().unwrap();
    let refused = |args: &[&str], expected: &str| {
        let output = demo.tt(args);
        let err = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!output.status.success(), "{args:?} was accepted");
        assert!(err.contains(expected), "expected `{expected}` in: {err}");
        assert!(!err.contains("panicked"), "{err}");
    };
    refused(&["report", "press", &serin, "--out", out], "unrecognized subcommand");
    refused(&["report", "funder", &serin, "--period", "2026-06-30..2025-07-01", "--out", out], "ends before it starts");
    refused(&["report", "funder", &serin, "--period", "last year", "--out", out], "FROM..TO");
    fails_with(&demo.tt(&["report", "funder", &serin, "--language", "xx", "--out", out]), "unknown language");
    fails_with(
        &demo.tt(&["report", "funder", &serin, "--out", env.path("r.txt").to_str().unwrap()]),
        "cannot tell the format",
    );
    fails_with(&demo.tt(&["report", "funder", "00000000-0000-4000-8000-000000000000", "--out", out]), "not found");
    assert!(!Path::new(out).exists(), "nothing is written when the report is refused");
}
