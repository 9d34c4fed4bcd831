# The command line's messages for people: confirmations, summaries, notes and errors. Machine
# output (JSON, CSV, identifiers alone on a line, exports) is never worded here.

## Errors and warnings

cli-error = error: { $message }
cli-warning = warning: { $message }
cli-no-runtime = cannot start the async runtime: { $reason }
cli-cannot-read = cannot read { $path }
cli-cannot-create = cannot create { $path }
cli-cannot-write = cannot write { $path }
cli-cannot-open = cannot open { $path }
cli-cannot-lock = cannot lock { $path }
cli-cannot-create-folder = cannot create the folder { $path }
cli-cannot-create-data-folder = cannot create the data folder { $path }
cli-cannot-write-to-folder = cannot write to the folder { $path }
cli-cannot-write-file = cannot write the file
cli-cannot-write-result = cannot write the result
cli-not-a-folder = { $path } is not a folder
cli-not-an-initiative-id = `{ $text }` is not a valid initiative id
cli-not-a-meeting-id = `{ $text }` is not a valid meeting id
cli-not-a-conversation-id = `{ $text }` is not a valid conversation id
cli-not-a-readout-id = `{ $text }` is not a valid readout id
cli-not-a-copy-id = `{ $text }` is not a valid copy id
cli-not-a-text-id = `{ $text }` is not a valid text id
cli-not-an-id = `{ $text }` is not a valid id
cli-not-a-date = `{ $date }` is not a date as YYYY-MM-DD
cli-not-an-address = `{ $address }` is not an address such as 127.0.0.1:8080
cli-nothing-imported = { $reason }; nothing was imported
cli-nothing-imported-from = { $path }: { $reason }; nothing was imported
cli-old-flags = { $flags ->
    [1] note: --initiative is deprecated; write `{ $command }`: the initiative first, as every command takes it
   *[other] note: --initiative and --conversation are deprecated; write `{ $command }`: the initiative first, then the conversation, as every command takes them
}

## Unlocking and opening the store

cli-cannot-open-postgres = cannot open the PostgreSQL store (check --database-url / TRACKTWO_DATABASE_URL)
cli-cannot-open-store = cannot open the store in { $path }
cli-cannot-read-key-file = cannot read the key file { $path }
cli-key-file-short = the key file { $path } holds { $bytes } bytes; it needs at least 32 random bytes (for example: head -c 32 /dev/urandom > { $path })
cli-key-and-passphrase = both a key file and a passphrase are set; give one
cli-passphrase-empty = the passphrase is empty
cli-no-key = no key given: set TRACKTWO_KEY_FILE (or --key-file) to a file of at least 32 random bytes, or TRACKTWO_PASSPHRASE_FILE (or --passphrase-file)

## Serving and the demo

cli-address-in-use = the address { $address } is already in use; stop the other server or choose another with --listen
cli-cannot-listen = cannot listen on { $address }: { $reason }
cli-no-listening-address = cannot read the listening address
cli-serving = tracktwo is serving at { $address }
cli-server-stopped = the server stopped with an error
cli-already-served = another `tracktwo serve` already serves the store in { $path }; only one server may serve a SQLite store (several servers need PostgreSQL: see docs/deployment.md)
cli-demo-key-beside-data = the demo's key file { $path } sits next to its data; never do that with a real store
cli-demo-not-seeded = cannot create the demo scenario
cli-demo-created = Demo store created in { $path }.
cli-demo-accounts = Demo accounts (invented people), each with a fresh password and API token for this run:
cli-demo-try-api = Try: { $command }
cli-demo-vote = Vote in the demo consultation without an account: { $link }

## Accounts, tokens and the store

