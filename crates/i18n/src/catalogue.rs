//! The message files compiled in, and the check that keeps every locale whole: each message of
//! the English files exists in every other language, with the same arguments, and nothing else.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use crate::locale::Locale;

/// One file of messages: its name and its text.
type Source = (&'static str, &'static str);

macro_rules! files {
    ($language:literal: $($file:literal),+) => {
        &[$(($file, include_str!(concat!("../locales/", $language, "/", $file)))),+]
    };
}

/// Every file of one language, in the same order for each.
macro_rules! language {
    ($language:literal) => {
        files!($language: "layout.ftl", "words.ftl", "errors.ftl", "account.ftl", "ballot.ftl", "initiative.ftl", "dialogue.ftl",
            "map.ftl", "transfer.ftl", "text.ftl", "conversation.ftl", "documents.ftl",
            "outcomes.ftl", "measures.ftl", "cli.ftl", "refusals.ftl", "help.ftl")
    };
}

const ENGLISH: &[Source] = language!("en");
const ARABIC: &[Source] = language!("ar");
const RUSSIAN: &[Source] = language!("ru");
const FRENCH: &[Source] = language!("fr");

/// The files of a shipped language; the pseudo-locales have none of their own.
pub(crate) fn sources(locale: Locale) -> &'static [Source] {
    match locale {
        Locale::English | Locale::PseudoAccented | Locale::PseudoRightToLeft => ENGLISH,
        Locale::Arabic => ARABIC,
        Locale::Russian => RUSSIAN,
        Locale::French => FRENCH,
    }
}

/// What keeps a locale from being whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueProblem {
    #[error("{locale}/{file}: does not parse: {error}")]
    Unparsable { locale: &'static str, file: &'static str, error: String },
    #[error("{locale}: `{id}` is defined twice")]
    Duplicate { locale: &'static str, id: String },
    #[error("{locale}: `{id}` is missing")]
    Missing { locale: &'static str, id: String },
    #[error("{locale}: `{id}` is not in English, so no page asks for it")]
    Extra { locale: &'static str, id: String },
    #[error("{locale}: `{id}` takes {found:?} where English takes {expected:?}")]
    Arguments { locale: &'static str, id: String, expected: BTreeSet<String>, found: BTreeSet<String> },
}

/// Every message of a language with the arguments it reads.
fn messages(locale: Locale, problems: &mut Vec<CatalogueProblem>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (file, text) in sources(locale) {
        let resource = match fluent_syntax::parser::parse(*text) {
            Ok(resource) => resource,
            Err((partial, errors)) => {
                problems.push(CatalogueProblem::Unparsable {
                    locale: locale.tag(),
                    file,
                    error: errors.iter().map(|e| format!("{:?} at {:?}", e.kind, e.pos)).collect::<Vec<_>>().join("; "),
                });
                partial
            }
        };
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut arguments = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_arguments(pattern, &mut arguments);
                }
                for attribute in &message.attributes {
                    pattern_arguments(&attribute.value, &mut arguments);
                }
                let id = message.id.name.to_owned();
                if out.insert(id.clone(), arguments).is_some() {
                    problems.push(CatalogueProblem::Duplicate { locale: locale.tag(), id });
                }
            }
        }
    }
    out
}

fn pattern_arguments(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_arguments(expression, into);
        }
    }
}

fn expression_arguments(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_arguments(selector, into);
            for variant in variants {
                pattern_arguments(&variant.value, into);
            }
        }
        ast::Expression::Inline(inline) => inline_arguments(inline, into),
    }
}

fn inline_arguments(inline: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for positional in &arguments.positional {
                inline_arguments(positional, into);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_arguments(expression, into),
        _ => {}
    }
}

/// Everything that keeps a shipped locale from being whole: files that do not parse, messages
/// defined twice, missing or left over against English, or reading other arguments. The tests
/// hold it at none.
#[must_use]
pub fn catalogue_problems() -> Vec<CatalogueProblem> {
    let mut problems = Vec::new();
    let english = messages(Locale::English, &mut problems);
    for locale in Locale::SHIPPED.into_iter().filter(|l| *l != Locale::English) {
        let theirs = messages(locale, &mut problems);
        for (id, expected) in &english {
            match theirs.get(id) {
                None => problems.push(CatalogueProblem::Missing { locale: locale.tag(), id: id.clone() }),
                // A plural's selector reads its number, so even a language whose variant leaves
                // the number unsaid ("one version") reads the same arguments.
                Some(found) if found != expected => {
                    problems.push(CatalogueProblem::Arguments {
                        locale: locale.tag(),
                        id: id.clone(),
                        expected: expected.clone(),
                        found: found.clone(),
                    });
                }
                Some(_) => {}
            }
        }
        for id in theirs.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(CatalogueProblem::Extra { locale: locale.tag(), id: id.clone() });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_locale_is_whole() {
        let problems = catalogue_problems();
        assert!(problems.is_empty(), "{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
    }

    #[test]
    fn every_locale_has_the_same_files() {
        let names = |l| sources(l).iter().map(|(name, _)| *name).collect::<Vec<_>>();
        for locale in Locale::SHIPPED {
            assert_eq!(names(locale), names(Locale::English), "{locale:?}");
        }
    }
}
