//! The Serin dialogue's non-paper: a single negotiating text the facilitator drafts through six
//! versions. Brackets and alternatives close over time; each side comments in plenary and in its
//! caucus and suggests wording; the facilitator accepts, merges and declines, with reasons; an
//! Arabic translation sits beside the English original; both sides sign off the sixth version.

use std::collections::BTreeSet;

use anyhow::{Context, Result};
use tracktwo_app::App;
use tracktwo_app::negotiating_text::NewText;
use tracktwo_domain::dialogue::ConfidentialityMode;
use tracktwo_domain::negotiating_text::feedback::Outcome;
use tracktwo_domain::negotiating_text::{
    Alternative, Body, Clause, ClauseId, Draft, Language, Part, PartId, Renders, Replaces, TextId, clause_hash,
    parse_notation,
};
use tracktwo_domain::{Identity, InitiativeId, Scope, SideId};

/// Who acts on the text.
pub struct Hands {
    pub facilitator: Identity,
    /// A participant of the Upper Vale, and one of the Lowland Coast.
    pub vale: Identity,
    pub coast: Identity,
    pub sides: super::process::Sides,
}

const PARTS: [&str; 4] = ["Purpose and principles", "The Commission", "Data", "Emergencies and review"];

/// Each clause's history: from which version it reads how (`None`: dropped), and in which part.
struct History {
    id: u32,
    parts: &'static [(u32, u32)],
    texts: &'static [(u32, Option<&'static str>)],
}

/// Clause 5 opens as two alternative wordings of the whole clause.
const ALTERNATIVES: &str = "@alternatives";

const CLAUSES: &[History] = &[
    History {
        id: 1,
        parts: &[(1, 1)],
        texts: &[
            (
                1,
                Some(
                    "The Parties [establish|agree to establish] a Joint Serin Data Commission (the Commission) to [monitor|manage] the flows of the Serin.",
                ),
            ),
            (
                3,
                Some(
                    "The Parties establish a Joint Serin Data Commission (the Commission) to monitor the flows of the Serin.",
                ),
            ),
        ],
    },
    History {
        id: 2,
        parts: &[(1, 1)],
        texts: &[
            (
                1,
                Some(
                    "The Commission works on the principle of [equitable|reasonable] use of the waters of the Serin[, without prejudice to existing rights].",
                ),
            ),
            (
                4,
                Some(
                    "The Commission works on the principle of equitable and reasonable use of the waters of the Serin, without prejudice to the positions of either Party.",
                ),
            ),
        ],
    },
    History {
        id: 3,
        parts: &[(1, 1)],
        texts: &[(1, Some("Nothing in this text prejudges the final status of the Kessel Falls works."))],
    },
    History {
        id: 4,
        parts: &[(1, 2)],
        texts: &[
            (
                1,
                Some(
                    "The Commission has [six|eight] members, [three|four] named by each Party, and a chair chosen by both.",
                ),
            ),
            (2, Some("The Commission has six members, three named by each Party, and a chair chosen by both.")),
        ],
    },
    History {
        id: 5,
        parts: &[(1, 2)],
        texts: &[
            (1, Some(ALTERNATIVES)),
            (
                3,
                Some(
                    "The Commission decides by consensus; where consensus fails, the chair refers the matter to both Parties.",
                ),
            ),
        ],
    },
    History {
        id: 6,
        parts: &[(1, 2)],
        texts: &[
            (
                1,
                Some(
                    "The Commission meets [monthly|each quarter] and at the request of either Party [within seven days].",
                ),
            ),
            (4, Some("The Commission meets monthly and at the request of either Party within seven days.")),
        ],
    },
    History {
        id: 7,
        parts: &[(1, 2)],
        texts: &[
            (1, Some("The Commission's seat is at [Brenna|Kessel Falls].")),
            (5, Some("The Commission meets in turn at Brenna and at Kessel Falls.")),
        ],
    },
    History {
        id: 8,
        parts: &[(1, 3)],
        texts: &[
            (
                1,
                Some(
                    "A joint gauge is installed at Kessel Falls [within six months] and read by technicians of both Parties.",
                ),
            ),
            (
                2,
                Some(
                    "A joint gauge is installed at Kessel Falls within six months of signature and read by technicians of both Parties.",
                ),
            ),
        ],
    },
    History {
        id: 9,
        parts: &[(1, 3)],
        texts: &[
            (1, Some("Flow data are published [weekly|daily] on a shared register [open to the public].")),
            (3, Some("Flow data are published weekly on a shared register [open to the public].")),
            (
                5,
                Some(
                    "Flow data are published weekly on a shared register open to the public, with a delay of no more than 48 hours.",
                ),
            ),
        ],
    },
    History {
        id: 10,
        parts: &[(2, 3)],
        texts: &[
            (2, Some("In a dry season, as declared by the Commission, data are published [daily].")),
            (4, Some("In a dry season, as declared by the Commission, data are published daily.")),
        ],
    },
    History {
        id: 11,
        parts: &[(1, 3), (5, 4)],
        texts: &[
            (1, Some("Neither Party uses the Commission's data [as evidence] in proceedings against the other.")),
            (
                6,
                Some(
                    "Neither Party uses the Commission's data in proceedings against the other without the Commission's consent.",
                ),
            ),
        ],
    },
    History {
        id: 12,
        parts: &[(1, 4)],
        texts: &[
            (1, Some("A hotline links the duty officers of the two water boards [at all hours].")),
            (3, Some("A hotline links the named duty officers of the two water boards at all hours.")),
        ],
    },
    History {
        id: 13,
        parts: &[(1, 4)],
        texts: &[
            (1, Some("The Parties review this arrangement [after one year|after two years].")),
            (
                6,
                Some("The Parties review this arrangement after two years, or earlier at the request of either Party."),
            ),
        ],
    },
    History {
        id: 14,
        parts: &[(1, 4)],
        texts: &[(1, Some("[The Commission may call on international experts.]")), (4, None)],
    },
];

