//! The separated code over copies ([`CodeScheme::Separated`](crate::CodeScheme::Separated)).
//!
//! A short passage shows a handful of consecutive sites, and a copy is named only when every
//! other copy differs from the passage at enough of them. The simplex code guarantees 3
//! differences in 10 consecutive binary sites, but a passage of two sentences shows 7 or 8
//! sites, some with three or four forms; there two of its 31 words can still agree at all but
//! one, and a site with more than two forms separates two copies only when the coin of each
//! happens to fall differently.
//!
//! This code is built site by site, in reading order, for the first [`DESIGNED`] copies. Each
//! site's forms are dealt out evenly among them (every form shown by about as many copies), in a
//! keyed order; then pairs of copies trade forms as long as that splits pairs that the last sites
//! left close: the pairs showing the same form are weighed by how alike the two copies are over the
//! recent sites — each earlier difference counting by how much a difference at its site tells
//! (more for a spelling than for a comma), fading by a quarter a site — and the swaps lower their
//! total weight. The unmarked original takes part with its own form fixed, so copies are kept
//! apart from it too. Pairs of low-numbered copies weigh more (copies are issued in order, and most
//! readouts have few), so the first copies are the best separated. Copies beyond [`DESIGNED`]
//! show a keyed random form at every site.
//!
//! Everything is integer arithmetic on keyed draws, so the same key and sites give the same copies
//! on every machine. The key decides the initial deal at every site, so another key gives
//! unrelated copies: a copy of another readout sharing this text matches a copy of this one at
//! about as many sites as chance would have it.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::CopyId;
use crate::sites::Site;

/// Copies whose forms are designed together.
pub(crate) const DESIGNED: usize = 32;
/// Domain separation: these MACs are only ever choices of the separated code.
const LABEL: &[u8] = b"tracktwo-trace/code/v3-separated";
/// Rounds of trades at one site, at most (they stop earlier when no trade helps).
const ROUNDS: usize = 8;
/// The closeness weight of a pair at distance 0, before the pair's rank is applied.
const FULL_WEIGHT: u64 = 1 << 48;
/// Distances are counted in eighths of a natural logarithm.
const EIGHTHS: u32 = 8;

pub(crate) struct SeparatedCode {
    keyed: Hmac<Sha256>,
    /// `forms[site][copy]` for the designed copies.
    forms: Vec<[u8; DESIGNED]>,
    arities: Vec<usize>,
}

impl SeparatedCode {
    pub fn new(key: &[u8; 32], sites: &[Site], originals: &[Option<usize>]) -> Self {
        // HMAC takes a key of any length, so this cannot fail.
        let keyed = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC accepts any key length");
        let mut code = SeparatedCode { keyed, forms: Vec::with_capacity(sites.len()), arities: Vec::new() };
        let closeness = closeness_table();
        // `distance[i][j]` (i < j; member DESIGNED is the original): how different the two have
        // been over the recent sites, in eighths of a natural logarithm.
        let mut distance = vec![[0u32; DESIGNED + 1]; DESIGNED + 1];
        for (s, site) in sites.iter().enumerate() {
            let arity = site.arity();
            let forms = code.deal(s, arity, originals[s], &distance, &closeness);
            let weight = separation(site);
            let form_of = |m: usize| if m == DESIGNED { originals[s] } else { Some(usize::from(forms[m])) };
            for (i, row) in distance.iter_mut().enumerate() {
                for (j, apart) in row.iter_mut().enumerate().skip(i + 1) {
                    let differ = matches!((form_of(i), form_of(j)), (Some(a), Some(b)) if a != b);
                    *apart = *apart * 3 / 4 + if differ { weight } else { 0 };
                }
            }
            code.forms.push(forms);
            code.arities.push(arity);
        }
        code
    }

    fn digest(&self, purpose: u8, a: u64, b: u64) -> [u8; 32] {
        let mut mac = self.keyed.clone();
        mac.update(LABEL);
        mac.update(&[purpose]);
        mac.update(&a.to_be_bytes());
        mac.update(&b.to_be_bytes());
        mac.finalize().into_bytes().into()
    }

