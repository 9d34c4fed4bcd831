//! How much of a readout's text names its copy, known before anything leaks: the rate of variable
//! sites, and for passages of 1, 2, 3 and 5 consecutive sentences the share of the readout's
//! stretches that would name their copy if quoted word for word.
//!
//! Quoted word for word, a stretch shows every site it covers as its copy has it; the reach is the
//! share of (stretch, copy) pairs whose sites alone give that copy the posterior probability that
//! tracing requires. It is an upper bound: retyping, edits and framing lose some sites (the
//! `trace_rate` benchmark measures how many), so a convener should read it as "at best".

use unicode_segmentation::UnicodeSegmentation;

use crate::code::Chooser;
use crate::sites::{self, Site};
use crate::text::tokenize;
use crate::weigh::{Posterior, log_likelihood_ratio};
use crate::{CONFIDENCE_REQUIRED, CopyId, Fingerprinting, ReadoutText};

/// Passage lengths, in sentences, that the reach is given for.
pub const REACH_LENGTHS: [usize; 4] = [1, 2, 3, 5];

/// How traceable a readout's copies are.
#[derive(Clone, Debug, PartialEq)]
pub struct Traceability {
    pub variable_sites: usize,
    pub words: usize,
    pub sentences: usize,
    /// How many copies the reach was worked out among.
    pub copies: u32,
    /// For each length of [`REACH_LENGTHS`] the text has: the share of stretches of that many
    /// consecutive sentences that, quoted word for word, name their copy.
    pub reach: Vec<Reach>,
}

/// The share of stretches of `sentences` consecutive sentences that name their copy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reach {
    pub sentences: usize,
    pub share_named: f64,
}

impl Traceability {
    /// Variable sites per 100 words of the text.
    pub fn sites_per_100_words(&self) -> f64 {
        if self.words == 0 { 0.0 } else { 100.0 * self.variable_sites as f64 / self.words as f64 }
    }
}

/// The traceability of `text`'s copies under `how`, among `copies` copies (numbered from 1).
pub fn traceability(text: &ReadoutText, how: &Fingerprinting, copies: u32) -> Traceability {
    let sites = sites::find_sites(text, how);
    let words = text.paragraphs.iter().map(|p| p.unicode_words().count()).sum();
    let (sentence_of_slots, sentences) = sentences_of(text, &sites);
    let chooser = Chooser::new(text, how, &sites);
    let original: Vec<Option<usize>> = sites.iter().map(|site| site.original_choice(text)).collect();
    let choices: Vec<Vec<usize>> =
        (1..=copies).map(|c| (0..sites.len()).map(|s| chooser.choice(CopyId(c), s)).collect()).collect();
    let reach = REACH_LENGTHS
        .iter()
        .filter(|&&length| length <= sentences && copies > 0)
        .map(|&length| {
            let stretches = sentences - length + 1;
            let mut named = 0usize;
            for first in 0..stretches {
                let covered: Vec<usize> = (0..sites.len())
                    .filter(|&s| sentence_of_slots[s].iter().any(|&at| (first..first + length).contains(&at)))
                    .collect();
                named +=
                    (0..choices.len()).filter(|&source| names(&sites, &covered, &choices, &original, source)).count();
            }
            Reach { sentences: length, share_named: named as f64 / (stretches * choices.len()) as f64 }
        })
        .collect();
    Traceability { variable_sites: sites.len(), words, sentences, copies, reach }
}

/// Whether the sites `covered`, each showing copy `source`'s form, name copy `source`.
fn names(sites: &[Site], covered: &[usize], choices: &[Vec<usize>], original: &[Option<usize>], source: usize) -> bool {
    let score = |choice_at: &dyn Fn(usize) -> Option<usize>| -> f64 {
        covered
            .iter()
            .map(|&s| {
                let shown = 1u64 << choices[source][s];
                choice_at(s).map_or(0.0, |choice| {
                    log_likelihood_ratio(shown, choice, sites[s].arity(), sites[s].kind.error_rate())
                })
            })
            .sum()
    };
    let copy_scores: Vec<f64> = choices.iter().map(|copy| score(&|s| Some(copy[s]))).collect();
    let posterior = Posterior::new(&copy_scores, score(&|s| original[s]));
    let (best, confidence) = posterior.best_copy();
    best == source && confidence >= CONFIDENCE_REQUIRED
}

