# Exported documents (PDF and DOCX): meeting summaries, readout copies, the timeline, a negotiating text's copies.

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

## A negotiating text: the bracketed working copy, the clean copy and the comparison copy

document-text-bracketed = Bracketed text
document-text-clean = Clean text
document-text-comparison = Comparison
document-text-running-head = { $copy } — version { $version } — { $mode }
document-text-subject = { $copy }, version { $version }
document-text-version = Version
document-text-version-value = { $version } ({ $language })
document-text-committed = Committed
document-text-content-hash = Content hash
document-text-status = Status
document-text-figures = Figures
document-text-status-no-version = No version yet
document-text-status-open = Open: version { $version } has { $brackets ->
    [one] one bracket
   *[other] { $brackets } brackets
} and { $alternatives ->
    [one] one alternative
   *[other] { $alternatives } alternatives
} left
document-text-status-awaiting = Settled at version { $version }; sides that have signed: { $signed }; still to sign: { $missing }
document-text-status-agreed = Agreed: every side signed version { $version } ({ $hash })
document-text-agreed-ad-referendum = (agreed ad referendum)
document-text-alternatives = alternatives:
document-text-replaces-whole-clause = (replaces the whole clause)
document-text-replaces-words = (replaces “{ $words }”)
document-text-compared = Compared
document-text-compared-versions = from version { $older } to version { $newer }
document-text-before = Before
document-text-after = After
document-text-clauses = Clauses
document-text-clause-changes = { $added } added · { $removed } removed · { $reworded } reworded · { $moved } moved
document-text-legend = Words put in are { $inserted }; words taken out are { $deleted }.
document-text-legend-inserted = underlined
document-text-legend-deleted = struck through
document-text-moved = (moved from { $from } to { $to })

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

# Reports built from the record: the funder report and the evaluation brief.
report-funder-title = Funder report: { $initiative }
report-evaluation-title = Evaluation brief: { $initiative }
report-funder-running-head = Funder report — no participant names; groups of fewer than 5 suppressed
report-evaluation-running-head = Evaluation brief — no participant names; groups of fewer than 5 suppressed
report-funder-subject = Funder report
report-evaluation-subject = Evaluation brief
report-period = Period
report-period-span = { $from } to { $to }
report-whole-record = The whole record
report-method = Built from the record for { $reader }: it names no participant and attributes no word to anyone. Every name the record holds is withheld, and any group of fewer than 5 people is suppressed.
report-outcomes-heading = What changed
report-outcomes-none = No outcome to report for this period.
report-col-outcomes = Outcomes
report-col-criterion = Criterion
report-statements-heading = The outcomes, one by one
report-statement-label = { $number } · { $date } · { $layer }
report-who = Who changed: { $who }
report-significance = Significance: { $text }
report-contribution = Contribution of the initiative: { $text }
report-theory-none = The process design states no assumption.
report-col-assumption = Assumption
report-col-reading = Latest reading
report-col-supporting = Outcomes that support it
report-col-questioning = Outcomes that question it
report-not-read = Not read in this period
report-measures-none = No questionnaire was answered in this period.
report-indicators-heading = Results framework
report-indicators-none = The results framework holds no indicator.
report-col-outcome = Outcome
report-col-indicator = Indicator
report-col-baseline = Baseline
report-col-target = Target
report-col-actuals = Actuals
report-process-heading = The process
report-process-none = No meeting in this period.
report-col-meetings = Meetings
report-col-dates = Dates
report-col-options = Options raised
report-transfer-heading = Transfer to Track One
report-transfer-none = No readout released, transfer or contact with Track One in this period.
report-readouts-released = Readouts released to { $audience }
report-transfers = Transfers: { $direction }
report-contacts = Contacts with Track One: { $form }
