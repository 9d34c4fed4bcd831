//! The storage stories, each run against SQLite and, when `TRACKTWO_TEST_POSTGRES_URL` is set,
//! PostgreSQL. One test binary for all of them.

mod audit_tampering;
mod canaries;
mod stories;

use tracktwo_store_conformance::TestStore;

macro_rules! on_both_backends {
    ($($module:ident :: $story:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $story() {
                    let t = super::TestStore::sqlite().await;
                    super::$module::$story(&t).await;
                    t.cleanup().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $story() {
                    let Some(t) = super::TestStore::postgres().await else { return };
                    super::$module::$story(&t).await;
                    t.cleanup().await;
                }
            )*
        }
    };
}

on_both_backends!(
    stories::records_round_trip_through_the_use_cases,
    stories::access_is_decided_in_the_core,
    stories::tokens_authenticate_and_failures_are_audited,
    stories::destroying_an_initiative_removes_its_records_and_key,
    stories::backup_and_restore_round_trip,
    stories::restore_into_an_empty_store_needs_the_keyring,
    stories::backups_are_consistent_while_writers_continue,
    stories::concurrent_writers_keep_the_audit_chain_linear,
    stories::reopening_keeps_data_and_refuses_a_wrong_key,
    stories::a_store_from_a_newer_version_is_refused,
    audit_tampering::an_edited_event_is_named,
    audit_tampering::a_deleted_event_is_named,
    audit_tampering::an_inserted_event_is_named,
    audit_tampering::swapped_events_are_named,
    canaries::sensitive_fields_never_rest_in_plaintext,
);
