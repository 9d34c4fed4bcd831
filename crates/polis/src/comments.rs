//! comments.csv: `timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body`.

use std::io::{Read, Write};

use crate::datetime::polis_datetime;
use crate::error::{PolisError, Problem};
use crate::table::Table;

/// The header Pol.is writes, in its order.
pub const COMMENTS_HEADER: [&str; 8] =
    ["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"];

/// A statement of the conversation, as comments.csv lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: i64,
    /// Milliseconds since the Unix epoch, when the statement was written.
    pub timestamp: Option<i64>,
    pub author: Option<i64>,
    /// Pol.is' own tallies at export time; the engine counts the votes itself.
    pub agrees: u32,
    pub disagrees: u32,
    pub moderation: Moderation,
    /// A statement about the conversation itself. Pol.is keeps the flag but does not export it;
    /// it is read from an `is-meta` column where a file has one.
    pub is_meta: bool,
    pub body: String,
}

/// The `moderated` column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Moderation {
    /// 1: accepted by a moderator.
    Accepted,
    /// 0: not (yet) moderated; shown, as Pol.is shows it.
    #[default]
    Unmoderated,
    /// -1: moderated out. Its votes stay; the statement leaves the map.
    ModeratedOut,
}

impl Moderation {
    pub fn from_export(value: i64) -> Option<Self> {
        match value {
            1 => Some(Self::Accepted),
            0 => Some(Self::Unmoderated),
            -1 => Some(Self::ModeratedOut),
            _ => None,
        }
    }

    pub fn export_value(self) -> i8 {
        match self {
            Self::Accepted => 1,
            Self::Unmoderated => 0,
            Self::ModeratedOut => -1,
        }
    }
}

/// Reads comments.csv, in file order. Only `comment-id` is required: a missing `moderated` or
/// an empty one is [`Moderation::Unmoderated`], missing counts are 0, a missing body is empty.
/// The `datetime` column is not read: `timestamp` says the same, without a time zone to guess.
pub fn read_comments(reader: impl Read, name: &str) -> Result<Vec<Comment>, PolisError> {
    let mut table = Table::new(reader, name)?;
    let id_column = table.required_column("comment-id")?;
    let timestamp = table.column("timestamp");
    let author = table.column("author-id");
    let agrees = table.column("agrees");
    let disagrees = table.column("disagrees");
    let moderated = table.column("moderated");
    let meta = table.column("is-meta");
    let body = table.column("comment-body");
    let mut comments = Vec::new();
    while table.advance()? {
        let id = table.integer(id_column, "comment-id")?;
        let moderation = match table.optional_integer(moderated, "moderated")? {
            None => Moderation::Unmoderated,
            Some(value) => {
                Moderation::from_export(value).ok_or_else(|| table.error(Problem::InvalidModeration(value)))?
            }
        };
        comments.push(Comment {
            id,
            timestamp: table.optional_integer(timestamp, "timestamp")?,
            author: table.optional_integer(author, "author-id")?,
            agrees: table.count(agrees, "agrees")?,
            disagrees: table.count(disagrees, "disagrees")?,
            moderation,
            is_meta: meta.is_some_and(|column| {
                matches!(table.field(column).to_ascii_lowercase().as_slice(), b"true" | b"t" | b"1")
            }),
            body: table.text(body),
        });
    }
    Ok(comments)
}

