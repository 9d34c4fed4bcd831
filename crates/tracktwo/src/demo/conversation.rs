//! The demo's conversations: a public consultation on the Serin with invented voters of both
//! banks, and a private conversation for the workshop's participants.

use anyhow::Result;
use tracktwo_app::App;
use tracktwo_app::conversations::NewLinks;
use tracktwo_domain::campaign::CampaignLimits;
use tracktwo_domain::conversation::{Conversation, ConversationMode, StatementLanguages, Vote};
use tracktwo_domain::negotiating_text::Language;
use tracktwo_domain::{Identity, InitiativeId};

use super::process::Sides;

pub const CONSULTATION_TITLE: &str = "The Serin after the drought: a public consultation";

const STATEMENTS: [&str; 8] = [
    "A joint river commission should publish flow data every week",
    "The Upper Vale dam should release more water in summer",
    "Fishing quotas on the lower Serin should be lifted",
    "Farmers who lost harvests in 2024 should be compensated",
    "Water prices should be the same on both banks",
    "The 2024 clashes should be investigated by an independent panel",
    "Schools on both banks should teach the river's shared history",
    "The ferry between Brenna and Port Alsen should run again",
];

/// The statements as the team translated them for the banks' other languages, in the order of
/// [`STATEMENTS`].
const TRANSLATIONS: [(&str, [&str; 8]); 3] = [
    (
        "ar",
        [
            "ينبغي أن تنشر لجنة نهرية مشتركة بيانات التدفق كل أسبوع",
            "ينبغي أن يطلق سد الوادي الأعلى مزيدًا من المياه في الصيف",
            "ينبغي رفع حصص الصيد في مجرى السيرين الأدنى",
            "ينبغي تعويض المزارعين الذين خسروا محاصيلهم في عام 2024",
            "ينبغي أن تكون أسعار المياه واحدة على الضفتين",
            "ينبغي أن تحقق لجنة مستقلة في اشتباكات عام 2024",
            "ينبغي أن تدرّس المدارس على الضفتين التاريخ المشترك للنهر",
            "ينبغي أن تعود العبّارة بين برينا وبورت ألسن إلى العمل",
        ],
    ),
    (
        "ru",
        [
            "Совместная речная комиссия должна еженедельно публиковать данные о расходе воды",
            "Плотина Верхней долины должна сбрасывать больше воды летом",
            "Квоты на вылов рыбы в нижнем течении Серина следует отменить",
            "Фермерам, потерявшим урожай в 2024 году, следует выплатить компенсацию",
            "Цены на воду должны быть одинаковыми на обоих берегах",
            "Столкновения 2024 года должна расследовать независимая комиссия",
            "Школы на обоих берегах должны преподавать общую историю реки",
            "Паром между Бренной и Порт-Алсеном должен снова ходить",
        ],
    ),
    (
        "fr",
        [
            "Une commission fluviale conjointe devrait publier chaque semaine les données de débit",
            "Le barrage de la Haute-Vallée devrait lâcher plus d'eau en été",
            "Les quotas de pêche sur le cours inférieur de la Serin devraient être levés",
            "Les agriculteurs qui ont perdu leurs récoltes en 2024 devraient être indemnisés",
            "Le prix de l'eau devrait être le même sur les deux rives",
            "Les affrontements de 2024 devraient faire l'objet d'une enquête par un groupe indépendant",
            "Les écoles des deux rives devraient enseigner l'histoire commune de la rivière",
            "Le bac entre Brenna et Port Alsen devrait reprendre du service",
        ],
    ),
];

/// A statement's languages: written in English, translated as [`TRANSLATIONS`] has it.
fn languages_of(statement: usize) -> Result<StatementLanguages> {
    let mut translations = std::collections::BTreeMap::new();
    for (tag, texts) in TRANSLATIONS {
        translations.insert(Language::parse(tag)?, texts[statement].to_owned());
    }
    Ok(StatementLanguages { original: Some(Language::parse("en")?), translations })
}

