//! Settings, layered: built-in defaults, then a TOML file, then `TRACKTWO_*` environment
//! variables, then command-line flags; each layer overrides the one before.
//!
//! Secrets (the passphrase, a database URL that may hold a password) are also accepted from a
//! file named by the `*_FILE` form of their setting, are held in [`Secret`] and never appear in
//! `Debug` output. Unknown `TRACKTWO_` variables produce warnings, so a typo does not silently
//! fall back to a default.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use ipnet::IpNet;
use serde::Deserialize;
use zeroize::Zeroizing;

/// A secret setting. Its `Debug` shows nothing of the value.
#[derive(Clone)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    #[must_use]
    pub fn new(value: String) -> Self {
        Self(Zeroizing::new(value))
    }

    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {reason}")]
    File { path: String, reason: String },
    #[error("the configuration file {path} is not valid: {reason}")]
    Syntax { path: String, reason: String },
    #[error("{setting} is not valid: {reason}")]
    Invalid { setting: String, reason: String },
    #[error("cannot read {setting} from {path}: {reason}")]
    SecretFile { setting: String, path: String, reason: String },
    #[error("{first} and {second} cannot both be set")]
    Both { first: String, second: String },
}

/// The resolved settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the embedded store lives.
    pub data_dir: PathBuf,
    /// A `postgres://` URL; when set, PostgreSQL is used instead of the embedded store.
    pub database_url: Option<Secret>,
    /// Address the server listens on.
    pub listen: SocketAddr,
    /// A file of at least 32 random bytes that unlocks the store.
    pub key_file: Option<PathBuf>,
    /// A passphrase that unlocks the store (Argon2id).
    pub passphrase: Option<Secret>,
    /// A `tracing` filter such as `info` or `tracktwo=debug`.
    pub log: String,
    /// Serve over TLS with this certificate chain (PEM) ...
    pub tls_cert: Option<PathBuf>,
    /// ... and this private key (PEM).
    pub tls_key: Option<PathBuf>,
    /// Where the audit chain's head is anchored outside the store; unset, beside the key file
    /// ([`Config::audit_anchor_path`]).
    pub audit_anchor_file: Option<PathBuf>,
    /// A browser session ends after this many minutes without a request (1 to 1440).
    pub session_idle_minutes: u32,
    /// A browser session ends this many hours after sign-in, however it is used (1 to 720).
    pub session_lifetime_hours: u32,
    /// The reverse proxies whose word is taken for a client's address and scheme (addresses or
    /// CIDR ranges). Empty: every client is the TCP peer, and forwarding headers are ignored.
    pub trusted_proxies: Vec<IpNet>,
    /// Which header those proxies set: `X-Forwarded-For` with `X-Forwarded-Proto`, or RFC 7239
    /// `Forwarded`. Only the one named is read, so a client cannot slip the other past a proxy
    /// that passes it through untouched.
    pub forwarded_header: ForwardedHeader,
}

/// The header a trusted proxy writes the client's address and scheme into.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For` and `X-Forwarded-Proto`: what nginx, Caddy, Traefik and HAProxy's
    /// `option forwardfor` write.
    #[default]
    XForwarded,
    /// RFC 7239 `Forwarded` (HAProxy's `option forwarded`, for example).
    Forwarded,
}

impl ForwardedHeader {
    fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "x-forwarded-for" | "x-forwarded" => Some(Self::XForwarded),
            "forwarded" => Some(Self::Forwarded),
            _ => None,
        }
    }
}

/// Reads a list of proxies: addresses or CIDR ranges, separated by commas or spaces.
fn parse_proxies(text: &str) -> Result<Vec<IpNet>, ConfigError> {
    text.split([',', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(IpNet::from))
                .map(|net| net.trunc())
                .map_err(|_| ConfigError::Invalid {
                    setting: "trusted_proxies".to_owned(),
                    reason: format!("`{item}` is not an address or a CIDR range such as 10.0.0.0/8 or ::1"),
                })
        })
        .collect()
}

/// The default idle limit of a browser session, in minutes.
pub const DEFAULT_SESSION_IDLE_MINUTES: u32 = 30;
/// The default lifetime of a browser session, in hours.
pub const DEFAULT_SESSION_LIFETIME_HOURS: u32 = 12;