/// Writes comments.csv in Pol.is' layout, `datetime` written from `timestamp` as Pol.is writes
/// it ([`polis_datetime`], in UTC; empty where there is no timestamp). When some comment is
/// meta, an `is-meta` column follows the body, so that the flag survives a round trip.
pub fn write_comments(writer: impl Write, comments: &[Comment]) -> std::io::Result<()> {
    let with_meta = comments.iter().any(|c| c.is_meta);
    let mut out = csv::WriterBuilder::new().from_writer(writer);
    let optional = |value: Option<i64>| value.map(|v| v.to_string()).unwrap_or_default();
    if with_meta {
        out.write_record(COMMENTS_HEADER.iter().chain(&["is-meta"]))?;
    } else {
        out.write_record(COMMENTS_HEADER)?;
    }
    for comment in comments {
        out.write_field(optional(comment.timestamp))?;
        out.write_field(comment.timestamp.map(polis_datetime).unwrap_or_default())?;
        out.write_field(comment.id.to_string())?;
        out.write_field(optional(comment.author))?;
        out.write_field(comment.agrees.to_string())?;
        out.write_field(comment.disagrees.to_string())?;
        out.write_field(comment.moderation.export_value().to_string())?;
        out.write_field(tracktwo_spreadsheet::inert(&comment.body).as_ref())?;
        if with_meta {
            out.write_field(if comment.is_meta { "true" } else { "false" })?;
        }
        out.write_record(None::<&[u8]>)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_real_export_line_is_read_whole() {
        let text = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n\
            1500282544716,Mon Jul 17 16:09:04 WIB 2017,34,0,56,2,1,\"\"\"The EU\"\" is, too big\"\n\
            1568101622999,Tue Sep 10 00:47:02 PDT 2019,298,427,1,0,-1,Plain\n";
        let comments = read_comments(text.as_bytes(), "comments.csv").unwrap();
        assert_eq!(
            comments[0],
            Comment {
                id: 34,
                timestamp: Some(1_500_282_544_716),
                author: Some(0),
                agrees: 56,
                disagrees: 2,
                moderation: Moderation::Accepted,
                is_meta: false,
                body: "\"The EU\" is, too big".to_owned(),
            }
        );
        assert_eq!(comments[1].moderation, Moderation::ModeratedOut);
    }

    #[test]
    fn only_the_id_is_required() {
        let comments = read_comments("comment-id,is-meta\n3,true\n4,\n".as_bytes(), "c.csv").unwrap();
        assert_eq!(comments.len(), 2);
        assert!(comments[0].is_meta && !comments[1].is_meta);
        assert_eq!(comments[1].moderation, Moderation::Unmoderated);
        let message = read_comments("moderated\n1\n".as_bytes(), "c.csv").unwrap_err().to_string();
        assert_eq!(message, "c.csv line 1: no `comment-id` column in the header");
    }

    #[test]
    fn bad_values_are_named_with_their_line() {
        let header = "comment-id,moderated,agrees\n";
        let error = |body: &str| read_comments(format!("{header}{body}").as_bytes(), "comments.csv").unwrap_err();
        assert_eq!(
            error("1,1,0\n2,2,0\n").to_string(),
            "comments.csv line 3: moderated is 2; it is 1 (accepted), 0 (not yet moderated) or -1 (moderated out)"
        );
        assert_eq!(error("1,1,-4\n").to_string(), "comments.csv line 2: `agrees` is -4, not a count");
        assert_eq!(error("seven,1,0\n").to_string(), "comments.csv line 2: `comment-id` is `seven`, not an integer");
        // A quoted body over two lines moves the next record's line on by two.
        let error =
            read_comments("comment-id,comment-body\n1,\"two\nlines\"\nx,b\n".as_bytes(), "comments.csv").unwrap_err();
        assert_eq!(error.line, 4);
    }

    #[test]
    fn the_written_layout_is_pol_is_own() {
        let comment = Comment {
            id: 7,
            timestamp: Some(1_403_054_214_196),
            author: None,
            agrees: 3,
            disagrees: 1,
            moderation: Moderation::ModeratedOut,
            is_meta: false,
            body: "Yes, \"quoted\"".to_owned(),
        };
        let mut out = Vec::new();
        write_comments(&mut out, std::slice::from_ref(&comment)).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n\
             1403054214196,Wed Jun 18 2014 01:16:54 GMT+0000 (Coordinated Universal Time),7,,3,1,-1,\"Yes, \"\"quoted\"\"\"\n"
        );
        let mut out = Vec::new();
        write_comments(&mut out, &[Comment { is_meta: true, ..comment }]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with(
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body,is-meta\n"
            )
        );
        assert!(text.ends_with(",true\n"), "{text}");
    }
}
