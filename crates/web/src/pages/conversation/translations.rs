//! A statement's languages: the team records the language it was written in and enters its
//! translations, one field per language the pages speak and one for any other language already
//! given.

use std::collections::BTreeSet;

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::AppError;
use tracktwo_domain::conversation::{STATEMENT_MAX_CHARS, StatementLanguages};
use tracktwo_domain::negotiating_text::Language;
use tracktwo_i18n::{Arg, Locale, text, text_with};

use super::conversation_path;
use crate::extract::{ConversationItemPath, CsrfForm, Visit};
use crate::forms::{Pairs, field};
use crate::pages::layout::page;
use crate::{PageError, PageResult};

/// `/initiatives/{initiative}/conversations/{conversation}/statements/{number}/languages`
type StatementPath = ConversationItemPath<u32>;

/// The name of the field that holds a translation into `language`.
fn translation_field(language: &str) -> String {
    format!("translation-{language}")
}

/// The languages the form offers a translation into: those the pages speak, then any other
/// already translated into, each once, less the one the statement was written in.
fn offered(languages: &StatementLanguages) -> Vec<String> {
    let mut seen: BTreeSet<String> = languages.original.iter().map(|l| l.as_str().to_owned()).collect();
    Locale::SHIPPED
        .iter()
        .map(|locale| locale.tag().to_owned())
        .chain(languages.translations.keys().map(|language| language.as_str().to_owned()))
        .filter(|tag| seen.insert(tag.clone()))
        .collect()
}

/// The languages a statement may be said to be written in: those the form offers, and the
/// one already recorded.
fn written_in_choices(languages: &StatementLanguages) -> Vec<String> {
    let mut seen = BTreeSet::new();
    Locale::SHIPPED
        .iter()
        .map(|locale| locale.tag().to_owned())
        .chain(languages.original.iter().map(|l| l.as_str().to_owned()))
        .chain(languages.translations.keys().map(|l| l.as_str().to_owned()))
        .filter(|tag| seen.insert(tag.clone()))
        .collect()
}

/// The name of a language in itself where the pages speak it, else its tag.
fn language_name(tag: &str) -> String {
    Locale::SHIPPED
        .into_iter()
        .find(|locale| locale.tag() == tag)
        .map_or_else(|| tag.to_owned(), |l| l.native_name().to_owned())
}

pub async fn translations(
    Visit(state, user, ConversationItemPath(id, conversation, number)): Visit<StatementPath>,
) -> PageResult {
    let statement = state.app.statement_languages(&user.identity, id, conversation, number).await?;
    let locale = user.locale;
    let say = |key: &str| text(locale, key);
    let title = text_with(locale, "translations-title", &[("number", Arg::count(number))]);
    let original = statement.languages.original.as_ref().map(Language::as_str);
    let path = conversation_path(id, conversation);
    let body = html! {
        p { a href=(path) { (say("translations-back")) } }
        h1 { (title) }
        blockquote #original lang=[original] dir="auto" { (statement.text) }
        form.stack method="post" action={ (path) "/statements/" (number) "/languages" } {
            input type="hidden" name="csrf" value=(user.csrf());
            label { (say("translations-written-in"))
                select name="original" {
                    option value="" selected[original.is_none()] { (say("translations-not-said")) }
                    @for tag in written_in_choices(&statement.languages) {
                        option value=(tag) lang=(tag) selected[original == Some(tag.as_str())] { (language_name(&tag)) }
                    }
                }
            }
            p.muted { (say("translations-note")) }
            @for tag in offered(&statement.languages) {
                @let current = Language::parse(&tag).ok().and_then(|language| statement.languages.translations.get(&language).cloned()).unwrap_or_default();
                label { span lang=(tag) { (language_name(&tag)) }
                    input name=(translation_field(&tag)) lang=(tag) dir="auto" maxlength=(STATEMENT_MAX_CHARS) value=(current);
                }
            }
            button type="submit" { (say("translations-save")) }
        }
    };
    Ok(page(&title, &user, body))
}

/// Reads the form: the language written in, and a translation for every language offered.
/// A field left empty is no translation; a language the form did not offer is not read.
fn languages_from(fields: &[(String, String)]) -> Result<StatementLanguages, PageError> {
    let original = match field(fields, "original").trim() {
        "" => None,
        tag => Some(Language::parse(tag).map_err(AppError::Invalid)?),
    };
    let mut translations = std::collections::BTreeMap::new();
    for (name, value) in fields {
        if let Some(tag) = name.strip_prefix("translation-")
            && !value.trim().is_empty()
        {
            translations.insert(Language::parse(tag).map_err(AppError::Invalid)?, value.clone());
        }
    }
    Ok(StatementLanguages { original, translations })
}

pub async fn set_translations(
    CsrfForm(state, user, ConversationItemPath(id, conversation, number), fields): CsrfForm<Pairs, StatementPath>,
) -> PageResult {
    let languages = languages_from(&fields)?;
    state.app.set_statement_languages(&user.identity, id, conversation, number, languages).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn the_form_reads_the_original_and_the_filled_translations_only() {
        let read = languages_from(&pairs(&[
            ("csrf", "x"),
            ("original", "en"),
            ("translation-ar", "نص"),
            ("translation-ru", "  "),
            ("translation-fr", "Texte"),
        ]))
        .ok()
        .expect("the form reads");
        assert_eq!(read.original.as_ref().map(Language::as_str), Some("en"));
        let tags: Vec<&str> = read.translations.keys().map(Language::as_str).collect();
        assert_eq!(tags, ["ar", "fr"]);
        assert!(languages_from(&pairs(&[("original", "not a tag!")])).is_err());
        assert!(languages_from(&pairs(&[("translation-1x", "text")])).is_err());
        assert_eq!(languages_from(&pairs(&[("original", "")])).ok(), Some(StatementLanguages::default()));
    }

    #[test]
    fn the_form_offers_the_pages_languages_and_any_other_already_given() {
        let languages = StatementLanguages {
            original: None,
            translations: [
                (Language::parse("tr").unwrap(), "Metin".to_owned()),
                (Language::parse("fr").unwrap(), "Texte".to_owned()),
            ]
            .into(),
        };
        assert_eq!(offered(&languages), ["en", "ar", "ru", "fr", "tr"]);
        let written_in_english = StatementLanguages { original: Some(Language::parse("en").unwrap()), ..languages };
        assert_eq!(
            offered(&written_in_english),
            ["ar", "ru", "fr", "tr"],
            "no translation into the original's language"
        );
        assert_eq!(written_in_choices(&written_in_english), ["en", "ar", "ru", "fr", "tr"]);
    }
}
