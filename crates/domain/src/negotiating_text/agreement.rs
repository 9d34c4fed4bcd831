//! Sign-off and the one rule of the one-text: nothing is agreed until everything is agreed.
//!
//! A side says yes to a version's content hash. The text is agreed only when the newest
//! authoritative version has no bracket and no alternative left, and every side the text needs
//! has said yes to that very version and hash. A later version voids every yes given before it,
//! because a yes names the version it was given to.

use std::collections::BTreeSet;

use super::{ContentHash, NegotiatingText};
use crate::Timestamp;
use crate::ids::{SideId, UserId};

/// One side's yes to the package, as it stood in one version.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignOff {
    pub side: SideId,
    pub by: UserId,
    pub version: u32,
    pub hash: ContentHash,
    pub at: Timestamp,
}

/// Where the package stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Agreement {
    /// No version committed yet.
    NoVersion,
    /// Brackets or alternatives remain in the newest version: nothing can be signed.
    Open { version: u32, brackets: usize, alternatives: usize },
    /// Settled text, waiting for the sides.
    AwaitingSignOff { version: u32, signed: BTreeSet<SideId>, missing: BTreeSet<SideId> },
    /// Every side said yes to this version.
    Agreed { version: u32, hash: ContentHash },
}

impl std::fmt::Display for Agreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Agreement::NoVersion => f.write_str("no version yet"),
            Agreement::Open { version, brackets, alternatives } => {
                write!(f, "open: version {version} has {brackets} brackets and {alternatives} alternatives")
            }
            Agreement::AwaitingSignOff { version, signed, missing } => {
                write!(f, "settled at version {version}: {} side(s) signed, {} to sign", signed.len(), missing.len())
            }
            Agreement::Agreed { version, hash } => {
                write!(f, "agreed: every side signed version {version} ({})", hash.short())
            }
        }
    }
}

impl Agreement {
    #[must_use]
    pub fn is_agreed(&self) -> bool {
        matches!(self, Agreement::Agreed { .. })
    }
}

/// The sign-offs that still count: given to the newest version's hash, by someone who may sign
/// for that side.
#[must_use]
pub fn standing_sign_offs<'a>(text: &NegotiatingText, sign_offs: &'a [SignOff]) -> Vec<&'a SignOff> {
    let Some(latest) = text.latest() else { return Vec::new() };
    sign_offs
        .iter()
        .filter(|s| s.version == latest.number && s.hash == latest.hash)
        .filter(|s| text.sides.contains(&s.side) && text.may_sign_for(s.by, s.side))
        .collect()
}

/// Where the text stands, from its versions and every sign-off ever given.
#[must_use]
pub fn agreement(text: &NegotiatingText, sign_offs: &[SignOff]) -> Agreement {
    let Some(latest) = text.latest() else { return Agreement::NoVersion };
    if latest.figures.brackets > 0 || latest.figures.alternatives > 0 {
        return Agreement::Open {
            version: latest.number,
            brackets: latest.figures.brackets,
            alternatives: latest.figures.alternatives,
        };
    }
    let signed: BTreeSet<SideId> = standing_sign_offs(text, sign_offs).into_iter().map(|s| s.side).collect();
    let missing: BTreeSet<SideId> = text.sides.difference(&signed).copied().collect();
    if missing.is_empty() && !text.sides.is_empty() {
        Agreement::Agreed { version: latest.number, hash: latest.hash }
    } else {
        Agreement::AwaitingSignOff { version: latest.number, signed, missing }
    }
}

/// Why a yes was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignOffError {
    #[error("the text has no version to sign yet")]
    NoVersion,
    #[error("version {signed} is no longer the newest; version {latest} is")]
    NotLatest { signed: u32, latest: u32 },
    #[error("the hash given is not the content of version {0}; reload the text and read it again")]
    HashMismatch(u32),
    #[error(
        "the text still has {brackets} brackets and {alternatives} alternatives: nothing is agreed until everything is"
    )]
    Unsettled { brackets: usize, alternatives: usize },
    #[error("this text does not need that side's yes")]
    SideNotNeeded,
    #[error("you are not an authorised signatory for that side")]
    NotASignatory,
    #[error("that side has already signed this version")]
    AlreadySigned,
}

