//! Multi-row inserts: `INSERT INTO t (a, b, …) VALUES (…), (…), …` with numbered parameters. A
//! batch of votes writes hundreds of rows in one transaction; one statement per row would cost a
//! round trip to the database each, which on PostgreSQL is most of the cost of taking a vote.
//!
//! A list is written in chunks whose sizes are powers of two (the largest first, then the binary
//! digits of what is left), so a table has only a handful of statement texts: each connection
//! prepares them once and keeps them, where one text per row count would overflow the driver's
//! cache of prepared statements and be planned again and again.

use std::sync::OnceLock;

/// The statements inserting 1, 2, 4, … up to `max_rows` rows of `columns` columns into one table.
pub(crate) struct MultiRowInsert {
    head: &'static str,
    columns: usize,
    /// log2 of the most rows one statement inserts.
    max_rows_log2: u32,
    statements: OnceLock<Vec<String>>,
}

impl MultiRowInsert {
    /// `head` is `INSERT INTO table (column, …)`, naming `columns` columns. A statement inserts at
    /// most 2^`max_rows_log2` rows; its parameters must stay within both databases' limits
    /// (SQLite: 32,766).
    pub(crate) const fn new(head: &'static str, columns: usize, max_rows_log2: u32) -> Self {
        Self { head, columns, max_rows_log2, statements: OnceLock::new() }
    }

    /// `items` cut into the chunks written one statement each, in order.
    pub(crate) fn chunks<'a, T>(&self, items: &'a [T]) -> impl Iterator<Item = &'a [T]> + use<'a, T> {
        let max = 1usize << self.max_rows_log2;
        let mut rest = items;
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            // The largest power of two not above what is left, and never above the maximum.
            let size = max.min(1 << rest.len().ilog2());
            let (chunk, tail) = rest.split_at(size);
            rest = tail;
            Some(chunk)
        })
    }

    /// The statement for a chunk of `rows` rows, as [`Self::chunks`] cuts them: a power of two
    /// up to the maximum (another count gets the statement for the power of two below it).
    pub(crate) fn sql(&'static self, rows: usize) -> &'static str {
        let statements =
            self.statements.get_or_init(|| (0..=self.max_rows_log2).map(|log2| self.build(1 << log2)).collect());
        &statements[(rows.max(1).ilog2()).min(self.max_rows_log2) as usize]
    }

    fn build(&self, rows: usize) -> String {
        let tuples: Vec<String> = (0..rows)
            .map(|row| {
                let first = row * self.columns;
                let placeholders: Vec<String> = (1..=self.columns).map(|c| format!("${}", first + c)).collect();
                format!("({})", placeholders.join(", "))
            })
            .collect();
        format!("{} VALUES {}", self.head, tuples.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static INSERT: MultiRowInsert = MultiRowInsert::new("INSERT INTO t (a, b)", 2, 2);

    #[test]
    fn every_row_has_its_own_numbered_parameters() {
        assert_eq!(INSERT.sql(1), "INSERT INTO t (a, b) VALUES ($1, $2)");
        assert_eq!(INSERT.sql(2), "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)");
        assert_eq!(INSERT.sql(4).matches('(').count(), 5);
    }

    #[test]
    fn chunks_keep_every_item_in_order_and_fit_a_statement() {
        for n in 0..40usize {
            let items: Vec<usize> = (0..n).collect();
            let chunks: Vec<&[usize]> = INSERT.chunks(&items).collect();
            assert_eq!(chunks.concat(), items, "{n}");
            for chunk in &chunks {
                assert!(chunk.len().is_power_of_two() && chunk.len() <= 4, "{n}: {}", chunk.len());
                // The statement for the chunk has exactly its rows' parameters.
                assert!(INSERT.sql(chunk.len()).contains(&format!("${}", chunk.len() * 2)));
                assert!(!INSERT.sql(chunk.len()).contains(&format!("${}", chunk.len() * 2 + 1)));
            }
            // At most the full chunks and one chunk per binary digit of the rest.
            assert!(chunks.len() <= n / 4 + 2, "{n}: {}", chunks.len());
        }
    }
}
