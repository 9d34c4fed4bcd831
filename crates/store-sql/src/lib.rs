//! The SQL both relational adapters share. SQLite and PostgreSQL accept the same statements for
//! everything tracktwo does (numbered `$n` parameters, plain types), so the statements and the
//! row mapping live here once, over a minimal [`SqlConnection`] that each adapter implements for
//! its driver. What differs (connections, migrations, locking, error mapping) stays in the
//! adapters.
//!
//! `driver` is what an adapter gives; `decode` and `encode` map rows to the port's types and
//! back; `tx` is the write transaction and the row operations it is made of; `multi_row` writes many rows in one statement; `sql` holds the
//! statements by area; `snapshot` reads everything at once for a backup.

mod authenticated;
mod decode;
mod driver;
mod encode;
mod fetch;
mod multi_row;
mod snapshot;
mod sql;
mod tx;

pub use decode::meta_from;
pub use driver::{Dialect, Rows, SqlConnection, SqlRow, SqlValue};
pub use snapshot::{read_meta, read_snapshot};
pub use tx::SqlTx;

/// The uniqueness a constraint keeps, by the name the database gives it: SQLite names the
/// columns (`users.username_index`, `members.initiative_id, members.user_id`), PostgreSQL the
/// constraint (`users_username_index_key`, `members_pkey`).
#[must_use]
pub fn unique_of(constraint: &str) -> tracktwo_store::Unique {
    use tracktwo_store::Unique;
    if constraint.contains("username_index") {
        Unique::Username
    } else if constraint.starts_with("members.") || constraint.starts_with("members_") {
        Unique::Member
    } else {
        Unique::Key
    }
}

#[cfg(test)]
mod unique_tests {
    use tracktwo_store::Unique;

    #[test]
    fn each_backends_name_of_a_constraint_says_its_uniqueness() {
        for (name, unique) in [
            ("users.username_index", Unique::Username),
            ("users_username_index_key", Unique::Username),
            ("members.initiative_id, members.user_id", Unique::Member),
            ("members_pkey", Unique::Member),
            ("sealed_records.id", Unique::Key),
            ("sealed_records_pkey", Unique::Key),
            ("key", Unique::Key),
        ] {
            assert_eq!(super::unique_of(name), unique, "{name}");
        }
    }
}
