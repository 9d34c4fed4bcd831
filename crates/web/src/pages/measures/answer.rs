//! The page a card holder answers on: the card's code first, then the questionnaire's items,
//! then a word of thanks. No account; the form is bound to a pre-session cookie as joining a
//! consultation is, and the code is sent only in the form's body.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use maud::{Markup, html};
use tracktwo_app::AppError;
use tracktwo_app::measures::{AnswerCode, AnswerRefusal, AnsweringView};
use tracktwo_domain::QuestionnaireId;
use tracktwo_domain::measures::ResponseScale;
use tracktwo_domain::questionnaire::Timing;
use tracktwo_i18n::{Locale, text};

use crate::client::ClientAddress;
use crate::extract::PresessionForm;
use crate::forms::{Pairs, field};
use crate::language::{RequestedLocale, language_switch};
use crate::limits::Limit;
use crate::pages::layout::public_page;
use crate::session::{PRESESSION_COOKIE, private_cookie};
use crate::{PageError, WebState};

fn answer_path(id: QuestionnaireId) -> String {
    format!("/answer/{id}")
}

/// A refusal as a plain page in the reader's language.
fn refused(locale: Locale, e: AppError) -> Response {
    let say = |id: &str| text(locale, id);
    let (status, heading, explanation) = match e {
        AppError::Unauthenticated => (StatusCode::UNAUTHORIZED, "answer-code-unknown-heading", "answer-code-unknown"),
        AppError::AnswerRefused(AnswerRefusal::NotOpen) => {
            (StatusCode::CONFLICT, "answer-not-open-heading", "answer-not-open")
        }
        AppError::AnswerRefused(AnswerRefusal::AlreadyAnswered) => {
            (StatusCode::CONFLICT, "answer-already-heading", "answer-already")
        }
        AppError::AnswerRefused(AnswerRefusal::Answers(_)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, "answer-incomplete-heading", "answer-incomplete")
        }
        AppError::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "answer-wait-heading", "answer-wait"),
        other => return PageError::App(other).into_response(),
    };
    let body = html! { h1 { (say(heading)) } p #answer-refused { (say(explanation)) } };
    (status, public_page(&say(heading), locale, body)).into_response()
}

/// The form asking for the card's code.
fn code_form(locale: Locale, id: QuestionnaireId, title: &str, csrf: &str) -> Markup {
    let say = |key: &str| text(locale, key);
    let path = answer_path(id);
    html! {
        (language_switch(locale, &path))
        h1 dir="auto" { (title) }
        p { (say("answer-intro")) }
        p.muted { (say("answer-privacy")) }
        form.stack method="post" action=(path) {
            input type="hidden" name="csrf" value=(csrf);
            label { (say("answer-code-label"))
                input #code name="code" required autocomplete="off" autocapitalize="characters" spellcheck="false" inputmode="text" maxlength="40";
            }
            button type="submit" { (say("answer-continue")) }
        }
    }
}

fn items_form(locale: Locale, id: QuestionnaireId, view: &AnsweringView, code: &str, csrf: &str) -> Markup {
    let say = |key: &str| text(locale, key);
    let when = match view.timing {
        Timing::Before => say("answer-before"),
        Timing::After => say("answer-after"),
    };
    html! {
        h1 dir="auto" { (view.title) }
        p #answer-timing { (when) }
        form.stack.questionnaire method="post" action=(answer_path(id)) {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="code" value=(code);
            input type="hidden" name="step" value="answers";
            @for (number, (item, wording)) in view.items.iter().enumerate() {
                @match item.scale {
                    ResponseScale::Likert { points, lowest, highest } => {
                        fieldset.item {
                            legend lang="en" dir="ltr" { (number + 1) ". " (wording) }
                            div.scale {
                                @for point in 1..=points {
                                    label.point {
                                        input type="radio" name=(item.id) value=(point) required;
                                        span { (point) }
                                    }
                                }
                            }
                            p.muted.ends lang="en" dir="ltr" { "1 = " (lowest) " · " (points) " = " (highest) }
                        }
                    }
                    ResponseScale::Thermometer => {
                        fieldset.item {
                            legend lang="en" dir="ltr" { (number + 1) ". " (wording) }
                            label { (say("answer-degrees"))
                                input type="number" name=(item.id) min="0" max="100" step="1" required inputmode="numeric";
                            }
                        }
                    }
                }
            }
            button type="submit" { (say("answer-submit")) }
        }
    }
}

