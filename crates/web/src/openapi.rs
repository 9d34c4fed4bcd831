//! The OpenAPI 3.1 description of the JSON API, served at `/api/v1/openapi.json`. Written here
//! beside the handlers; a test checks that it describes exactly the API routes of the router.

use serde_json::{Value, json};

fn id_parameter(name: &str, what: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "description": what, "schema": { "type": "string", "format": "uuid" } })
}

fn caucus_parameter() -> Value {
    json!({
        "name": "caucus", "in": "query", "required": false,
        "description": "A side's id, for that side's caucus; the plenary record without it.",
        "schema": { "type": "string", "format": "uuid" }
    })
}

fn responses(ok_status: &str, ok_schema: &str) -> Value {
    json!({
        ok_status: { "description": "Success", "content": { "application/json": { "schema": { "$ref": ok_schema } } } },
        "401": { "$ref": "#/components/responses/Unauthenticated" },
        "403": { "$ref": "#/components/responses/Forbidden" },
        "404": { "$ref": "#/components/responses/NotFound" },
        "422": { "$ref": "#/components/responses/Invalid" },
        // Every request counts against its client address's allowance, and a bad token against
        // the address's allowance for those.
        "429": { "$ref": "#/components/responses/TooMany" }
    })
}

/// What `GET /api/v1/initiatives/{initiative}/meetings/{meeting}/summary` answers.
fn meeting_summary_schema() -> Value {
    json!({ "type": "object", "required": ["title", "initiative", "round", "mode", "starts_on", "agenda", "sessions", "options", "withheld", "prepared_for"], "properties": {
                    "title": { "type": "string" }, "initiative": { "type": "string" }, "round": { "type": "string" },
                    "mode": { "type": "string", "enum": ["on-the-record", "non-attribution", "chatham-house", "secret-channel"] },
                    "starts_on": { "type": "string", "format": "date" }, "ends_on": { "type": "string", "format": "date" },
                    "venue": { "type": "string" },
                    "attendees": { "type": "array", "description": "Absent where the mode or the caller's role allows no list", "items": { "type": "object", "required": ["name", "organisation", "side", "capacity"], "properties": {
                        "name": { "type": "string" }, "organisation": { "type": "string" }, "side": { "type": "string" }, "capacity": { "type": "string" } } } },
                    "agenda": { "type": "array", "items": { "type": "string" } },
                    "stage_reached": { "type": "string" },
                    "sessions": { "type": "array", "items": { "type": "object", "required": ["title", "scope", "mode", "notes"], "properties": {
                        "title": { "type": "string" }, "scope": { "type": "string" }, "mode": { "type": "string" },
                        "notes": { "type": "array", "items": { "type": "object", "required": ["tags", "body"], "properties": {
                            "speaker": { "type": "string" }, "tags": { "type": "array", "items": { "type": "string" } }, "body": { "type": "string" } } } } } } },
                    "options": { "type": "array", "items": { "type": "string" } },
                    "withheld": { "type": "array", "items": { "type": "string" } },
                    "prepared_for": { "type": "string" } } })
}

fn text_status_schema() -> Value {
    json!({ "type": "object", "required": ["state"], "properties": {
        "state": { "type": "string", "enum": ["none", "open", "awaiting-sign-off", "agreed"] },
        "version": { "type": "integer", "minimum": 1 },
        "signed": { "type": "array", "items": { "type": "string", "format": "uuid" }, "description": "Sides whose yes to the newest version stands" },
        "missing": { "type": "array", "items": { "type": "string", "format": "uuid" }, "description": "Sides still to sign" } } })
}

fn text_version_schema() -> Value {
    let count = json!({ "type": "integer", "minimum": 0 });
    json!({ "type": "object", "required": ["number", "language", "hash", "committed_at", "figures"], "properties": {
        "number": { "type": "integer", "minimum": 1 }, "language": { "type": "string" },
        "hash": { "type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256 of the version's content: what a side signs" },
        "committed_at": { "type": "string", "format": "date-time" },
        "renders_version": { "type": "integer", "minimum": 1, "description": "For a translation, the authoritative version it renders" },
        "figures": { "type": "object", "required": ["words", "clauses", "brackets", "alternatives", "clean", "agreed"], "properties": {
            "words": count, "clauses": count, "brackets": count, "alternatives": count, "clean": count, "agreed": count } } } })
}

