//! The tables whose rows carry a MAC, and the canonical bytes a MAC covers.
//!
//! A row's canonical form is the table's name and every column but `mac`, in the order declared
//! here, each tagged with its type and length-prefixed. Inserts compute it from the values they
//! bind; reads compute it from the columns they fetch; both go through [`canonical`], so the two
//! cannot drift apart. The column lists are part of the stored format: changing one changes every
//! MAC of that table and needs a new format version whose upgrade recomputes them.

use std::sync::OnceLock;

use tracktwo_store::{Result, UnauthenticRow};

use crate::{SqlRow, SqlValue};

/// How a column is read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Col {
    Text,
    NullableText,
    Blob,
    NullableBlob,
    Int,
    NullableInt,
    Bool,
}

/// A table whose rows carry a MAC.
pub(crate) struct Table {
    pub name: &'static str,
    /// Every column but `mac`, in canonical order.
    pub columns: &'static [(&'static str, Col)],
    /// The primary key's columns.
    pub key: &'static [&'static str],
    statements: Statements,
}

struct Statements {
    insert: OnceLock<String>,
    update: OnceLock<String>,
    select: OnceLock<String>,
    set_mac: OnceLock<String>,
    select_all: OnceLock<String>,
}

impl Statements {
    const fn new() -> Self {
        Self {
            insert: OnceLock::new(),
            update: OnceLock::new(),
            select: OnceLock::new(),
            set_mac: OnceLock::new(),
            select_all: OnceLock::new(),
        }
    }
}

fn placeholders(from: usize, count: usize) -> Vec<String> {
    (from..from + count).map(|n| format!("${n}")).collect()
}