impl Default for Config {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./tracktwo-data"),
            database_url: None,
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            key_file: None,
            passphrase: None,
            log: "info".to_owned(),
            tls_cert: None,
            tls_key: None,
            audit_anchor_file: None,
            session_idle_minutes: DEFAULT_SESSION_IDLE_MINUTES,
            session_lifetime_hours: DEFAULT_SESSION_LIFETIME_HOURS,
            trusted_proxies: Vec::new(),
            forwarded_header: ForwardedHeader::default(),
        }
    }
}

/// A whole number as a layer holds it: a TOML integer, or the text of an environment variable.
#[derive(Clone, Deserialize)]
#[serde(untagged)]
pub enum Whole {
    Number(i64),
    Text(String),
}

impl Whole {
    /// The number, if it is a whole number within `range`.
    fn within(&self, setting: &str, range: std::ops::RangeInclusive<u32>) -> Result<u32, ConfigError> {
        let number = match self {
            Whole::Number(n) => u32::try_from(*n).ok(),
            Whole::Text(text) => text.trim().parse::<u32>().ok(),
        };
        number.filter(|n| range.contains(n)).ok_or_else(|| ConfigError::Invalid {
            setting: setting.to_owned(),
            reason: format!("give a whole number from {} to {}", range.start(), range.end()),
        })
    }
}

/// One layer of settings as written; every field optional. It may hold secrets in the clear,
/// so it has no `Debug`.
#[derive(Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub database_url_file: Option<PathBuf>,
    pub listen: Option<String>,
    pub key_file: Option<PathBuf>,
    pub passphrase: Option<String>,
    pub passphrase_file: Option<PathBuf>,
    pub log: Option<String>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub audit_anchor_file: Option<PathBuf>,
    pub session_idle_minutes: Option<Whole>,
    pub session_lifetime_hours: Option<Whole>,
    /// Addresses or CIDR ranges, separated by commas or spaces.
    pub trusted_proxies: Option<String>,
    /// `x-forwarded-for` (the default) or `forwarded`.
    pub forwarded_header: Option<String>,
}

/// The environment variables tracktwo reads. `TRACKTWO_CONFIG` names the file layer.
pub const KNOWN_VARIABLES: &[&str] = &[
    "TRACKTWO_CONFIG",
    // The language of the command line's messages, read by the binary, not a setting.
    "TRACKTWO_LANGUAGE",
    "TRACKTWO_DATA_DIR",
    "TRACKTWO_DATABASE_URL",
    "TRACKTWO_DATABASE_URL_FILE",
    "TRACKTWO_LISTEN",
    "TRACKTWO_KEY_FILE",
    "TRACKTWO_PASSPHRASE",
    "TRACKTWO_PASSPHRASE_FILE",
    "TRACKTWO_LOG",
    "TRACKTWO_TLS_CERT",
    "TRACKTWO_TLS_KEY",
    "TRACKTWO_AUDIT_ANCHOR_FILE",
    "TRACKTWO_SESSION_IDLE_MINUTES",
    "TRACKTWO_SESSION_LIFETIME_HOURS",
    "TRACKTWO_TRUSTED_PROXIES",
    "TRACKTWO_FORWARDED_HEADER",
    // Read by the test suites only.
    "TRACKTWO_TEST_POSTGRES_URL",
    "TRACKTWO_TEST_POSTGRES",
];

/// Builds the environment layer from `TRACKTWO_*` variables, with a warning for each unknown one.
#[must_use]
pub fn environment_layer(vars: impl IntoIterator<Item = (String, String)>) -> (Layer, Vec<String>) {
    let mut layer = Layer::default();
    let mut warnings = Vec::new();
    for (name, value) in vars {
        if !name.starts_with("TRACKTWO_") {
            continue;
        }
        match name.as_str() {
            "TRACKTWO_DATA_DIR" => layer.data_dir = Some(value.into()),
            "TRACKTWO_DATABASE_URL" => layer.database_url = Some(value),
            "TRACKTWO_DATABASE_URL_FILE" => layer.database_url_file = Some(value.into()),
            "TRACKTWO_LISTEN" => layer.listen = Some(value),
            "TRACKTWO_KEY_FILE" => layer.key_file = Some(value.into()),
            "TRACKTWO_PASSPHRASE" => layer.passphrase = Some(value),
            "TRACKTWO_PASSPHRASE_FILE" => layer.passphrase_file = Some(value.into()),
            "TRACKTWO_LOG" => layer.log = Some(value),
            "TRACKTWO_TLS_CERT" => layer.tls_cert = Some(value.into()),
            "TRACKTWO_TLS_KEY" => layer.tls_key = Some(value.into()),
            "TRACKTWO_AUDIT_ANCHOR_FILE" => layer.audit_anchor_file = Some(value.into()),
            "TRACKTWO_SESSION_IDLE_MINUTES" => layer.session_idle_minutes = Some(Whole::Text(value)),
            "TRACKTWO_SESSION_LIFETIME_HOURS" => layer.session_lifetime_hours = Some(Whole::Text(value)),
            "TRACKTWO_TRUSTED_PROXIES" => layer.trusted_proxies = Some(value),
            "TRACKTWO_FORWARDED_HEADER" => layer.forwarded_header = Some(value),
            known if KNOWN_VARIABLES.contains(&known) => {}
            unknown => warnings.push(format!(
                "unknown environment variable {unknown} is ignored (known: {})",
                KNOWN_VARIABLES.join(", ")
            )),
        }
    }
    (layer, warnings)
}