    /// The forms of the designed copies at site `s`: an even keyed deal, then trades.
    fn deal(
        &self,
        s: usize,
        arity: usize,
        original: Option<usize>,
        distance: &[[u32; DESIGNED + 1]],
        closeness: &[u64],
    ) -> [u8; DESIGNED] {
        // A keyed order of the copies, by Fisher–Yates on 16-bit keyed draws (two digests give 32;
        // the bias of a 16-bit draw reduced modulo at most 32 is below 0.05 %, and only sets where
        // the trades start).
        let mut draws = Vec::with_capacity(DESIGNED);
        for half in 0..2 {
            let digest = self.digest(b'd', s as u64, half);
            draws.extend(digest.chunks_exact(2).map(|pair| u16::from_be_bytes([pair[0], pair[1]])));
        }
        let mut order: Vec<usize> = (0..DESIGNED).collect();
        for i in (1..DESIGNED).rev() {
            let j = usize::from(draws[i]) % (i + 1);
            order.swap(i, j);
        }
        let first_form = usize::from(draws[0]) % arity;
        let mut forms = [0u8; DESIGNED];
        for (rank, &copy) in order.iter().enumerate() {
            forms[copy] = ((first_form + rank) % arity) as u8;
        }
        // The weight of a pair showing the same form: how alike the two have been lately, halved
        // for each block of eight copies the later one is numbered beyond.
        let weight = |i: usize, j: usize| -> u64 {
            let (low, high) = (i.min(j), i.max(j));
            let rank = if high == DESIGNED { 0 } else { high / 8 };
            closeness[(distance[low][high] as usize).min(closeness.len() - 1)] >> rank
        };
        // together[c][f]: the weight of copy c's pairs with the members showing form f.
        let mut together = vec![vec![0u64; arity]; DESIGNED];
        for (c, row) in together.iter_mut().enumerate() {
            for o in (0..DESIGNED).filter(|&o| o != c) {
                row[usize::from(forms[o])] += weight(c, o);
            }
            if let Some(f) = original {
                row[f] += weight(c, DESIGNED);
            }
        }
        for _ in 0..ROUNDS {
            let mut traded = false;
            for a in 0..DESIGNED {
                for b in a + 1..DESIGNED {
                    let (fa, fb) = (usize::from(forms[a]), usize::from(forms[b]));
                    if fa == fb {
                        continue;
                    }
                    let before = together[a][fa] + together[b][fb];
                    let after = together[a][fb] + together[b][fa] - 2 * weight(a, b);
                    if after >= before {
                        continue;
                    }
                    traded = true;
                    forms[a] = fb as u8;
                    forms[b] = fa as u8;
                    for (c, row) in together.iter_mut().enumerate() {
                        if c != a {
                            row[fa] -= weight(c, a);
                            row[fb] += weight(c, a);
                        }
                        if c != b {
                            row[fb] -= weight(c, b);
                            row[fa] += weight(c, b);
                        }
                    }
                }
            }
            if !traded {
                break;
            }
        }
        forms
    }

    /// The alternative (`0..arity`) that `copy` shows at site `site`.
    pub fn choice(&self, copy: CopyId, site: usize) -> usize {
        let index = (copy.0 as usize).wrapping_sub(1);
        if index < DESIGNED {
            return usize::from(self.forms[site][index]);
        }
        let digest = self.digest(b'x', site as u64, u64::from(copy.0));
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        // The bias of a 64-bit draw reduced modulo a site's few forms is below 2^-60.
        (u64::from_be_bytes(first) % self.arities[site] as u64) as usize
    }
}

/// What a difference at `site` tells, in eighths of a natural logarithm: ln((1 − p)(k − 1)/p),
/// the weight that tracing gives it against a copy showing another form.
fn separation(site: &Site) -> u32 {
    let p = site.kind.error_rate();
    let nats = ((1.0 - p) * (site.arity() as f64 - 1.0) / p).ln();
    // Rounded to an eighth: no platform's logarithm is off by anywhere near that.
    (nats * f64::from(EIGHTHS)).round() as u32
}