const ARABIC: &[(u32, &str)] = &[
    (1, "ينشئ الطرفان لجنة مشتركة لبيانات نهر سيرين (اللجنة) لرصد تدفقات نهر سيرين."),
    (2, "تعمل اللجنة وفق مبدأ الانتفاع المنصف والمعقول بمياه نهر سيرين، دون المساس بمواقف أي من الطرفين."),
    (3, "لا شيء في هذا النص يحدد مسبقا الوضع النهائي لمنشآت شلالات كيسل."),
    (4, "تتألف اللجنة من ستة أعضاء، يسمي كل طرف ثلاثة منهم، ورئيس يختاره الطرفان معا."),
    (5, "تتخذ اللجنة قراراتها بالتوافق؛ وإذا تعذر التوافق، يحيل الرئيس المسألة إلى الطرفين."),
    (6, "تجتمع اللجنة شهريا، وبناء على طلب أي من الطرفين في غضون سبعة أيام."),
    (7, "تجتمع اللجنة بالتناوب في برينا وفي شلالات كيسل."),
    (8, "يركب مقياس مشترك عند شلالات كيسل في غضون ستة أشهر من التوقيع، ويقرؤه فنيون من الطرفين."),
    (9, "تنشر بيانات التدفق أسبوعيا في سجل مشترك مفتوح للجمهور، بتأخير لا يزيد على 48 ساعة."),
    (10, "في موسم الجفاف، كما تعلنه اللجنة، تنشر البيانات يوميا."),
    (11, "لا يستخدم أي من الطرفين بيانات اللجنة في إجراءات ضد الطرف الآخر دون موافقة اللجنة."),
    (12, "يربط خط ساخن بين ضباط المناوبة المسمين في مجلسي المياه على مدار الساعة."),
    (13, "يراجع الطرفان هذا الترتيب بعد سنتين، أو قبل ذلك بناء على طلب أي من الطرفين."),
];
const ARABIC_PARTS: [&str; 4] = ["الغرض والمبادئ", "اللجنة", "البيانات", "الطوارئ والمراجعة"];

fn at_version<T: Copy>(steps: &[(u32, T)], version: u32) -> Option<T> {
    steps.iter().rev().find(|(from, _)| *from <= version).map(|(_, value)| *value)
}

fn clause(id: u32, words: &str) -> Result<Clause> {
    let body = if words == ALTERNATIVES {
        Body::Alternatives(vec![
            Alternative {
                label: "A".into(),
                text: parse_notation("The Commission decides by consensus.")?,
                replaces: Replaces::WholeClause,
            },
            Alternative {
                label: "B".into(),
                text: parse_notation(
                    "The Commission decides by a majority of its members[, including at least one member named by each Party].",
                )?,
                replaces: Replaces::WholeClause,
            },
        ])
    } else {
        Body::Text(parse_notation(words).with_context(|| format!("demo clause c{id}"))?)
    };
    Ok(Clause { id: ClauseId(id), heading: String::new(), body, ad_referendum: false, renders: None })
}

