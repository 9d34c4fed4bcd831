//! Finding people's names in free text, in whatever form a rapporteur types them.
//!
//! A name leaks through any of its parts ("Haddad" alone identifies Amal Haddad), through the
//! other names a person goes by (a nickname, a kunya, the same name in Arabic or Cyrillic
//! letters), and through every spelling a hurried typist produces: "AMAL", "Amál", "Amal's",
//! "Amal’s". [`Names`] holds the names to look for, and [`Names::find`] finds each of them in a
//! text, word by word:
//!
//! - **Words.** A word is a run of letters, digits and combining marks (Unicode's, so Arabic and
//!   Cyrillic letters are letters); an apostrophe between two letters belongs to the word
//!   ("O'Brien", "Sa'id"). A name is only ever found as whole words: "Amalgam" keeps its letters
//!   when "Amal" is a name.
//! - **Parts.** A person's name is looked for whole and by every word of two letters or more; so
//!   is each of their aliases. A run of the name's words is found as one ("R. Haddad"), so an
//!   initial beside a part goes with it. An organisation's name is looked for whole only: its
//!   words ("University") are not names.
//! - **Spellings.** Words are compared after Unicode's compatibility caseless folding (case
//!   folded, NFKD, so "ﬁ" is "fi" and "Ａ" is "A") with every combining mark dropped, so case and
//!   accents do not matter (é, ё and أ fold to e, е and ا); apostrophes inside a word and Arabic
//!   tatweel are ignored; and the letters that fold does not take apart are folded by hand where
//!   people drop them when transliterating (ł, ø, đ, ı, æ, œ, þ) or spell them either way in
//!   Arabic script (ى and ي, ة and ه, Persian ی and ک).
//! - **Possessives.** "Amal's", "Amal’s" and "the Haddads'" hold the name; the name is found and
//!   the possessive ending left in place.
//! - **Arabic clitics**, lightly: the article ال, and one leading و or ف ("and") and ب or ل
//!   ("with", "for"; ل with the article contracts to لل), are set aside before comparing, where at
//!   least three letters remain. Suffixes (a possessive pronoun) and the rest of Arabic
//!   morphology are not: a name is then only found as written. Cyrillic and other inflected
//!   scripts are matched word for word, so a declined form (Иванову for Иванов) is not found.
//!
//! Erring goes one way only: a common word that is also someone's name ("Said", "Rose") is
//! withheld wherever that person's name must be.

use std::collections::BTreeMap;

use caseless::Caseless;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What stands where a name is withheld.
pub const WITHHELD: &str = "[withheld]";

/// What a found name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A person's name, a part of it, or one of their aliases.
    Person,
    /// An organisation's name, whole.
    Organisation,
}

/// A name found in a text: the bytes `start..end` of that text. It holds no text itself, so it
/// can be reported and logged without repeating the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
}

/// A name to look for, as the folded forms of its words.
#[derive(Clone)]
struct Phrase {
    words: Vec<String>,
    kind: NameKind,
}

/// The names to look for in a text, compiled for matching.
#[derive(Clone, Default)]
pub struct Names {
    /// Every phrase, under the folded form of its first word.
    by_first_word: BTreeMap<String, Vec<Phrase>>,
}

impl std::fmt::Debug for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Names").field("phrases", &self.by_first_word.values().map(Vec::len).sum::<usize>()).finish()
    }
}