impl Table {
    const fn new(name: &'static str, columns: &'static [(&'static str, Col)], key: &'static [&'static str]) -> Self {
        Self { name, columns, key, statements: Statements::new() }
    }

    fn column_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.columns.iter().map(|(name, _)| *name)
    }

    fn key_condition(&self, first: usize) -> String {
        self.key.iter().enumerate().map(|(i, k)| format!("{k} = ${}", first + i)).collect::<Vec<_>>().join(" AND ")
    }

    /// `INSERT INTO t (columns…, mac) VALUES ($1, …)`: the values in column order, then the MAC.
    pub(crate) fn insert_sql(&'static self) -> &'static str {
        self.statements.insert.get_or_init(|| {
            let names: Vec<&str> = self.column_names().chain(["mac"]).collect();
            format!(
                "INSERT INTO {} ({}) VALUES ({})",
                self.name,
                names.join(", "),
                placeholders(1, names.len()).join(", ")
            )
        })
    }

    /// `UPDATE t SET columns… = …, mac = … WHERE key`: the values in column order, the MAC, then
    /// the key's values.
    pub(crate) fn update_sql(&'static self) -> &'static str {
        self.statements.update.get_or_init(|| {
            let sets: Vec<String> =
                self.column_names().chain(["mac"]).enumerate().map(|(i, c)| format!("{c} = ${}", i + 1)).collect();
            format!("UPDATE {} SET {} WHERE {}", self.name, sets.join(", "), self.key_condition(sets.len() + 1))
        })
    }

    /// `SELECT * FROM t WHERE key`.
    pub(crate) fn select_sql(&'static self) -> &'static str {
        self.statements.select.get_or_init(|| format!("SELECT * FROM {} WHERE {}", self.name, self.key_condition(1)))
    }

    /// `UPDATE t SET mac = $1 WHERE key`.
    pub(crate) fn set_mac_sql(&'static self) -> &'static str {
        self.statements
            .set_mac
            .get_or_init(|| format!("UPDATE {} SET mac = $1 WHERE {}", self.name, self.key_condition(2)))
    }

    /// `SELECT * FROM t`.
    pub(crate) fn select_all_sql(&'static self) -> &'static str {
        self.statements.select_all.get_or_init(|| format!("SELECT * FROM {}", self.name))
    }

    pub(crate) fn position(&self, column: &str) -> usize {
        self.columns
            .iter()
            .position(|(name, _)| *name == column)
            .unwrap_or_else(|| unreachable!("{column} is a column of {}", self.name))
    }

    /// The key's values, out of a row's values.
    pub(crate) fn key_values(&self, values: &[SqlValue]) -> Vec<SqlValue> {
        self.key.iter().map(|k| values[self.position(k)].clone()).collect()
    }

    /// Every column's value, as the row holds it.
    pub(crate) fn read_values(&self, row: &dyn SqlRow) -> Result<Vec<SqlValue>> {
        self.columns
            .iter()
            .map(|(name, col)| {
                Ok(match col {
                    Col::Text => SqlValue::Text(row.text(name)?),
                    Col::NullableText => SqlValue::NullableText(row.nullable_text(name)?),
                    Col::Blob => SqlValue::Blob(row.blob(name)?),
                    Col::NullableBlob => SqlValue::NullableBlob(row.nullable_blob(name)?),
                    Col::Int => SqlValue::Int(row.int(name)?),
                    Col::NullableInt => SqlValue::NullableInt(row.nullable_int(name)?),
                    Col::Bool => SqlValue::Bool(row.boolean(name)?),
                })
            })
            .collect()
    }

    /// Names a row for a report: its key's identifiers, or a digest's first bytes.
    pub(crate) fn describe(&'static self, values: &[SqlValue]) -> UnauthenticRow {
        let key = self
            .key
            .iter()
            .map(|k| match &values[self.position(k)] {
                SqlValue::Text(t) | SqlValue::NullableText(Some(t)) => t.clone(),
                SqlValue::Blob(b) | SqlValue::NullableBlob(Some(b)) => {
                    b.iter().take(6).map(|byte| format!("{byte:02x}")).collect::<String>()
                }
                SqlValue::Int(n) | SqlValue::NullableInt(Some(n)) => n.to_string(),
                SqlValue::Bool(b) => b.to_string(),
                SqlValue::NullableText(None) | SqlValue::NullableBlob(None) | SqlValue::NullableInt(None) => {
                    "-".to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        UnauthenticRow { table: self.name, key }
    }
}

/// The bytes a row's MAC covers.
pub(crate) fn canonical(table: &Table, values: &[SqlValue]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + values.len() * 40);
    out.extend_from_slice(b"tracktwo/row/v1\0");
    out.extend_from_slice(table.name.as_bytes());
    out.push(0);
    fn bytes(out: &mut Vec<u8>, tag: u8, data: &[u8]) {
        out.push(tag);
        // A row's column is far below 4 GiB; saturate rather than wrap if one ever were not.
        out.extend_from_slice(&u32::try_from(data.len()).unwrap_or(u32::MAX).to_be_bytes());
        out.extend_from_slice(data);
    }
    for value in values {
        match value {
            SqlValue::Text(t) | SqlValue::NullableText(Some(t)) => bytes(&mut out, b'T', t.as_bytes()),
            SqlValue::Blob(b) | SqlValue::NullableBlob(Some(b)) => bytes(&mut out, b'B', b),
            SqlValue::Int(n) | SqlValue::NullableInt(Some(n)) => {
                out.push(b'I');
                out.extend_from_slice(&n.to_be_bytes());
            }
            SqlValue::Bool(b) => out.extend_from_slice(if *b { b"Y" } else { b"F" }),
            SqlValue::NullableText(None) | SqlValue::NullableBlob(None) | SqlValue::NullableInt(None) => out.push(b'N'),
        }
    }
    out
}

use Col::{Blob, Bool, Int, NullableBlob, NullableInt, NullableText, Text};

pub(crate) static USERS: Table = Table::new(
    "users",
    &[
        ("id", Text),
        ("username", Blob),
        ("username_index", Blob),
        ("display_name", Blob),
        ("is_admin", Bool),
        ("disabled", Bool),
        ("created_at", Int),
        ("password_hash", NullableText),
        ("failed_logins", Int),
        ("locked_until", NullableInt),
        ("totp_secret", NullableBlob),
        ("totp_enabled", Bool),
        ("totp_last_step", NullableInt),
    ],
    &["id"],
);
pub(crate) static RECOVERY_CODES: Table =
    Table::new("recovery_codes", &[("user_id", Text), ("digest", Blob), ("used", Bool)], &["user_id", "digest"]);
pub(crate) static ACCOUNT_LANGUAGES: Table =
    Table::new("account_languages", &[("user_id", Text), ("language", Text)], &["user_id"]);
pub(crate) static SESSIONS: Table = Table::new(
    "sessions",
    &[
        ("digest", Blob),
        ("user_id", Text),
        ("created_at", Int),
        ("expires_at", Int),
        ("last_seen_at", Int),
        ("revoked", Bool),
    ],
    &["digest"],
);
pub(crate) static TOKENS: Table = Table::new(
    "tokens",
    &[
        ("id", Text),
        ("user_id", Text),
        ("digest", Blob),
        ("label", Blob),
        ("created_at", Int),
        ("revoked", Bool),
        ("expires_at", Int),
        ("last_used_at", NullableInt),
    ],
    &["id"],
);
/// The tokens' columns as format 2 MACed them (before expiry), for its upgrade alone: a token is
/// given its expiry only when its MAC of format 2 holds.
pub(crate) static TOKENS_FORMAT_2: Table = Table::new(
    "tokens",
    &[("id", Text), ("user_id", Text), ("digest", Blob), ("label", Blob), ("created_at", Int), ("revoked", Bool)],
    &["id"],
);
pub(crate) static INITIATIVES: Table = Table::new(
    "initiatives",
    &[
        ("id", Text),
        ("key_id", Text),
        ("title", Blob),
        ("description", Blob),
        ("created_at", Int),
        ("secret_channel", Bool),
    ],
    &["id"],
);
pub(crate) static MEMBERS: Table = Table::new(
    "members",
    &[("initiative_id", Text), ("user_id", Text), ("role", Text), ("side_id", NullableText)],
    &["initiative_id", "user_id"],
);
pub(crate) static SIDES: Table =
    Table::new("sides", &[("id", Text), ("initiative_id", Text), ("name", Blob), ("created_at", Int)], &["id"]);
pub(crate) static PEOPLE: Table = Table::new(
    "people",
    &[
        ("id", Text),
        ("initiative_id", Text),
        ("name", Blob),
        ("title", Blob),
        ("contact", Blob),
        ("notes", Blob),
        ("created_at", Int),
    ],
    &["id"],
);
pub(crate) static NOTES: Table = Table::new(
    "notes",
    &[
        ("id", Text),
        ("initiative_id", Text),
        ("side_id", NullableText),
        ("author_id", NullableText),
        ("body", Blob),
        ("created_at", Int),
    ],
    &["id"],
);
pub(crate) static DOCUMENTS: Table = Table::new(
    "documents",
    &[("id", Text), ("initiative_id", Text), ("title", Blob), ("body", Blob), ("created_at", Int)],
    &["id"],
);
pub(crate) static ACTORS: Table = Table::new(
    "actors",
    &[("id", Text), ("initiative_id", Text), ("body", Blob), ("created_at", Int), ("updated_at", Int)],
    &["id"],
);
pub(crate) static TIES: Table = Table::new(
    "ties",
    &[("id", Text), ("initiative_id", Text), ("body", Blob), ("created_at", Int), ("updated_at", Int)],
    &["id"],
);
pub(crate) static REGISTRY_ENTRIES: Table = Table::new(
    "registry_entries",
    &[("actor_id", Text), ("initiative_id", Text), ("body", Blob), ("updated_at", Int)],
    &["actor_id"],
);
pub(crate) static MAP_SNAPSHOTS: Table =
    Table::new("map_snapshots", &[("id", Text), ("initiative_id", Text), ("body", Blob), ("created_at", Int)], &["id"]);
pub(crate) static SEALED_RECORDS: Table = Table::new(
    "sealed_records",
    &[
        ("id", Text),
        ("initiative_id", Text),
        ("kind", Text),
        ("parent_id", NullableText),
        ("body", Blob),
        ("created_at", Int),
        ("updated_at", Int),
    ],
    &["id"],
);

/// Every authenticated table, parents before children.
pub(crate) static TABLES: [&Table; 16] = [
    &USERS,
    &RECOVERY_CODES,
    &ACCOUNT_LANGUAGES,
    &SESSIONS,
    &TOKENS,
    &INITIATIVES,
    &MEMBERS,
    &SIDES,
    &PEOPLE,
    &NOTES,
    &DOCUMENTS,
    &ACTORS,
    &TIES,
    &REGISTRY_ENTRIES,
    &MAP_SNAPSHOTS,
    &SEALED_RECORDS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_list_every_column_and_the_mac() {
        assert_eq!(
            MEMBERS.insert_sql(),
            "INSERT INTO members (initiative_id, user_id, role, side_id, mac) VALUES ($1, $2, $3, $4, $5)"
        );
        assert_eq!(
            MEMBERS.update_sql(),
            "UPDATE members SET initiative_id = $1, user_id = $2, role = $3, side_id = $4, mac = $5 \
             WHERE initiative_id = $6 AND user_id = $7"
        );
        assert_eq!(MEMBERS.select_sql(), "SELECT * FROM members WHERE initiative_id = $1 AND user_id = $2");
        assert_eq!(MEMBERS.set_mac_sql(), "UPDATE members SET mac = $1 WHERE initiative_id = $2 AND user_id = $3");
        assert_eq!(SEALED_RECORDS.select_all_sql(), "SELECT * FROM sealed_records");
    }

    #[test]
    fn canonical_bytes_tell_apart_what_a_forger_would_swap() {
        let row = |side: Option<&str>, role: &str| {
            canonical(
                &MEMBERS,
                &[
                    SqlValue::Text("i".into()),
                    SqlValue::Text("u".into()),
                    SqlValue::Text(role.into()),
                    SqlValue::NullableText(side.map(str::to_owned)),
                ],
            )
        };
        assert_ne!(row(None, "participant"), row(Some(""), "participant"), "null is not the empty text");
        assert_ne!(row(None, "participant"), row(None, "convener"));
        // Length prefixes: moving a character across a column boundary changes the bytes.
        let split = |a: &str, b: &str| canonical(&SIDES, &[SqlValue::Text(a.into()), SqlValue::Text(b.into())]);
        assert_ne!(split("ab", "c"), split("a", "bc"));
        // The table is part of it: the same values in another table are another row.
        let values =
            [SqlValue::Text("x".into()), SqlValue::Text("i".into()), SqlValue::Blob(vec![1]), SqlValue::Int(1)];
        assert_ne!(canonical(&SIDES, &values), canonical(&MAP_SNAPSHOTS, &values));
        // Nullable and plain forms of one value encode alike: inserts bind one, reads give the other.
        assert_eq!(
            canonical(&SIDES, &[SqlValue::Text("a".into())]),
            canonical(&SIDES, &[SqlValue::NullableText(Some("a".into()))])
        );
    }

    #[test]
    fn every_table_is_listed_once() {
        let mut names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TABLES.len());
        for table in TABLES {
            for key in table.key {
                assert!(table.columns.iter().any(|(c, _)| c == key), "{}.{key}", table.name);
            }
        }
    }
}