fn version(number: u32) -> Result<Draft> {
    let mut parts: Vec<Part> = PARTS
        .iter()
        .enumerate()
        .map(|(i, heading)| Part {
            id: PartId(u32::try_from(i).unwrap_or(0) + 1),
            heading: (*heading).into(),
            clauses: Vec::new(),
        })
        .collect();
    for history in CLAUSES {
        let (Some(Some(words)), Some(part)) = (at_version(history.texts, number), at_version(history.parts, number))
        else {
            continue;
        };
        let mut clause = clause(history.id, words)?;
        // Settled clauses are marked agreed ad referendum as the sides confirm them.
        clause.ad_referendum = (history.id == 3 && number >= 2) || (history.id == 8 && number >= 4);
        // In the fifth version the clause on the use of data moves to the last part, first.
        let place = &mut parts[usize::try_from(part - 1).unwrap_or(0)].clauses;
        if history.id == 11 && number >= 5 {
            place.insert(0, clause);
        } else {
            place.push(clause);
        }
    }
    Ok(Draft {
        title: "Non-paper: a Joint Serin Data Commission".into(),
        preamble: "The representatives of the Upper Vale and the Lowland Coast, meeting in a personal capacity, \
                   offer the following for the consideration of their authorities."
            .into(),
        parts,
    })
}

fn arabic(source: &Draft) -> Result<Draft> {
    let mut draft = source.clone();
    draft.title = "ورقة غير رسمية: لجنة مشتركة لبيانات نهر سيرين".into();
    draft.preamble =
        "إن ممثلي أعالي الوادي والساحل المنخفض، المجتمعين بصفتهم الشخصية، يقدمون ما يلي لتنظر فيه سلطاتهم.".into();
    for (part, heading) in draft.parts.iter_mut().zip(ARABIC_PARTS) {
        part.heading = heading.into();
        for clause in &mut part.clauses {
            let original = source.clause(clause.id).context("the source has the clause")?;
            let words =
                ARABIC.iter().find(|(id, _)| *id == clause.id.0).map(|(_, w)| *w).context("an Arabic clause")?;
            clause.body = Body::Text(parse_notation(words)?);
            clause.renders = Some(Renders { source: clause_hash(original) });
        }
    }
    Ok(draft)
}