/// For each site, the sentences (numbered across the text) its slots are in; and how many
/// sentences the text has.
fn sentences_of(text: &ReadoutText, sites: &[Site]) -> (Vec<Vec<usize>>, usize) {
    let mut first_sentence = Vec::with_capacity(text.paragraphs.len());
    let mut token_sentences: Vec<Vec<usize>> = Vec::with_capacity(text.paragraphs.len());
    let mut total = 0;
    for paragraph in &text.paragraphs {
        let tokens = tokenize(paragraph);
        first_sentence.push(total);
        total += tokens.last().map_or(0, |t| t.sentence + 1);
        token_sentences.push(tokens.iter().map(|t| t.sentence).collect());
    }
    let of_sites = sites
        .iter()
        .map(|site| {
            site.slots
                .iter()
                .map(|slot| first_sentence[slot.paragraph] + token_sentences[slot.paragraph][slot.first_token])
                .collect()
        })
        .collect();
    (of_sites, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "On 14 March 2025, the participants recognised that the programme had to change. \
        They organised three sessions, and the Vale's delegation analysed the flow records.\n\n\
        The co-chairs emphasised that the centre would publish data every six hours. \
        The Coast was sceptical at first – its ministry has never shared raw data – but agreed.";

    #[test]
    fn more_text_reaches_further_and_more_copies_make_it_harder() {
        let text = ReadoutText::from_plain(TEXT);
        let how = Fingerprinting::new([5; 32], true);
        let twenty = traceability(&text, &how, 20);
        assert_eq!(twenty.sentences, 4);
        assert_eq!(twenty.variable_sites, crate::variable_sites(&text, &how));
        assert_eq!(twenty.reach.iter().map(|r| r.sentences).collect::<Vec<_>>(), [1, 2, 3]);
        let shares: Vec<f64> = twenty.reach.iter().map(|r| r.share_named).collect();
        assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");
        assert!(shares[2] > 0.0, "{shares:?}");
        let two = traceability(&text, &how, 2);
        for (few, many) in two.reach.iter().zip(&twenty.reach) {
            assert!(few.share_named >= many.share_named, "{two:?} {twenty:?}");
        }
    }

    #[test]
    fn a_stretch_named_by_its_sites_is_traced_to_its_copy_when_quoted() {
        // The reach counts a stretch as named exactly when tracing the copy's own words names it.
        let text = ReadoutText::from_plain(TEXT);
        let how = Fingerprinting::new([6; 32], true);
        let reach = traceability(&text, &how, 6);
        let whole = reach.reach.iter().find(|r| r.sentences == 3).map(|r| r.share_named);
        let copies: Vec<CopyId> = (1..=6).map(CopyId).collect();
        let mut named = 0;
        for &copy in &copies {
            let copy_text = crate::make_copy(&text, &how, copy);
            let sentences: Vec<String> = copy_text
                .paragraphs
                .iter()
                .flat_map(|p| p.split_sentence_bounds().map(|s| s.trim().to_owned()).collect::<Vec<_>>())
                .filter(|s| !s.is_empty())
                .collect();
            for first in 0..=sentences.len() - 3 {
                let passage = sentences[first..first + 3].join(" ");
                if matches!(crate::trace(&passage, &text, &how, &copies), crate::TraceResult::Copy(f) if f.copy == copy)
                {
                    named += 1;
                }
            }
        }
        assert_eq!(Some(named as f64 / 12.0), whole);
    }

    #[test]
    fn no_copies_no_reach() {
        let text = ReadoutText::from_plain(TEXT);
        let figures = traceability(&text, &Fingerprinting::new([1; 32], false), 0);
        assert!(figures.reach.is_empty());
        assert!(figures.sites_per_100_words() > 0.0);
        assert_eq!(
            traceability(&ReadoutText { paragraphs: vec![] }, &Fingerprinting::new([1; 32], false), 20).words,
            0
        );
    }
}
