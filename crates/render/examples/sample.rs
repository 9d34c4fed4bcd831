//! Writes a sample readout as `sample.pdf` and `sample.docx` into the folder given as the only
//! argument (the current folder by default), to look at the layout by eye.

use std::path::PathBuf;

use tracktwo_render::{Block, Document, Inline, render_docx, render_pdf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".to_owned()));
    let document = sample();
    std::fs::write(folder.join("sample.pdf"), render_pdf(&document)?)?;
    std::fs::write(folder.join("sample.docx"), render_docx(&document)?)?;
    Ok(())
}

fn text(text: &str) -> Inline {
    Inline::Text(text.to_owned())
}

fn sample() -> Document {
    let mut blocks = vec![
        Block::Facts(vec![
            ("Initiative".to_owned(), "Upper Basin Dialogue".to_owned()),
            ("Round".to_owned(), "Third round, second day".to_owned()),
            ("Venue".to_owned(), "A lakeside retreat on neutral ground".to_owned()),
            ("Rapporteurs".to_owned(), "R-1 and R-2 (code names)".to_owned()),
        ]),
        Block::Heading { level: 1, text: "Summary".to_owned() },
        Block::Paragraph(vec![
            text("The session reviewed the seasonal allocation formula agreed in principle at the second round. "),
            Inline::Strong("Both delegations".to_owned()),
            text(" reported that their capitals accept a joint technical committee, provided it meets "),
            Inline::Emphasis("before".to_owned()),
            text(" the dry season and its findings stay advisory. Nothing said in the room binds any government."),
        ]),
        Block::Bullets(vec![
            vec![Inline::Strong("Upstream:".to_owned()), text(" storage first, releases timed to the harvest.")],
            vec![Inline::Strong("Downstream:".to_owned()), text(" a guaranteed minimum flow, measured jointly.")],
            vec![text("Both: hydrological data can be exchanged from next month, through the facilitators.")],
        ]),
        Block::Note {
            label: "Rapporteur's note".to_owned(),
            text: "The figures below were read out but not circulated on paper; participants asked that they not be attributed."
                .to_owned(),
        },
        Block::Heading { level: 2, text: "Figures tabled".to_owned() },
        Block::Table {
            header: vec!["Station".to_owned(), "Flow (m³/s)".to_owned(), "Remark".to_owned()],
            rows: vec![
                vec!["North gauge".to_owned(), "412".to_owned(), "Measured jointly since March".to_owned()],
                vec!["South gauge".to_owned(), "388".to_owned(), "".to_owned()],
                vec!["Delta".to_owned(), "97".to_owned(), "Disputed by one side; to be re-measured".to_owned()],
            ],
        },
        Block::Heading { level: 3, text: "In the participants' own words".to_owned() },
        Block::Paragraph(vec![text("Ελληνικά: η συνάντηση ολοκληρώθηκε. Русский: встреча завершилась в пятницу.")]),
        Block::Paragraph(vec![text("עברית: הפגישה הסתיימה ביום שישי.")]),
        Block::Paragraph(vec![text("العربية: انتهى الاجتماع يوم الجمعة.")]),
        Block::Paragraph(vec![text("中文：会议于星期五结束。 Emoji: 🤝")]),
        Block::Paragraph(vec![text(r#"Markup stays text: #read("/etc/passwd") $x^2$ *not bold* ] [ \ <w:t>"#)]),
    ];
    for round in 1..=4 {
        blocks.push(Block::Heading { level: 1, text: format!("Session {round}: options discussed") });
        blocks.push(Block::Paragraph(vec![text(
            "Participants tested three options for sharing the shortfall in a dry year: a fixed ratio, a ratio that \
             moves with measured inflow, and a banking scheme in which unused allocation carries over. The facilitators \
             summarised each option's effect on both sides' irrigation season and asked each delegation to name what it \
             would need to hear from the other to take an option home. Several participants asked that the options be \
             written up without attribution and circulated before the next round.",
        )]));
        blocks.push(Block::Bullets(vec![
            vec![text("Fixed ratio: simple to monitor, but punishes the downstream side in a very dry year.")],
            vec![text("Moving ratio: fairer on paper; depends on trust in the gauges.")],
            vec![text("Banking: attractive to both, hardest to explain to farmers.")],
        ]));
    }
    Document {
        title: "Readout: Third Round of the Upper Basin Dialogue".to_owned(),
        running_head: "Chatham House Rule — not for attribution".to_owned(),
        copy_mark: "Copy 3 of 20 — Ministry of Water".to_owned(),
        subject: "Water-sharing dialogue, round three".to_owned(),
        blocks,
        ..Document::default()
    }
}
