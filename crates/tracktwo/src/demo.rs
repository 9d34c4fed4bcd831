//! Serving, and the demo: an invented conflict with invented people, so every confidentiality
//! path can be tried without real personal data. The scenario grows as features land.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use tracktwo_app::system::SystemClock;
use tracktwo_app::{App, Unlock};
use tracktwo_config::Config;
use tracktwo_crypto::KdfParams;
use tracktwo_domain::report::{Period, ReportKind};
use tracktwo_domain::{Identity, MemberRole, NewDocument, NewInitiative, NewNote, NewPerson, NewSide, NewUser, Scope};
use zeroize::Zeroizing;

use crate::cli::entropy;
use crate::say::{fail, say};

mod conversation;
mod measures;
mod one_text;
mod outcomes;
mod process;
use crate::unlock::{open_store, read_key_file, unlock_from};

/// Binds the listening socket before anything else, so a busy port is reported at once.
pub async fn bind(listen: SocketAddr) -> Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(listen).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            fail!("cli-address-in-use", address = listen.to_string())
        } else {
            fail!("cli-cannot-listen", address = listen.to_string(), reason = e.to_string())
        }
    })
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// How the server meets the network, from the settings: the trusted proxies and the header they
/// write.
pub fn edge_options(config: &Config) -> tracktwo_web::EdgeOptions {
    let header = match config.forwarded_header {
        tracktwo_config::ForwardedHeader::XForwarded => tracktwo_web::ForwardedHeader::XForwarded,
        tracktwo_config::ForwardedHeader::Forwarded => tracktwo_web::ForwardedHeader::Forwarded,
    };
    tracktwo_web::EdgeOptions {
        proxies: tracktwo_web::TrustedProxies::new(config.trusted_proxies.clone(), header),
        ..tracktwo_web::EdgeOptions::default()
    }
}

pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    tls: Option<tracktwo_web::TlsFiles>,
    edge: tracktwo_web::EdgeOptions,
    anchor: Option<PathBuf>,
) -> Result<()> {
    let address = listener.local_addr().context(say!("cli-no-listening-address"))?;
    tracing::info!(%address, backend = app.store().backend(), tls = tls.is_some(), "serving");
    let renewing = anchor.clone().map(|path| crate::anchor::keep_renewing(Arc::clone(&app), path));
    let following = tokio::spawn(follow_other_servers(Arc::clone(&app)));
    let served = match tls {
        Some(tls) => {
            println!("{}", say!("cli-serving", address = format!("https://{address}")));
            tracktwo_web::serve_tls(listener, Arc::clone(&app), &tls, edge, shutdown_signal()).await
        }
        None => {
            println!("{}", say!("cli-serving", address = format!("http://{address}")));
            tracktwo_web::serve(listener, Arc::clone(&app), edge, shutdown_signal()).await
        }
    }
    .context(say!("cli-server-stopped"));
    if let Some(renewing) = renewing {
        renewing.abort();
    }
    following.abort();
    // The last head before stopping: what a later `audit verify` compares the chain with.
    if let Some(path) = anchor {
        crate::anchor::renew(&app, &path).await?;
    }
    served
}

