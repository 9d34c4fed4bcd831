//! The curated tables of equivalent forms: spelling conventions, compounds, the field's own
//! terms, abbreviations, and — used only when the convener enables wording variants — equivalent
//! wordings and contractions.
//!
//! Within a group, forms are listed in the same convention order across a family (British first),
//! so that one choice made for a whole sentence keeps that sentence consistent.

use crate::sites::Kind;

/// When a group's form may be varied, judged on the original text around it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum When {
    Always,
    /// Only as the first words of a sentence ("However, …" / "But …").
    SentenceStart,
    /// Never as the first words of a sentence ("For example, …" cannot become "E.g., …").
    MidSentence,
    /// Only right before a number ("about 40" / "around 40").
    BeforeNumber,
    /// Not when the next word is one of these ("must not" cannot become "will have to not").
    NextNotIn(&'static [&'static str]),
    /// Not when the previous word is one of these ("even though" cannot become "even although").
    PrevNotIn(&'static [&'static str]),
    /// Only when the next word is one of these ("noted that the …" may drop "that"; "showed that
    /// figure" may not).
    NextIn(&'static [&'static str]),
    /// Only when the previous word is one of these ("the present programme", not "to present").
    PrevIn(&'static [&'static str]),
    /// Only before a plural noun, not after "between" ("both governments" / "the two governments").
    NextPlural,
    /// Only after a comma and before a clause: a determiner or pronoun, or a name (", while the
    /// Coast …" / ", whereas the Coast …"; not ", while travelling").
    ContrastAfterComma,
    /// Only where no word follows: the verb ends its clause ("twelve participants took part:" /
    /// "attended:"; not "attended the meeting", which cannot become "took part the meeting").
    BeforeAMark,
}

/// How a chosen form takes its capitals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Casing {
    /// The table is lower case; a form begins with a capital when the original did (sentence
    /// start). Originals with a capital elsewhere are names and are never varied.
    FollowOriginal,
    /// The forms are written as they must appear ("Track Two", "Track II"); the original must be
    /// one of them exactly.
    Fixed,
}

#[derive(Clone, Debug)]
pub(crate) struct Group {
    pub forms: Vec<String>,
    /// The first `triggers` forms mark a site when found; the others are only ever produced
    /// ("in order to" becomes "to", but not every "to" becomes "in order to").
    pub triggers: usize,
    pub when: When,
    pub kind: Kind,
    /// Groups of one convention (all -ise/-ize words) share a family, chosen once per sentence.
    pub family: Option<&'static str>,
    pub casing: Casing,
}

fn group(kind: Kind, family: Option<&'static str>, forms: &[&str]) -> Group {
    // A spelling that differs by a hyphen is a compound's, changed by any slip of punctuation.
    let kind = if kind == Kind::Spelling && forms.iter().any(|f| f.contains('-')) { Kind::Hyphen } else { kind };
    Group {
        forms: forms.iter().map(|f| (*f).to_owned()).collect(),
        triggers: forms.len(),
        when: When::Always,
        kind,
        family,
        casing: Casing::FollowOriginal,
    }
}

fn triggered_by_first(mut g: Group, triggers: usize) -> Group {
    g.triggers = triggers;
    g
}

fn when(mut g: Group, when: When) -> Group {
    g.when = when;
    g
}

