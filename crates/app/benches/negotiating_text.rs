//! Reading a negotiating text the size of a long negotiation from a real store: 300 clauses,
//! about 40,000 words, 200 versions deep, on SQLite. Targets (docs/benchmarks.md): the text as a
//! reader gets it (its newest version, history, comments, sign-offs and what is pending) well
//! inside the page's 100 ms; a comparison of any two versions within 50 ms.
//!
//! `cargo bench -p tracktwo-app --bench negotiating_text`

use std::collections::BTreeSet;
use std::sync::Arc;

use divan::Bencher;
use tracktwo_app::App;
use tracktwo_app::negotiating_text::NewText;
use tracktwo_domain::dialogue::ConfidentialityMode;
use tracktwo_domain::negotiating_text::{ClauseId, Language, TextId};
use tracktwo_domain::{Identity, InitiativeId, MemberRole, NewInitiative, NewSide, NewUser, Scope};
use tracktwo_test_support::{TestStore, init_app};

#[path = "../../domain/benches/support/one_text.rs"]
mod one_text;

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
        let new = NewInitiative { title: "Long negotiation".into(), description: String::new(), secret_channel: false };
        let initiative = app.create_initiative(&kh, new, None).await.unwrap().id;
        let side = app.add_side(&kh, initiative, NewSide { name: "North".into() }).await.unwrap().id;
        app.add_side(&kh, initiative, NewSide { name: "South".into() }).await.unwrap();
        let user = app
            .create_user(&kh, NewUser { username: "reader".into(), display_name: String::new(), is_admin: false })
            .await
            .unwrap()
            .id;
        app.add_member(&kh, initiative, user, MemberRole::Participant, Some(side)).await.unwrap();
        let reader = Identity::user(user, false, tracktwo_domain::Channel::Web);
        let new = NewText {
            title: "Framework for a settlement".into(),
            round: None,
            mode: ConfidentialityMode::ChathamHouse,
            authoritative: Language::parse("en").unwrap(),
            sides: BTreeSet::new(),
        };
        let text = app.create_text(&kh, initiative, new).await.unwrap();
        let history = one_text::history(200);
        let clauses: Vec<ClauseId> = history[199].clauses().map(|c| c.id).collect();
        for draft in history {
            app.commit_version(&kh, initiative, text, Language::parse("en").unwrap(), draft).await.unwrap();
        }
        // Some of what a long negotiation gathers around its text.
        for n in 0..100u32 {
            let clause = clauses[usize::try_from(n).unwrap() * 7 % clauses.len()];
            let scope = if n % 3 == 0 { Scope::Caucus(side) } else { Scope::Plenary };
            app.comment_on_text(&reader, initiative, text, clause, scope, format!("Comment {n} on the clause."), None)
                .await
                .unwrap();
        }
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