/// Reads a TOML file layer.
pub fn file_layer(path: &Path) -> Result<Layer, ConfigError> {
    let shown = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| ConfigError::File { path: shown.clone(), reason: e.to_string() })?;
    // toml's messages quote the offending line; a secret may sit on it, so keep only the
    // message's first line, which names the key and position.
    toml::from_str(&text).map_err(|e| ConfigError::Syntax {
        path: shown,
        reason: e.message().lines().next().unwrap_or("invalid TOML").to_owned(),
    })
}

fn read_secret_file(setting: &str, path: &Path) -> Result<Secret, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::SecretFile {
        setting: setting.to_owned(),
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    // Files usually end with a newline that is not part of the secret.
    Ok(Secret::new(text.trim_end_matches(['\n', '\r']).to_owned()))
}

fn secret(
    config_value: &mut Option<Secret>,
    inline: Option<&String>,
    file: Option<&PathBuf>,
    name: &str,
) -> Result<(), ConfigError> {
    match (inline, file) {
        (Some(_), Some(_)) => Err(ConfigError::Both { first: name.to_owned(), second: format!("{name}_file") }),
        (Some(value), None) => {
            *config_value = Some(Secret::new(value.clone()));
            Ok(())
        }
        (None, Some(path)) => {
            *config_value = Some(read_secret_file(&format!("{name}_file"), path)?);
            Ok(())
        }
        (None, None) => Ok(()),
    }
}

impl Config {
    /// Applies one layer over the current settings.
    pub fn apply(&mut self, layer: &Layer) -> Result<(), ConfigError> {
        if let Some(dir) = &layer.data_dir {
            self.data_dir.clone_from(dir);
        }
        secret(&mut self.database_url, layer.database_url.as_ref(), layer.database_url_file.as_ref(), "database_url")?;
        if let Some(listen) = &layer.listen {
            self.listen = listen.parse().map_err(|_| ConfigError::Invalid {
                setting: "listen".to_owned(),
                reason: format!("`{listen}` is not an address such as 127.0.0.1:8080"),
            })?;
        }
        if let Some(path) = &layer.key_file {
            self.key_file = Some(path.clone());
        }
        secret(&mut self.passphrase, layer.passphrase.as_ref(), layer.passphrase_file.as_ref(), "passphrase")?;
        if let Some(log) = &layer.log {
            self.log.clone_from(log);
        }
        if let Some(cert) = &layer.tls_cert {
            self.tls_cert = Some(cert.clone());
        }
        if let Some(key) = &layer.tls_key {
            self.tls_key = Some(key.clone());
        }
        if let Some(path) = &layer.audit_anchor_file {
            self.audit_anchor_file = Some(path.clone());
        }
        if let Some(minutes) = &layer.session_idle_minutes {
            self.session_idle_minutes = minutes.within("session_idle_minutes", 1..=24 * 60)?;
        }
        if let Some(hours) = &layer.session_lifetime_hours {
            self.session_lifetime_hours = hours.within("session_lifetime_hours", 1..=30 * 24)?;
        }
        if let Some(proxies) = &layer.trusted_proxies {
            self.trusted_proxies = parse_proxies(proxies)?;
        }
        if let Some(header) = &layer.forwarded_header {
            self.forwarded_header = ForwardedHeader::parse(header).ok_or_else(|| ConfigError::Invalid {
                setting: "forwarded_header".to_owned(),
                reason: format!("`{header}` is neither x-forwarded-for nor forwarded"),
            })?;
        }
        Ok(())
    }

