//! Running a query and decoding its rows, plain or each checked against its MAC first.

use tracktwo_store::{Result, RowAuthenticator, StoreError};

use crate::authenticated::{Table, canonical};
use crate::{SqlConnection, SqlRow, SqlValue};

pub(crate) async fn fetch_one<T>(
    conn: &mut dyn SqlConnection,
    sql: &'static str,
    params: Vec<SqlValue>,
    convert: fn(&dyn SqlRow) -> Result<T>,
) -> Result<Option<T>> {
    conn.fetch(sql, params).await?.first().map(|row| convert(row.as_ref())).transpose()
}

pub(crate) async fn fetch_all<T>(
    conn: &mut dyn SqlConnection,
    sql: &'static str,
    params: Vec<SqlValue>,
    convert: fn(&dyn SqlRow) -> Result<T>,
) -> Result<Vec<T>> {
    conn.fetch(sql, params).await?.iter().map(|row| convert(row.as_ref())).collect()
}

/// A row's values, once its MAC is checked; a row that fails is reported to `rows` and refused.
pub(crate) fn check(rows: &dyn RowAuthenticator, table: &'static Table, row: &dyn SqlRow) -> Result<Vec<SqlValue>> {
    let values = table.read_values(row)?;
    let authentic = row.nullable_blob("mac")?.is_some_and(|mac| rows.verify(&canonical(table, &values), &mac));
    if authentic {
        Ok(values)
    } else {
        let refused = table.describe(&values);
        rows.refused(&refused);
        Err(StoreError::Tampered(refused))
    }
}

pub(crate) async fn fetch_all_checked<T>(
    conn: &mut dyn SqlConnection,
    rows: &dyn RowAuthenticator,
    table: &'static Table,
    sql: &'static str,
    params: Vec<SqlValue>,
    convert: fn(&dyn SqlRow) -> Result<T>,
) -> Result<Vec<T>> {
    conn.fetch(sql, params)
        .await?
        .iter()
        .map(|row| {
            check(rows, table, row.as_ref())?;
            convert(row.as_ref())
        })
        .collect()
}