/// closeness[d] ≈ FULL_WEIGHT · e^(−d/8), in integers: every step multiplies by 113/128.
fn closeness_table() -> Vec<u64> {
    // Distances fade by a quarter a site, so they stay below four times the largest separation.
    let most = 4 * 8 * EIGHTHS as usize * 4;
    let mut table = Vec::with_capacity(most + 1);
    let mut weight = FULL_WEIGHT;
    for _ in 0..=most {
        table.push(weight);
        weight = weight * 113 / 128;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sites::{Kind, Slot};

    fn site(kind: Kind, arity: usize) -> Site {
        let forms = (0..arity).map(|a| format!("form {a}")).collect();
        Site { kind, slots: vec![Slot { paragraph: 0, start: 0, end: 0, first_token: 0, last_token: 0, forms }] }
    }

    /// A run of sites like a readout's: mostly two forms, some three or four, of every kind.
    fn readout_like(count: usize) -> (Vec<Site>, Vec<Option<usize>>) {
        let kinds = [Kind::Comma, Kind::Spelling, Kind::Wording, Kind::Number, Kind::Wording, Kind::Hyphen, Kind::Mark];
        let sites: Vec<Site> =
            (0..count).map(|s| site(kinds[s % kinds.len()], [2, 2, 3, 2, 4, 2, 2, 3][s % 8])).collect();
        let originals = (0..count).map(|s| if s % 11 == 5 { None } else { Some(s % 2) }).collect();
        (sites, originals)
    }

    fn forms_of(code: &SeparatedCode, copies: u32, sites: usize) -> Vec<Vec<usize>> {
        (1..=copies).map(|c| (0..sites).map(|s| code.choice(CopyId(c), s)).collect()).collect()
    }

    #[test]
    fn the_first_twenty_copies_and_the_original_differ_at_two_of_every_eight_consecutive_sites() {
        let (sites, originals) = readout_like(120);
        for key in [[7u8; 32], [8; 32], [200; 32]] {
            let forms = forms_of(&SeparatedCode::new(&key, &sites, &originals), 20, sites.len());
            for start in 0..=sites.len() - 8 {
                let window = start..start + 8;
                for (i, a) in forms.iter().enumerate() {
                    for b in &forms[i + 1..] {
                        let differ = window.clone().filter(|&s| a[s] != b[s]).count();
                        assert!(differ >= 2, "{differ} differences in sites {window:?}");
                    }
                    let from_original = window.clone().filter(|&s| originals[s].is_some_and(|o| o != a[s])).count();
                    assert!(from_original >= 2, "{from_original} differences from the original in {window:?}");
                }
            }
        }
    }

    #[test]
    fn every_site_deals_its_forms_evenly_among_the_designed_copies() {
        let (sites, originals) = readout_like(60);
        let forms = forms_of(&SeparatedCode::new(&[5; 32], &sites, &originals), DESIGNED as u32, sites.len());
        for (s, site) in sites.iter().enumerate() {
            let mut shown = vec![0usize; site.arity()];
            for copy in &forms {
                shown[copy[s]] += 1;
            }
            let (least, most) = (shown.iter().min().copied(), shown.iter().max().copied());
            assert!(most.zip(least).is_some_and(|(most, least)| most - least <= 1), "site {s}: {shown:?}");
        }
    }

    #[test]
    fn another_key_gives_unrelated_copies() {
        let (sites, originals) = readout_like(150);
        let ours = forms_of(&SeparatedCode::new(&[1; 32], &sites, &originals), 20, sites.len());
        let theirs = forms_of(&SeparatedCode::new(&[2; 32], &sites, &originals), 20, sites.len());
        // What two unrelated copies share by chance: one site in k.
        let chance: f64 = sites.iter().map(|site| 1.0 / site.arity() as f64).sum();
        for a in &ours {
            for b in &theirs {
                let same = (0..sites.len()).filter(|&s| a[s] == b[s]).count() as f64;
                assert!(
                    (0.5 * chance..=1.5 * chance).contains(&same),
                    "{same} of {} alike, chance {chance:.0}",
                    sites.len()
                );
            }
        }
    }

    #[test]
    fn copies_beyond_the_designed_ones_differ_from_them_mostly() {
        let (sites, originals) = readout_like(150);
        let code = SeparatedCode::new(&[3; 32], &sites, &originals);
        let first = forms_of(&code, DESIGNED as u32, sites.len());
        for late in [33, 40, 1000] {
            let forms: Vec<usize> = (0..sites.len()).map(|s| code.choice(CopyId(late), s)).collect();
            assert!(forms.iter().zip(&sites).all(|(&f, site)| f < site.arity()));
            for copy in &first {
                let differ = (0..sites.len()).filter(|&s| copy[s] != forms[s]).count();
                assert!(differ >= 50, "copy {late}: {differ} of {} differ", sites.len());
            }
        }
    }
}