    /// Where the audit anchor is kept: the configured file, or beside the key file (the key
    /// holder keeps that apart from the database already); none for a passphrase without one.
    #[must_use]
    pub fn audit_anchor_path(&self) -> Option<PathBuf> {
        self.audit_anchor_file.clone().or_else(|| {
            self.key_file.as_ref().map(|key| {
                let mut name = key.file_name().unwrap_or_default().to_os_string();
                name.push(".audit-anchor");
                key.with_file_name(name)
            })
        })
    }

    /// Resolves defaults → `file` → environment → `flags`. Returns warnings to show the user.
    pub fn load(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
        flags: &Layer,
    ) -> Result<(Config, Vec<String>), ConfigError> {
        let env: Vec<(String, String)> = env.into_iter().collect();
        let (env_layer, warnings) = environment_layer(env.iter().cloned());
        let file = file
            .map(Path::to_path_buf)
            .or_else(|| env.iter().find(|(name, _)| name == "TRACKTWO_CONFIG").map(|(_, value)| PathBuf::from(value)));
        let mut config = Config::default();
        if let Some(path) = file {
            config.apply(&file_layer(&path)?)?;
        }
        config.apply(&env_layer)?;
        config.apply(flags)?;
        if let Some(url) = &config.database_url
            && !(url.expose().starts_with("postgres://") || url.expose().starts_with("postgresql://"))
        {
            return Err(ConfigError::Invalid {
                setting: "database_url".to_owned(),
                reason: "only postgres:// URLs are supported (the embedded store needs no URL)".to_owned(),
            });
        }
        if config.tls_cert.is_some() != config.tls_key.is_some() {
            return Err(ConfigError::Invalid {
                setting: "tls_cert / tls_key".to_owned(),
                reason: "give both the certificate and its private key, or neither".to_owned(),
            });
        }
        Ok((config, warnings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn later_layers_override_earlier_ones() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("tracktwo.toml");
        std::fs::write(&file, "data_dir = \"/from/file\"\nlisten = \"127.0.0.1:9000\"\nlog = \"debug\"\n").unwrap();
        let flags = Layer { listen: Some("127.0.0.1:9100".into()), ..Layer::default() };
        let (config, warnings) = Config::load(Some(&file), env(&[("TRACKTWO_DATA_DIR", "/from/env")]), &flags).unwrap();
        assert_eq!(config.data_dir, PathBuf::from("/from/env"));
        assert_eq!(config.listen.port(), 9100);
        assert_eq!(config.log, "debug");
        assert!(warnings.is_empty());
        let (defaults, _) = Config::load(None, env(&[]), &Layer::default()).unwrap();
        assert_eq!(defaults.data_dir, PathBuf::from("./tracktwo-data"));
        assert_eq!(defaults.listen.to_string(), "127.0.0.1:8080");
    }

    #[test]
    fn unknown_variables_warn_and_unknown_file_keys_fail() {
        let (_, warnings) =
            Config::load(None, env(&[("TRACKTWO_DATADIR", "x"), ("HOME", "/root")]), &Layer::default()).unwrap();
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("TRACKTWO_DATADIR"));

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, "data_dri = \"x\"\n").unwrap();
        let err = Config::load(Some(&file), env(&[]), &Layer::default()).unwrap_err();
        assert!(err.to_string().contains("data_dri"), "{err}");
    }

    #[test]
    fn secrets_come_from_files_and_never_show_in_debug() {
        let dir = tempfile::tempdir().unwrap();
        let pass = dir.path().join("pass");
        std::fs::write(&pass, "CANARY-PASSPHRASE\n").unwrap();
        let (config, _) = Config::load(
            None,
            env(&[
                ("TRACKTWO_PASSPHRASE_FILE", pass.to_str().unwrap()),
                ("TRACKTWO_DATABASE_URL", "postgres://u:CANARY-PW@localhost/db"),
            ]),
            &Layer::default(),
        )
        .unwrap();
        assert_eq!(config.passphrase.as_ref().unwrap().expose(), "CANARY-PASSPHRASE");
        let shown = format!("{config:?}");
        assert!(!shown.contains("CANARY"), "{shown}");

        let both = env(&[("TRACKTWO_PASSPHRASE", "a"), ("TRACKTWO_PASSPHRASE_FILE", "/nonexistent")]);
        assert!(matches!(Config::load(None, both, &Layer::default()), Err(ConfigError::Both { .. })));
        let missing = env(&[("TRACKTWO_PASSPHRASE_FILE", "/nonexistent/pass")]);
        assert!(matches!(Config::load(None, missing, &Layer::default()), Err(ConfigError::SecretFile { .. })));
    }

