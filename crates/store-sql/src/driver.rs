//! What a driver gives the shared SQL: one open transaction ([`SqlConnection`]) whose rows have
//! typed columns ([`SqlRow`]), and the `sqlx_driver!` macro that makes both for one sqlx driver.

use async_trait::async_trait;
use tracktwo_store::Result;

/// Implements [`SqlConnection`] for one sqlx driver: a `DriverConnection` over a driver
/// transaction, and the typed column access of its rows. Both adapters use it, so the only code
/// each writes for its driver is the connection set-up, the dialect and the error mapping
/// (`$map_error`, a `fn(sqlx::Error) -> StoreError` in scope at the call site).
#[macro_export]
macro_rules! sqlx_driver {
    (database: $db:ty, row: $row:ty, arguments: $args:ty, map_error: $map_error:path $(,)?) => {
        /// One open driver transaction, for the shared SQL.
        struct DriverConnection(sqlx::Transaction<'static, $db>);

        fn bind<'q>(
            mut query: sqlx::query::Query<'q, $db, $args>,
            params: Vec<$crate::SqlValue>,
        ) -> sqlx::query::Query<'q, $db, $args> {
            for value in params {
                query = match value {
                    $crate::SqlValue::Text(v) => query.bind(v),
                    $crate::SqlValue::NullableText(v) => query.bind(v),
                    $crate::SqlValue::Blob(v) => query.bind(v),
                    $crate::SqlValue::NullableBlob(v) => query.bind(v),
                    $crate::SqlValue::Int(v) => query.bind(v),
                    $crate::SqlValue::NullableInt(v) => query.bind(v),
                    $crate::SqlValue::Bool(v) => query.bind(v),
                };
            }
            query
        }

        #[async_trait::async_trait]
        impl $crate::SqlConnection for DriverConnection {
            async fn execute(
                &mut self,
                sql: &'static str,
                params: Vec<$crate::SqlValue>,
            ) -> tracktwo_store::Result<()> {
                bind(sqlx::query(sql), params).execute(&mut *self.0).await.map(|_| ()).map_err($map_error)
            }

            async fn fetch(
                &mut self,
                sql: &'static str,
                params: Vec<$crate::SqlValue>,
            ) -> tracktwo_store::Result<$crate::Rows> {
                let rows = bind(sqlx::query(sql), params).fetch_all(&mut *self.0).await.map_err($map_error)?;
                Ok(rows.into_iter().map(|row| Box::new(Columns(row)) as Box<dyn $crate::SqlRow>).collect())
            }

            async fn commit(self: Box<Self>) -> tracktwo_store::Result<()> {
                self.0.commit().await.map_err($map_error)
            }

            async fn rollback(self: Box<Self>) -> tracktwo_store::Result<()> {
                self.0.rollback().await.map_err($map_error)
            }
        }

        struct Columns($row);

        impl Columns {
            fn get<T: for<'r> sqlx::Decode<'r, $db> + sqlx::Type<$db>>(
                &self,
                column: &str,
            ) -> tracktwo_store::Result<T> {
                sqlx::Row::try_get(&self.0, column).map_err($map_error)
            }
        }

        impl $crate::SqlRow for Columns {
            fn text(&self, column: &str) -> tracktwo_store::Result<String> {
                self.get(column)
            }
            fn nullable_text(&self, column: &str) -> tracktwo_store::Result<Option<String>> {
                self.get(column)
            }
            fn blob(&self, column: &str) -> tracktwo_store::Result<Vec<u8>> {
                self.get(column)
            }
            fn nullable_blob(&self, column: &str) -> tracktwo_store::Result<Option<Vec<u8>>> {
                self.get(column)
            }
            fn int(&self, column: &str) -> tracktwo_store::Result<i64> {
                self.get(column)
            }
            fn nullable_int(&self, column: &str) -> tracktwo_store::Result<Option<i64>> {
                self.get(column)
            }
            fn boolean(&self, column: &str) -> tracktwo_store::Result<bool> {
                self.get(column)
            }
        }
    };
}

/// A parameter value.
#[derive(Debug, Clone)]
pub enum SqlValue {
    Text(String),
    NullableText(Option<String>),
    Blob(Vec<u8>),
    NullableBlob(Option<Vec<u8>>),
    Int(i64),
    NullableInt(Option<i64>),
    Bool(bool),
}

/// Typed column access on one result row.
pub trait SqlRow: Send {
    fn text(&self, column: &str) -> Result<String>;
    fn nullable_text(&self, column: &str) -> Result<Option<String>>;
    fn blob(&self, column: &str) -> Result<Vec<u8>>;
    fn nullable_blob(&self, column: &str) -> Result<Option<Vec<u8>>>;
    fn int(&self, column: &str) -> Result<i64>;
    fn nullable_int(&self, column: &str) -> Result<Option<i64>>;
    fn boolean(&self, column: &str) -> Result<bool>;
}

pub type Rows = Vec<Box<dyn SqlRow>>;

/// The statements whose text differs between dialects.
#[derive(Debug, Clone, Copy)]
pub struct Dialect {
    /// Reads the audit head and holds it until commit.
    pub lock_audit_head: &'static str,
    /// Resets the head to the genesis value (sequence 0, 32 zero bytes).
    pub reset_audit_head: &'static str,
    /// Reads a conversation's change-log position (`$1`) and holds it until commit.
    pub lock_conversation_head: &'static str,
    /// Reads the sign-in failures under one key (`$1`) and holds the row until commit.
    pub lock_sign_in_failures: &'static str,
    /// Sends a notification (`$1`, its text) to the other servers on commit; `None` where no
    /// other server can be listening.
    pub announce: Option<&'static str>,
}

/// One open transaction of a driver.
#[async_trait]
pub trait SqlConnection: Send {
    async fn execute(&mut self, sql: &'static str, params: Vec<SqlValue>) -> Result<()>;
    async fn fetch(&mut self, sql: &'static str, params: Vec<SqlValue>) -> Result<Rows>;
    async fn commit(self: Box<Self>) -> Result<()>;
    /// Ends a read-only transaction.
    async fn rollback(self: Box<Self>) -> Result<()>;
}