/// Stems that take -ise in British and -ize in American spelling. Only the verb and its
/// derivatives vary (organise, organisation), never a noun ending in -is ("emphasis" stays).
const ISE_STEMS: &[&str] = &[
    "agon",
    "antagon",
    "apolog",
    "author",
    "capital",
    "categor",
    "central",
    "character",
    "civil",
    "colon",
    "commercial",
    "compartmental",
    "conceptual",
    "contextual",
    "criminal",
    "critic",
    "custom",
    "decentral",
    "decriminal",
    "demilitar",
    "demobil",
    "democrat",
    "depolar",
    "desecurit",
    "destabil",
    "digit",
    "emphas",
    "energ",
    "equal",
    "fertil",
    "final",
    "formal",
    "general",
    "global",
    "harmon",
    "hospital",
    "human",
    "hypothes",
    "ideal",
    "immun",
    "incentiv",
    "industrial",
    "institutional",
    "internal",
    "international",
    "jeopard",
    "legal",
    "legitim",
    "liberal",
    "local",
    "marginal",
    "material",
    "maxim",
    "mechan",
    "memor",
    "militar",
    "minim",
    "mobil",
    "modern",
    "moral",
    "national",
    "natural",
    "neutral",
    "normal",
    "operational",
    "optim",
    "organ",
    "personal",
    "polar",
    "politic",
    "popular",
    "priorit",
    "privat",
    "public",
    "radical",
    "random",
    "rational",
    "real",
    "recogn",
    "regional",
    "regular",
    "reorgan",
    "revital",
    "scrutin",
    "securit",
    "social",
    "special",
    "stabil",
    "standard",
    "stigmat",
    "subsid",
    "summar",
    "symbol",
    "sympath",
    "synchron",
    "terror",
    "trivial",
    "urban",
    "util",
    "victim",
    "visual",
    "vocal",
    "weapon",
];
const ISE_ENDINGS: &[&str] = &["e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational", "able"];

/// British -our, American -or.
const OUR_WORDS: &[&str] = &[
    "armour",
    "behaviour",
    "candour",
    "clamour",
    "colour",
    "endeavour",
    "favour",
    "flavour",
    "harbour",
    "honour",
    "humour",
    "labour",
    "neighbour",
    "odour",
    "parlour",
    "rumour",
    "saviour",
    "savour",
    "splendour",
    "valour",
    "vapour",
    "vigour",
];
const OUR_ENDINGS: &[&str] =
    &["", "s", "ed", "ing", "er", "ers", "able", "ably", "al", "hood", "hoods", "ite", "ites", "ful", "less", "ly"];

/// British doubles the final l before an ending (travelled), American does not (traveled).
const DOUBLE_L_WORDS: &[&str] = &[
    "bevel", "cancel", "channel", "counsel", "dial", "duel", "enamel", "equal", "fuel", "gravel", "grovel", "jewel",
    "label", "level", "libel", "marshal", "marvel", "model", "panel", "pedal", "quarrel", "refuel", "remodel", "rival",
    "shovel", "signal", "total", "travel", "tunnel", "unravel",
];
const DOUBLE_L_ENDINGS: &[&str] = &["ed", "ing", "er", "ers", "or", "ors"];