impl Names {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_first_word.is_empty()
    }

    /// A person, to be found by their name and by each alias: each whole, by every run of its
    /// words, and by every word of two letters or more.
    pub fn add_person<S: AsRef<str>>(&mut self, name: &str, aliases: &[S]) {
        for spelling in std::iter::once(name).chain(aliases.iter().map(AsRef::as_ref)) {
            let words: Vec<String> = words_of(spelling).into_iter().map(|w| canonical(&fold(w.text))).collect();
            for len in 1..=words.len() {
                for run in words.windows(len) {
                    // A lone initial is no name; an initial in a run of the name's words is.
                    let enough = if len == 1 {
                        letters(&run[0]) >= 2
                    } else {
                        run.iter().map(|w| letters(w)).sum::<usize>() >= 2
                    };
                    if enough {
                        self.add(run.to_vec(), NameKind::Person);
                    }
                }
            }
        }
    }

    /// An organisation's name, to be found whole only.
    pub fn add_organisation(&mut self, name: &str) {
        let words: Vec<String> = words_of(name).into_iter().map(|w| canonical(&fold(w.text))).collect();
        if words.iter().map(|w| letters(w)).sum::<usize>() >= 2 {
            self.add(words, NameKind::Organisation);
        }
    }

    fn add(&mut self, words: Vec<String>, kind: NameKind) {
        let Some(first) = words.first().cloned() else { return };
        let phrases = self.by_first_word.entry(first).or_default();
        if !phrases.iter().any(|p| p.words == words) {
            phrases.push(Phrase { words, kind });
        }
    }

    /// Every place in `text` that holds one of the names, in order and without overlap; where
    /// two names start at the same word, the longer is taken.
    #[must_use]
    pub fn find(&self, text: &str) -> Vec<Found> {
        if self.is_empty() {
            return Vec::new();
        }
        let words = words_of(text);
        let forms: Vec<Vec<Form>> = words.iter().map(|w| forms_of(text, w)).collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut best: Option<(usize, Found)> = None;
            for form in forms[i].iter() {
                for phrase in self.by_first_word.get(&form.key).into_iter().flatten() {
                    let len = phrase.words.len();
                    if best.is_some_and(|(longest, _)| longest >= len) {
                        continue;
                    }
                    if let Some(place) = match_at(text, &words, &forms, i, form, phrase) {
                        best = Some((len, place));
                    }
                }
            }
            match best {
                Some((len, place)) => {
                    found.push(place);
                    i += len;
                }
                None => i += 1,
            }
        }
        found
    }

    /// `text` with every name in it replaced by [`WITHHELD`].
    #[must_use]
    pub fn scrub(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut from = 0;
        for place in self.find(text) {
            out.push_str(&text[from..place.start]);
            out.push_str(WITHHELD);
            from = place.end;
        }
        out.push_str(&text[from..]);
        out
    }
}

/// Whether `phrase` starts at word `i`, whose form `first` matched its first word.
fn match_at(
    text: &str,
    words: &[Word<'_>],
    forms: &[Vec<Form>],
    i: usize,
    first: &Form,
    phrase: &Phrase,
) -> Option<Found> {
    let last = phrase.words.len() - 1;
    // A possessive ending closes a name: "Amal's Haddad" is not one.
    if first.possessive && last > 0 {
        return None;
    }
    let mut end = first.end;
    for (j, wanted) in phrase.words.iter().enumerate().skip(1) {
        let word = words.get(i + j)?;
        if !text[words[i + j - 1].end..word.start].chars().all(joins_a_name) {
            return None;
        }
        let form = forms[i + j].iter().find(|f| f.key == *wanted && (!f.possessive || j == last))?;
        end = form.end;
    }
    Some(Found { start: first.start, end, kind: phrase.kind })
}

/// What may stand between two words of one name in a text: "Amal Haddad", "al-Haddad",
/// "R. Haddad", and the apostrophe of a plural's possessive, "Fishers' Cooperative".
fn joins_a_name(c: char) -> bool {
    (c.is_whitespace() && c != '\n' && c != '\r')
        || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '.')
        || is_apostrophe(c)
}

/// A word of a text, by its bytes.
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || matches!(c, '\u{200c}' | '\u{200d}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// The words of `text`: runs of letters, digits and marks, with an apostrophe between two of
/// them kept inside.
fn words_of(text: &str) -> Vec<Word<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (n, &(at, c)) in chars.iter().enumerate() {
        let inside = is_word_char(c)
            || (start.is_some() && is_apostrophe(c) && chars.get(n + 1).is_some_and(|&(_, next)| is_word_char(next)));
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                words.push(Word { start: s, end: at, text: &text[s..at] });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(Word { start: s, end: text.len(), text: &text[s..] });
    }
    words
}

/// One way to read a word of the text: the folded key to compare, and the bytes that a match
/// covers (a possessive's ending stays outside).
struct Form {
    key: String,
    start: usize,
    end: usize,
    /// Read without a possessive ending: only the last word of a name may carry one.
    possessive: bool,
}

