//! The simplex code over copies ([`CodeScheme::Simplex`](crate::CodeScheme::Simplex)): which
//! alternative each copy shows at each site, for readouts released before the separated code.
//!
//! A passage shows a run of consecutive sites, so what matters is that two copies differ at many
//! sites of every short run, not only over the whole text. A random code leaves two copies within
//! one difference of each other in 10 consecutive sites one time in 90, and with 19 other copies
//! that happens often. This code guarantees it cannot happen.
//!
//! Each copy gets a code word w = (w₀, a) with w₀ a bit and a a vector of GF(2)⁴; word 0 is kept
//! for no copy. Site s has a position xₛ = M·αᵗ, t = (s + offset) mod 15, where α
//! generates the multiplicative group of GF(16) and M is an invertible 4 × 4 matrix; the copy's
//! bit at s is w₀ ⊕ ⟨a, xₛ⟩ ⊕ mₛ, where mₛ is a keyed random bit, and bit 0 is the original's own
//! form. For two distinct words the sites where they differ follow a shift of an m-sequence of
//! period 15 (or cover every site), so in any 10 consecutive sites two copies differ at 3 or
//! more, at 7 or 8 of every 15. The unmarked original and the copies of any other key differ from
//! each copy at random, at about half of the sites. The readout's key picks M, the offset, the
//! primitive polynomial, the mask and which copy gets which word, so nobody without it can tell
//! which form names which copy.
//!
//! Copies 1 to 31 get distinct words. Beyond 31, a copy's word is drawn afresh for each stretch of
//! 15 sites, so two copies then share a stretch's word with probability 1/31.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::CopyId;

/// The period of the position sequence: the nonzero elements of GF(16).
const PERIOD: usize = 15;
/// Code words other than the original's.
const COPY_WORDS: u64 = 31;
/// The two primitive polynomials of degree 4 over GF(2), without their x⁴ term.
const PRIMITIVE: [u8; 2] = [0b0011, 0b1001]; // x⁴ + x + 1, x⁴ + x³ + 1
/// Domain separation: these MACs are only ever copy choices.
const LABEL: &[u8] = b"tracktwo-trace/code/v2";

pub(crate) struct SimplexCode {
    keyed: Hmac<Sha256>,
    /// xₛ for s = 0..15 (then periodic).
    positions: [u8; PERIOD],
    /// The word of copies 1..=31.
    words: Vec<u8>,
}

impl SimplexCode {
    pub fn new(key: &[u8; 32]) -> Self {
        // HMAC takes a key of any length, so this cannot fail.
        let keyed = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC accepts any key length");
        let mut chooser = SimplexCode { keyed, positions: [0; PERIOD], words: Vec::new() };
        chooser.positions = chooser.keyed_positions();
        chooser.words = chooser.permutation(b'w', 0, COPY_WORDS as usize).into_iter().map(|w| w as u8 + 1).collect();
        chooser
    }

    fn draw(&self, purpose: u8, a: u64, b: u64) -> u64 {
        let mut mac = self.keyed.clone();
        mac.update(LABEL);
        mac.update(&[purpose]);
        mac.update(&a.to_be_bytes());
        mac.update(&b.to_be_bytes());
        let digest = mac.finalize().into_bytes();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(first)
    }