/// The code's page: the pre-session cookie the form is bound to, set here.
pub async fn answer_page(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    RequestedLocale(locale): RequestedLocale,
    jar: CookieJar,
    Path(questionnaire): Path<String>,
) -> Response {
    let Ok(id) = questionnaire.parse::<QuestionnaireId>() else { return refused(locale, AppError::NotFound) };
    let title = match state.app.questionnaire_title(id).await {
        Ok(title) => title,
        Err(e) => return refused(locale, e),
    };
    let presession = match jar.get(PRESESSION_COOKIE) {
        Some(cookie) => cookie.value().to_owned(),
        None => state.app.generate_secret(),
    };
    let csrf = tracktwo_app::csrf_token(&presession);
    let jar = jar.add(private_cookie(PRESESSION_COOKIE, presession.clone(), client.https));
    (jar, public_page(&title.clone(), locale, code_form(locale, id, &title, &csrf))).into_response()
}

/// The code given: the items to answer; the items answered: the answers taken.
pub async fn answer(
    client: ClientAddress,
    RequestedLocale(locale): RequestedLocale,
    jar: CookieJar,
    Path(questionnaire): Path<String>,
    PresessionForm(state, fields): PresessionForm<Pairs>,
) -> Response {
    if let Err(limited) = state.limit(Limit::Vote, &client) {
        return refused(locale, AppError::RateLimited { seconds: limited.seconds });
    }
    let Ok(id) = questionnaire.parse::<QuestionnaireId>() else { return refused(locale, AppError::NotFound) };
    // A code that is no code is a bad credential like an unknown one.
    let bad_code = |state: &WebState| match state.limit(Limit::BadCredential, &client) {
        Ok(()) => refused(locale, AppError::Unauthenticated),
        Err(limited) => refused(locale, AppError::RateLimited { seconds: limited.seconds }),
    };
    let Some(code) = AnswerCode::parse(field(&fields, "code")) else { return bad_code(&state) };
    let csrf = tracktwo_app::csrf_token(jar.get(PRESESSION_COOKIE).map_or("", |c| c.value()));
    if field(&fields, "step") != "answers" {
        return match state.app.answering(id, &code).await {
            Ok(view) => {
                let body = items_form(locale, id, &view, &code.printed(), &csrf);
                public_page(&view.title.clone(), locale, body)
            }
            Err(AppError::Unauthenticated) => bad_code(&state),
            Err(e) => refused(locale, e),
        };
    }
    let mut answers = BTreeMap::new();
    for (name, value) in &fields {
        if matches!(name.as_str(), "csrf" | "code" | "step") {
            continue;
        }
        let Ok(answer) = value.trim().parse::<u8>() else {
            return refused(
                locale,
                AppError::AnswerRefused(AnswerRefusal::Answers(tracktwo_domain::questionnaire::AnswerError::NotAsked(
                    name.clone(),
                ))),
            );
        };
        answers.insert(name.clone(), answer);
    }
    match state.app.answer_questionnaire(id, &code, answers).await {
        Ok(timing) => {
            let say = |key: &str| text(locale, key);
            let next = match timing {
                Timing::Before => say("answer-thanks-before"),
                Timing::After => say("answer-thanks-after"),
            };
            let body = html! { h1 { (say("answer-thanks-heading")) } p #answer-thanks { (next) } };
            public_page(&say("answer-thanks-heading"), locale, body)
        }
        Err(AppError::Unauthenticated) => bad_code(&state),
        Err(e) => refused(locale, e),
    }
}