fn forms_of(text: &str, word: &Word<'_>) -> Vec<Form> {
    let whole = fold(word.text);
    let mut forms = Vec::new();
    if is_arabic(&whole) {
        // The clitics go with the word: a match covers all of it.
        for key in arabic_readings(&whole) {
            forms.push(Form { key, start: word.start, end: word.end, possessive: false });
        }
        return forms;
    }
    forms.push(Form { key: whole, start: word.start, end: word.end, possessive: false });
    // "Amal's", "Amal’s": the apostrophe is inside the word.
    let mut tail = word.text.char_indices().rev();
    if let (Some((_, s)), Some((at, apostrophe))) = (tail.next(), tail.next())
        && matches!(s, 's' | 'S')
        && is_apostrophe(apostrophe)
        && at > 0
    {
        forms.push(Form { key: fold(&word.text[..at]), start: word.start, end: word.start + at, possessive: true });
    }
    // "the Haddads'", "James'": the apostrophe follows the word.
    if text[word.end..].chars().next().is_some_and(is_apostrophe)
        && let Some(stem) = word.text.strip_suffix(['s', 'S'])
        && !stem.is_empty()
    {
        forms.push(Form { key: fold(stem), start: word.start, end: word.start + stem.len(), possessive: true });
    }
    forms
}

/// A word folded for comparison: compatibility caseless folding (Unicode's
/// NFKD(fold(NFKD(fold(NFD(w)))))), without combining marks, apostrophes, joiners or tatweel,
/// and with the letters that folding leaves whole spelt as people spell them without.
fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().nfd().default_case_fold().nfkd().default_case_fold().nfkd() {
        if is_combining_mark(c) || is_apostrophe(c) || matches!(c, '\u{200c}' | '\u{200d}' | '\u{0640}' | '\u{02bb}') {
            continue;
        }
        match c {
            'ł' => out.push('l'),
            'ø' => out.push('o'),
            'đ' | 'ð' => out.push('d'),
            'ħ' => out.push('h'),
            'ı' => out.push('i'),
            'ŧ' => out.push('t'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            // Arabic letters written either way: alef wasla, alef maqsura, ta marbuta, and the
            // Persian yeh and keheh that Persian spellings of Arabic names use.
            'ٱ' => out.push('ا'),
            'ى' | 'ی' => out.push('ي'),
            'ة' => out.push('ه'),
            'ک' => out.push('ك'),
            _ => out.push(c),
        }
    }
    out
}

fn letters(word: &str) -> usize {
    word.chars().filter(|c| c.is_alphabetic()).count()
}

fn is_arabic(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{08a0}'..='\u{08ff}'))
}

/// An Arabic word without its article, where three letters or more remain: "الحداد" is
/// "حداد". Both a name and the text are compared this way.
fn canonical(word: &str) -> String {
    if is_arabic(word)
        && let Some(rest) = word.strip_prefix("ال")
        && letters(rest) >= 3
    {
        return rest.to_owned();
    }
    word.to_owned()
}