/// How an invented voter of each bank answers, with some voters of each bank crossing over.
fn answer(statement: usize, vale: bool, voter: usize) -> Vote {
    let maverick = voter.is_multiple_of(7);
    let side = vale != maverick;
    match statement {
        0 | 6 | 7 => {
            if voter % 11 == 3 {
                Vote::Pass
            } else {
                Vote::Agree
            }
        }
        1 | 4 => {
            if side {
                Vote::Disagree
            } else {
                Vote::Agree
            }
        }
        2 | 3 => {
            if side {
                Vote::Agree
            } else {
                Vote::Disagree
            }
        }
        _ => {
            if voter.is_multiple_of(3) {
                Vote::Pass
            } else if side {
                Vote::Disagree
            } else {
                Vote::Agree
            }
        }
    }
}

pub async fn seed(app: &App, initiative: InitiativeId, sides: Sides) -> Result<()> {
    let key_holder = Identity::key_holder();
    let consultation = app
        .create_conversation(
            &key_holder,
            initiative,
            Conversation {
                title: CONSULTATION_TITLE.into(),
                question: "What should the two banks do together about the river?".into(),
                mode: ConversationMode::Consultation,
                segments: vec!["Upstream towns".into(), "Downstream towns".into(), "Diaspora".into()],
                accepts_statements: true,
                seed: 2026,
                closed: false,
            },
            &STATEMENTS.map(str::to_owned),
        )
        .await?;
    for statement in 0..STATEMENTS.len() {
        app.set_statement_languages(&key_holder, initiative, consultation, statement as u32, languages_of(statement)?)
            .await?;
    }
    // Four town halls, each on its venue's one connection: thirty voters behind one address.
    let limits = CampaignLimits { voter_cap: 500, per_address: 40 };
    let link = app
        .create_invitations(&key_holder, initiative, consultation, NewLinks::Campaign(limits), "Town halls, spring")
        .await?
        .remove(0)
        .pass;
    for voter in 0..120 {
        let vale = voter % 2 == 0;
        // Some declare their side, some only their town, some nothing.
        let side = if voter % 5 == 4 { None } else { Some(if vale { sides.vale } else { sides.coast }) };
        let segment = match voter % 4 {
            0 => Some("Upstream towns"),
            1 => Some("Downstream towns"),
            2 if voter % 8 == 2 => Some("Diaspora"),
            _ => None,
        };
        // Addresses reserved for documentation (TEST-NET-1), one per hall.
        let hall = std::net::IpAddr::from([192, 0, 2, 1 + (voter % 4) as u8]);
        let pass = app.join(&link, side, segment, hall).await?;
        for (statement, _) in STATEMENTS.iter().enumerate() {
            // Not everyone answers everything.
            if (voter + statement) % 9 == 0 {
                continue;
            }
            app.voter_vote(&pass, statement as u32, answer(statement, vale, voter)).await?;
        }
        if voter == 17 {
            app.voter_propose(&pass, "Both banks should share the cost of a new flood barrier").await?;
        }
    }
    app.create_conversation(
        &key_holder,
        initiative,
        Conversation {
            title: "Workshop priorities".into(),
            question: "Which options should the next round take up first?".into(),
            mode: ConversationMode::Private,
            segments: Vec::new(),
            accepts_statements: true,
            seed: 7,
            closed: false,
        },
        &[
            "The joint gauge at Kessel Falls comes first".to_owned(),
            "The flood warning protocol should wait for the commission".to_owned(),
            "Officials should join the next round in a personal capacity".to_owned(),
        ],
    )
    .await?;
    Ok(())
}

/// A fresh campaign link to the demo's consultation, printed at each start so the ballot can be
/// tried without an account.
pub async fn campaign_link(app: &App) -> Result<Option<String>> {
    let key_holder = Identity::key_holder();
    for initiative in app.initiatives(&key_holder).await? {
        for conversation in app.conversations(&key_holder, initiative.id).await? {
            if conversation.title == CONSULTATION_TITLE {
                let issued = app
                    .create_invitations(
                        &key_holder,
                        initiative.id,
                        conversation.id,
                        NewLinks::Campaign(CampaignLimits::PROPOSED),
                        "Demo",
                    )
                    .await?;
                return Ok(issued.first().map(|i| format!("/join/{}", i.pass.expose())));
            }
        }
    }
    Ok(None)
}