    #[test]
    fn session_limits_default_and_come_from_file_or_environment_within_bounds() {
        let (defaults, _) = Config::load(None, env(&[]), &Layer::default()).unwrap();
        assert_eq!(
            (defaults.session_idle_minutes, defaults.session_lifetime_hours),
            (DEFAULT_SESSION_IDLE_MINUTES, DEFAULT_SESSION_LIFETIME_HOURS)
        );
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("tracktwo.toml");
        std::fs::write(&file, "session_idle_minutes = 10\nsession_lifetime_hours = 8\n").unwrap();
        let (config, _) =
            Config::load(Some(&file), env(&[("TRACKTWO_SESSION_IDLE_MINUTES", "15")]), &Layer::default()).unwrap();
        assert_eq!((config.session_idle_minutes, config.session_lifetime_hours), (15, 8));
        for (name, value) in [
            ("TRACKTWO_SESSION_IDLE_MINUTES", "0"),
            ("TRACKTWO_SESSION_IDLE_MINUTES", "thirty"),
            ("TRACKTWO_SESSION_LIFETIME_HOURS", "721"),
            ("TRACKTWO_SESSION_LIFETIME_HOURS", "-1"),
        ] {
            let err = Config::load(None, env(&[(name, value)]), &Layer::default()).unwrap_err();
            let setting = name.trim_start_matches("TRACKTWO_").to_lowercase();
            assert!(err.to_string().starts_with(&format!("{setting} is not valid")), "{err}");
        }
        std::fs::write(&file, "session_idle_minutes = 99999999999\n").unwrap();
        assert!(Config::load(Some(&file), env(&[]), &Layer::default()).is_err());
    }

    #[test]
    fn bad_values_are_refused_with_the_setting_named() {
        let err = Config::load(None, env(&[("TRACKTWO_LISTEN", "localhost")]), &Layer::default()).unwrap_err();
        assert!(err.to_string().starts_with("listen is not valid"), "{err}");
        let err = Config::load(None, env(&[("TRACKTWO_DATABASE_URL", "mysql://x")]), &Layer::default()).unwrap_err();
        assert!(err.to_string().contains("postgres://"), "{err}");
        let err = Config::load(None, env(&[("TRACKTWO_TRUSTED_PROXIES", "10.0.0.1, proxy.local")]), &Layer::default())
            .unwrap_err();
        assert!(err.to_string().starts_with("trusted_proxies is not valid") && err.to_string().contains("proxy.local"));
        let err =
            Config::load(None, env(&[("TRACKTWO_FORWARDED_HEADER", "x-real-ip")]), &Layer::default()).unwrap_err();
        assert!(err.to_string().starts_with("forwarded_header is not valid"), "{err}");
    }

    #[test]
    fn trusted_proxies_are_addresses_and_ranges_from_any_layer() {
        let (defaults, _) = Config::load(None, env(&[]), &Layer::default()).unwrap();
        assert!(defaults.trusted_proxies.is_empty(), "no proxy is trusted unless named");
        assert_eq!(defaults.forwarded_header, ForwardedHeader::XForwarded);
        let (config, warnings) = Config::load(
            None,
            env(&[
                ("TRACKTWO_TRUSTED_PROXIES", "127.0.0.1, 10.1.2.3/8 ::1\tfd00::/8"),
                ("TRACKTWO_FORWARDED_HEADER", "Forwarded"),
            ]),
            &Layer::default(),
        )
        .unwrap();
        assert!(warnings.is_empty());
        let shown: Vec<String> = config.trusted_proxies.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["127.0.0.1/32", "10.0.0.0/8", "::1/128", "fd00::/8"]);
        assert_eq!(config.forwarded_header, ForwardedHeader::Forwarded);

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("tracktwo.toml");
        std::fs::write(&file, "trusted_proxies = \"192.0.2.10\"\n").unwrap();
        let (config, _) = Config::load(Some(&file), env(&[]), &Layer::default()).unwrap();
        assert_eq!(config.trusted_proxies, vec!["192.0.2.10/32".parse::<IpNet>().unwrap()]);
    }
}
