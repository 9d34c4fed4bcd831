//! The single negotiating text: one pen (only the facilitator and the convener commit a
//! version), caucus comments that reach their side and the team only, and a package agreed
//! only when nothing is left open and every side said yes to the same version.

use std::collections::BTreeSet;

use tracktwo_app::AppError;
use tracktwo_app::negotiating_text::{NewText, TextRefusal};
use tracktwo_domain::dialogue::ConfidentialityMode;
use tracktwo_domain::negotiating_text::agreement::{Agreement, SignOffError};
use tracktwo_domain::negotiating_text::feedback::{Outcome, Voice};
use tracktwo_domain::negotiating_text::{
    Body, Clause, ClauseId, Draft, Language, Part, PartId, Renders, TextId, clause_hash, parse_notation,
};
use tracktwo_domain::{Identity, InitiativeId, MemberRole, NewSide, Scope, SideId};

use crate::World;

fn draft(clauses: &[&str]) -> Draft {
    Draft {
        title: "Non-paper on the river".into(),
        preamble: String::new(),
        parts: vec![Part {
            id: PartId(1),
            heading: "Water".into(),
            clauses: clauses
                .iter()
                .enumerate()
                .map(|(i, words)| Clause {
                    id: ClauseId(u32::try_from(i).unwrap() + 1),
                    heading: String::new(),
                    body: Body::Text(parse_notation(words).unwrap()),
                    ad_referendum: false,
                    renders: None,
                })
                .collect(),
        }],
    }
}

struct Table {
    w: World,
    initiative: InitiativeId,
    sides: [SideId; 2],
    convener: Identity,
    facilitator: Identity,
    rapporteur: Identity,
    /// A participant of each side.
    a: Identity,
    b: Identity,
    official: Identity,
    funder: Identity,
    evaluator: Identity,
    observer: Identity,
    operations: Identity,
}

impl Table {
    async fn new() -> Self {
        let w = World::new().await;
        let initiative = w.initiative("River talks", false).await;
        let kh = Identity::key_holder();
        let mut sides = [SideId::from_random_bytes([0; 16]); 2];
        for (i, name) in ["Upper Vale", "Lower Vale"].into_iter().enumerate() {
            sides[i] = w.app.add_side(&kh, initiative, NewSide { name: name.into() }).await.unwrap().id;
        }
        let member = |name: &'static str, role, side| {
            let w = &w;
            async move { w.member(name, initiative, role, side).await }
        };
        Self {
            convener: member("convener", MemberRole::Convener, None).await,
            facilitator: member("facilitator", MemberRole::Facilitator, None).await,
            rapporteur: member("rapporteur", MemberRole::Rapporteur, None).await,
            a: member("upper", MemberRole::Participant, Some(sides[0])).await,
            b: member("lower", MemberRole::Participant, Some(sides[1])).await,
            official: member("official", MemberRole::Official, Some(sides[0])).await,
            funder: member("funder", MemberRole::Funder, None).await,
            evaluator: member("evaluator", MemberRole::Evaluator, None).await,
            observer: member("observer", MemberRole::Observer, None).await,
            operations: member("operations", MemberRole::Operations, None).await,
            w,
            initiative,
            sides,
        }
    }

    async fn text(&self) -> TextId {
        let new = NewText {
            title: "Non-paper on the river".into(),
            round: None,
            mode: ConfidentialityMode::ChathamHouse,
            authoritative: Language::parse("en").unwrap(),
            sides: BTreeSet::new(),
        };
        self.w.app.create_text(&self.facilitator, self.initiative, new).await.unwrap()
    }

    /// An option raised in the register, as the facilitator adds it.
    async fn option(&self, title: &str) -> tracktwo_domain::OptionId {
        use tracktwo_domain::dialogue::{DialogueOption, OptionStatus};
        let option = DialogueOption {
            title: title.into(),
            description: String::new(),
            issues: Vec::new(),
            raised_in: Vec::new(),
            supported_by: Default::default(),
            status: OptionStatus::Raised,
            history: Vec::new(),
        };
        let on = time::macros::date!(2026 - 01 - 10);
        self.w.app.add_option(&self.facilitator, self.initiative, option, on).await.unwrap()
    }

    async fn commit(&self, who: &Identity, text: TextId, clauses: &[&str]) -> Result<u32, AppError> {
        let language = Language::parse("en").unwrap();
        self.w.app.commit_version(who, self.initiative, text, language, draft(clauses)).await.map(|v| v.number)
    }
}