/// The groups in force for a readout: with `more_sites` (wording variants on, under
/// [`CodeScheme::SeparatedMoreSites`](crate::CodeScheme::SeparatedMoreSites)) some wordings take a
/// third form and a few more groups are added, after all the others so that those of earlier
/// schemes are found exactly as before. With `further_sites` as well (under
/// [`CodeScheme::SeparatedFurtherSites`](crate::CodeScheme::SeparatedFurtherSites)) a few more
/// wordings take a third form, found where they were.
pub(crate) fn groups(
    wording_variants: bool,
    curly_apostrophe: bool,
    more_sites: bool,
    further_sites: bool,
) -> Vec<Group> {
    let mut out = Vec::new();
    let spelling = |family: &'static str, forms: &[&str]| group(Kind::Spelling, Some(family), forms);

    for stem in ISE_STEMS {
        for ending in ISE_ENDINGS {
            out.push(spelling("ise", &[&format!("{stem}is{ending}"), &format!("{stem}iz{ending}")]));
        }
    }
    for stem in ["anal", "paral", "catal"] {
        // Not "analyses": it is also the plural of "analysis".
        for ending in ["e", "ed", "ing", "er", "ers"] {
            out.push(spelling("yse", &[&format!("{stem}ys{ending}"), &format!("{stem}yz{ending}")]));
        }
    }
    for word in OUR_WORDS {
        let american = word.replacen("our", "or", 1);
        for ending in OUR_ENDINGS {
            out.push(spelling("our", &[&format!("{word}{ending}"), &format!("{american}{ending}")]));
        }
    }
    for word in DOUBLE_L_WORDS {
        for ending in DOUBLE_L_ENDINGS {
            out.push(spelling("double-l", &[&format!("{word}l{ending}"), &format!("{word}{ending}")]));
        }
    }
    for pair in [
        ["centre", "center"],
        ["centres", "centers"],
        ["centred", "centered"],
        ["kilometre", "kilometer"],
        ["kilometres", "kilometers"],
        ["litre", "liter"],
        ["litres", "liters"],
        ["theatre", "theater"],
        ["fibre", "fiber"],
        ["calibre", "caliber"],
        ["spectre", "specter"],
        ["sombre", "somber"],
        ["meagre", "meager"],
    ] {
        out.push(spelling("re", &pair));
    }
    // A water meter is a "meter" in British English too: only "metre" may vary.
    for pair in [["metre", "meter"], ["metres", "meters"]] {
        out.push(triggered_by_first(spelling("re", &pair), 1));
    }
    for pair in [
        ["defence", "defense"],
        ["defences", "defenses"],
        ["offence", "offense"],
        ["offences", "offenses"],
        ["pretence", "pretense"],
    ] {
        out.push(spelling("ce", &pair));
    }
    // British "license" is the verb; only the noun "licence" may vary.
    for pair in [["licence", "license"], ["licences", "licenses"]] {
        out.push(triggered_by_first(spelling("ce", &pair), 1));
    }
    // "program" is also software in British English: only "programme" may vary.
    for pair in [["programme", "program"], ["programmes", "programs"]] {
        out.push(triggered_by_first(spelling("programme", &pair), 1));
    }
    for forms in [
        &["judgement", "judgment"][..],
        &["judgements", "judgments"],
        &["acknowledgement", "acknowledgment"],
        &["acknowledgements", "acknowledgments"],
        &["ageing", "aging"],
        &["grey", "gray"],
        &["catalogue", "catalog"],
        &["catalogues", "catalogs"],
        &["towards", "toward"],
        &["amongst", "among"],
        &["afterwards", "afterward"],
        &["learnt", "learned"],
        &["spelt", "spelled"],
        &["dreamt", "dreamed"],
        &["leapt", "leaped"],
        &["focused", "focussed"],
        &["focusing", "focussing"],
        &["benefited", "benefitted"],
        &["benefiting", "benefitting"],
        &["sceptical", "skeptical"],
        &["sceptic", "skeptic"],
        &["sceptics", "skeptics"],
        &["scepticism", "skepticism"],
        &["manoeuvre", "maneuver"],
        &["manoeuvres", "maneuvers"],
        &["manoeuvred", "maneuvered"],
        &["manoeuvring", "maneuvering"],
        &["convener", "convenor"],
        &["conveners", "convenors"],
        &["adviser", "advisor"],
        &["advisers", "advisors"],
        &["plough", "plow"],
        &["ploughs", "plows"],
        &["ploughed", "plowed"],
        &["fulfil", "fulfill"],
        &["fulfils", "fulfills"],
        &["fulfilment", "fulfillment"],
        &["enrol", "enroll"],
        &["enrols", "enrolls"],
        &["enrolment", "enrollment"],
        &["instalment", "installment"],
        &["instalments", "installments"],
        &["skilful", "skillful"],
        &["wilful", "willful"],
        &["upwards", "upward"],
        &["downwards", "downward"],
        &["backwards", "backward"],
    ] {
        out.push(group(Kind::Spelling, None, forms));
    }
    if wording_variants && further_sites {
        // A contrasting "whilst" after a comma may also be "whereas", as a contrasting "while" may.
        out.push(when(
            triggered_by_first(group(Kind::Wording, None, &["whilst", "while", "whereas"]), 1),
            When::ContrastAfterComma,
        ));
    }
    // "while" has other senses ("for a while"); only "whilst" may vary.
    out.push(triggered_by_first(group(Kind::Spelling, None, &["whilst", "while"]), 1));
    out.push(triggered_by_first(group(Kind::Spelling, None, &["burnt", "burned"]), 1));
    out.push(triggered_by_first(group(Kind::Spelling, None, &["spoilt", "spoiled"]), 1));

    // Compounds written solid, hyphenated or open; all three are in common use.
    for forms in [
        &["co-operation", "cooperation"][..],
        &["co-operate", "cooperate"],
        &["co-operates", "cooperates"],
        &["co-operated", "cooperated"],
        &["co-operating", "cooperating"],
        &["co-operative", "cooperative"],
        &["co-ordinate", "coordinate"],
        &["co-ordinates", "coordinates"],
        &["co-ordinated", "coordinated"],
        &["co-ordinating", "coordinating"],
        &["co-ordination", "coordination"],
        &["co-ordinator", "coordinator"],
        &["co-ordinators", "coordinators"],
        &["co-existence", "coexistence"],
        &["co-chair", "cochair"],
        &["co-chairs", "cochairs"],
        &["co-chaired", "cochaired"],
    ] {
        out.push(group(Kind::Spelling, Some("co-"), forms));
    }
    for forms in [
        &["ceasefire", "cease-fire"][..],
        &["ceasefires", "cease-fires"],
        &["peacebuilding", "peace-building"],
        &["peacemaking", "peace-making"],
        &["peacekeeping", "peace-keeping"],
        &["decision-makers", "decision makers"],
        &["decision-maker", "decision maker"],
        &["decision-making", "decision making"],
        &["policymakers", "policy-makers", "policy makers"],
        &["policymaker", "policy-maker", "policy maker"],
        &["policymaking", "policy-making"],
        &["wastewater", "waste water"],
        &["groundwater", "ground water"],
        &["floodplain", "flood plain"],
        &["floodplains", "flood plains"],
        &["riverbank", "river bank"],
        &["riverbanks", "river banks"],
        &["riverbed", "river bed"],
        &["landowners", "land owners"],
        &["workplan", "work plan"],
        &["dataset", "data set"],
        &["datasets", "data sets"],
        &["e-mail", "email"],
        &["e-mails", "emails"],
        &["pre-negotiation", "prenegotiation"],
        &["pre-negotiations", "prenegotiations"],
        &["multi-track", "multitrack"],
        &["mid-term", "midterm"],
        &["well-being", "wellbeing"],
        &["water-sharing", "water sharing"],
        &["back-channel", "back channel", "backchannel"],
        &["back-channels", "back channels", "backchannels"],
        &["confidence-building", "confidence building"],
        &["trust-building", "trust building"],
        &["capacity-building", "capacity building"],
        &["state-building", "state building", "statebuilding"],
        &["nation-building", "nation building"],
        &["problem-solving", "problem solving"],
        &["fact-finding", "fact finding"],
        &["power-sharing", "power sharing"],
        &["burden-sharing", "burden sharing"],
        &["grassroots", "grass-roots"],
        &["socio-economic", "socioeconomic"],
        &["post-war", "postwar"],
        &["inter-communal", "intercommunal"],
        &["re-establish", "reestablish"],
        &["re-established", "reestablished"],
        &["re-establishing", "reestablishing"],
        &["re-establishment", "reestablishment"],
        &["re-examine", "reexamine"],
        &["re-examined", "reexamined"],
        &["re-open", "reopen"],
        &["re-opened", "reopened"],
        &["re-opening", "reopening"],
        &["pre-condition", "precondition"],
        &["pre-conditions", "preconditions"],
        &["counter-productive", "counterproductive"],
        &["long-standing", "longstanding"],
        &["round-table", "roundtable"],
        &["round-tables", "roundtables"],
        &["hard-liners", "hardliners"],
        &["hard-line", "hardline"],
        &["mid-way", "midway"],
        &["nation-wide", "nationwide"],
        &["world-wide", "worldwide"],
        &["on-going", "ongoing"],
        &["hand-over", "handover"],
        &["timeframe", "time frame", "time-frame"],
        &["timeframes", "time frames", "time-frames"],
        &["timeline", "time line"],
        &["timelines", "time lines"],
    ] {
        out.push(group(Kind::Spelling, None, forms));
    }
    for forms in [&["non-governmental", "nongovernmental"][..], &["non-binding", "nonbinding"]] {
        out.push(triggered_by_first(group(Kind::Spelling, None, forms), 1));
    }
    // The field's names for its tracks, written three ways.
    for forms in [&["Track One", "Track I", "Track 1"][..], &["Track Two", "Track II", "Track 2"]] {
        let mut g = group(Kind::Number, None, forms);
        g.casing = Casing::Fixed;
        out.push(g);
    }
    // Abbreviations: a convention of punctuation, not of wording.
    out.push(when(group(Kind::Mark, None, &["e.g.", "for example", "e.g.,"]), When::MidSentence));
    out.push(when(group(Kind::Mark, None, &["i.e.", "that is,", "i.e.,"]), When::MidSentence));

    if wording_variants {
        out.extend(wordings(curly_apostrophe));
        if more_sites {
            for g in &mut out {
                if let Some((_, third)) = THIRD_FORMS.iter().find(|(first, _)| g.forms[0] == *first) {
                    // Produced only: the groups are found where they were, with one more form.
                    g.forms.push((*third).to_owned());
                }
            }
            out.extend(more_groups());
            if further_sites {
                for g in &mut out {
                    if g.forms[0] == "took part" {
                        // Found only where the verb ends its clause: "attended" takes an object
                        // that "took part" and "participated" do not.
                        g.when = When::BeforeAMark;
                    }
                    let first = g.forms[0].clone();
                    for (_, form) in FURTHER_FORMS.iter().filter(|(of, _)| first == *of) {
                        g.forms.push((*form).to_owned());
                    }
                }
            }
        }
    }
    out
}

