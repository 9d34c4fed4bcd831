//! The demo's year reported: the funder report and the evaluation brief of the Serin River
//! Dialogue for 2025-07-01..2026-06-30, assembled from a real SQLite store holding the whole
//! demo (outcomes, substantiations, two measured rounds, indicators, process and transfer
//! records) and written as PDF and as DOCX, warm (typesetting's memoised work kept, as in a
//! running server) and cold. Target (docs/benchmarks.md): ≤ 2 s.
//!
//! `cargo bench -p tracktwo --bench report`

use std::sync::Arc;

use divan::Bencher;
use time::macros::date;
use tracktwo_app::App;
use tracktwo_domain::report::{Period, ReportKind};
use tracktwo_domain::{Identity, InitiativeId};
use tracktwo_i18n::Locale;
use tracktwo_test_support::{TestStore, init_app};

fn main() {
    divan::main();
}

struct Fixture {
    runtime: tokio::runtime::Runtime,
    _store: TestStore,
    app: Arc<App>,
    serin: InitiativeId,
}

fn fixture() -> Fixture {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let (store, app, serin) = runtime.block_on(async {
        let store = TestStore::sqlite().await;
        let app = Arc::new(init_app(Arc::clone(&store.store)).await);
        tracktwo::seed_demo(&app).await.unwrap();
        let serin = app
            .initiatives(&Identity::key_holder())
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.title.contains("Serin"))
            .unwrap()
            .id;
        (store, app, serin)
    });
    Fixture { runtime, _store: store, app, serin }
}

fn year() -> Period {
    Period::new(date!(2025 - 07 - 01), date!(2026 - 06 - 30)).unwrap()
}

/// The report assembled for its audience and written in `format`, as `tracktwo report` and the
/// reports page do it; returns the file's size.
fn produce(f: &Fixture, kind: ReportKind, format: &str) -> usize {
    let report = f.runtime.block_on(f.app.report(&Identity::key_holder(), f.serin, kind, Some(year()))).unwrap();
    assert!(!report.outcomes.is_empty(), "the demo's year has outcomes to report");
    let document = tracktwo_web::report_document(&report, Locale::English);
    match format {
        "pdf" => tracktwo_web::documents::pdf(&document).unwrap().len(),
        _ => tracktwo_render::render_docx(&document).unwrap().len(),
    }
}

#[divan::bench(args = ["pdf", "docx"], sample_count = 10)]
fn funder_report(bencher: Bencher<'_, '_>, format: &str) {
    let f = fixture();
    bencher.bench_local(|| produce(&f, ReportKind::Funder, format));
}

#[divan::bench(args = ["pdf", "docx"], sample_count = 10)]
fn evaluation_brief(bencher: Bencher<'_, '_>, format: &str) {
    let f = fixture();
    bencher.bench_local(|| produce(&f, ReportKind::Evaluation, format));
}

/// Set from nothing: typesetting's memoised work (the template, the fonts, the pages) forgotten
/// before each run, as for the first report a freshly started server writes.
#[divan::bench(args = [ReportKind::Funder, ReportKind::Evaluation], sample_count = 10)]
fn cold_pdf(bencher: Bencher<'_, '_>, kind: ReportKind) {
    let f = fixture();
    bencher.with_inputs(tracktwo_render::forget_typesetting).bench_local_values(|()| produce(&f, kind, "pdf"));
}

/// The assembly alone: what the store and the redaction cost before anything is typeset.
#[divan::bench(sample_count = 10)]
fn funder_report_assembled(bencher: Bencher<'_, '_>) {
    let f = fixture();
    bencher.bench_local(|| {
        f.runtime.block_on(f.app.report(&Identity::key_holder(), f.serin, ReportKind::Funder, Some(year()))).unwrap()
    });
}
