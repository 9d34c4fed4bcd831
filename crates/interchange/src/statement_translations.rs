//! A conversation's statement translations as CSV: one row per statement, its number, the
//! language it was written in and a column per language translated into, found by their header.
//!
//! ```text
//! statement,original,ar,ru,fr
//! 0,en,ينبغي نشر بيانات التدفق,Данные о расходе следует публиковать,Les données de débit devraient être publiées
//! ```
//!
//! An empty cell is no translation into that language. The whole file or nothing: the first
//! problem is returned with its line, never a cell's text.

use std::collections::BTreeMap;

use csv::ReaderBuilder;
use tracktwo_domain::conversation::StatementLanguages;
use tracktwo_domain::negotiating_text::Language;

use crate::results_framework::csv_problem;
use crate::{ImportError, ImportProblem};

/// The file's usual name, in error messages.
pub const TRANSLATIONS_CSV: &str = "translations.csv";

/// One statement's row: the line it is on, the statement's number and its languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationRow {
    pub line: usize,
    pub statement: u32,
    pub languages: StatementLanguages,
}

/// Reads the translations of a conversation's statements.
///
/// # Errors
/// A missing `statement` column, a header that is neither a known column nor a language tag, a
/// language given twice, a statement number that is not one or is given twice, a translation
/// the domain refuses (as a statement's text is refused), an empty file.
pub fn read_translations_csv(text: &str) -> Result<Vec<TranslationRow>, ImportError> {
    let fail = |line: usize, problem: ImportProblem| ImportError::new(TRANSLATIONS_CSV, line, problem);
    let mut reader = ReaderBuilder::new().has_headers(true).flexible(false).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| fail(1, csv_problem(&e)))?.clone();
    let column = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let statement_at =
        column("statement").ok_or_else(|| fail(1, ImportProblem::ColumnMissing { column: "statement" }))?;
    let original_at = column("original");
    let mut languages: Vec<(usize, Language)> = Vec::new();
    for (at, name) in header.iter().enumerate() {
        if at == statement_at || Some(at) == original_at {
            continue;
        }
        let language =
            Language::parse(name).map_err(|_| fail(1, ImportProblem::NotALanguageColumn { column: at + 1 }))?;
        if languages.iter().any(|(_, l)| *l == language) {
            return Err(fail(1, ImportProblem::LanguageTwice { language: language.as_str().to_owned() }));
        }
        languages.push((at, language));
    }
    let mut rows: Vec<TranslationRow> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
            fail(line, csv_problem(&e))
        })?;
        let line = record.position().map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        let cell = |at: usize| record.get(at).map_or("", tracktwo_spreadsheet::value_of).trim();
        let statement: u32 = cell(statement_at).parse().map_err(|_| fail(line, ImportProblem::NotAStatementNumber))?;
        if rows.iter().any(|row| row.statement == statement) {
            return Err(fail(line, ImportProblem::StatementTwice { statement }));
        }
        let original = match original_at.map(cell).unwrap_or_default() {
            "" => None,
            tag => Some(Language::parse(tag).map_err(|e| fail(line, ImportProblem::Refused(e)))?),
        };
        let translations: BTreeMap<Language, String> = languages
            .iter()
            .filter(|(at, _)| !cell(*at).is_empty())
            .map(|(at, language)| (language.clone(), cell(*at).to_owned()))
            .collect();
        let parsed = StatementLanguages { original, translations };
        parsed.validate().map_err(|e| fail(line, ImportProblem::Refused(e)))?;
        rows.push(TranslationRow { line, statement, languages: parsed });
    }
    if rows.is_empty() {
        return Err(fail(1, ImportProblem::NoStatement));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> Language {
        Language::parse(text).unwrap()
    }

    #[test]
    fn each_row_gives_a_statements_original_and_its_translations() {
        let rows =
            read_translations_csv("statement,original,ar,ru,fr\n0,en,نص,,Texte\n\"2\",,\"نص ثان\",Второй,\n").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].statement), (2, 0));
        assert_eq!(
            rows[0].languages,
            StatementLanguages {
                original: Some(tag("en")),
                translations: [(tag("ar"), "نص".to_owned()), (tag("fr"), "Texte".to_owned())].into(),
            }
        );
        assert_eq!((rows[1].line, rows[1].statement), (3, 2));
        assert_eq!(rows[1].languages.original, None);
        assert_eq!(rows[1].languages.translations.len(), 2, "an empty cell is no translation");
        // A cell a spreadsheet was kept from reading as a formula reads as written.
        let rows = read_translations_csv("statement,fr\n1,'=Texte\n").unwrap();
        assert_eq!(rows[0].languages.translations[&tag("fr")], "=Texte");
    }

    #[test]
    fn the_first_problem_is_named_with_its_line_and_no_cell() {
        let line_of = |text: &str| {
            let error = read_translations_csv(text).unwrap_err();
            assert!(!error.problem.to_string().contains("secret"), "{}", error.problem.to_string());
            (error.file, error.line)
        };
        let file = TRANSLATIONS_CSV.to_owned();
        assert_eq!(line_of("original,ar\nen,secret\n"), (file.clone(), 1), "no statement column");
        assert_eq!(line_of("statement,secret words\n0,x\n"), (file.clone(), 1), "a column that is no language");
        assert_eq!(line_of("statement,ar,AR\n0,x,y\n"), (file.clone(), 1), "a language twice");
        assert_eq!(line_of("statement,ar\n0,x\nsecret,y\n"), (file.clone(), 3), "not a number");
        assert_eq!(line_of("statement,ar\n0,x\n1,y\n0,z\n"), (file.clone(), 4), "a statement twice");
        assert_eq!(
            line_of("statement,original,ar\n0,en,x\n1,secret!,y\n"),
            (file.clone(), 3),
            "an original that is no language"
        );
        assert_eq!(
            line_of("statement,original,en\n0,en,secret\n"),
            (file.clone(), 2),
            "a translation into the original's language"
        );
        assert_eq!(line_of("statement,ar\n0,x\n1,\"secret\nsecret\"\n"), (file.clone(), 3), "two lines");
        assert_eq!(line_of("statement,ar\n0,x\n1\n"), (file.clone(), 3), "a short row");
        assert_eq!(line_of("statement,ar\n"), (file, 1), "no statement at all");
    }
}
