//! Byte offsets to line numbers, for readers whose parsers report places as offsets.

/// Where each line of a text starts.
pub(crate) struct LineIndex {
    /// The offset just past each `\n`, in order.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = text.bytes().enumerate().filter(|(_, byte)| *byte == b'\n').map(|(at, _)| at + 1).collect();
        Self { starts }
    }

    /// The 1-based line of the byte at `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|start| *start <= offset) + 1
    }

    /// As [`Self::line`], for the offsets quick-xml reports.
    pub fn line_u64(&self, offset: u64) -> usize {
        self.line(usize::try_from(offset).unwrap_or(usize::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_lines() {
        let index = LineIndex::new("ab\ncd\n\ne");
        let lines: Vec<usize> = (0..9).map(|at| index.line(at)).collect();
        assert_eq!(lines, [1, 1, 1, 2, 2, 2, 3, 4, 4]);
        assert_eq!(LineIndex::new("").line(0), 1);
    }
}