/// Hears what other servers on the same database change, for as long as the server runs; a
/// store only one server opens (SQLite) has nothing to hear. A feed that fails (the database
/// restarting) is opened again after a pause; meanwhile writes still catch up through the store.
async fn follow_other_servers(app: Arc<App>) {
    loop {
        match app.follow_other_servers().await {
            Ok(()) => return,
            Err(e) => {
                tracing::warn!(error = %e, "lost the feed of other servers' changes; listening again shortly");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    }
}

/// The demo key lives beside the demo data: acceptable for invented people only.
fn demo_unlock(config: &Config) -> Result<Unlock> {
    if config.key_file.is_some() || config.passphrase.is_some() {
        return unlock_from(config);
    }
    let path = config.data_dir.join("demo.key");
    if !path.exists() {
        std::fs::create_dir_all(&config.data_dir)
            .with_context(|| say!("cli-cannot-create-data-folder", path = config.data_dir))?;
        let mut bytes = Zeroizing::new(vec![0u8; 32]);
        entropy()?.fill(&mut bytes);
        write_private(&path, &bytes)?;
        eprintln!("{}", say!("cli-warning", message = say!("cli-demo-key-beside-data", path = path)));
    }
    Ok(Unlock::KeyFile(read_key_file(&path)?))
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).with_context(|| say!("cli-cannot-create", path = path))?;
    file.write_all(bytes).and_then(|()| file.sync_all()).with_context(|| say!("cli-cannot-write", path = path))
}

/// Which side of the invented conflict an account belongs to.
#[derive(Clone, Copy)]
enum DemoSide {
    None,
    UpperVale,
    LowlandCoast,
}

/// The invented accounts: one per role, participants from both sides.
const DEMO_ACCOUNTS: &[(&str, &str, MemberRole, DemoSide)] = &[
    ("amara", "Amara Osei (convener, Halden Institute)", MemberRole::Convener, DemoSide::None),
    ("jonas", "Jonas Vick (facilitator)", MemberRole::Facilitator, DemoSide::None),
    ("lina", "Lina Sarkis (rapporteur)", MemberRole::Rapporteur, DemoSide::None),
    ("tarek", "Tarek Varo (participant, Upper Vale)", MemberRole::Participant, DemoSide::UpperVale),
    ("mira", "Mira Castell (participant, Lowland Coast)", MemberRole::Participant, DemoSide::LowlandCoast),
    ("odile", "Odile Brann (Track One official)", MemberRole::Official, DemoSide::None),
    ("felix", "Felix Amundsen (funder)", MemberRole::Funder, DemoSide::None),
    ("greta", "Greta Holm (evaluator)", MemberRole::Evaluator, DemoSide::None),
    ("pavel", "Pavel Ruud (observer)", MemberRole::Observer, DemoSide::None),
    ("ines", "Ines Marlow (operations, duty of care)", MemberRole::Operations, DemoSide::None),
];

/// The demo's system map: 60 invented actors across the nine tracks, their dated ties, and
/// registry entries for the prospective participants (see `demo/README.md`).
const MAP_ACTORS: &str = include_str!("demo/map-actors.csv");
const MAP_TIES: &str = include_str!("demo/map-ties.csv");
const MAP_REGISTRY: &str = include_str!("demo/map-registry.csv");

#[derive(serde::Deserialize)]
struct RegistryLine {
    code: String,
    capacity: String,
    contacted: String,
    listed: String,
    recorded_under_code: String,
    photographed: String,
    obtained_on: String,
    obtained_how: String,
    withdrawn_on: String,
    exposure_at_home: u8,
    travel_risk: u8,
    threats: String,
    duty_of_care: String,
    /// Other names and spellings, separated by semicolons.
    #[serde(default)]
    aliases: String,
}

fn demo_date(text: &str) -> Result<Option<time::Date>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Ok(Some(time::Date::parse(text.trim(), format).with_context(|| format!("bad demo date {text}"))?))
}

/// Loads the demo map through the same import as any map file, then its registry.
async fn seed_map(app: &App, initiative: tracktwo_domain::InitiativeId) -> Result<()> {
    use tracktwo_domain::map::{Capacity, Consent, ConsentAnswer, RegistryEntry, RiskAssessment};
    let key_holder = Identity::key_holder();
    let file = tracktwo_interchange::read_csv(MAP_ACTORS, MAP_TIES).context("the demo map does not parse")?;
    app.import_map(&key_holder, initiative, &file, true).await?;
    for (label, date, note) in [
        (
            "Before the first workshop round",
            time::macros::date!(2025 - 03 - 01),
            "Few ties cross the line, and most of those are rivalries.",
        ),
        (
            "After round three",
            time::macros::date!(2026 - 06 - 01),
            "Trusted contacts formed at the workshops now cross the line.",
        ),
    ] {
        let snapshot = tracktwo_domain::map::MapSnapshot { label: label.into(), date, note: note.into() };
        app.add_map_snapshot(&key_holder, initiative, snapshot).await?;
    }
    let map = app.system_map(&key_holder, initiative).await?;
    let mut reader = csv::Reader::from_reader(MAP_REGISTRY.as_bytes());
    for line in reader.deserialize::<RegistryLine>() {
        let line = line.context("the demo registry does not parse")?;
        let actor = map.actor_by_code(&line.code).with_context(|| format!("no demo actor {}", line.code))?;
        let answer = |text: &str| ConsentAnswer::parse(text).context("bad consent answer in the demo registry");
        let entry = RegistryEntry {
            consent: Consent {
                to_be_contacted: answer(&line.contacted)?,
                to_be_listed: answer(&line.listed)?,
                to_be_recorded_under_code: answer(&line.recorded_under_code)?,
                to_be_photographed: answer(&line.photographed)?,
                obtained_on: demo_date(&line.obtained_on)?,
                obtained_how: line.obtained_how,
                withdrawn_on: demo_date(&line.withdrawn_on)?,
            },
            capacity: Capacity::parse(&line.capacity).context("bad capacity in the demo registry")?,
            risk: RiskAssessment {
                exposure_at_home: line.exposure_at_home,
                travel_risk: line.travel_risk,
                threats: line.threats,
            },
            duty_of_care: line.duty_of_care,
            aliases: line.aliases.split(';').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect(),
        };
        app.set_registry_entry(&key_holder, initiative, actor.id, entry).await?;
    }
    Ok(())
}

