# Outcome Harvesting, the RPP matrix, the layers and reflection on the theory of change.
outcomes-room = Assessment
outcomes-link = Harvested outcomes
theory-link = Theory of change and reflection
outcomes-title = Outcomes
outcomes-intro = An outcome is an observable change in a social actor's behaviour, relationships, actions, policies or practices to which the initiative contributed. Each is substantiated by someone independent before it is reported.
outcomes-cleared-note = You see reported outcomes only, without names.
outcomes-none = No outcome to show yet.
outcomes-harvest-link = Harvest an outcome
outcomes-back = All outcomes
outcomes-col-when = When
outcomes-col-what = What changed
outcomes-col-layer = Layer
outcomes-col-cell = RPP cell
outcomes-col-state = State
outcomes-count = { $count ->
    [one] { $count } outcome
   *[other] { $count } outcomes
}
# The RPP matrix and the layers as pictures.
rpp-heading = The RPP matrix
rpp-title = Outcomes in the RPP matrix
rpp-desc = { $count ->
    [one] { $count } outcome placed by whom it reaches (more people or key people) and by the change (individual-personal or socio-political); arrows show a social actor's later outcome in another cell.
   *[other] { $count } outcomes placed by whom they reach (more people or key people) and by the change (individual-personal or socio-political); arrows show a social actor's later outcome in another cell.
}
rpp-movements = { $count ->
    [one] { $count } move between cells
   *[other] { $count } moves between cells
}
funnel-heading = From the individual to society
funnel-title = Outcomes on each layer
funnel-desc = A funnel from the individual participant to society, with the number of outcomes on each layer.
reach-more-people = More people
reach-key-people = Key people
level-individual-personal = Individual / personal
level-socio-political = Socio-political
layer-individual = Individual participant
layer-group = The dialogue group
layer-transfer = Transfer
layer-policy = Track One and policy
layer-society = Society
change-type-behaviour = Behaviour
change-type-relationships = Relationships
change-type-actions = Actions
change-type-policies = Policies
change-type-practices = Practices
valence-positive = Positive
valence-negative = Negative
criterion-stops-key-driver = Stops or weakens a key driver of the conflict
criterion-own-initiatives = People increasingly start their own peace initiatives
criterion-institutions-reformed = Institutions are created or reformed to handle grievances
criterion-resist-provocation = People increasingly resist provocation into violence
criterion-security-improves = People's actual and felt security improves
outcome-state-draft = Draft
outcome-state-substantiated = Substantiated
outcome-state-reported = Reported
outcome-class-on-the-record = On the record: reported to funders, officials and participants, without names
outcome-class-non-attribution = Non-attribution: reported to funders and officials, without names
outcome-class-chatham-house = Chatham House Rule: reported to funders only, without names
outcome-class-secret-channel = Secret channel: the convener and the harvester only
verdict-agrees = Agrees
verdict-partly = Partly agrees
verdict-disagrees = Disagrees
# The harvest form.
harvest-title = Harvest an outcome
harvest-what = What changed
harvest-what-hint = An observable change in behaviour, relationships, actions, policies or practices.
harvest-on = When it changed
harvest-place = Where
harvest-who = Who changed (the social actor)
harvest-actor = The social actor on the map
harvest-actor-none = Not on the map
harvest-organisation = The social actor is an organisation
harvest-description = Who they are, without naming them
harvest-change-type = Type of change
harvest-intended = Intended
harvest-unintended = Unintended
harvest-valence = Positive or negative
harvest-significance = Significance
harvest-contribution = How the initiative contributed
harvest-links = What contributed
harvest-meetings = Meetings
harvest-options = Options
harvest-readouts = Readouts
harvest-transfers = Transfers
harvest-coordination = Contacts with Track One
harvest-sources = Sources (at least two)
harvest-source-name = Source { $number }
harvest-source-document = A document, not a person
harvest-source-basis = How they know
harvest-layer = Layer
harvest-reach = Whom it reaches
harvest-level = Kind of change
harvest-criteria = RPP criteria of effectiveness met
harvest-class = Confidentiality
harvest-assumptions = Assumptions of the theory of change it bears on
assumption-bears-none = Does not bear on it
assumption-bears-supports = Supports it
assumption-bears-questions = Questions it
harvest-submit = Save as draft
# One outcome.
outcome-title = Outcome
outcome-who = Social actor
outcome-when-where = When and where
outcome-type = Type of change
outcome-sources = Sources
outcome-sources-count = { $count ->
    [one] { $count } source
   *[other] { $count } sources
}
outcome-linked = { $count ->
    [one] Linked to { $count } record of the initiative
   *[other] Linked to { $count } records of the initiative
}
outcome-agreeing = { $count ->
    [one] { $count } independent substantiator agrees
   *[other] { $count } independent substantiators agree
}
outcome-criteria = Criteria of effectiveness
outcome-class = Confidentiality
outcome-substantiations = Substantiation
outcome-no-substantiation = No one has substantiated it yet.
outcome-harvested = Harvested on { $date }
substantiate-heading = Substantiate
substantiate-note = Give your own word: the harvester of an outcome cannot substantiate it.
substantiate-name = Your name as you sign
substantiate-verdict = Your verdict
substantiate-on = On
substantiate-comment = Comment
substantiate-submit = Substantiate
workflow-heading = Workflow
workflow-substantiated = Mark substantiated
workflow-reported = Report
outcome-refused = This step is refused: { $reason }
# Theory of change and reflection.
theory-title = Theory of change
theory-if = If
theory-then = then
theory-because = because
theory-none = The process design holds no theory of change yet.
theory-assumption = Assumption { $number }
theory-history = Status over time
theory-no-reading = Not read yet.
theory-supporting = Outcomes that support it
theory-questioning = Outcomes that question it
theory-no-evidence = None yet.
theory-measures-hook = Attitude and trust measures will show here once a round is measured.
reflection-prompt = { $round } has ended and no reflection names it yet.
reflection-prompt-link = Reflect on the theory of change
reflection-heading = Add a reflection
reflection-on = On
reflection-round = After the round
reflection-round-none = No round in particular
reflection-status = Status
reflection-status-unread = Not read this time
assumption-status-holding = Holding
assumption-status-in-doubt = In doubt
assumption-status-failed = Failed
reflection-note = Note
reflection-general-note = What the team learnt
reflection-submit = Save reflection
reflections-heading = Reflections
# Reports built from the record.
reports-title = Reports
reports-intro = A report is built from the record for its audience, whoever produces it: it names no participant, attributes no word to anyone, and suppresses every group of fewer than 5 people.
reports-funder-heading = Funder report
reports-funder-about = For the funder: the reported outcomes a funder may read, attitude and trust measures, the results framework, and the process and the transfer to Track One in figures.
reports-evaluation-heading = Evaluation brief
reports-evaluation-about = For the evaluator: every outcome an evaluator may read, drafts included, with the criteria of effectiveness and the theory of change's assumptions as the team has read them.
reports-from = First day
reports-to = Last day
reports-period-note = Leave both days empty for the whole record.
reports-format = Format
reports-language = Language
reports-produce = Produce the report