/// What `GET /api/v1/initiatives/{initiative}/texts/{text}` answers.
fn text_schema() -> Value {
    let voice = json!({ "type": "string", "description": "A side's id, or `team`" });
    let scope =
        json!({ "type": "string", "description": "`plenary`, or the id of the side whose caucus it was made in" });
    json!({ "type": "object", "required": ["id", "title", "authoritative", "version", "preamble", "clauses", "comments", "suggestions", "status", "versions"], "properties": {
        "id": { "type": "string", "format": "uuid" }, "title": { "type": "string" }, "authoritative": { "type": "string" },
        "version": { "$ref": "#/components/schemas/TextVersion" }, "preamble": { "type": "string" },
        "clauses": { "type": "array", "items": { "type": "object", "required": ["id", "part", "heading", "standing", "brackets", "out_of_date"], "properties": {
            "id": { "type": "string" }, "part": { "type": "string" }, "heading": { "type": "string" },
            "standing": { "type": "string", "enum": ["clean", "bracketed", "alternatives", "agreed ad referendum"] },
            "text": { "type": "string", "description": "The words in the bracket notation: [words] a bracket, [a|b] a choice" },
            "alternatives": { "type": "array", "items": { "type": "object", "required": ["label", "text"], "properties": {
                "label": { "type": "string" }, "text": { "type": "string" }, "replaces": { "type": "string" } } } },
            "brackets": { "type": "integer", "minimum": 0 },
            "out_of_date": { "type": "boolean", "description": "In a translation: the source clause changed since" } } } },
        "comments": { "type": "array", "items": { "type": "object", "required": ["id", "clause", "version", "scope", "voice", "body"], "properties": {
            "id": { "type": "string", "format": "uuid" }, "clause": { "type": "string" }, "version": { "type": "integer" },
            "scope": scope, "voice": voice, "body": { "type": "string" }, "reply_to": { "type": "string", "format": "uuid" } } } },
        "suggestions": { "type": "array", "items": { "type": "object", "required": ["id", "clause", "version", "scope", "voice", "wording", "rationale"], "properties": {
            "id": { "type": "string", "format": "uuid" }, "clause": { "type": "string" }, "version": { "type": "integer" },
            "scope": scope, "voice": voice, "wording": { "type": "string" }, "rationale": { "type": "string" },
            "outcome": { "type": "string", "enum": ["accepted", "merged", "declined"] }, "reason": { "type": "string" } } } },
        "status": { "$ref": "#/components/schemas/TextStatus" },
        "versions": { "type": "array", "items": { "$ref": "#/components/schemas/TextVersion" } } } })
}