    /// A keyed permutation of `0..n`, by Fisher–Yates on keyed draws.
    fn permutation(&self, purpose: u8, stretch: u64, n: usize) -> Vec<usize> {
        let mut items: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            // The bias of a 64-bit draw reduced modulo at most 31 is below 2^-58.
            let j = (self.draw(purpose, stretch, i as u64) % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
        items
    }

    fn keyed_positions(&self) -> [u8; PERIOD] {
        let polynomial = PRIMITIVE[(self.draw(b'g', 0, 0) % 2) as usize];
        let offset = (self.draw(b'g', 1, 0) % PERIOD as u64) as usize;
        // A keyed invertible matrix: rows drawn until they are independent.
        let mut rows = [0u8; 4];
        let mut attempt = 0;
        loop {
            for (r, row) in rows.iter_mut().enumerate() {
                *row = (self.draw(b'm', attempt, r as u64) % 16) as u8;
            }
            if rank(rows) == 4 {
                break;
            }
            attempt += 1;
        }
        let mut powers = [0u8; PERIOD];
        let mut element = 1u8;
        for power in &mut powers {
            *power = element;
            element <<= 1;
            if element & 0x10 != 0 {
                element = (element & 0x0f) ^ polynomial;
            }
        }
        let mut positions = [0u8; PERIOD];
        for (s, position) in positions.iter_mut().enumerate() {
            let x = powers[(s + offset) % PERIOD];
            *position = rows.iter().enumerate().fold(0u8, |acc, (r, row)| acc | ((parity(row & x) as u8) << r));
        }
        positions
    }

    /// The code word (1..=31) of `copy` at `site`.
    fn word(&self, copy: CopyId, site: usize) -> u8 {
        let index = u64::from(copy.0).wrapping_sub(1);
        let (page, slot) = (index / COPY_WORDS, index % COPY_WORDS);
        if page == 0 {
            return self.words[slot as usize];
        }
        let stretch = (site / PERIOD) as u64;
        let shifted = (slot + self.draw(b'p', stretch, page)) % COPY_WORDS;
        self.words[shifted as usize]
    }

    /// The bit of `copy` at `site`: 0 means the original's form.
    pub fn bit(&self, copy: CopyId, site: usize) -> bool {
        let word = self.word(copy, site);
        let (constant, linear) = (word & 1, word >> 1);
        let code_bit = (constant ^ parity(linear & self.positions[site % PERIOD]) as u8) == 1;
        code_bit ^ self.mask(site)
    }

    /// A keyed random bit per site, added to every copy's code bit. Differences between this
    /// readout's copies are untouched, but without it every key would give the same set of bit
    /// patterns (only assigned to copies differently), and a copy of another readout sharing this
    /// text would be, bit for bit, one of this readout's copies.
    fn mask(&self, site: usize) -> bool {
        self.draw(b'k', site as u64, 0) & 1 == 1
    }

    /// The alternative (`0..arity`) that `copy` shows at `site`. `original` is the alternative the
    /// original shows, when one does; bit 0 selects it, bit 1 one of the others, drawn per copy.
    pub fn choice(&self, copy: CopyId, site: usize, arity: usize, original: Option<usize>) -> usize {
        let k = arity as u64;
        let zero = original.map_or_else(|| self.draw(b'z', site as u64, 0) % k, |o| o as u64);
        if !self.bit(copy, site) {
            return zero as usize;
        }
        let other = self.draw(b'o', site as u64, u64::from(copy.0)) % (k - 1);
        (if other >= zero { other + 1 } else { other }) as usize
    }
}

fn parity(x: u8) -> bool {
    x.count_ones() % 2 == 1
}

/// The rank over GF(2) of four 4-bit rows.
fn rank(mut rows: [u8; 4]) -> usize {
    let mut rank = 0;
    for bit in 0..4 {
        let Some(pivot) = (rank..4).find(|&r| rows[r] >> bit & 1 == 1) else { continue };
        rows.swap(rank, pivot);
        for r in 0..4 {
            if r != rank && rows[r] >> bit & 1 == 1 {
                rows[r] ^= rows[rank];
            }
        }
        rank += 1;
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_two_copies_differ_at_three_of_every_ten_consecutive_sites() {
        for key in [[7u8; 32], [8; 32], [200; 32]] {
            let chooser = SimplexCode::new(&key);
            let bits: Vec<Vec<bool>> = (1..=31).map(|c| (0..60).map(|s| chooser.bit(CopyId(c), s)).collect()).collect();
            for (i, a) in bits.iter().enumerate() {
                for b in &bits[i + 1..] {
                    for start in 0..50 {
                        let differ = (start..start + 10).filter(|&s| a[s] != b[s]).count();
                        assert!(differ >= 3, "{differ} differences in sites {start}..{}", start + 10);
                    }
                    let whole = (0..PERIOD).filter(|&s| a[s] != b[s]).count();
                    assert!(matches!(whole, 7 | 8 | 15), "{whole}");
                }
            }
        }
    }

    #[test]
    fn choices_cover_every_alternative_and_keep_the_original_for_bit_zero() {
        let chooser = SimplexCode::new(&[9; 32]);
        let mut seen = [0usize; 3];
        for c in 1..=20 {
            let choice = chooser.choice(CopyId(c), 5, 3, Some(1));
            assert_eq!(choice == 1, !chooser.bit(CopyId(c), 5));
            seen[choice] += 1;
        }
        assert!(seen.iter().all(|n| *n > 0), "{seen:?}");
    }

    #[test]
    fn another_key_gives_other_patterns() {
        let (a, b) = (SimplexCode::new(&[1; 32]), SimplexCode::new(&[2; 32]));
        for c in 1..=31 {
            for d in 1..=31 {
                let same = (0..150).filter(|&s| a.bit(CopyId(c), s) == b.bit(CopyId(d), s)).count();
                assert!((40..=110).contains(&same), "copies {c} and {d}: {same} of 150 alike");
            }
        }
    }

    #[test]
    fn copies_beyond_thirty_one_still_differ_from_the_first_ones_mostly() {
        let chooser = SimplexCode::new(&[3; 32]);
        let late: Vec<bool> = (0..150).map(|s| chooser.bit(CopyId(40), s)).collect();
        for c in 1..=31 {
            let differ = (0..150).filter(|&s| chooser.bit(CopyId(c), s) != late[s]).count();
            assert!(differ >= 40, "copy {c}: {differ}");
        }
    }
}
