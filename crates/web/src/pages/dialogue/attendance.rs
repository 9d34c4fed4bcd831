//! Who attends a meeting, with the consent to record for a person not yet in the registry.

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_app::dialogue::NewAttendee;
use tracktwo_domain::MeetingId;
use tracktwo_domain::map::{Capacity, Consent, ConsentAnswer};

use tracktwo_i18n::Locale;

use crate::PageResult;
use crate::extract::{CsrfForm, ItemPath, parse_id, posted_forms};
use crate::forms::{invalid, optional_date};
use crate::pages::words;

/// One consent question of the attendance form, "not asked" until answered.
pub(super) fn consent_select(locale: Locale, name: &str, label: &str) -> Markup {
    html! {
        label { (label)
            select name=(name) { @for a in ConsentAnswer::ALL { option value=(a.as_str()) { (words::of(locale, a)) } } }
        }
    }
}

#[derive(Deserialize)]
pub struct AttendanceForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    side: String,
    capacity: String,
    #[serde(default)]
    account: String,
    #[serde(default)]
    record_consent: String,
    #[serde(default)]
    contacted: String,
    #[serde(default)]
    listed: String,
    #[serde(default)]
    recorded_under_code: String,
    #[serde(default)]
    photographed: String,
    #[serde(default)]
    obtained_on: String,
    #[serde(default)]
    obtained_how: String,
}

pub async fn add_attendee(
    CsrfForm(state, user, ItemPath(id, meeting_id), form): CsrfForm<AttendanceForm, ItemPath<MeetingId>>,
) -> PageResult {
    if form.actor.is_empty() {
        return Err(invalid("person", "choose a person of the map"));
    }
    let answer = |text: &str| {
        if text.is_empty() {
            Ok(ConsentAnswer::NotAsked)
        } else {
            ConsentAnswer::parse(text).map_err(AppError::Invalid)
        }
    };
    let consent = if form.record_consent == "yes" {
        Some(Consent {
            to_be_contacted: answer(&form.contacted)?,
            to_be_listed: answer(&form.listed)?,
            to_be_recorded_under_code: answer(&form.recorded_under_code)?,
            to_be_photographed: answer(&form.photographed)?,
            obtained_on: optional_date("obtained on", &form.obtained_on)?,
            obtained_how: form.obtained_how.trim().to_owned(),
            withdrawn_on: None,
        })
    } else {
        None
    };
    let attendee = NewAttendee {
        actor: parse_id(&form.actor)?,
        name: form.name,
        organisation: form.organisation,
        side: if form.side.is_empty() { None } else { Some(parse_id(&form.side)?) },
        capacity: Capacity::parse(&form.capacity).map_err(AppError::Invalid)?,
        account: Some(form.account).filter(|a| !a.trim().is_empty()),
        consent,
    };
    state.app.add_attendee(&user.identity, id, meeting_id, attendee).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/meetings/{meeting_id}#attendance")).into_response())
}

posted_forms!(AttendanceForm);
