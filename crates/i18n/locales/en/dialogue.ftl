# The dialogue process: its design and rounds, meetings, notes, attendance, the speaker key, options, follow-ups and summaries.
dialogue-follow-ups = Follow-ups
dialogue-due-before-the-next = Due before the next round
dialogue-nothing-open-from-the = Nothing open from the latest round.
dialogue-carried-forward = carried forward
dialogue-all = All
dialogue-round = Round
dialogue-commitment = Commitment
dialogue-owner = Owner
dialogue-due-2 = Due
dialogue-done = Done
dialogue-reopen = Reopen
dialogue-mark-done = Mark done
dialogue-yes = yes
dialogue-add-a-follow-up = Add a follow-up
dialogue-owner-a-team-member = Owner (a team member or a speaker code)
dialogue-due-on = Due on
dialogue-an-issue-carried-forward = An issue carried forward to the next round
dialogue-add-follow-up = Add follow-up
dialogue-what-your-role-and = What your role and side may see of this meeting.
dialogue-download-as-pdf = Download as PDF
dialogue-date = Date
dialogue-rule = Rule
dialogue-venue = Venue
dialogue-stage-reached = Stage reached
dialogue-summary-as-each-reader = Summary as each reader sees it
dialogue-pdf = PDF
dialogue-speaker-key = Speaker key
dialogue-take-a-note = Take a note
dialogue-speaker-codes-only-a1 = Speaker codes only (A1, B3, F), never names. Ctrl+Enter saves; the draft is kept as you type.
dialogue-session = Session
dialogue-speaker-code = Speaker code
dialogue-note = Note
dialogue-tags = Tags
dialogue-not-for-transfer = Not for transfer
dialogue-save-note = Save note
dialogue-notes = Notes
dialogue-no-notes = No notes.
dialogue-not-for-transfer-2 = not for transfer
dialogue-attendance = Attendance
dialogue-who-attends-with-the = Who attends, with the side and capacity they came in for this meeting. Under the Chatham House Rule no list leaves the meeting.
dialogue-name = Name
dialogue-organisation = Organisation
dialogue-side = Side
dialogue-capacity = Capacity
dialogue-outside-the-team = Outside the team
dialogue-listed-where-the-rule = listed where the rule allows
dialogue-team-only-no-consent = team only: no consent to be listed
dialogue-each-attendee-is-a = Each attendee is a person of the map, whose consent in the registry decides who outside the team may see them: someone who has not agreed to be listed is shown to the team only.
dialogue-person-from-the-map = Person (from the map)
dialogue-choose = — choose —
dialogue-name-as-listed-empty = Name as listed (empty: the map's)
dialogue-side-empty-the-map = Side (empty: the map's)
dialogue-as-on-the-map = as on the map
dialogue-their-member-account-if = Their member account, if any (username)
dialogue-consent-for-a-person = Consent, for a person not yet in the registry
dialogue-record-these-answers-in = Record these answers in the registry now
dialogue-obtained-on = Obtained on
dialogue-how-it-was-obtained = How it was obtained
dialogue-a-person-not-yet = A person not yet in the registry attends once the convener or operations have recorded their consent.
dialogue-add-attendee = Add attendee
dialogue-agenda-and-stage = Agenda and stage
dialogue-agenda = Agenda
dialogue-not-recorded = not recorded
dialogue-members-cleared-for-this = Members cleared for this meeting (usernames, one a line)
dialogue-save-progress = Save progress
dialogue-initiative = Initiative
dialogue-process-and-rounds = Process and rounds
dialogue-options-register = Options register
dialogue-ideas-and-options-where = Ideas and options, where they were raised and which sides support them — never which person.
dialogue-no-options-yet = No options yet.
dialogue-drafted-into = Drafted into
dialogue-status = Status
dialogue-in = In
dialogue-update = Update
dialogue-register-an-option = Register an option
dialogue-title = Title
dialogue-description = Description
dialogue-issues-it-answers-one = Issues it answers (one a line)
dialogue-raised-in-2 = Raised in
dialogue-register-option = Register option
dialogue-kind = Kind
dialogue-methodology = Methodology
dialogue-phase = Phase
dialogue-theory-of-change = Theory of change
dialogue-assumptions = Assumptions
dialogue-locales = Locales
dialogue-grant = Grant
dialogue-the-process-has-not = The process has not been designed yet.
dialogue-rounds = Rounds
dialogue-no-rounds-yet = No rounds yet.
dialogue-no-meetings = No meetings.
dialogue-meeting = Meeting
dialogue-mode = Mode
dialogue-starts-on = Starts on
dialogue-ends-on = Ends on
dialogue-confidentiality-mode = Confidentiality mode
dialogue-the-agenda-starts-from = The agenda starts from the methodology's template; a plenary and one caucus per side are set up.
dialogue-add-meeting = Add meeting
dialogue-add-a-round = Add a round
dialogue-number = Number
dialogue-add-round = Add round
dialogue-design = Design
dialogue-if-we = If we …
dialogue-then-2 = then …
dialogue-because-2 = because …
dialogue-assumptions-one-a-line = Assumptions (one a line)
dialogue-locales-one-a-line = Locales (one a line)
dialogue-grants-one-a-line = Grants (one a line: funder | reference | restrictions)
dialogue-save-design = Save design
dialogue-add-the-sides-on = Add the sides on the members page before the first meeting, so each gets a caucus.
dialogue-which-person-stands-behind = Which person stands behind each code of this meeting. Seen by the convener only; never part of any summary or export.
dialogue-one-a-line-code = One a line: CODE = name
dialogue-save-speaker-key = Save speaker key
dialogue-back-to-the-meeting = Back to the meeting
dialogue-options-raised = Options raised
dialogue-not-in-this-summary = Not in this summary
dialogue-add-meeting-to-round = Add a meeting to round { $number }
dialogue-as-it-leaves = As it leaves the meeting for { $reader }, under the rule: { $rule }.
dialogue-clause-number = clause { $clause }
dialogue-consent-contacted = To be contacted
dialogue-consent-listed = To be listed as a participant
dialogue-consent-photographed = To be photographed
dialogue-consent-recorded-under-code = To be recorded under a code
dialogue-due-on-date = (due { $date })
dialogue-held = Not saved: under this rule ({ $rule }) nothing said may be attributed, and this note names someone attending ({ $count ->
    [one] one place
   *[other] { $count } places
} marked below). Put the speaker's code (A1, B3, F) in the speaker field, take the marked words out of the note, and save again. The note is kept as your draft.
dialogue-in-version-of-text = in version { $version } of the text
dialogue-issues-list = Issues: { $issues }
dialogue-process-nav = Dialogue process
dialogue-raised-in-list = Raised in: { $meetings }
dialogue-round-number = round { $number }
dialogue-round-option = Round { $number }: { $title }
dialogue-session-option = { $session } ({ $rule })
dialogue-stage-of = { $stage } of { $steps }: { $name }
dialogue-step = step { $stage }
dialogue-summary-of = Summary: { $title }
dialogue-supported-by-list = supported by { $sides }
dialogue-supported-by-side = supported by { $side }
dialogue-supported-by-sides = (supported by { $sides })
dialogue-theory = If { $if }, then { $then }, because { $because }.
dialogue-third-party = third party
dialogue-transfer-on = Transfer — { $date }: { $channel } ({ $evidence })

# Where a session sat, and what a summary leaves out.
dialogue-scope-plenary = Plenary
dialogue-scope-caucus = Caucus: { $side }
dialogue-withheld-list-on-the-record = the attendee list (On the record)
dialogue-withheld-list-non-attribution = the attendee list (Non-attribution)
dialogue-withheld-list-chatham-house = the attendee list (Chatham House Rule)
dialogue-withheld-list-secret-channel = the attendee list (Secret channel)
dialogue-withheld-list-funders = the attendee list (funders do not receive participants' identities)
dialogue-withheld-not-listed = { $count ->
    [one] { $count } attendee not listed for { $reader } ({ $side })
   *[other] { $count } attendees not listed for { $reader } ({ $side })
}
dialogue-withheld-venue = the venue (secret channel)
dialogue-withheld-session-record = the record of the sessions (not given to { $reader })
dialogue-withheld-sessions-closed = { $count ->
    [one] { $count } session closed to { $reader }
   *[other] { $count } sessions closed to { $reader }
}
dialogue-withheld-notes = { $count ->
    [one] { $count } note marked not for transfer
   *[other] { $count } notes marked not for transfer
}
