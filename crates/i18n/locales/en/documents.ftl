# Exported documents (PDF and DOCX): meeting summaries, readout copies, the timeline.

document-page = Page { $page } of { $pages }

## A meeting summary's facts and sections

document-initiative = Initiative
document-round = Round
document-date = Date
document-rule = Rule
document-prepared-for = Prepared for
document-venue = Venue
document-stage-reached = Stage reached
document-attendance = Attendance
document-name = Name
document-organisation = Organisation
document-side = Side
document-capacity = Capacity
document-agenda = Agenda
document-agenda-done = { $item } (done)
document-options-raised = Options raised
document-supported-by = (supported by { $sides })
document-follow-ups = Follow-ups
document-due = (due { $date })
document-done = done
document-not-in-summary = Not in this summary
document-not-for-transfer = not for transfer
document-summary-running-head = { $mode } — { $reader }
document-summary-subject = Meeting summary ({ $mode })

## A readout's copy

document-readout-running-head = Readout for { $audience } — do not copy or forward
document-readout-subject = Readout

## The timeline

document-timeline-title = Multi-track timeline
document-timeline-running-head = Multi-track timeline — confidential
document-timeline-subject = Timeline
document-timeline-span = From { $from } to { $to }.
document-timeline-alt = The official track, each initiative's meetings, transfers and coordination as lanes on one date axis; every event is listed below.
document-timeline-official = Official track
document-timeline-transfers = Transfers
document-timeline-coordination = Coordination
document-timeline-outcomes = Outcomes
document-event = Event

## Confidentiality rules

document-mode-on-the-record = On the record
document-mode-non-attribution = Non-attribution
document-mode-chatham-house = Chatham House Rule
document-mode-secret-channel = Secret channel

## Whom a summary is prepared for

document-reader-team = the convening team
document-reader-participant = a participant
document-reader-observer = an observer
document-reader-official = a Track One official
document-reader-evaluator = an evaluator
document-reader-funder = a funder
document-reader-operations = operations

## Whom a readout is released to

document-audience-track-one-official = Track One officials
document-audience-funder = funders
document-audience-participants = participants
document-audience-public = the public

## Capacities, note tags and option stages

document-capacity-serving-official = Serving official
document-capacity-personal-capacity = Official in a personal capacity
document-capacity-former-official = Former official
document-capacity-non-official = Non-official
document-tag-issue = issue
document-tag-need = need
document-tag-fear = fear
document-tag-option = option
document-tag-agreement = agreement
document-tag-disagreement = disagreement
document-status-raised = Raised
document-status-developed = Developed
document-status-jointly-endorsed = Jointly endorsed
document-status-transferred = Transferred to Track One
document-status-adopted-officially = Adopted officially
