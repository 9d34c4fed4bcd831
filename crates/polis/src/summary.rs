//! summary.csv: the conversation in a few numbers, one `key,value` line each and no header, the
//! keys in Pol.is' order: `topic`, `url`, `views`, `voters`, `voters-in-conv`, `commenters`,
//! `comments`, `groups`, `conversation-description`.

use std::io::Write;

/// The keys Pol.is writes, in its order.
pub const SUMMARY_KEYS: [&str; 9] = [
    "topic",
    "url",
    "views",
    "voters",
    "voters-in-conv",
    "commenters",
    "comments",
    "groups",
    "conversation-description",
];

/// What summary.csv says of a conversation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The conversation's title.
    pub topic: String,
    /// Where the conversation is found; empty where it has no address to give.
    pub url: String,
    /// Everyone who opened the conversation, whether or not they voted.
    pub views: u64,
    /// Participants with at least one vote.
    pub voters: u64,
    /// Voters counted in the conversation (Pol.is writes the voters again).
    pub voters_in_conv: u64,
    /// Distinct authors of comments.
    pub commenters: u64,
    pub comments: u64,
    /// Opinion groups found.
    pub groups: u64,
    /// The question put to participants.
    pub description: String,
}

/// Writes summary.csv in Pol.is' layout. Free text is quoted where it must be (by the csv crate)
/// and written inert for spreadsheets, as comment bodies are.
pub fn write_summary(writer: impl Write, summary: &Summary) -> std::io::Result<()> {
    let mut out = csv::WriterBuilder::new().has_headers(false).from_writer(writer);
    let text = |value: &str| tracktwo_spreadsheet::inert(value).into_owned();
    let values = [
        text(&summary.topic),
        text(&summary.url),
        summary.views.to_string(),
        summary.voters.to_string(),
        summary.voters_in_conv.to_string(),
        summary.commenters.to_string(),
        summary.comments.to_string(),
        summary.groups.to_string(),
        text(&summary.description),
    ];
    for (key, value) in SUMMARY_KEYS.iter().zip(values) {
        out.write_record([*key, value.as_str()])?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_written_in_pol_is_order_with_free_text_quoted() {
        let summary = Summary {
            topic: "The river, after the drought".to_owned(),
            url: String::new(),
            views: 12,
            voters: 10,
            voters_in_conv: 10,
            commenters: 1,
            comments: 8,
            groups: 2,
            description: "What should the banks do?\nTogether, \"now\"?".to_owned(),
        };
        let mut out = Vec::new();
        write_summary(&mut out, &summary).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "topic,\"The river, after the drought\"\nurl,\nviews,12\nvoters,10\nvoters-in-conv,10\n\
             commenters,1\ncomments,8\ngroups,2\n\
             conversation-description,\"What should the banks do?\nTogether, \"\"now\"\"?\"\n"
        );
        // A CSV reader gets the text back whole, each line a key and its value.
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        let lines: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(lines.iter().map(|l| l[0].to_owned()).collect::<Vec<_>>(), SUMMARY_KEYS);
        assert_eq!(&lines[8][1], summary.description);
    }

    #[test]
    fn a_title_a_spreadsheet_would_run_is_written_inert() {
        let summary = Summary { topic: "=HYPERLINK(\"http://x\")".to_owned(), ..Summary::default() };
        let mut out = Vec::new();
        write_summary(&mut out, &summary).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("topic,\"'=HYPERLINK("), "{text}");
    }
}