pub(crate) async fn seed(app: &App) -> Result<()> {
    let key_holder = Identity::key_holder();
    app.create_user(
        &key_holder,
        NewUser { username: "admin".into(), display_name: "System administrator".into(), is_admin: true },
    )
    .await?;
    let mut ids = Vec::new();
    for (username, display_name, role, side) in DEMO_ACCOUNTS {
        let user = app
            .create_user(
                &key_holder,
                NewUser { username: (*username).into(), display_name: (*display_name).into(), is_admin: false },
            )
            .await?;
        ids.push((user.id, *role, *side));
    }
    let convener = ids.first().map(|(id, _, _)| *id);
    let initiative = app
        .create_initiative(
            &key_holder,
            NewInitiative {
                title: "Serin River Dialogue".into(),
                description: "A Track Two process between the Upper Vale and the Lowland Coast on sharing the \
                              waters of the Serin after the 2024 drought clashes. Pre-negotiation phase."
                    .into(),
                secret_channel: false,
            },
            convener,
        )
        .await?;
    let upper_vale = app.add_side(&key_holder, initiative.id, NewSide { name: "Upper Vale".into() }).await?;
    let lowland_coast = app.add_side(&key_holder, initiative.id, NewSide { name: "Lowland Coast".into() }).await?;
    for (user, role, side) in ids.iter().skip(1) {
        let side = match side {
            DemoSide::None => None,
            DemoSide::UpperVale => Some(upper_vale.id),
            DemoSide::LowlandCoast => Some(lowland_coast.id),
        };
        app.add_member(&key_holder, initiative.id, *user, *role, side).await?;
    }
    for (name, title, contact, notes) in [
        (
            "Tarek Varo",
            "Former deputy water minister, Upper Vale",
            "via the Halden office only",
            "Attends in a personal capacity.",
        ),
        (
            "Mira Castell",
            "Mayor of Port Alsen, Lowland Coast",
            "Signal, number held by the convener",
            "Travel through the Vale is a risk for her.",
        ),
        (
            "Eskil Dorn",
            "Retired hydrologist, University of Brenna",
            "e.dorn@example.org",
            "Resource person on river flows.",
        ),
    ] {
        app.add_person(
            &key_holder,
            initiative.id,
            NewPerson { name: name.into(), title: title.into(), contact: contact.into(), notes: notes.into() },
        )
        .await?;
    }
    for body in [
        "A1: The Vale cannot accept quotas set downstream; any scheme needs a joint gauge at Kessel Falls.",
        "B2: The Coast's fear is a dry summer like 2024 with no one to call. A hotline between the two water boards would help.",
        "F: Option raised — a joint technical commission that publishes flow data weekly.",
    ] {
        app.add_note(&key_holder, initiative.id, NewNote { scope: Scope::Plenary, body: body.into() }).await?;
    }
    for (side, body) in [
        (upper_vale.id, "Caucus: we can live with a joint gauge if the Coast drops the word 'quota'."),
        (lowland_coast.id, "Caucus: our council will not back a hotline unless the Vale names a duty officer."),
    ] {
        app.add_note(&key_holder, initiative.id, NewNote { scope: Scope::Caucus(side), body: body.into() }).await?;
    }
    seed_map(app, initiative.id).await?;
    let serin_sides = process::Sides { vale: upper_vale.id, coast: lowland_coast.id };
    process::serin(app, initiative.id, serin_sides).await?;
    let user_of = |name: &str| {
        DEMO_ACCOUNTS
            .iter()
            .zip(&ids)
            .find(|((username, ..), _)| *username == name)
            .map(|(_, (id, _, _))| Identity::user(*id, false, tracktwo_domain::Channel::Web))
            .context("a demo account")
    };
    let hands = one_text::Hands {
        facilitator: user_of("jonas")?,
        vale: user_of("tarek")?,
        coast: user_of("mira")?,
        sides: process::Sides { vale: upper_vale.id, coast: lowland_coast.id },
    };
    one_text::seed(app, initiative.id, &hands).await?;
    let team =
        outcomes::Team { evaluator: user_of("greta")?, facilitator: user_of("jonas")?, convener: user_of("amara")? };
    outcomes::seed(app, initiative.id, &team).await?;
    conversation::seed(app, initiative.id, process::Sides { vale: upper_vale.id, coast: lowland_coast.id }).await?;
    measures::seed(app, initiative.id, process::Sides { vale: upper_vale.id, coast: lowland_coast.id }).await?;
    // The year's funder report, produced by the convener: the audit trail keeps that it was.
    let year = Period::new(time::macros::date!(2025 - 07 - 01), time::macros::date!(2026 - 06 - 30))?;
    app.report(&team.convener, initiative.id, ReportKind::Funder, Some(year)).await?;
    // Two more processes beside the workshops, with the same team and some of the same people.
    for (title, description, seed) in [
        (
            "Brenna Track 1.5 Dialogue on Water Security",
            "Officials of both water and foreign ministries in a personal capacity, with independent experts.",
            1,
        ),
        (
            "River Villages Sustained Dialogue",
            "Women's groups of the Vale and the Coast, meeting over many months (Saunders' five stages).",
            2,
        ),
    ] {
        let other = app
            .create_initiative(
                &key_holder,
                NewInitiative { title: title.into(), description: description.into(), secret_channel: false },
                convener,
            )
            .await?;
        let vale = app.add_side(&key_holder, other.id, NewSide { name: "Upper Vale".into() }).await?;
        let coast = app.add_side(&key_holder, other.id, NewSide { name: "Lowland Coast".into() }).await?;
        for (user, role, side) in ids.iter().skip(1) {
            let side = match side {
                DemoSide::None => None,
                DemoSide::UpperVale => Some(vale.id),
                DemoSide::LowlandCoast => Some(coast.id),
            };
            app.add_member(&key_holder, other.id, *user, *role, side).await?;
        }
        let sides = process::Sides { vale: vale.id, coast: coast.id };
        if seed == 1 {
            process::track_one_and_a_half(app, other.id, sides).await?;
        } else {
            process::sustained(app, other.id, sides).await?;
        }
    }
    // A secret channel beside the dialogue: the convener and the facilitator only.
    let back_channel = app
        .create_initiative(
            &key_holder,
            NewInitiative {
                title: "Kessel Falls back channel".into(),
                description: "Direct exploratory contact between the two water ministries' advisers.".into(),
                secret_channel: true,
            },
            convener,
        )
        .await?;
    if let Some((facilitator, _, _)) = ids.get(1) {
        app.add_member(&key_holder, back_channel.id, *facilitator, MemberRole::Facilitator, None).await?;
    }
    app.add_document(
        &key_holder,
        initiative.id,
        NewDocument {
            title: "Non-paper: joint river data commission (draft 1)".into(),
            body: "1. The parties establish a joint technical commission on Serin flows.\n2. [Weekly/monthly] publication of gauge data.".into(),
        },
    )
    .await?;
    Ok(())
}