/// One more form for some wordings, under the scheme with further sites, produced where the group
/// was found before: each fits every context its group is found in, in the same register
/// ("twelve participants took part" / "participated"; "about 40" / "approximately 40").
const FURTHER_FORMS: &[(&str, &str)] = &[
    ("took part", "participated"),
    ("were held under", "were conducted under"),
    ("was held under", "was conducted under"),
    ("these questions", "these matters"),
    ("those questions", "those matters"),
    ("about", "approximately"),
    ("asked for", "sought"),
    ("fallen by", "decreased by"),
    ("fall in", "decrease in"),
    ("more difficult", "more challenging"),
];

/// A third form for wordings of two, under the scheme with more sites: each fits every context
/// the group's conditions let its first form be found in, in the same register.
const THIRD_FORMS: &[(&str, &str)] = &[
    ("before the next", "prior to the next"),
    ("be asked to", "be requested to"),
    ("has to", "needs to"),
    ("a closing session", "a concluding session"),
    ("at first", "to begin with"),
    ("agreed on", "agreed upon"),
    ("was not prepared to", "was not willing to"),
    ("ask whether", "enquire whether"),
];

/// Groups found only under the scheme with more sites.
fn more_groups() -> Vec<Group> {
    let wording = |forms: &[&str]| group(Kind::Wording, None, forms);
    // A noun after an article or a possessive: "the fall in the catch", "its effect on people".
    const NOUN_AFTER: &[&str] = &["the", "a", "an", "its", "their", "this", "any", "his", "her", "our"];
    vec![
        group(Kind::Spelling, None, &["salt water", "saltwater"]),
        when(wording(&["fall in", "drop in", "decline in"]), When::PrevIn(NOUN_AFTER)),
        when(wording(&["effect on", "impact on"]), When::PrevIn(NOUN_AFTER)),
        wording(&["these questions", "these issues"]),
        wording(&["those questions", "those issues"]),
    ]
}