/// A join's answers: a campaign link refuses past its voter cap and its per-address limit.
fn join_responses() -> Value {
    let error = json!({ "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } });
    let mut answers = responses("201", "#/components/schemas/Joined");
    answers["403"] =
        json!({ "description": "The campaign link has admitted as many voters as its cap", "content": error });
    answers["429"] = json!({
        "description": "Too many joins: through the link, faster than its pace (Retry-After says when to try again), \
                        or from this address, which has made as many voters as the link allows one (no Retry-After)",
        "content": error
    });
    answers
}

/// The document.
#[must_use]
pub fn document() -> Value {
    let initiative = id_parameter("initiative", "The initiative's id.");
    let meeting = id_parameter("meeting", "The meeting's id.");
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "tracktwo API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The JSON API of tracktwo. Authenticate with a personal access token \
                (`tracktwo token create --user NAME`) as `Authorization: Bearer <token>`. Access is \
                decided per caller: a secret channel, or another side's caucus, answers 404 as if \
                it did not exist. Each client address has an allowance of requests, joins, votes \
                and bad tokens; past it the answer is 429 with `Retry-After`."
        },
        "security": [{ "token": [] }],
        "paths": {
            "/api/v1/initiatives": {
                "get": { "summary": "The caller's initiatives", "operationId": "listInitiatives",
                         "responses": responses("200", "#/components/schemas/Initiatives") },
                "post": { "summary": "Open an initiative; the caller becomes its convener", "operationId": "createInitiative",
                          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewInitiative" } } } },
                          "responses": responses("201", "#/components/schemas/Initiative") }
            },
            "/api/v1/initiatives/{initiative}": {
                "get": { "summary": "One initiative", "operationId": "showInitiative", "parameters": [initiative],
                         "responses": responses("200", "#/components/schemas/Initiative") }
            },
            "/api/v1/initiatives/{initiative}/members": {
                "get": { "summary": "The roster as the caller may see it: by name the members they may know (the team sees all; a participant the team and their own side), everyone else counted by side and role",
                         "operationId": "showRoster", "parameters": [initiative],
                         "responses": responses("200", "#/components/schemas/Roster") }
            },
            "/api/v1/initiatives/{initiative}/meetings/{meeting}/summary": {
                "get": { "summary": "A meeting's summary as the caller may take it away: the attendees the attendee rule lets them see (outside the team, only people who consented to be listed), the record their role and side allow, and what was withheld",
                         "operationId": "showMeetingSummary", "parameters": [initiative, meeting],
                         "responses": responses("200", "#/components/schemas/MeetingSummary") }
            },
            "/api/v1/initiatives/{initiative}/notes": {
                "get": { "summary": "Notes of the plenary record or of one caucus", "operationId": "listNotes",
                         "parameters": [initiative, caucus_parameter()],
                         "responses": responses("200", "#/components/schemas/Notes") },
                "post": { "summary": "Record a note; answered only once it is durable", "operationId": "createNote",
                          "parameters": [initiative],
                          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewNote" } } } },
                          "responses": responses("201", "#/components/schemas/Note") }
            },
            "/api/v1/initiatives/{initiative}/notes/{note}": {
                "get": { "summary": "One note", "operationId": "showNote",
                         "parameters": [initiative, id_parameter("note", "The note's id.")],
                         "responses": responses("200", "#/components/schemas/Note") }
            },
            "/api/v1/initiatives/{initiative}/texts": {
                "get": { "summary": "The initiative's negotiating texts: versions, translations, the newest version and where each stands; for those who read the plenary record",
                         "operationId": "listTexts", "parameters": [initiative],
                         "responses": responses("200", "#/components/schemas/Texts") }
            },
            "/api/v1/initiatives/{initiative}/texts/{text}": {
                "get": { "summary": "One version of a text (the newest unless asked): its clauses in the bracket notation, the comments and suggestions the caller may see (a caucus's to its side and the team only; a voice is a side's id or `team`, never a person), and where the package stands",
                         "operationId": "showText",
                         "parameters": [initiative, id_parameter("text", "The text's id."),
                             { "name": "version", "in": "query", "required": false, "description": "A version's number.", "schema": { "type": "integer", "minimum": 1 } },
                             { "name": "lang", "in": "query", "required": false, "description": "The newest version in this language (a BCP 47 tag such as ar).", "schema": { "type": "string" } }],
                         "responses": responses("200", "#/components/schemas/Text") }
            },
            "/api/v1/invitations/{invitation}/voters": {
                "post": { "summary": "Join a consultation through an invitation link; answers the voter's credential",
                          "operationId": "joinConsultation", "security": [],
                          "parameters": [{ "name": "invitation", "in": "path", "required": true,
                                           "description": "The secret of the invitation link (the part after /join/).",
                                           "schema": { "type": "string" } }],
                          "requestBody": { "required": false, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Join" } } } },
                          "responses": join_responses() }
            },
            "/api/v1/ballot": {
                "get": { "summary": "The voter's next statement, chosen by priority", "operationId": "ballot",
                         "security": [{ "voter": [] }],
                         "responses": responses("200", "#/components/schemas/Ballot") }
            },
            "/api/v1/ballot/votes": {
                "post": { "summary": "Vote on a statement; answered only once the vote is durable. A later vote on the same statement replaces it.",
                          "operationId": "vote", "security": [{ "voter": [] }],
                          "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Vote" } } } },
                          "responses": responses("201", "#/components/schemas/Recorded") }
            },
            "/api/v1/tokens": {
                "get": { "summary": "The caller's own API tokens: label, creation, expiry and last use (to the hour); never a secret",
                         "operationId": "listTokens",
                         "responses": responses("200", "#/components/schemas/Tokens") }
            },
            "/api/v1/tokens/{token}/revoke": {
                "post": { "summary": "Revoke one of the caller's tokens at once (an administrator's, anyone's); another's is not found",
                          "operationId": "revokeToken", "parameters": [id_parameter("token", "The token's id.")],
                          "responses": {
                              "204": { "description": "Revoked" },
                              "401": { "$ref": "#/components/responses/Unauthenticated" },
                              "404": { "$ref": "#/components/responses/NotFound" }
                          } }
            },
            "/api/v1/openapi.json": {
                "get": { "summary": "This document", "operationId": "openapi", "security": [],
                         "responses": { "200": { "description": "The OpenAPI document", "content": { "application/json": {} } } } }
            }
        },
        "components": {
            "securitySchemes": {
                "token": { "type": "http", "scheme": "bearer", "description": "A personal access token; it expires (90 days unless chosen otherwise, at most 365), and an expired or revoked one answers 401" },
                "voter": { "type": "http", "scheme": "bearer", "description": "A consultation voter's credential, from joinConsultation" }
            },
            "schemas": {
                "Initiative": { "type": "object", "required": ["id", "title", "description", "secret_channel"], "properties": {
                    "id": { "type": "string", "format": "uuid" }, "title": { "type": "string" },
                    "description": { "type": "string" }, "secret_channel": { "type": "boolean" } } },
                "Initiatives": { "type": "array", "items": { "$ref": "#/components/schemas/Initiative" } },
                "NewInitiative": { "type": "object", "required": ["title"], "properties": {
                    "title": { "type": "string", "maxLength": 300 }, "description": { "type": "string" },
                    "secret_channel": { "type": "boolean", "default": false } } },
                "Note": { "type": "object", "required": ["id", "body"], "properties": {
                    "id": { "type": "string", "format": "uuid" },
                    "caucus": { "type": "string", "format": "uuid", "description": "The side whose caucus holds it; absent for the plenary" },
                    "body": { "type": "string" } } },
                "Notes": { "type": "array", "items": { "$ref": "#/components/schemas/Note" } },
                "Roster": { "type": "object", "required": ["members", "counts"], "properties": {
                    "members": { "type": "array", "items": { "type": "object", "required": ["user", "name", "role"], "properties": {
                        "user": { "type": "string", "format": "uuid" }, "name": { "type": "string" },
                        "role": { "type": "string" }, "side": { "type": "string", "format": "uuid" } } } },
                    "counts": { "type": "array", "items": { "type": "object", "required": ["role", "members"], "properties": {
                        "side": { "type": "string", "format": "uuid", "description": "Absent for members on no side" },
                        "role": { "type": "string" }, "members": { "type": "integer", "minimum": 1 } } } } } },
                "MeetingSummary": meeting_summary_schema(),
                "NewNote": { "type": "object", "required": ["body"], "properties": {
                    "body": { "type": "string" }, "caucus": { "type": "string", "format": "uuid" } } },
                "Join": { "type": "object", "properties": {
                    "side": { "type": "string", "format": "uuid", "description": "A side of the initiative the voter declares" },
                    "segment": { "type": "string", "description": "One of the conversation's segments" } } },
                "Joined": { "type": "object", "required": ["voter_token"], "properties": { "voter_token": { "type": "string" } } },
                "BallotStatement": { "type": "object", "required": ["id", "text", "language", "translations"], "properties": {
                    "id": { "type": "integer", "minimum": 0 },
                    "text": { "type": "string", "description": "The statement as written: what the vote is on" },
                    "language": { "oneOf": [{ "type": "string" }, { "type": "null" }], "description": "The language tag it was written in, when the team has said" },
                    "translations": { "type": "object", "additionalProperties": { "type": "string" }, "description": "The team's translations, by language tag" } } },
                "Ballot": { "type": "object", "required": ["title", "question", "statement", "answered", "remaining", "accepts_statements", "closed"], "properties": {
                    "title": { "type": "string" }, "question": { "type": "string" },
                    "statement": { "oneOf": [{ "$ref": "#/components/schemas/BallotStatement" }, { "type": "null" }] },
                    "answered": { "type": "integer" }, "remaining": { "type": "integer" },
                    "accepts_statements": { "type": "boolean" }, "closed": { "type": "boolean" } } },
                "Vote": { "type": "object", "required": ["statement", "vote"], "properties": {
                    "statement": { "type": "integer", "minimum": 0 },
                    "vote": { "type": "string", "enum": ["agree", "disagree", "pass"] } } },
                "Recorded": { "type": "object", "required": ["recorded", "next"], "properties": {
                    "recorded": { "type": "boolean" },
                    "next": { "oneOf": [{ "$ref": "#/components/schemas/BallotStatement" }, { "type": "null" }] } } },
                "Token": { "type": "object", "required": ["id", "label", "created_at", "expires_at", "last_used_at", "expired"], "properties": {
                    "id": { "type": "string", "format": "uuid" }, "label": { "type": "string" },
                    "created_at": { "type": "string", "format": "date-time" },
                    "expires_at": { "type": "string", "format": "date-time" },
                    "last_used_at": { "oneOf": [{ "type": "string", "format": "date-time" }, { "type": "null" }] },
                    "expired": { "type": "boolean" } } },
                "Tokens": { "type": "array", "items": { "$ref": "#/components/schemas/Token" } },
                "TextStatus": text_status_schema(),
                "TextVersion": text_version_schema(),
                "TextListing": { "type": "object", "required": ["id", "title", "versions", "translations", "languages", "status"], "properties": {
                    "id": { "type": "string", "format": "uuid" }, "title": { "type": "string" },
                    "versions": { "type": "integer", "minimum": 0 }, "translations": { "type": "integer", "minimum": 0 },
                    "languages": { "type": "array", "items": { "type": "string" } },
                    "latest": { "$ref": "#/components/schemas/TextVersion" },
                    "status": { "$ref": "#/components/schemas/TextStatus" } } },
                "Texts": { "type": "array", "items": { "$ref": "#/components/schemas/TextListing" } },
                "Text": text_schema(),
                "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "string" } } }
            },
            "responses": {
                "Unauthenticated": { "description": "No valid token", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                "Forbidden": { "description": "Known, but not allowed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                "NotFound": { "description": "Absent, or not to be known", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                "TooMany": { "description": "Too many requests; see Retry-After", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                "Invalid": { "description": "Invalid input", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            }
        }
    })
}
