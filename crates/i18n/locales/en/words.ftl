# The field's fixed vocabularies, each value by its stored code (dots read as hyphens).
# ConversationMode
conversation-mode-private = Private: the initiative's participants vote
conversation-mode-consultation = Consultation: anyone with an invitation link votes
# StatementStatus
statement-status-pending = Waiting for moderation
statement-status-accepted = Accepted
statement-status-rejected = Moderated out
# Vote
vote-agree = Agree
vote-disagree = Disagree
vote-pass = Pass / unsure
# InvitationKind
invitation-kind-personal = Personal: one link for one person
invitation-kind-campaign = Campaign: one link shared with many
# StatementOrigin
statement-origin-team = The convening team
statement-origin-participant = A participant
statement-origin-imported = Imported
# ProcessKind
process-kind-track-2 = Track 2
process-kind-track-1-5 = Track 1.5
process-kind-track-3 = Track 3
process-kind-multi-track = Multi-track
# Methodology
methodology-problem-solving-workshop = Problem-solving workshop (Kelman)
methodology-sustained-dialogue = Sustained dialogue (Saunders)
methodology-track-1-5-policy-dialogue = Track 1.5 policy dialogue
methodology-one-text-mediation = One-text mediation
methodology-citizen-exchange = Citizen exchange
# Phase
phase-pre-negotiation = Pre-negotiation
phase-para-negotiation = Para-negotiation (alongside official talks)
phase-post-agreement = Post-agreement / implementation
# ConfidentialityMode
confidentiality-on-the-record = On the record
confidentiality-non-attribution = Non-attribution
confidentiality-chatham-house = Chatham House Rule
confidentiality-secret-channel = Secret channel
# NoteTag
note-tag-issue = issue
note-tag-need = need
note-tag-fear = fear
note-tag-option = option
note-tag-agreement = agreement
note-tag-disagreement = disagreement
# OptionStatus
option-status-raised = Raised
option-status-developed = Developed
option-status-jointly-endorsed = Jointly endorsed
option-status-transferred = Transferred to Track One
option-status-adopted-officially = Adopted officially
# Level
level-top = Top leadership
level-middle = Middle-range leadership
level-grassroots = Grassroots leadership
# ActorKind
actor-kind-person = Person
actor-kind-organisation = Organisation
# TieKind
tie-kind-works-for = works for
tie-kind-advises = advises
tie-kind-member-of = member of
tie-kind-funds = funds
tie-kind-family = family
tie-kind-trusted-contact = trusted contact
tie-kind-colleague = colleague
tie-kind-back-channel-to = back channel to
tie-kind-rival = rival
# Capacity
capacity-serving-official = Serving official
capacity-personal-capacity = Official in a personal capacity
capacity-former-official = Former official
capacity-non-official = Non-official
# ConsentAnswer
consent-not-asked = not asked
consent-given = given
consent-refused = refused
# Audience
audience-track-one-official = Track One officials
audience-funder = Funders
audience-participants = Participants
audience-public = The public
# Clearance
clearance-draft = Draft
clearance-reviewed = Reviewed
clearance-released = Released
# TransferKind
transfer-kind-relationships = Relationships and trust
transfer-kind-learning = Learning
transfer-kind-idea-or-option = An idea or option
transfer-kind-draft-text = A draft framework or text
transfer-kind-skills-or-data = Skills or data
transfer-kind-person-into-office = A participant moving into an official role
# TransferDirection
transfer-direction-upward = Upward, to Track One
transfer-direction-outward = Outward, to constituencies and the public
transfer-direction-lateral = Lateral, to other initiatives
# TransferChannel
transfer-channel-participant-carries = A participant carries it
transfer-channel-participant-becomes-negotiator = A participant becomes a negotiator
transfer-channel-convener-briefs = The convener briefs officials
transfer-channel-written-readout = A written readout or non-paper
transfer-channel-publication = Publication
transfer-channel-media = Media
transfer-channel-training = Training
# TransferTiming
transfer-timing-pre-negotiation = Before negotiation
transfer-timing-para-negotiation = Alongside negotiation
transfer-timing-post-negotiation = After negotiation
# Evidence
evidence-claimed = Claimed
evidence-corroborated = Corroborated by the recipient
evidence-visible-officially = Visible in an official text or policy
# CoordinationForm
coordination-form-information-sharing = Information sharing
coordination-form-indirect-sequencing = Indirect sequencing
coordination-form-joint-strategy-planning = Joint strategy planning
coordination-form-collaboration-in-implementation = Collaboration in implementation
# OfficialKind
official-kind-negotiation-round = Negotiation round
official-kind-ceasefire = Ceasefire
official-kind-statement = Statement
official-kind-agreement = Agreement
# A member's role in an initiative.
role-convener = convener
role-facilitator = facilitator
role-rapporteur = rapporteur
role-participant = participant
role-official = official
role-funder = funder
role-evaluator = evaluator
role-observer = observer
role-operations = operations
# Diamond and McDonald's nine tracks.
track-government = Government
track-conflict-resolution = Professional conflict resolution
track-business = Business
track-private-citizens = Private citizens
track-research = Research, training and education
track-activism = Activism
track-religion = Religion
track-funding = Funding
track-media = Communications and media
# Who a summary is for.
reader-team = the convening team
reader-participant = a participant
reader-observer = an observer
reader-official = a Track One official
reader-evaluator = an evaluator
reader-funder = a funder
reader-operations = operations
# The steps of each methodology.
methodology-problem-solving-workshop-step-1 = Exchange of information on each side's situation
methodology-problem-solving-workshop-step-2 = Analysis of each side's needs and fears
methodology-problem-solving-workshop-step-3 = Joint thinking about solutions that meet both sides' needs
methodology-problem-solving-workshop-step-4 = Political and psychological constraints on such solutions
methodology-problem-solving-workshop-step-5 = Joint thinking about overcoming the constraints
methodology-sustained-dialogue-step-1 = Stage 1: Deciding to engage
methodology-sustained-dialogue-step-2 = Stage 2: Mapping relationships and naming problems
methodology-sustained-dialogue-step-3 = Stage 3: Probing problems and relationships
methodology-sustained-dialogue-step-4 = Stage 4: Scenario building
methodology-sustained-dialogue-step-5 = Stage 5: Acting together
methodology-track-1-5-policy-dialogue-step-1 = Opening: ground rules and the capacity in which each person attends
methodology-track-1-5-policy-dialogue-step-2 = Each side's reading of the situation
methodology-track-1-5-policy-dialogue-step-3 = Thematic sessions on the issues
methodology-track-1-5-policy-dialogue-step-4 = Options and their feasibility
methodology-track-1-5-policy-dialogue-step-5 = What to carry back, and to whom
methodology-one-text-mediation-step-1 = Interviews: each side's interests, not positions
methodology-one-text-mediation-step-2 = First draft, committing no one
methodology-one-text-mediation-step-3 = Criticism of the draft by each side
methodology-one-text-mediation-step-4 = Redraft
methodology-one-text-mediation-step-5 = Decision on the whole text
methodology-citizen-exchange-step-1 = Introductions and personal stories
methodology-citizen-exchange-step-2 = Life on each side: visits and listening
methodology-citizen-exchange-step-3 = Shared concerns
methodology-citizen-exchange-step-4 = Joint activities
methodology-citizen-exchange-step-5 = Staying in touch
# A facilitator's answer to a suggested wording.
outcome-accepted = accepted
outcome-merged = merged
outcome-declined = declined
# Where a clause stands.
clause-standing-clean = clean
clause-standing-bracketed = bracketed
clause-standing-alternatives = alternatives
clause-standing-agreed-ad-referendum = agreed ad referendum
# How a clause changed between two versions.
clause-change-unchanged = unchanged
clause-change-added = added
clause-change-removed = removed
clause-change-reworded = reworded