cli-store-initialised = Store initialised ({ $backend }).
cli-administrator-created = Administrator `{ $username }` created.
cli-password-shown-once = Password (shown only now): { $password }
cli-keep-the-key = Keep the key safe, and keep a keyring export (`tracktwo keyring export FILE`) apart from backups.
cli-account-created = Account { $username } created ({ $id }).
cli-account-disabled = Account { $username } disabled; its sessions have ended.
cli-account-enabled = Account { $username } enabled.
cli-password-set = Password of { $username } set; its sessions have ended.
cli-account-flag-admin = admin
cli-account-flag-disabled = disabled
cli-cannot-read-password-file = cannot read the password file { $path }
cli-token-created = Token { $id } created for { $username }, valid until { $until }; it is shown only now.
cli-token-made = created { $at }
cli-token-expires = expires { $at }
cli-token-expired = expired { $at }
cli-token-used = used { $at }
cli-token-never-used = never used
cli-not-a-token = `{ $token }` is not a token id; `token list` shows them
cli-token-revoked = Token { $id } revoked.
cli-destroy-needs-yes = destroying an initiative cannot be undone, not even from backups; add --yes to confirm
cli-initiative-destroyed = Initiative { $id } and its key destroyed. Replace any keyring export with a new one (`tracktwo keyring export`): older exports still hold the key.

## Backups, exports and the audit log

cli-backup-written = Backup written to { $path }: { $accounts } accounts, { $initiatives } initiatives, { $records } records (keys not included).
cli-restored = Restored { $accounts } accounts, { $initiatives } initiatives and { $events } audit events from { $path }.
cli-restored-without-key = { $initiatives } initiatives in the backup were destroyed since it was taken; their keys are gone and they were not restored.
cli-keyring-written = Keyring with { $keys } keys written to { $path }. Keep it apart from the backups.
cli-export-written = Decrypted export written to { $path }: { $accounts } accounts, { $initiatives } initiatives, { $records } records. It is plaintext: guard it.
cli-no-place-for-anchor = no place for the anchor: give --out FILE or TRACKTWO_AUDIT_ANCHOR_FILE (a passphrase store has no key file to keep it beside)
cli-anchor-lost = the audit chain no longer holds the event anchored in { $path }: its tail was cut or the store rolled back; the anchor is kept as evidence (run `tracktwo audit verify`)
cli-anchored = Audit head #{ $seq } ({ $mac }) anchored in { $path }. Keep a copy of it away from the database.
cli-cannot-show-anchor = cannot show the anchor
cli-no-anchor-at = there is no anchor at { $path }
cli-not-an-anchor = { $path } is not an audit anchor written by tracktwo
cli-cannot-read-anchor = cannot read the audit anchor { $path }
cli-cannot-write-anchor = cannot write the audit anchor
cli-audit-intact = Audit log intact: { $events } events, head #{ $seq } ({ $mac }).
cli-audit-holds-anchor = It holds event #{ $seq } anchored in { $path }.
cli-audit-tampered = Audit log TAMPERED: { $problems } problem(s) in { $events } events.
cli-audit-edited = event #{ $seq } was edited: its content no longer matches its MAC
cli-audit-inserted = event #{ $seq } was inserted: it does not belong in the chain
cli-audit-deleted-before = one or more events were deleted just before event #{ $seq }
cli-audit-swapped = events #{ $first } and #{ $second } were swapped: they are out of order
cli-audit-tail-removed = the chain ends at event #{ $last } but the head records #{ $head }: the last events were deleted
cli-audit-cut-before-anchor = the chain no longer holds event #{ $anchored }, which the anchor kept outside the store records (the head is now #{ $head }): its tail was cut or the store was rolled back
cli-audit-anchor-not-authentic = the anchor given was not written with this store's key; nothing was checked against it
cli-audit-unauthentic-row = the row { $row } fails its MAC: it was written or changed without the key, and is refused

## Documents

cli-document-format-unknown = cannot tell the format of { $path } from its name; use .pdf or .docx
cli-document-language-unknown = unknown language "{ $language }"; documents are written in en, ar, ru or fr
cli-summary-written = Summary for { $reader } written to { $path } ({ $bytes } bytes).
cli-report-funder = Funder report
cli-report-evaluation = Evaluation brief
cli-report-written = { $kind } ({ $outcomes } outcomes) written to { $path } ({ $bytes } bytes).
cli-copy-written = { $mark } written to { $path } ({ $bytes } bytes).
cli-wrote = wrote { $path }
cli-indicators-imported = imported { $indicators } indicator(s) from { $path }

## The dialogue process

cli-round = Round { $number }: { $title }
cli-stage-reached = stage { $stage } of { $of }: { $name }
cli-stage-not-recorded = stage not recorded
cli-option = option: { $title } — { $status }
cli-not-a-side = `{ $side }` is not a side of this initiative
cli-not-a-reader = `{ $reader }` is not a reader: use team, official, evaluator, funder, observer, operations or participant:SIDE

