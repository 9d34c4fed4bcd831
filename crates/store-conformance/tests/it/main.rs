//! The storage stories, each run against SQLite and against the PostgreSQL server
//! `TRACKTWO_TEST_POSTGRES_URL` names. Without one the PostgreSQL runs fail, unless the run opts
//! out with `TRACKTWO_TEST_POSTGRES=skip`. One test binary for all of them.

mod account_language;
mod audit_tampering;
mod campaign;
mod canaries;
mod conversation;
mod dialogue;
mod erasure;
mod map;
mod measures;
mod outcomes;
mod padding;
mod permissions;
mod row_tampering;
mod several_servers;
mod sign_in;
mod stories;
mod tokens;
mod transfer;

use tracktwo_test_support::TestStore;

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
    stories::conveners_see_their_initiatives_audit_trail_only,
    audit_tampering::an_edited_event_is_named,
    audit_tampering::a_deleted_event_is_named,
    audit_tampering::an_inserted_event_is_named,
    audit_tampering::swapped_events_are_named,
    canaries::sensitive_fields_never_rest_in_plaintext,
    erasure::destroying_an_initiative_leaves_no_trace_in_the_files,
    padding::vote_bodies_are_one_length_whatever_the_vote,
    measures::answer_cards_pair_answers_and_answer_once,
    dialogue::meetings_notes_and_summaries_follow_the_modes_and_roles,
    dialogue::notes_naming_someone_attending_are_held_and_names_withheld_by_every_part_and_alias,
    transfer::readouts_are_cleared_released_traced_and_logged,
    outcomes::outcomes_are_harvested_substantiated_reported_and_cleared,
    conversation::conversations_find_common_ground_across_sides,
    campaign::a_capped_campaign_link_refuses_the_voter_past_its_cap_and_one_address_past_its_limit,
    campaign::a_burst_of_joins_through_one_link_is_flagged_on_the_results,
    map::each_role_sees_the_map_its_rules_allow,
    row_tampering::every_forged_access_row_is_refused_and_named,
    row_tampering::an_older_store_is_sealed_once_and_cannot_be_set_back,
    row_tampering::a_store_born_sealed_cannot_be_passed_off_as_older,
    map::analytics_run_on_the_stored_map,
    map::imports_are_all_or_nothing_and_round_trip_through_every_format,
    sign_in::failed_sign_ins_slow_their_origin_and_never_lock_the_owner_out,
    several_servers::two_servers_on_one_store_see_the_same_conversation,
    several_servers::changes_are_announced_to_the_other_servers,
    several_servers::a_voters_pace_holds_across_servers,
    several_servers::a_campaign_links_pace_of_joins_holds_across_servers,
    several_servers::sign_in_failures_spread_over_two_servers_count_as_on_one,
    several_servers::deleting_the_shared_failures_does_not_reset_a_servers_own_count,
    sign_in::sessions_expire_and_are_revoked,
    sign_in::a_flood_of_bad_tokens_is_counted_not_written_one_by_one,
    sign_in::a_new_password_ends_every_token_of_the_account,
    sign_in::a_second_factor_is_required_once_enrolled,
    sign_in::sessions_end_at_the_configured_idle_limit_and_lifetime,
    tokens::tokens_expire_are_listed_to_their_owner_and_revoked,
    tokens::a_store_of_format_2_gives_its_tokens_an_expiry_once,
    account_language::an_accounts_language_is_kept_backed_up_and_guarded,
);

/// A backup taken on one backend restores on the other: the migration path from the embedded
/// store to PostgreSQL, and back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backups_move_between_backends() {
    use std::sync::Arc;
    use tracktwo_domain::{Identity, NewInitiative, NewNote, Scope};
    use tracktwo_test_support::{init_app, open_app, restore};

    let sqlite = TestStore::sqlite().await;
    let Some(postgres) = TestStore::postgres().await else { return };
    let kh = Identity::key_holder();
    let app = init_app(Arc::clone(&sqlite.store)).await;
    let i = app
        .create_initiative(
            &kh,
            NewInitiative { title: "Moving".into(), description: String::new(), secret_channel: false },
            None,
        )
        .await
        .unwrap();
    let note = app.add_note(&kh, i.id, NewNote { scope: Scope::Plenary, body: "carried over".into() }).await.unwrap();
    let (mut backup, mut keyring) = (Vec::new(), Vec::new());
    app.backup(&kh, &mut backup).await.unwrap();
    app.export_keyring(&kh, &mut keyring).await.unwrap();

    restore(&postgres.store, &backup, Some(&keyring), false).await.unwrap();
    let moved = open_app(Arc::clone(&postgres.store)).await;
    assert_eq!(moved.note(&kh, i.id, note.id).await.unwrap(), note);
    assert!(moved.verify_audit(&kh).await.unwrap().is_intact());

    let (mut back, mut back_keyring) = (Vec::new(), Vec::new());
    moved.backup(&kh, &mut back).await.unwrap();
    moved.export_keyring(&kh, &mut back_keyring).await.unwrap();
    let again = TestStore::sqlite().await;
    restore(&again.store, &back, Some(&back_keyring), false).await.unwrap();
    assert_eq!(open_app(Arc::clone(&again.store)).await.note(&kh, i.id, note.id).await.unwrap(), note);

    for t in [sqlite, postgres, again] {
        t.cleanup().await;
    }
}