fn refused(result: Result<impl std::fmt::Debug, AppError>) -> bool {
    matches!(result, Err(AppError::Forbidden(_) | AppError::NotFound))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_facilitator_and_the_convener_commit_a_version() {
    let t = Table::new().await;
    let text = t.text().await;
    assert_eq!(t.commit(&t.facilitator, text, &["The Parties [shall] share the river."]).await.unwrap(), 1);
    assert_eq!(t.commit(&t.convener, text, &["The Parties shall share the river."]).await.unwrap(), 2);
    for who in [&t.rapporteur, &t.a, &t.b, &t.official, &t.funder, &t.evaluator, &t.observer, &t.operations] {
        assert!(refused(t.commit(who, text, &["Someone else's pen."]).await), "{who:?} committed a version");
        let new = NewText {
            title: "Another".into(),
            round: None,
            mode: ConfidentialityMode::ChathamHouse,
            authoritative: Language::parse("en").unwrap(),
            sides: BTreeSet::new(),
        };
        assert!(refused(t.w.app.create_text(who, t.initiative, new).await), "{who:?} opened a text");
    }
    let listed = t.w.app.texts(&t.facilitator, t.initiative).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].versions, 2, "the refused commits left nothing behind");
    // A version that changes nothing is refused rather than voiding sign-offs for nothing.
    assert!(matches!(
        t.commit(&t.facilitator, text, &["The Parties shall share the river."]).await,
        Err(AppError::TextRefused(TextRefusal::Commit(_)))
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_caucus_comment_reaches_its_side_and_the_team_and_no_one_else() {
    let t = Table::new().await;
    let text = t.text().await;
    t.commit(&t.facilitator, text, &["The Parties [shall|should] share the river.", "A commission meets."])
        .await
        .unwrap();
    let app = &t.w.app;
    let (i, c1) = (t.initiative, ClauseId(1));
    let caucus_a = Scope::Caucus(t.sides[0]);
    let secret = "CAUCUS-A-ONLY our red line is the dam";
    app.comment_on_text(&t.a, i, text, c1, caucus_a, secret.into(), None).await.unwrap();
    app.suggest_wording(
        &t.a,
        i,
        text,
        c1,
        caucus_a,
        "The Parties shall share [DAM-WORDING] the river.".into(),
        String::new(),
    )
    .await
    .unwrap();
    app.comment_on_text(&t.b, i, text, c1, Scope::Plenary, "We can live with should.".into(), None).await.unwrap();
    // The other side cannot write into side A's caucus, nor learn it is there.
    assert!(matches!(
        app.comment_on_text(&t.b, i, text, c1, caucus_a, "peek".into(), None).await,
        Err(AppError::NotFound)
    ));
    for (who, sees_caucus) in [
        (&t.a, true),
        (&t.facilitator, true),
        (&t.convener, true),
        (&t.rapporteur, true),
        (&t.b, false),
        (&t.observer, false),
    ] {
        let view = app.text(who, i, text, None, None).await.unwrap();
        let words: Vec<&str> = view
            .comments
            .iter()
            .map(|(_, c)| c.body.as_str())
            .chain(view.suggestions.iter().map(|(_, s)| s.wording.as_str()))
            .collect();
        let sees = words.iter().any(|w| w.contains("CAUCUS-A-ONLY")) || words.iter().any(|w| w.contains("DAM-WORDING"));
        assert_eq!(sees, sees_caucus, "{who:?}");
        assert!(words.iter().any(|w| w.contains("live with should")), "{who:?} misses the plenary comment");
        let pending = view.pending.count();
        assert!(pending >= 2, "the open choice and the plenary comment are pending for {who:?}");
    }
    // Officials, funders, evaluators and operations do not read the raw text at all: they get
    // released readouts.
    for who in [&t.official, &t.funder, &t.evaluator, &t.operations] {
        assert!(refused(app.text(who, i, text, None, None).await), "{who:?} opened the text");
        assert!(refused(app.texts(who, i).await), "{who:?} listed the texts");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_package_is_agreed_when_settled_and_signed_by_both_and_a_new_version_voids_the_yes() {
    let t = Table::new().await;
    let text = t.text().await;
    let app = &t.w.app;
    let i = t.initiative;
    t.commit(&t.facilitator, text, &["The Parties [shall|should] share the river."]).await.unwrap();
    let suggestion = app
        .suggest_wording(
            &t.b,
            i,
            text,
            ClauseId(1),
            Scope::Plenary,
            "The Parties shall share the river.".into(),
            "Firmer.".into(),
        )
        .await
        .unwrap();
    app.answer_suggestion(&t.facilitator, i, text, suggestion, Outcome::Accepted, "Both can live with it.".into())
        .await
        .unwrap();
    assert!(matches!(
        app.answer_suggestion(&t.facilitator, i, text, suggestion, Outcome::Declined, "Again".into()).await,
        Err(AppError::TextRefused(TextRefusal::AlreadyAnswered))
    ));
    // A participant cannot answer suggestions: one pen.
    assert!(refused(app.answer_suggestion(&t.a, i, text, suggestion, Outcome::Declined, "No".into()).await));

    // Signatories: a participant of the side, named by the pen.
    let (a_id, b_id) = (t.a.user_id().unwrap(), t.b.user_id().unwrap());
    assert!(matches!(
        app.set_signatory(&t.facilitator, i, text, t.sides[0], b_id, true).await,
        Err(AppError::TextRefused(TextRefusal::SignatoryNotOfSide))
    ));
    app.set_signatory(&t.facilitator, i, text, t.sides[0], a_id, true).await.unwrap();
    app.set_signatory(&t.facilitator, i, text, t.sides[1], b_id, true).await.unwrap();

    // Version 1 still has its choice open: nothing can be signed.
    let v1 = app.text(&t.a, i, text, None, None).await.unwrap();
    assert!(matches!(v1.agreement, Agreement::Open { .. }));
    assert!(matches!(
        app.sign_off_text(&t.a, i, text, 1, v1.version.summary.hash).await,
        Err(AppError::TextRefused(TextRefusal::SignOff(SignOffError::Unsettled { .. })))
    ));

    t.commit(&t.facilitator, text, &["The Parties shall share the river."]).await.unwrap();
    let v2 = app.text(&t.a, i, text, None, None).await.unwrap();
    let accepted = v2.suggestions.iter().find(|(id, _)| *id == suggestion).unwrap();
    assert_eq!(accepted.1.voice, Voice::Side(t.sides[1]), "credited to the side");
    assert_eq!(accepted.1.answer.as_ref().unwrap().for_version, 2);
    let hash = v2.version.summary.hash;
    // A stale hash (the reader's page is out of date) is refused.
    assert!(matches!(
        app.sign_off_text(&t.a, i, text, 2, v1.version.summary.hash).await,
        Err(AppError::TextRefused(TextRefusal::SignOff(SignOffError::HashMismatch(2))))
    ));
    // The facilitator and observers sign for no side.
    assert!(refused(app.sign_off_text(&t.facilitator, i, text, 2, hash).await));
    assert!(refused(app.sign_off_text(&t.observer, i, text, 2, hash).await));
    let after_a = app.sign_off_text(&t.a, i, text, 2, hash).await.unwrap();
    assert!(matches!(after_a, Agreement::AwaitingSignOff { ref missing, .. } if missing.len() == 1));
    let after_b = app.sign_off_text(&t.b, i, text, 2, hash).await.unwrap();
    assert_eq!(after_b, Agreement::Agreed { version: 2, hash });
    assert!(app.texts(&t.observer, i).await.unwrap()[0].agreement.is_agreed());

    // Any later version voids every yes.
    t.commit(&t.facilitator, text, &["The Parties shall share the river fairly."]).await.unwrap();
    let v3 = app.text(&t.b, i, text, None, None).await.unwrap();
    assert!(matches!(v3.agreement, Agreement::AwaitingSignOff { ref signed, .. } if signed.is_empty()));
    assert!(v3.sign_offs.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_translated_clause_shows_out_of_date_when_its_source_changes() {
    let t = Table::new().await;
    let text = t.text().await;
    let app = &t.w.app;
    let i = t.initiative;
    t.commit(&t.facilitator, text, &["The Parties shall share the river.", "A commission meets monthly."])
        .await
        .unwrap();
    let source = app.text(&t.facilitator, i, text, None, None).await.unwrap().version.draft;
    let mut arabic = draft(&["يتقاسم الطرفان النهر.", "تجتمع لجنة شهريا."]);
    for clause in &mut arabic.parts[0].clauses {
        clause.renders = Some(Renders { source: clause_hash(source.clause(clause.id).unwrap()) });
    }
    let ar = Language::parse("ar").unwrap();
    assert!(ar.is_right_to_left());
    app.commit_version(&t.facilitator, i, text, ar.clone(), arabic).await.unwrap();
    let view = app.text(&t.a, i, text, None, Some(ar.clone())).await.unwrap();
    assert!(view.version.out_of_date.is_empty());
    assert_eq!(view.source.as_ref().unwrap().summary.number, 1);
    t.commit(&t.facilitator, text, &["The Parties shall share the river.", "A commission meets each quarter."])
        .await
        .unwrap();
    let view = app.text(&t.a, i, text, None, Some(ar)).await.unwrap();
    assert_eq!(view.version.out_of_date, vec![ClauseId(2)]);
    // A translation of a clause the source does not have is refused.
    let stray = draft(&["a", "b", "c"]);
    assert!(matches!(
        app.commit_version(&t.facilitator, i, text, Language::parse("ru").unwrap(), stray).await,
        Err(AppError::TextRefused(TextRefusal::Commit(_)))
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comparison_names_what_changed_between_two_versions() {
    let t = Table::new().await;
    let text = t.text().await;
    t.commit(&t.facilitator, text, &["One [shall] hold.", "Two.", "Three."]).await.unwrap();
    t.commit(&t.facilitator, text, &["One shall hold.", "Two."]).await.unwrap();
    let (_, _, comparison) = t.w.app.compare_versions(&t.a, t.initiative, text, 1, 2).await.unwrap();
    use tracktwo_domain::negotiating_text::compare::ClauseChangeKind as K;
    assert_eq!(comparison.count(K::Reworded), 1);
    assert_eq!(comparison.count(K::Removed), 1);
    assert_eq!(comparison.from.brackets, 1);
    assert_eq!(comparison.to.brackets, 0);
    assert!(matches!(
        t.w.app.compare_versions(&t.a, t.initiative, text, 1, 9).await,
        Err(AppError::TextRefused(TextRefusal::NoSuchVersion(9)))
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_option_drafted_into_a_clause_is_linked_from_both() {
    let t = Table::new().await;
    let text = t.text().await;
    let app = &t.w.app;
    let option = t.option("A joint gauge").await;
    // Not before the clause exists.
    assert!(matches!(
        app.draft_option_into_clause(&t.facilitator, t.initiative, text, option, ClauseId(2)).await,
        Err(AppError::TextRefused(TextRefusal::NoSuchClause(_)))
    ));
    t.commit(&t.facilitator, text, &["A gauge.", "A joint gauge at the falls."]).await.unwrap();
    assert!(refused(app.draft_option_into_clause(&t.a, t.initiative, text, option, ClauseId(2)).await));
    app.draft_option_into_clause(&t.facilitator, t.initiative, text, option, ClauseId(2)).await.unwrap();
    app.draft_option_into_clause(&t.facilitator, t.initiative, text, option, ClauseId(2)).await.unwrap();
    let listed = app.texts(&t.a, t.initiative).await.unwrap();
    assert_eq!(listed[0].drafted_options, vec![(option, ClauseId(2))], "linked once");
    let view = app.text(&t.b, t.initiative, text, None, None).await.unwrap();
    assert_eq!(view.text.drafted_options, vec![(option, ClauseId(2))]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_readout_carries_a_committed_version_whose_copies_trace_and_whose_transfer_names_it() {
    use tracktwo_app::transfer::Traced;
    use tracktwo_domain::transfer::{
        Audience, CarriedText, Evidence, Readout, TransferChannel, TransferDirection, TransferEvent, TransferKind,
        TransferTiming,
    };
    let t = Table::new().await;
    let app = &t.w.app;
    let text = t.text().await;
    let clauses = [
        "The Parties [shall|will] establish a joint commission on the river within three months of signature.",
        "The commission shall consist of four members from each side, appointed for a term of two years.",
        "Each side shall share the readings of its gauges with the other side every six hours during the summer.",
        "The duty officers of the two water boards shall be linked by a hotline at all hours of the day.",
        "In an emergency the commission shall meet within forty-eight hours at the request of either side.",
        "The Parties shall review the arrangements after the first year, with regard to the experience gained.",
    ];
    let version = t.commit(&t.facilitator, text, &clauses).await.unwrap();
    let option = t.option("A hotline").await;
    app.draft_option_into_clause(&t.facilitator, t.initiative, text, option, ClauseId(4)).await.unwrap();
    let readout = |carried| Readout {
        wording_variants: true,
        text: Some(carried),
        ..Readout::draft("The non-paper for the ministries", Audience::TrackOneOfficial)
    };
    // Only a committed version can be carried.
    assert!(matches!(
        app.create_readout(&t.convener, t.initiative, readout(CarriedText { text, version: 9 })).await,
        Err(AppError::TextRefused(TextRefusal::NoSuchVersion(9)))
    ));
    let carried = CarriedText { text, version };
    let r = app.create_readout(&t.convener, t.initiative, readout(carried)).await.unwrap();
    app.review_readout(&t.convener, t.initiative, r).await.unwrap();
    app.release_readout(&t.convener, t.initiative, r).await.unwrap();
    // A later version does not change what was released.
    t.commit(&t.facilitator, text, &["Another text altogether."]).await.unwrap();
    let view = app.readout(&t.convener, t.initiative, r).await.unwrap();
    let released: Vec<&String> = view.text.iter().flat_map(|s| &s.paragraphs).collect();
    for (i, words) in clauses.iter().enumerate() {
        assert!(
            released.iter().any(|p| p.starts_with(&format!("c{} ", i + 1)) && p.ends_with(words)),
            "clause {} is not carried as written",
            i + 1
        );
    }
    let mut copies = Vec::new();
    for recipient in ["Vale ministry", "Coast ministry", "Envoy"] {
        let on = time::macros::date!(2026 - 02 - 01);
        copies.push(app.issue_copy(&t.convener, t.initiative, r, recipient, "by hand", on).await.unwrap());
    }
    // The clauses of copy 2, as a leak would show them: they name copy 2.
    let copy = app.copy_to_render(&t.convener, t.initiative, copies[1]).await.unwrap();
    let passage: Vec<String> = copy
        .text
        .iter()
        .skip(1)
        .flat_map(|s| s.paragraphs.iter().map(|p| p.split_once(' ').unwrap().1.to_owned()))
        .collect();
    match app.trace_leak(&t.convener, t.initiative, r, &passage.join("\n")).await.unwrap() {
        Traced::Copy { number, .. } => assert_eq!(number, 2),
        other => panic!("the carried text did not name its copy: {other:?}"),
    }
    // Logged as a transfer of the readout, the text and the option drafted into it go with it.
    let event = TransferEvent {
        on: time::macros::date!(2026 - 02 - 02),
        what: TransferKind::DraftText,
        direction: TransferDirection::Upward,
        channel: TransferChannel::WrittenReadout,
        timing: TransferTiming::ParaNegotiation,
        evidence: Evidence::Claimed,
        description: String::new(),
        options: Vec::new(),
        readout: Some(r),
        text: None,
    };
    app.log_transfer(&t.convener, t.initiative, event).await.unwrap();
    let (transfers, _) = app.transfer_log(&t.funder, t.initiative).await.unwrap();
    assert_eq!(transfers.len(), 1);
    assert_eq!(transfers[0].1.text, Some(carried));
    assert_eq!(transfers[0].1.options, vec![option]);
}