pub async fn run(config: Config, listen: SocketAddr) -> Result<()> {
    let listener = bind(listen).await?;
    let unlock = demo_unlock(&config)?;
    let store = open_store(&config).await?;
    let clock = Arc::new(SystemClock);
    let app = if store.meta().await?.is_some() {
        App::open(store, &unlock, clock, entropy()?).await?
    } else {
        let app = App::init(store, &unlock, KdfParams::MASTER_KEY, clock, entropy()?).await?;
        seed(&app).await.context(say!("cli-demo-not-seeded"))?;
        println!("{}", say!("cli-demo-created", path = config.data_dir));
        app
    };
    let app = app.with_session_limits(crate::cli::session_limits(&config));
    let key_holder = Identity::key_holder();
    println!("{}", say!("cli-demo-accounts"));
    for user in app.users(&key_holder).await? {
        let password = app.generate_password();
        app.reset_password(&key_holder, user.id, &password).await?;
        let token = app.create_token(&key_holder, user.id, "demo").await?;
        println!("  {:<7} {:<45} {password}  {}", user.username, user.display_name, token.secret);
    }
    println!(
        "{}",
        say!(
            "cli-demo-try-api",
            command = format!("curl -H 'Authorization: Bearer <token of amara>' http://{listen}/api/v1/initiatives")
        )
    );
    if let Some(link) = conversation::campaign_link(&app).await? {
        println!("{}", say!("cli-demo-vote", link = format!("http://{listen}{link}")));
    }
    serve(listener, Arc::new(app), None, edge_options(&config), None).await
}