## Conversations and common ground

cli-conversation-line = { $id }  { $mode } { $statements } statements { $voters } voters { $votes } votes  { $title }
cli-conversation-closed = (closed)
cli-conversation-exported = Written to { $path }: { $statements } statements, { $votes } votes.
cli-translations-set = set the languages of { $statements ->
    [one] { $statements } statement
   *[other] { $statements } statements
} from { $path }
cli-conversation-imported = Imported { $statements } statements and { $votes } votes.
cli-no-votes-file = { $path }: neither votes.csv nor participants-votes.csv is there
cli-progress-reading-export = reading the export
cli-progress-replaying = replaying the history: update { $done } of { $total }
cli-progress-drawing-votes = drawing votes
cli-progress-writing = writing { $file }
cli-common-ground-totals = { $participants } participants ({ $clustered } clustered), { $statements } statements, { $votes } votes (from { $file })
cli-common-ground-group = group { $group }: { $participants } participants; representative: { $representative }
cli-direction-agree = agree
cli-direction-disagree = disagree
cli-consensus-agree = consensus agree: { $statements }
cli-consensus-disagree = consensus disagree: { $statements }
cli-common-ground-groups = common ground across groups: { $statements }
cli-common-ground-sides = common ground across sides ({ $sides }): { $statements }
cli-timing = { $stage } { $ms } ms
cli-timings = timings: { $stages }
cli-synthesised = Wrote { $votes } votes by { $participants } participants on { $statements } statements ({ $groups } planted groups, seed { $seed }) to { $path }.

## The system map

cli-map-written = Map written to { $path }: { $actors } actors, { $ties } ties (no registry fields).
cli-map-imported = Imported { $actors } actors and { $ties } ties.
cli-map-imported-replacing = Imported { $actors } actors and { $ties } ties, replacing the previous map.
cli-map-unplaced = { $actors } actors are unplaced, for the facilitator to place on the map's actor pages:
cli-map-unplaced-field = no { $field }
cli-map-size = { $actors } actors, { $ties } ties.
cli-coverage-cell = track { $track } ({ $name }), { $side }, { $level }: { $actors }
cli-no-gaps = No gaps.
cli-gap = gap: { $gap }
cli-risk-ceiling = risk ceiling: { $per_person } per person, { $group } for the group
cli-unmet = unmet: { $side }: { $need }
cli-invitee = { $number }. { $actor } ({ $side }): { $because }
cli-not-considered = not considered: { $actor }: { $reason }
cli-map-file-size = { $path }: { $nodes } nodes, { $edges } edges.
cli-map-track-scheme = Its track numbers follow { $scheme } ({ $code }).
cli-map-no-track-scheme = It declares no track scheme; tracks given by number need --track-scheme imtd9 or five.
cli-map-node-attributes = Node attributes (actors):
cli-map-edge-attributes = Edge attributes (ties):
cli-map-attribute = { $name } ({ $values } values): { $samples }
cli-map-no-attributes = none
cli-map-fields = tracktwo's fields (--field FIELD=ATTRIBUTE):
cli-map-not-tracktwo-fields = { $path } was not written with tracktwo's field names; map its attributes with --field and --value (see `tracktwo map import --help`); nothing was imported
cli-not-a-map-format = `{ $format }` is not a map format: use gexf, graphml, kumu or csv
cli-map-format-unknown = cannot tell the format of { $path } from its name; give --format gexf, graphml, kumu or csv

## Negotiating texts

cli-text-format-unknown = cannot tell the format of { $path } from its name; give --format akn, docx or pdf
cli-text-counts = { $versions } versions{ $translations ->
    [0] {""}
    [1] , 1 translation
   *[other] , { $translations } translations
}
cli-text-version = Version { $number } ({ $language }), { $date }, hash { $hash }
cli-text-status = Status: { $status }
cli-clause-out-of-date = out of date
cli-text-pending = Pending: { $clauses } clause(s) open, { $suggestions } suggestion(s) and { $comments } comment(s) waiting
cli-compare-versions = Version { $from } → version { $to }
cli-compare-before = before: { $figures }
cli-compare-after = after:  { $figures }
cli-compare-counts = { $added } added, { $removed } removed, { $reworded } reworded, { $moved } moved
cli-clause-moved = moved from { $from_part } #{ $from_position } to { $to_part } #{ $to_position }
cli-akn-one-version = an Akoma Ntoso file holds one version as it stands; --clean and --compare-with are for docx and pdf
cli-version-written = Version { $number } written to { $path } ({ $bytes } bytes).
cli-text-imported = imported as version { $number } ({ $hash })
cli-text-edited = note: the file's words differ from the version it names (version { $version }): it was edited

