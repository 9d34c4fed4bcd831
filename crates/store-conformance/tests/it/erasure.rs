//! Destroy means gone: after an initiative is destroyed, the store's own files keep neither its
//! wrapped key nor any part of its ciphertexts. On SQLite the database file, its WAL and its
//! shared-memory file are searched byte for byte; on PostgreSQL, whose files are the server's,
//! the rows are gone and every table they were in has been vacuumed.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tracktwo_app::App;
use tracktwo_domain::conversation::{Conversation, ConversationMode, Vote};
use tracktwo_domain::map::{ActorDetails, ActorKind, Level, TieDetails, TieKind, Track};
use tracktwo_domain::{Channel, Identity, InitiativeId, MemberRole, NewDocument, NewNote, NewPerson, NewUser, Scope};
use tracktwo_test_support::{Serin, TestStore, init_app, serin_with_two_sides};

/// Where an initiative's sealed values rest: (table, column).
const SEALED_COLUMNS: &[(&str, &str)] = &[
    ("initiatives", "title"),
    ("initiatives", "description"),
    ("sides", "name"),
    ("notes", "body"),
    ("people", "name"),
    ("people", "title"),
    ("people", "contact"),
    ("people", "notes"),
    ("documents", "title"),
    ("documents", "body"),
    ("actors", "body"),
    ("ties", "body"),
    ("sealed_records", "body"),
];

/// The length of the ciphertext fragments searched for: long enough that a chance match in 1 MB
/// of other data has odds of about 2^-108, short enough that any surviving piece of a
/// ciphertext (a page split, a partly overwritten cell) is still found.
const FRAGMENT: usize = 16;

fn select(table: &str, column: &str, initiative: InitiativeId) -> String {
    let key = if table == "initiatives" { "id" } else { "initiative_id" };
    format!("SELECT {column} FROM {table} WHERE {key} = '{initiative}'")
}

/// Writes a little of everything an initiative holds: sides, notes, a person, a document, two
/// actors and a tie, a private conversation with its statements and votes.
async fn fill(app: &App, voter: &str) -> InitiativeId {
    let kh = Identity::key_holder();
    let Serin { id, upper_vale, .. } = serin_with_two_sides(app).await;
    app.add_note(&kh, id, NewNote { scope: Scope::Plenary, body: "The water-sharing formula, draft 3".into() })
        .await
        .unwrap();
    app.add_note(&kh, id, NewNote { scope: Scope::Caucus(upper_vale), body: "Our red line: the dam".into() })
        .await
        .unwrap();
    let person = NewPerson {
        name: "Hana Quell".into(),
        title: "Deputy minister".into(),
        contact: "+00 555 0100".into(),
        notes: "Meets us in Geneva".into(),
    };
    app.add_person(&kh, id, person).await.unwrap();
    app.add_document(&kh, id, NewDocument { title: "Non-paper".into(), body: "1. A joint commission.".into() })
        .await
        .unwrap();
    let actor = |name: &str, code: &str| ActorDetails {
        kind: ActorKind::Person,
        name: Some(name.to_owned()),
        code_name: code.to_owned(),
        primary_track: Track::Government,
        tracks: std::collections::BTreeSet::new(),
        level: Level::Top,
        side: Some(upper_vale),
        role: "negotiator".into(),
        decision_maker: true,
        notes: String::new(),
        public_description: String::new(),
        unplaced: std::collections::BTreeSet::new(),
    };
    let a = app.add_actor(&kh, id, actor("Hana Quell", "HQ-1")).await.unwrap();
    let b = app.add_actor(&kh, id, actor("Ivo Brand", "IB-2")).await.unwrap();
    let tie = TieDetails {
        from: a.id,
        to: b.id,
        kind: TieKind::BackChannelTo,
        directed: true,
        strength: 5,
        valid_from: None,
        valid_until: None,
        notes: "through the archbishop".into(),
    };
    app.add_tie(&kh, id, tie).await.unwrap();

    let voter = app
        .create_user(&kh, NewUser { username: voter.into(), display_name: String::new(), is_admin: false })
        .await
        .unwrap();
    app.add_member(&kh, id, voter.id, MemberRole::Participant, Some(upper_vale)).await.unwrap();
    let conversation = Conversation {
        title: "The river".into(),
        question: "What should happen to the Serin?".into(),
        mode: ConversationMode::Private,
        segments: Vec::new(),
        accepts_statements: false,
        seed: 1,
        closed: false,
    };
    let statements = ["Publish flow data weekly".to_owned(), "Dismantle the dam".into(), "Lift quotas".into()];
    let c = app.create_conversation(&kh, id, conversation, &statements).await.unwrap();
    let who = Identity::user(voter.id, false, Channel::Web);
    for (statement, vote) in [(0, Vote::Agree), (1, Vote::Disagree), (2, Vote::Pass)] {
        app.member_vote(&who, id, c, statement, vote).await.unwrap();
    }
    id
}

/// Every `FRAGMENT`-byte piece of the secrets, at every offset a piece starts in them, with what
/// it was cut from.
fn fragments(secrets: &[(String, Vec<u8>)]) -> HashMap<[u8; FRAGMENT], String> {
    let mut pieces = HashMap::new();
    for (what, bytes) in secrets {
        assert!(bytes.len() >= FRAGMENT, "{what} is shorter than a fragment");
        for start in (0..=bytes.len() - FRAGMENT).step_by(FRAGMENT).chain([bytes.len() - FRAGMENT]) {
            let piece: [u8; FRAGMENT] = bytes[start..start + FRAGMENT].try_into().unwrap();
            pieces.insert(piece, format!("{what} at byte {start}"));
        }
    }
    pieces
}