/// Drafts the non-paper into the Serin initiative, with its comments, suggestions and sign-offs.
pub async fn seed(app: &App, initiative: InitiativeId, hands: &Hands) -> Result<TextId> {
    let english = Language::parse("en")?;
    let (f, vale, coast) = (&hands.facilitator, &hands.vale, &hands.coast);
    let (vale_side, coast_side): (SideId, SideId) = (hands.sides.vale, hands.sides.coast);
    let text = app
        .create_text(
            f,
            initiative,
            NewText {
                title: "Non-paper: a Joint Serin Data Commission".into(),
                round: None,
                mode: ConfidentialityMode::ChathamHouse,
                authoritative: english.clone(),
                sides: BTreeSet::from([vale_side, coast_side]),
            },
        )
        .await?;
    app.commit_version(f, initiative, text, english.clone(), version(1)?).await?;
    // The register's options that the first draft turns into clauses.
    let options = app.options(f, initiative).await?;
    for (fragment, clause) in [("joint technical commission", 1), ("hotline", 12)] {
        if let Some((option, _)) = options.iter().find(|(_, o)| o.title.contains(fragment)) {
            app.draft_option_into_clause(f, initiative, text, *option, ClauseId(clause)).await?;
        }
    }
    let plenary = Scope::Plenary;
    let c = ClauseId;
    // Round one of comments on the first draft.
    app.comment_on_text(
        vale,
        initiative,
        text,
        c(5),
        Scope::Caucus(vale_side),
        "Majority voting is out for us: the Vale would be outvoted on every question about the dam.".into(),
        None,
    )
    .await?;
    let slow = app
        .comment_on_text(
            coast,
            initiative,
            text,
            c(6),
            plenary,
            "Meeting each quarter is far too slow for a dry summer like 2024.".into(),
            None,
        )
        .await?;
    let equitable = app.suggest_wording(coast, initiative, text, c(2), plenary,
        "The Commission works on the principle of equitable and reasonable use of the waters of the Serin, without prejudice to the positions of either Party.".into(),
        "Both words are in the 1997 Convention; neither side gives up its position.".into()).await?;
    let seat = app
        .suggest_wording(
            vale,
            initiative,
            text,
            c(7),
            Scope::Caucus(vale_side),
            "The Commission's seat is at Kessel Falls.".into(),
            "The gauge is there.".into(),
        )
        .await?;
    app.comment_on_text(
        f,
        initiative,
        text,
        c(6),
        plenary,
        "Noted: the next drafts add meetings at either Party's request within seven days.".into(),
        Some(slow),
    )
    .await?;
    app.answer_suggestion(
        f,
        initiative,
        text,
        seat,
        Outcome::Declined,
        "A seat on either bank alone is not acceptable to the other side; a rotation follows in a later draft.".into(),
    )
    .await?;
    app.commit_version(f, initiative, text, english.clone(), version(2)?).await?;
    app.commit_version(f, initiative, text, english.clone(), version(3)?).await?;
    app.comment_on_text(
        coast,
        initiative,
        text,
        c(9),
        Scope::Caucus(coast_side),
        "Our council needs the register open to the public: the press will ask on the first day.".into(),
        None,
    )
    .await?;
    let review = app
        .suggest_wording(
            vale,
            initiative,
            text,
            c(13),
            plenary,
            "The Parties review this arrangement after two years.".into(),
            "One year is too short to judge a dry cycle.".into(),
        )
        .await?;
    app.answer_suggestion(
        f,
        initiative,
        text,
        equitable,
        Outcome::Accepted,
        "Both sides can live with the pair of words and the saving clause.".into(),
    )
    .await?;
    app.commit_version(f, initiative, text, english.clone(), version(4)?).await?;
    app.commit_version(f, initiative, text, english.clone(), version(5)?).await?;
    app.answer_suggestion(
        f,
        initiative,
        text,
        review,
        Outcome::Merged,
        "Taken with the Coast's wish to review earlier on request.".into(),
    )
    .await?;
    app.comment_on_text(
        vale,
        initiative,
        text,
        c(11),
        plenary,
        "Who gives the Commission's consent, and how fast?".into(),
        None,
    )
    .await?;
    let last = app.commit_version(f, initiative, text, english, version(6)?).await?;
    app.commit_version(f, initiative, text, Language::parse("ar")?, arabic(&version(6)?)?).await?;
    // Each side names its signatory; both say yes to the sixth version.
    for (side, who) in [(vale_side, vale), (coast_side, coast)] {
        let user = who.user_id().context("a participant is a user")?;
        app.set_signatory(f, initiative, text, side, user, true).await?;
    }
    app.sign_off_text(vale, initiative, text, last.number, last.hash).await?;
    app.sign_off_text(coast, initiative, text, last.number, last.hash).await?;
    carry_to_track_one(app, initiative, text, last.number).await?;
    Ok(text)
}

/// The agreed version goes to both ministries in a readout, one fingerprinted copy each, and the
/// transfer is logged: the text, and the options drafted into it, reach Track One on the record.
async fn carry_to_track_one(app: &App, initiative: InitiativeId, text: TextId, version: u32) -> Result<()> {
    use time::macros::date;
    use tracktwo_domain::transfer::{
        Audience, CarriedText, Evidence, Readout, TransferChannel, TransferDirection, TransferEvent, TransferKind,
        TransferTiming,
    };
    let key_holder = Identity::key_holder();
    let readout = Readout {
        cover: "Both sides' participants said yes to this version of the non-paper, in a personal capacity. It is \
                shared with the two water ministries as a basis for the official talks, not as a commitment of \
                either government."
            .into(),
        wording_variants: true,
        text: Some(CarriedText { text, version }),
        ..Readout::draft("The Serin non-paper as agreed by both sides", Audience::TrackOneOfficial)
    };
    let r = app.create_readout(&key_holder, initiative, readout).await?;
    app.review_readout(&key_holder, initiative, r).await?;
    app.release_readout(&key_holder, initiative, r).await?;
    for (recipient, channel) in [
        ("Deputy Minister, Upper Vale Ministry of Water and Energy", "by hand, Kessel"),
        ("Director of International Affairs, Lowland Coast Foreign Ministry", "by hand, Port Alsen"),
    ] {
        app.issue_copy(&key_holder, initiative, r, recipient, channel, date!(2026 - 06 - 12)).await?;
    }
    let event = TransferEvent {
        on: date!(2026 - 06 - 12),
        what: TransferKind::DraftText,
        direction: TransferDirection::Upward,
        channel: TransferChannel::WrittenReadout,
        timing: TransferTiming::ParaNegotiation,
        evidence: Evidence::Claimed,
        description: "The agreed non-paper went to both ministries in a readout, one copy each.".into(),
        options: Vec::new(),
        readout: Some(r),
        text: None,
    };
    app.log_transfer(&key_holder, initiative, event).await?;
    Ok(())
}