## Readouts and tracing

cli-readout-carries = carries text { $text }, version { $version }
cli-readout-copy = copy
cli-variants = Wording variants { $state }{ $this }: { $sites } variable sites in { $words } words ({ $per_hundred } per 100 words).
cli-variants-on = on
cli-variants-off = off
cli-variants-this-readout = this readout
cli-variants-reach = { $sentences ->
    [one] { $sentences } sentence
   *[other] { $sentences } sentences
} quoted word for word: names its copy among { $copies } in { $share } % of places
cli-variants-best-case = The best case: retyping, edits and framing lose some sites (docs/tracing.md).
cli-cannot-read-passage = cannot read the passage
cli-passage-unreadable = { $path } is neither text (UTF-8) nor a page image: give the passage as text, or a PNG, JPEG or TIFF image, or a PDF scan
cli-ocr-stopped = reading the page stopped
cli-cannot-read-page = cannot read the page in { $path }
cli-ocr-read = read the page by OCR (tesseract): { $words } words

# The command line's help and its parse errors (clap's own words).
cli-help-usage = Usage:
cli-help-commands = Commands
cli-help-arguments = Arguments
cli-help-options = Options
cli-help-default = {"["}default: { $value }]
cli-help-possible = {"["}possible values: { $values }]
cli-usage-options = OPTIONS
cli-usage-command = COMMAND
# The placeholders of the usage line and the options, for the values to be given.
cli-value-addr = ADDR
cli-value-conversation = CONVERSATION
cli-value-copy = COPY
cli-value-count = COUNT
cli-value-date = DATE
cli-value-days = DAYS
cli-value-description = DESCRIPTION
cli-value-dir = DIR
cli-value-field-file-value-value = FIELD:FILE_VALUE=VALUE
cli-value-field-attribute = FIELD=ATTRIBUTE
cli-value-file = FILE
cli-value-format = FORMAT
cli-value-from-to = FROM..TO
cli-value-group = GROUP
cli-value-groups = GROUPS
cli-value-initiative = INITIATIVE
cli-value-invitees = INVITEES
cli-value-label = LABEL
cli-value-language = LANGUAGE
cli-value-m = M
cli-value-meeting = MEETING
cli-value-mode = MODE
cli-value-n = N
cli-value-name = NAME
cli-value-out = OUT
cli-value-passage = PASSAGE
cli-value-path = PATH
cli-value-per-address = PER_ADDRESS
cli-value-per-person = PER_PERSON
cli-value-question = QUESTION
cli-value-reader = READER
cli-value-readout = READOUT
cli-value-scheme = SCHEME
cli-value-seed = SEED
cli-value-segments = SEGMENTS
cli-value-text = TEXT
cli-value-title = TITLE
cli-value-token = TOKEN
cli-value-url = URL
cli-value-username = USERNAME
cli-value-voter-cap = VOTER_CAP
cli-parse-error = error: { $error }
cli-parse-invalid-value = invalid value '{ $value }' for '{ $argument }'
cli-parse-invalid-value-because = invalid value '{ $value }' for '{ $argument }': { $reason }
cli-parse-possible-values = possible values: { $values }
cli-parse-unknown-argument = unexpected argument '{ $argument }' found
cli-parse-unknown-command = unrecognized subcommand '{ $command }'
cli-parse-missing-argument = the following required arguments were not provided: { $argument }
cli-parse-missing-command = '{ $command }' requires a subcommand but one was not provided
cli-parse-conflict = the argument '{ $argument }' cannot be used with '{ $other }'
cli-parse-wrong-values = the argument '{ $argument }' was given the wrong number of values, or more than once
cli-parse-invalid-utf8 = an argument is not valid UTF-8
cli-parse-failed = the command line could not be read
cli-parse-did-you-mean = tip: a similar one exists: '{ $suggestion }'
cli-parse-more = For more information, try '--help'.