# Why a candidate is not available to a selection, as the registry has it.
unavailable-not-in-registry = not in the registry: no consent recorded
unavailable-no-consent-to-be-contacted = no consent to be contacted
unavailable-risk-above-ceiling = risk above the ceiling

# The fields of tracktwo's a map file's attribute can be mapped onto: what each holds.
map-field-code = code name (default: the node id)
map-field-name = real name
map-field-kind = person or organisation
map-field-track = primary track, by name or by number under a scheme
map-field-tracks = every track, separated by ; , or |
map-field-level = top, middle or grassroots
map-field-side = the side's name (empty: a third party)
map-field-role = position or role
map-field-decision-maker = a Track One decision-maker: yes or no
map-field-notes = the team's notes on the actor
map-field-public-description = what readers limited to code names learn
map-field-tie-kind = the tie's kind (advises, colleague, …)
map-field-strength = 1 to 5 (default: the edge's weight, else 1)
map-field-directed = yes or no (default: the edge's own direction)
map-field-valid-from = the first day the tie stood, YYYY-MM-DD
map-field-valid-until = the day the tie ended, YYYY-MM-DD
map-field-tie-notes = the team's notes on the tie

# How a map file numbers its tracks.
track-scheme-imtd9 = the nine tracks of the Institute for Multi-Track Diplomacy
track-scheme-five = the five-track list (3 business, 4 citizen exchange, 5 media)