/// The ways to read an Arabic word of the text: as it stands, and without one leading
/// conjunction (و, ف) and one preposition (ب, ل, or لل for ل with the article), each set aside
/// only where three letters or more remain; every reading without its article.
fn arabic_readings(word: &str) -> Vec<String> {
    let strip = |w: &str, prefix: &str| w.strip_prefix(prefix).filter(|rest| letters(rest) >= 3).map(str::to_owned);
    let mut readings = vec![word.to_owned()];
    readings.extend(["و", "ف"].iter().filter_map(|c| strip(word, c)));
    let with_preposition: Vec<String> =
        readings.iter().flat_map(|w| ["لل", "ب", "ل"].iter().filter_map(|p| strip(w, p)).collect::<Vec<_>>()).collect();
    readings.extend(with_preposition);
    let mut out: Vec<String> = readings.iter().map(|w| canonical(w)).collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, aliases: &[&str]) -> Names {
        let mut names = Names::new();
        names.add_person(name, aliases);
        names
    }

    #[test]
    fn every_part_of_a_name_is_found_in_any_case_and_with_any_accents() {
        let names = person("Amal Haddad", &[]);
        assert_eq!(
            names.scrub("Amal spoke, then HADDAD, then amál and Ámal"),
            "[withheld] spoke, then [withheld], then [withheld] and [withheld]"
        );
        assert_eq!(names.scrub("amal  haddad agreed"), "[withheld] agreed", "the whole name is one");
        assert_eq!(names.scrub("Haddad-Amal"), "[withheld]-[withheld]");
        // An accent in the name, none in the text; letters that NFKD leaves whole.
        assert_eq!(person("Zoë Łukasiewicz", &[]).scrub("zoe lukasiewicz and ZOË"), "[withheld] and [withheld]");
        assert_eq!(person("İlhan", &[]).scrub("ilhan, ILHAN"), "[withheld], [withheld]");
        assert_eq!(person("Strauß", &[]).scrub("STRAUSS left"), "[withheld] left");
        assert_eq!(person("Ａｍａｌ", &[]).scrub("Amal"), "[withheld]", "compatibility forms fold");
    }

    #[test]
    fn a_plurals_possessive_apostrophe_does_not_break_a_name() {
        let mut names = Names::new();
        names.add_organisation("Port Alsen Fishers' Cooperative");
        names.add_organisation("fishers' cooperative");
        assert_eq!(names.scrub("Port Alsen Fishers' Cooperative met."), "[withheld] met.");
        assert_eq!(
            names.scrub("readings with the Coast fishers\u{2019} cooperative."),
            "readings with the Coast [withheld]."
        );
    }

    #[test]
    fn a_part_inside_a_longer_word_is_kept() {
        let names = person("Amal Haddad", &[]);
        assert_eq!(names.scrub("an Amalgam of Haddadi and amalgamated"), "an Amalgam of Haddadi and amalgamated");
        assert!(names.find("Amalgam").is_empty());
        assert_eq!(person("Ян", &[]).scrub("Янтарь"), "Янтарь");
    }

    #[test]
    fn possessives_are_found_and_their_ending_kept() {
        let names = person("Amal Haddad", &[]);
        assert_eq!(
            names.scrub("Amal's plan, Amal’s view, the Haddads' house"),
            "[withheld]'s plan, [withheld]’s view, the [withheld]s' house"
        );
        assert_eq!(names.scrub("AMAL HADDAD'S plan"), "[withheld]'S plan");
        assert_eq!(person("James Orr", &[]).scrub("James' plan"), "[withheld]' plan");
        // An apostrophe inside a name belongs to it, and may be left out.
        let brien = person("Seán O'Brien", &[]);
        assert_eq!(brien.scrub("O’Brien's and OBrien and Sean"), "[withheld]'s and [withheld] and [withheld]");
    }

    #[test]
    fn initials_and_one_letter_words_go_only_with_a_part() {
        let names = person("J. R. Haddad", &[]);
        assert_eq!(names.scrub("R. Haddad and J. R. Haddad"), "[withheld] and [withheld]");
        assert_eq!(names.scrub("a J here and an R there"), "a J here and an R there");
    }

    #[test]
    fn aliases_in_other_scripts_are_found_by_their_parts() {
        let names = person("Amal Haddad", &["أمل حداد", "Амаль Хаддад", "Umm Karim"]);
        assert_eq!(names.scrub("АМАЛЬ said; хаддад agreed"), "[withheld] said; [withheld] agreed");
        assert_eq!(names.scrub("قال أمل"), "قال [withheld]");
        assert_eq!(names.scrub("قال امل حداد"), "قال [withheld]", "hamza and all");
        assert_eq!(names.scrub("Karim and umm"), "[withheld] and [withheld]");
        assert_eq!(person("Ёлкин", &[]).scrub("Елкин"), "[withheld]");
    }

    #[test]
    fn arabic_article_and_leading_particles_are_set_aside() {
        let names = person("حداد", &["الخطيب"]);
        for text in ["الحداد", "والحداد", "بالحداد", "للحداد", "فحداد", "حـداد", "حَدّاد", "خطيب", "والخطيب"]
        {
            assert_eq!(names.scrub(text), WITHHELD, "{text}");
        }
        // A longer word is kept: a suffix is not set aside, nor a prefix that leaves two letters.
        for text in ["حدادين", "كحداد"] {
            assert_eq!(names.scrub(text), text);
        }
        assert_eq!(person("عمر", &[]).scrub("وعمر"), WITHHELD);
        assert_eq!(person("ود", &[]).scrub("وود"), "وود", "two letters left is no name");
    }

    #[test]
    fn an_organisation_is_found_whole_only() {
        let mut names = Names::new();
        names.add_organisation("Brenna University");
        assert_eq!(
            names.scrub("BRENNA UNIVERSITY's view; the university; Brenna"),
            "[withheld]'s view; the university; Brenna"
        );
        assert_eq!(names.find("Brenna University")[0].kind, NameKind::Organisation);
    }

    #[test]
    fn places_are_bytes_of_the_text_and_never_cross_a_line() {
        let names = person("Amal Haddad", &[]);
        let text = "İ Amál\nHaddad";
        let found = names.find(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].start..found[0].end], "Amál");
        assert_eq!(&text[found[1].start..found[1].end], "Haddad");
        assert!(Names::new().find(text).is_empty());
    }
}
