//! Reading a negotiating text the size of a long negotiation from a real store: 300 clauses,
//! about 40,000 words, 200 versions deep, on SQLite. Targets (docs/benchmarks.md): the text as a
//! reader gets it (its newest version, history, comments, sign-offs and what is pending) well
//! inside the page's 100 ms; a comparison of any two versions within 50 ms.
//!
//! `cargo bench -p tracktwo-app --bench negotiating_text`

use std::sync::Arc;

use divan::Bencher;
use tracktwo_app::App;
use tracktwo_domain::negotiating_text::TextId;
use tracktwo_domain::{Identity, InitiativeId, NewUser};
use tracktwo_test_support::{TestStore, init_app};

#[path = "support/long_negotiation.rs"]
mod long_negotiation;

fn main() {
    divan::main();
}

struct Fixture {
    runtime: tokio::runtime::Runtime,
    _store: TestStore,
    app: Arc<App>,
    reader: Identity,
    initiative: InitiativeId,
    text: TextId,
}

fn fixture() -> Fixture {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let (store, app, reader, initiative, text) = runtime.block_on(async {
        let store = TestStore::sqlite().await;
        let app = Arc::new(init_app(Arc::clone(&store.store)).await);
        let kh = Identity::key_holder();
        let mut users = Vec::new();
        for name in ["reader", "facilitator"] {
            let new = NewUser { username: name.into(), display_name: String::new(), is_admin: false };
            users.push(app.create_user(&kh, new).await.unwrap().id);
        }
        let (initiative, text) = long_negotiation::long_negotiation(&app, users[0], users[1]).await;
        let reader = Identity::user(users[0], false, tracktwo_domain::Channel::Web);
        (store, app, reader, initiative, text)
    });
    Fixture { runtime, _store: store, app, reader, initiative, text }
}

/// The text as its reader gets it: what the text page shows.
#[divan::bench(sample_count = 30)]
fn read_the_newest_version(bencher: Bencher<'_, '_>) {
    let f = fixture();
    bencher.bench_local(|| {
        f.runtime.block_on(f.app.text(&f.reader, f.initiative, f.text, None, None)).unwrap().version.draft.parts.len()
    });
}

/// The first version against the last, read from the store.
#[divan::bench(sample_count = 30)]
fn compare_first_with_last(bencher: Bencher<'_, '_>) {
    let f = fixture();
    bencher.bench_local(|| {
        f.runtime.block_on(f.app.compare_versions(&f.reader, f.initiative, f.text, 1, 200)).unwrap().2.clauses.len()
    });
}