/// Checks a yes before it is recorded.
pub fn check_sign_off(
    text: &NegotiatingText,
    earlier: &[SignOff],
    side: SideId,
    by: UserId,
    version: u32,
    hash: ContentHash,
) -> Result<(), SignOffError> {
    let latest = text.latest().ok_or(SignOffError::NoVersion)?;
    if version != latest.number {
        return Err(SignOffError::NotLatest { signed: version, latest: latest.number });
    }
    if hash != latest.hash {
        return Err(SignOffError::HashMismatch(version));
    }
    if latest.figures.brackets > 0 || latest.figures.alternatives > 0 {
        return Err(SignOffError::Unsettled {
            brackets: latest.figures.brackets,
            alternatives: latest.figures.alternatives,
        });
    }
    if !text.sides.contains(&side) {
        return Err(SignOffError::SideNotNeeded);
    }
    if !text.may_sign_for(by, side) {
        return Err(SignOffError::NotASignatory);
    }
    if standing_sign_offs(text, earlier).iter().any(|s| s.side == side) {
        return Err(SignOffError::AlreadySigned);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::ConfidentialityMode;
    use crate::ids::InitiativeId;
    use crate::negotiating_text::draft::{Body, Clause, ClauseId, Draft, Part, PartId, parse_notation};
    use crate::negotiating_text::{Language, draft_hash};
    use proptest::prelude::*;

    fn side(n: u8) -> SideId {
        SideId::from_random_bytes([n; 16])
    }
    fn user(n: u8) -> UserId {
        UserId::from_random_bytes([n; 16])
    }
    fn at() -> Timestamp {
        time::OffsetDateTime::UNIX_EPOCH
    }

    fn text(sides: u8) -> NegotiatingText {
        NegotiatingText {
            initiative: InitiativeId::from_random_bytes([9; 16]),
            title: "Non-paper".into(),
            round: None,
            mode: ConfidentialityMode::ChathamHouse,
            authoritative: Language::parse("en").unwrap(),
            sides: (1..=sides).map(side).collect(),
            signatories: (1..=sides).map(|n| (side(n), user(n))).collect(),
            versions: Vec::new(),
            drafted_options: Vec::new(),
        }
    }

    fn draft(clauses: &[&str]) -> Draft {
        Draft {
            title: "Non-paper".into(),
            preamble: String::new(),
            parts: vec![Part {
                id: PartId(1),
                heading: String::new(),
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

    /// What happens to a text, in any order.
    #[derive(Debug, Clone)]
    enum Step {
        /// The facilitator commits a draft: each clause bracketed or not.
        Commit(Vec<bool>),
        /// Someone (maybe a signatory, maybe not) says yes for a side, to the newest version
        /// or to an older one, with the right hash or a wrong one.
        SignOff { side: u8, by: u8, stale: bool, wrong_hash: bool },
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            prop::collection::vec(any::<bool>(), 1..5).prop_map(Step::Commit),
            (1u8..4, 1u8..4, prop::bool::weighted(0.2), prop::bool::weighted(0.1))
                .prop_map(|(side, by, stale, wrong_hash)| Step::SignOff { side, by, stale, wrong_hash }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agreed_only_when_settled_and_every_side_signed_the_newest_hash(steps in prop::collection::vec(step(), 1..40)) {
            let mut t = text(2);
            let mut signs: Vec<SignOff> = Vec::new();
            let mut drafts: Vec<Draft> = Vec::new();
            for step in steps {
                match step {
                    Step::Commit(bracketed) => {
                        let words: Vec<String> = bracketed
                            .iter()
                            .enumerate()
                            .map(|(i, b)| if *b { format!("Clause {i} [shall] {}", t.versions.len()) } else { format!("Clause {i} shall {}", t.versions.len()) })
                            .collect();
                        let d = draft(&words.iter().map(String::as_str).collect::<Vec<_>>());
                        let summary = t.commit(&d, t.authoritative.clone(), Some(user(1)), at(), None).unwrap();
                        t.versions.push(summary);
                        drafts.push(d);
                        // Any later version voids every sign-off.
                        prop_assert!(!agreement(&t, &signs).is_agreed());
                    }
                    Step::SignOff { side: s, by, stale, wrong_hash } => {
                        let Some(latest) = t.latest().cloned() else { continue };
                        let version = if stale && latest.number > 1 { latest.number - 1 } else { latest.number };
                        let hash = if wrong_hash { draft_hash(&draft(&["something else"])) } else { t.version(version).unwrap().hash };
                        if check_sign_off(&t, &signs, side(s), user(by), version, hash).is_ok() {
                            signs.push(SignOff { side: side(s), by: user(by), version, hash, at: at() });
                        }
                    }
                }
                let state = agreement(&t, &signs);
                if let Agreement::Agreed { version, hash } = state {
                    let latest = t.latest().unwrap();
                    prop_assert_eq!(version, latest.number);
                    prop_assert_eq!(hash, latest.hash);
                    prop_assert!(drafts.last().unwrap().is_settled());
                    for s in &t.sides {
                        prop_assert!(signs.iter().any(|x| x.side == *s && x.version == version && x.hash == hash && t.may_sign_for(x.by, *s)));
                    }
                }
                // A stored yes that names an older version or a wrong hash never counts, even if
                // it got into the record some other way.
                let mut forged = signs.clone();
                if let Some(latest) = t.latest() {
                    for s in &t.sides {
                        forged.push(SignOff { side: *s, by: user(99), version: latest.number, hash: latest.hash, at: at() });
                        forged.push(SignOff { side: *s, by: user(1), version: latest.number.saturating_sub(1), hash: latest.hash, at: at() });
                    }
                }
                prop_assert_eq!(agreement(&t, &forged).is_agreed(), state.is_agreed());
            }
        }
    }

    #[test]
    fn both_sides_yes_to_the_settled_newest_version_agrees_it_and_a_new_version_voids_it() {
        let mut t = text(2);
        let d = draft(&["The Parties shall meet."]);
        let v = t.commit(&d, t.authoritative.clone(), Some(user(1)), at(), None).unwrap();
        t.versions.push(v.clone());
        let mut signs = Vec::new();
        for n in 1..=2 {
            check_sign_off(&t, &signs, side(n), user(n), v.number, v.hash).unwrap();
            signs.push(SignOff { side: side(n), by: user(n), version: v.number, hash: v.hash, at: at() });
        }
        assert!(agreement(&t, &signs).is_agreed());
        assert_eq!(check_sign_off(&t, &signs, side(1), user(1), v.number, v.hash), Err(SignOffError::AlreadySigned));
        let d2 = draft(&["The Parties shall meet monthly."]);
        let v2 = t.commit(&d2, t.authoritative.clone(), Some(user(1)), at(), None).unwrap();
        t.versions.push(v2);
        assert!(matches!(agreement(&t, &signs), Agreement::AwaitingSignOff { ref missing, .. } if missing.len() == 2));
    }

    #[test]
    fn a_bracketed_text_cannot_be_signed() {
        let mut t = text(1);
        let v = t
            .commit(&draft(&["The Parties [shall] meet."]), t.authoritative.clone(), Some(user(1)), at(), None)
            .unwrap();
        t.versions.push(v.clone());
        assert_eq!(
            check_sign_off(&t, &[], side(1), user(1), v.number, v.hash),
            Err(SignOffError::Unsettled { brackets: 1, alternatives: 0 })
        );
        assert!(matches!(agreement(&t, &[]), Agreement::Open { brackets: 1, .. }));
    }
}
