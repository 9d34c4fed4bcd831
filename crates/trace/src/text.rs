//! Tokens of a paragraph: Unicode word boundaries (UAX #29) with whitespace dropped, each token
//! knowing its sentence (UAX #29 sentence boundaries) and its byte span in the paragraph.

use unicode_segmentation::UnicodeSegmentation;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Has a letter or a digit: a word, a number, "e.g", "Coast's".
    Word,
    /// Anything else that is not whitespace: one punctuation mark or symbol.
    Punct,
}

#[derive(Clone, Debug)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Index of the token's sentence within its paragraph.
    pub sentence: usize,
    /// The first word of its sentence (its capital is grammar, not a name).
    pub sentence_start: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn norm(&self) -> String {
        normalize(self.text)
    }

    pub fn is_lowercase_word(&self) -> bool {
        self.is_word() && !self.text.chars().any(char::is_uppercase)
    }

    pub fn starts_with_digit(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_ascii_digit())
    }
}

/// The tokens of `paragraph`, whitespace left out.
pub(crate) fn tokenize(paragraph: &str) -> Vec<Token<'_>> {
    let sentence_starts: Vec<usize> = paragraph.split_sentence_bound_indices().map(|(at, _)| at).collect();
    let mut tokens = Vec::new();
    let mut sentence = 0;
    let mut awaiting_first_word = true;
    for (start, piece) in paragraph.split_word_bound_indices() {
        while sentence + 1 < sentence_starts.len() && sentence_starts[sentence + 1] <= start {
            sentence += 1;
            awaiting_first_word = true;
        }
        if piece.chars().all(char::is_whitespace) {
            continue;
        }
        let kind = if piece.chars().any(char::is_alphanumeric) { TokenKind::Word } else { TokenKind::Punct };
        let sentence_start = awaiting_first_word && kind == TokenKind::Word;
        if kind == TokenKind::Word {
            awaiting_first_word = false;
        }
        tokens.push(Token { text: piece, start, end: start + piece.len(), kind, sentence, sentence_start });
    }
    tokens
}

/// How many sentences the text's paragraphs hold.
pub(crate) fn sentence_count(text: &crate::ReadoutText) -> usize {
    text.paragraphs.iter().map(|p| tokenize(p).last().map_or(0, |t| t.sentence + 1)).sum()
}

/// The normalised tokens of free text (a leaked passage, an alternative's rendering).
pub(crate) fn normalized_tokens(text: &str) -> Vec<String> {
    tokenize(text).iter().map(Token::norm).collect()
}

/// Case folded, and typographic quotes and apostrophes folded to straight ones: a retyper keeps
/// neither the case of every letter nor curly quotes, so neither may carry a choice.
pub(crate) fn normalize(token: &str) -> String {
    token
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            other => other,
        })
        .collect()
}

/// A dash of any kind, the marks a retyper may type for one another.
pub(crate) fn is_dash(token: &str) -> bool {
    matches!(token, "-" | "\u{2010}" | "\u{2011}" | "\u{2012}" | "\u{2013}" | "\u{2014}" | "\u{2015}" | "\u{2212}")
}

/// A looser reading of normalised tokens: every dash is one dash, and a run of dashes ("--") too.
pub(crate) fn loosen(tokens: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if is_dash(token) {
            if out.last().is_some_and(|last| last == "-") {
                continue;
            }
            out.push("-".to_owned());
        } else {
            out.push(token.clone());
        }
    }
    out
}

/// `form` with its first letter raised when `like` begins with a capital.
pub(crate) fn follow_case(like: &str, form: &str) -> String {
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = form.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        form.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_abbreviations_numbers_and_possessives_whole() {
        let tokens = tokenize("The Coast’s share, e.g. 1,400 farms – 30%. Next one.");
        let texts: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            ["The", "Coast’s", "share", ",", "e.g", ".", "1,400", "farms", "–", "30", "%", ".", "Next", "one", "."]
        );
        assert!(tokens[0].sentence_start);
        assert!(!tokens[4].sentence_start);
        assert_eq!(tokens[12].sentence, 1);
        assert!(tokens[12].sentence_start);
    }

    #[test]
    fn normalisation_folds_case_and_quotes_but_not_dashes() {
        assert_eq!(normalize("Coast’s"), "coast's");
        assert_eq!(normalize("“"), "\"");
        assert_eq!(normalize("–"), "–");
        assert_eq!(loosen(&["a".into(), "-".into(), "-".into(), "—".into(), "b".into()]), ["a", "-", "b"]);
    }
}
