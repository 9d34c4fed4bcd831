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