/// Where in `files` any of the fragments occurs: one line per hit.
fn hits(files: &[(String, Vec<u8>)], pieces: &HashMap<[u8; FRAGMENT], String>) -> Vec<String> {
    let mut found = Vec::new();
    for (file, bytes) in files {
        for (offset, window) in bytes.windows(FRAGMENT).enumerate() {
            let window: &[u8; FRAGMENT] = window.try_into().unwrap();
            if let Some(what) = pieces.get(window) {
                found.push(format!("{what} found in {file} at offset {offset}"));
            }
        }
    }
    found
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub async fn destroying_an_initiative_leaves_no_trace_in_the_files(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let kept = fill(&app, "kept-voter").await;
    let gone = fill(&app, "gone-voter").await;

    // The destroyed initiative's secrets, read from beneath the port before the destroy.
    let wrapped_key = t.raw_blobs(&format!("SELECT wrapped FROM data_keys WHERE initiative_id = '{gone}'")).await;
    assert_eq!(wrapped_key.len(), 1, "one wrapped key per initiative");
    let wrapped_key = wrapped_key.into_iter().next().unwrap();
    let mut secrets = vec![("the wrapped key".to_owned(), wrapped_key.clone())];
    for (table, column) in SEALED_COLUMNS {
        let values = t.raw_blobs(&select(table, column, gone)).await;
        assert!(!values.is_empty(), "the test wrote nothing to {table}.{column}");
        secrets.extend(values.into_iter().enumerate().map(|(n, v)| (format!("{table}.{column} #{n}"), v)));
    }
    let pieces = fragments(&secrets);
    let kept_key = t.raw_blobs(&format!("SELECT wrapped FROM data_keys WHERE initiative_id = '{kept}'")).await;

    if t.is_postgres() {
        postgres_rows_are_gone_and_vacuumed(t, &app, gone).await;
    } else {
        // Before: the search finds them, so finding nothing afterwards means something.
        let before = t.bytes_at_rest().await;
        assert!(!hits(&before, &pieces).is_empty(), "the search found none of the secrets before the destroy");

        app.destroy_initiative(&kh, gone).await.unwrap();

        let after = t.bytes_at_rest().await;
        let names: HashSet<&str> = after.iter().map(|(name, _)| name.rsplit('/').next().unwrap()).collect();
        assert!(names.contains("tracktwo.db"), "the database file is searched: {names:?}");
        let found = hits(&after, &pieces);
        assert!(found.is_empty(), "{} traces of the destroyed initiative:\n{}", found.len(), found.join("\n"));
        assert!(!after.iter().any(|(_, bytes)| contains(bytes, &wrapped_key)), "the wrapped key survived");
        // The kept initiative is untouched, so the search would see live data where it exists.
        let database = &after.iter().find(|(name, _)| name.ends_with("tracktwo.db")).unwrap().1;
        assert!(contains(database, &kept_key[0]), "the kept initiative's key should still be in the file");
    }
    // The other initiative still opens, and the chain records the destroy.
    assert_eq!(app.initiative(&kh, kept).await.unwrap().title, "Serin");
    assert!(app.verify_audit(&kh).await.unwrap().is_intact());
}

/// PostgreSQL keeps its files to itself; what the store can show is that the rows are gone and
/// that each table they were in was vacuumed (manually, so not by chance of autovacuum).
async fn postgres_rows_are_gone_and_vacuumed(t: &TestStore, app: &App, gone: InitiativeId) {
    let pool = t.raw_postgres().await.expect("a PostgreSQL store");
    let touched: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT table_name::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND (column_name = 'initiative_id' OR table_name = 'initiatives') \
         ORDER BY 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for table in ["initiatives", "data_keys", "notes", "sealed_records", "actors"] {
        assert!(touched.iter().any(|t| t == table), "{table} is not among {touched:?}");
    }
    let vacuumed = || async {
        let rows: Vec<(String, bool)> = sqlx::query_as(
            "SELECT relname::text, last_vacuum IS NOT NULL FROM pg_stat_user_tables \
             WHERE schemaname = current_schema()",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        rows.into_iter().filter(|(_, done)| *done).map(|(table, _)| table).collect::<HashSet<String>>()
    };
    assert!(vacuumed().await.is_empty(), "a fresh schema has not been vacuumed by hand yet");

    app.destroy_initiative(&Identity::key_holder(), gone).await.unwrap();

    for table in &touched {
        let key = if table == "initiatives" { "id" } else { "initiative_id" };
        let sql = format!("SELECT count(*) FROM {table} WHERE {key} = '{gone}'");
        let left: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&pool).await.unwrap();
        assert_eq!(left, 0, "{table} still holds rows of the destroyed initiative");
    }
    // The statistics may trail the VACUUM by a moment.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let done = vacuumed().await;
        let missing: Vec<&String> = touched.iter().filter(|t| !done.contains(*t)).collect();
        if missing.is_empty() {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "not vacuumed after the destroy: {missing:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    pool.close().await;
}
