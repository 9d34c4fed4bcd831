//! A write transaction over any [`SqlConnection`], and the row operations every area's SQL is
//! made of: insert a row with its MAC, check one read back, change or replace one after checking it.

use std::sync::Arc;

use tracktwo_store::{Result, RowAuthenticator};

use crate::authenticated::{Table, canonical};
use crate::fetch::{check, fetch_all, fetch_all_checked, fetch_one};
use crate::{Dialect, SqlConnection, SqlRow, SqlValue};

/// Sets one column of a row's values.
pub(crate) fn set(values: &mut [SqlValue], table: &Table, column: &str, value: SqlValue) {
    values[table.position(column)] = value;
}

/// A write transaction over any [`SqlConnection`].
pub struct SqlTx {
    pub(crate) conn: Box<dyn SqlConnection>,
    pub(crate) dialect: Dialect,
    pub(crate) rows: Arc<dyn RowAuthenticator>,
}

impl SqlTx {
    #[must_use]
    pub fn new(conn: Box<dyn SqlConnection>, dialect: Dialect, rows: Arc<dyn RowAuthenticator>) -> Self {
        Self { conn, dialect, rows }
    }

    /// The values with their MAC appended, as the insert and update statements take them.
    pub(crate) fn signed(&self, table: &Table, mut values: Vec<SqlValue>) -> Vec<SqlValue> {
        let mac = self.rows.mac(&canonical(table, &values));
        values.push(SqlValue::Blob(mac.to_vec()));
        values
    }

    pub(crate) async fn insert_row(&mut self, table: &'static Table, values: Vec<SqlValue>) -> Result<()> {
        let params = self.signed(table, values);
        self.exec(table.insert_sql(), params).await
    }

    /// Writes a whole row over the one with the same key, with a fresh MAC.
    pub(crate) async fn rewrite(&mut self, table: &'static Table, values: Vec<SqlValue>) -> Result<()> {
        let key = table.key_values(&values);
        let mut params = self.signed(table, values);
        params.extend(key);
        self.exec(table.update_sql(), params).await
    }

    /// The row with this key, checked; `None` when there is none.
    pub(crate) async fn checked_values(
        &mut self,
        table: &'static Table,
        key: Vec<SqlValue>,
    ) -> Result<Option<Vec<SqlValue>>> {
        let rows = self.conn.fetch(table.select_sql(), key).await?;
        rows.first().map(|row| check(self.rows.as_ref(), table, row.as_ref())).transpose()
    }

    /// Changes columns of one row. The row is checked first, so a forged row is refused rather
    /// than given a valid MAC; a missing row is left missing, as an `UPDATE` would.
    pub(crate) async fn modify(
        &mut self,
        table: &'static Table,
        key: Vec<SqlValue>,
        change: impl FnOnce(&mut Vec<SqlValue>) + Send,
    ) -> Result<()> {
        if let Some(mut values) = self.checked_values(table, key).await? {
            change(&mut values);
            self.rewrite(table, values).await?;
        }
        Ok(())
    }

    /// Replaces a record of an initiative with new values, when a checked record with that id
    /// exists in that same initiative (as `UPDATE … WHERE id = … AND initiative_id = …` would).
    pub(crate) async fn replace_in_initiative(&mut self, table: &'static Table, values: Vec<SqlValue>) -> Result<()> {
        let initiative = table.position("initiative_id");
        let stored = self.checked_values(table, table.key_values(&values)).await?;
        if stored.is_some_and(|stored| canonical_eq(&stored[initiative], &values[initiative])) {
            self.rewrite(table, values).await?;
        }
        Ok(())
    }

    pub(crate) async fn checked_one<T>(
        &mut self,
        table: &'static Table,
        sql: &'static str,
        params: Vec<SqlValue>,
        convert: fn(&dyn SqlRow) -> Result<T>,
    ) -> Result<Option<T>> {
        let rows = self.conn.fetch(sql, params).await?;
        rows.first()
            .map(|row| {
                check(self.rows.as_ref(), table, row.as_ref())?;
                convert(row.as_ref())
            })
            .transpose()
    }

    pub(crate) async fn checked_many<T>(
        &mut self,
        table: &'static Table,
        sql: &'static str,
        params: Vec<SqlValue>,
        convert: fn(&dyn SqlRow) -> Result<T>,
    ) -> Result<Vec<T>> {
        fetch_all_checked(self.conn.as_mut(), self.rows.as_ref(), table, sql, params, convert).await
    }

    pub(crate) async fn exec(&mut self, sql: &'static str, params: Vec<SqlValue>) -> Result<()> {
        self.conn.execute(sql, params).await
    }

    pub(crate) async fn one<T>(
        &mut self,
        sql: &'static str,
        params: Vec<SqlValue>,
        convert: fn(&dyn SqlRow) -> Result<T>,
    ) -> Result<Option<T>> {
        fetch_one(self.conn.as_mut(), sql, params, convert).await
    }

    pub(crate) async fn many<T>(
        &mut self,
        sql: &'static str,
        params: Vec<SqlValue>,
        convert: fn(&dyn SqlRow) -> Result<T>,
    ) -> Result<Vec<T>> {
        fetch_all(self.conn.as_mut(), sql, params, convert).await
    }
}

/// Whether two values are the same text, whatever their nullability.
fn canonical_eq(a: &SqlValue, b: &SqlValue) -> bool {
    match (a, b) {
        (SqlValue::Text(a) | SqlValue::NullableText(Some(a)), SqlValue::Text(b) | SqlValue::NullableText(Some(b))) => {
            a == b
        }
        _ => false,
    }
}