/// Words that plainly begin a clause, after which a "that" is a conjunction and may be dropped.
pub(crate) const CLAUSE_STARTS: &[&str] = &[
    "the", "a", "an", "its", "their", "this", "these", "those", "it", "they", "there", "both", "each", "no", "any",
    "all", "neither", "none", "such", "most", "many", "several", "some", "his", "her", "our", "we", "he", "she",
];

/// Equivalent wordings: each keeps the sentence's meaning and grammar in the contexts the
/// conditions allow.
fn wordings(curly_apostrophe: bool) -> Vec<Group> {
    let wording = |forms: &[&str]| group(Kind::Wording, None, forms);
    let mut out = vec![
        when(wording(&["however,", "but"]), When::SentenceStart),
        triggered_by_first(wording(&["in order to", "to"]), 1),
        when(wording(&["about", "around", "roughly", "some"]), When::BeforeNumber),
        when(wording(&["more than", "over"]), When::BeforeNumber),
        triggered_by_first(wording(&["proposal", "option"]), 1),
        triggered_by_first(wording(&["proposals", "options"]), 1),
        when(triggered_by_first(wording(&["agreed that", "concurred that", "agreed"]), 1), When::NextIn(CLAUSE_STARTS)),
        when(triggered_by_first(wording(&["said that", "stated that", "said"]), 1), When::NextIn(CLAUSE_STARTS)),
        when(triggered_by_first(wording(&["noted that", "observed that", "noted"]), 1), When::NextIn(CLAUSE_STARTS)),
        when(
            triggered_by_first(wording(&["stressed that", "underlined that", "stressed"]), 1),
            When::NextIn(CLAUSE_STARTS),
        ),
        when(
            triggered_by_first(wording(&["pointed out that", "observed that", "pointed out"]), 1),
            When::NextIn(CLAUSE_STARTS),
        ),
        when(wording(&["talks", "discussions"]), When::PrevNotIn(&["he", "she", "it", "who", "that", "which"])),
        wording(&["began", "started"]),
        when(wording(&["begin", "start"]), When::PrevNotIn(&["the", "a", "its", "their"])),
        when(wording(&["although", "though"]), When::PrevNotIn(&["even", "as"])),
        wording(&["because of", "owing to", "due to"]),
        wording(&["soon after", "shortly after"]),
        wording(&["asked whether", "asked if"]),
        when(triggered_by_first(wording(&["a number of", "several"]), 2), When::NextNotIn(&["of"])),
        when(
            triggered_by_first(wording(&["must", "will have to"]), 1),
            When::NextNotIn(&["not", "also", "still", "never", "always", "n't"]),
        ),
        triggered_by_first(wording(&["has to", "must"]), 1),
        when(wording(&["in addition,", "additionally,", "moreover,", "furthermore,"]), When::SentenceStart),
        when(wording(&["as a result,", "consequently,"]), When::SentenceStart),
        when(wording(&["meanwhile,", "in the meantime,"]), When::SentenceStart),
        when(wording(&["finally,", "lastly,"]), When::SentenceStart),
        when(wording(&["in the end,", "eventually,", "ultimately,"]), When::SentenceStart),
        when(wording(&["first,", "firstly,"]), When::SentenceStart),
        when(wording(&["second,", "secondly,"]), When::SentenceStart),
        when(wording(&["third,", "thirdly,"]), When::SentenceStart),
        wording(&["the beginning of", "the start of"]),
        wording(&["ensure that", "make sure that"]),
        when(wording(&["the two sides", "both sides"]), When::PrevNotIn(&["between"])),
        wording(&["each other", "one another"]),
        wording(&["before the next", "ahead of the next"]),
        wording(&["in general terms", "in broad terms"]),
        wording(&["was not prepared to", "was unwilling to"]),
        wording(&["so far", "to date", "thus far"]),
        wording(&["more difficult", "harder", "tougher"]),
        wording(&["larger", "bigger", "greater"]),
        wording(&["opened with", "began with", "started with"]),
        wording(&["spoke of", "spoke about", "talked about"]),
        wording(&["asked for", "requested", "called for"]),
        wording(&["planned for", "scheduled for", "set for"]),
        wording(&["in advance", "ahead of time", "beforehand"]),
        wording(&["without naming", "without identifying"]),
        wording(&["were held under", "took place under"]),
        wording(&["was held under", "took place under"]),
        wording(&["was prepared to", "was willing to"]),
        wording(&["were prepared to", "were willing to"]),
        wording(&["is prepared to", "is willing to"]),
        wording(&["are prepared to", "are willing to"]),
        when(wording(&["during the", "in the", "over the"]), When::NextIn(&["summer", "winter", "spring", "autumn"])),
        wording(&["on the question of", "on the issue of", "on the matter of"]),
        wording(&["with support from", "with the support of"]),
        wording(&["far apart", "wide apart"]),
        // A contrasting "while" after a comma, before a clause; a "while" of time has no comma.
        when(triggered_by_first(wording(&["while", "whereas"]), 1), When::ContrastAfterComma),
        when(
            wording(&["short", "brief"]),
            When::NextIn(&[
                "paper",
                "note",
                "summary",
                "statement",
                "report",
                "briefing",
                "presentation",
                "session",
                "visit",
                "break",
                "protocol",
                "overview",
                "introduction",
                "exchange",
            ]),
        ),
        when(
            wording(&["propose", "suggest"]),
            When::PrevIn(&["to", "will", "would", "could", "may", "might", "should", "must", "we", "they"]),
        ),
        when(
            triggered_by_first(wording(&["regarding", "concerning"]), 1),
            When::NextIn(&["the", "a", "an", "its", "their", "this", "these", "those"]),
        ),
        triggered_by_first(wording(&["with regard to", "with respect to", "regarding"]), 2),
        triggered_by_first(wording(&["prior to", "before"]), 1),
        when(
            triggered_by_first(wording(&["at first", "initially"]), 1),
            When::NextNotIn(&["sight", "glance", "hand", "light"]),
        ),
        when(wording(&["in total,", "in all,", "altogether,"]), When::SentenceStart),
        when(wording(&["therefore,", "thus,"]), When::SentenceStart),
        when(wording(&["nevertheless,", "nonetheless,", "even so,"]), When::SentenceStart),
        when(wording(&["in response,", "in reply,"]), When::SentenceStart),
        when(wording(&["overall,", "on the whole,"]), When::SentenceStart),
        when(
            wording(&["expressed", "voiced"]),
            When::NextIn(&[
                "concern",
                "concerns",
                "support",
                "doubt",
                "doubts",
                "reservations",
                "frustration",
                "hope",
                "regret",
                "appreciation",
                "scepticism",
                "skepticism",
                "disappointment",
            ]),
        ),
        wording(&["in the coming months", "in the months ahead", "over the coming months"]),
        wording(&["in the coming weeks", "in the weeks ahead", "over the coming weeks"]),
        triggered_by_first(wording(&["was unable to", "could not"]), 1),
        triggered_by_first(wording(&["were unable to", "could not"]), 1),
        wording(&["in spite of", "despite"]),
        triggered_by_first(wording(&["took note of", "noted"]), 1),
        triggered_by_first(wording(&["all of the", "all the"]), 1),
        triggered_by_first(wording(&["half of the", "half the"]), 1),
        triggered_by_first(wording(&["whether or not", "whether"]), 1),
        when(
            triggered_by_first(wording(&["per", "a"]), 1),
            When::NextIn(&["second", "minute", "hour", "day", "week", "month", "year", "person", "head"]),
        ),
        // "following" as a preposition only: not "the following day".
        when(
            triggered_by_first(wording(&["following", "after"]), 1),
            When::NextIn(&["the", "a", "an", "its", "their", "this", "these"]),
        ),
        wording(&["ask whether", "ask if"]),
        triggered_by_first(wording(&["circulate", "share", "distribute"]), 1),
        triggered_by_first(wording(&["circulated", "shared", "distributed"]), 1),
        when(
            wording(&["rather than", "instead of"]),
            When::NextIn(&["on", "the", "a", "an", "in", "at", "by", "for", "its", "their"]),
        ),
        wording(&["week by week", "weekly", "on a weekly basis"]),
        wording(&["described how", "explained how", "recounted how"]),
        wording(&["further apart", "farther apart"]),
        when(wording(&["exchange", "share"]), When::PrevIn(&["to", "will", "would", "could", "may", "should"])),
        when(triggered_by_first(wording(&["in which", "where"]), 1), When::NextNotIn(&["case"])),
        wording(&["be asked to", "be invited to"]),
        when(wording(&["took part", "attended"]), When::NextNotIn(&["in"])),
        wording(&["fallen by", "dropped by", "declined by"]),
        wording(&["trust in", "confidence in"]),
        wording(&["from each side", "from either side"]),
        wording(&["a closing session", "a final session"]),
        when(
            triggered_by_first(wording(&["agreed on", "agreed"]), 1),
            When::NextIn(&[
                "the", "a", "an", "its", "their", "these", "several", "two", "three", "four", "five", "six",
            ]),
        ),
        when(triggered_by_first(wording(&["discussion of", "the discussion of"]), 1), When::SentenceStart),
        when(triggered_by_first(wording(&["both", "the two"]), 1), When::NextPlural),
        when(wording(&["present", "current", "existing"]), When::PrevIn(&["the", "its", "their", "this", "our"])),
        when(
            wording(&["need", "require"]),
            When::PrevIn(&[
                "would", "will", "could", "may", "might", "should", "must", "they", "we", "parties", "sides",
            ]),
        ),
        when(
            triggered_by_first(wording(&["proposed", "suggested", "put forward"]), 1),
            When::PrevNotIn(&["the", "a", "an", "its", "their", "this", "these", "was", "were", "been", "be"]),
        ),
        // A restrictive "which" (no comma before it) may be "that", as British usage allows.
        when(
            triggered_by_first(wording(&["which", "that"]), 1),
            When::PrevNotIn(&[
                ",", "in", "of", "on", "for", "by", "to", "from", "with", "at", "about", "under", "through", "during",
                "into", "over", "after", "before", "between", "among", "upon", "whether", "or", "and",
            ]),
        ),
    ];
    // A verb with both a spelling and an optional "that" varies both ways at once.
    for stem in ["recogn", "emphas", "real", "hypothes"] {
        for ending in ["ed", "es", "e"] {
            let (british, american) = (format!("{stem}is{ending}"), format!("{stem}iz{ending}"));
            out.push(when(
                triggered_by_first(
                    wording(&[&format!("{british} that"), &format!("{american} that"), &british, &american]),
                    2,
                ),
                When::NextIn(CLAUSE_STARTS),
            ));
        }
    }
    // "that" after a verb of saying may go when a clause plainly follows.
    for verb in [
        "acknowledged",
        "explained",
        "reported",
        "felt",
        "believed",
        "hoped",
        "accepted",
        "confirmed",
        "insisted",
        "added",
        "recalled",
        "stated",
        "claimed",
        "announced",
        "indicated",
        "expected",
        "thought",
        "found",
        "showed",
        "argued",
        "suggested",
        "warned",
        "observed",
        "concluded",
        "admitted",
        "conceded",
        "understood",
        "maintained",
        "asserted",
        "feared",
        "reiterated",
        "predicted",
        "estimated",
        "believe",
        "believes",
        "hope",
        "hopes",
        "feel",
        "feels",
        "think",
        "thinks",
        "agree",
        "agrees",
        "expect",
        "expects",
        "accept",
        "accepts",
        "insist",
        "insists",
        "argue",
        "argues",
        "acknowledge",
        "acknowledges",
    ] {
        out.push(when(triggered_by_first(wording(&[&format!("{verb} that"), verb]), 1), When::NextIn(CLAUSE_STARTS)));
    }
    let apostrophe = if curly_apostrophe { "\u{2019}" } else { "'" };
    for (full, short) in [
        ("do not", "don't"),
        ("does not", "doesn't"),
        ("did not", "didn't"),
        ("cannot", "can't"),
        ("could not", "couldn't"),
        ("would not", "wouldn't"),
        ("will not", "won't"),
        ("is not", "isn't"),
        ("are not", "aren't"),
        ("was not", "wasn't"),
        ("were not", "weren't"),
        ("has not", "hasn't"),
        ("have not", "haven't"),
        ("had not", "hadn't"),
        ("should not", "shouldn't"),
    ] {
        out.push(wording(&[full, &short.replace('\'', apostrophe)]));
    }
    out
}
