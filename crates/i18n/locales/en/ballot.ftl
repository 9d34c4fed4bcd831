# The ballot and the pages an invitation link opens, for voters without an account.
ballot-closed = This conversation is closed. Thank you for taking part.
ballot-agree = Agree
ballot-disagree = Disagree
ballot-pass = Pass / unsure
ballot-all-answered = You have answered every statement. Come back later: others may add new ones.
ballot-progress = { $answered } answered, { $remaining } to go.
ballot-propose = Propose a statement
ballot-propose-label = One short sentence others can agree or disagree with
ballot-propose-submit = Propose
ballot-propose-note = Proposals are read by the organisers before anyone sees them.
ballot-proposal-thanks = Thank you: your statement waits for moderation.
voter-wait-title = Please wait
voter-wait-heading = Please wait a moment
voter-wait-text = Too many requests in a short time. Try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}.
voter-back-to-ballot = Back to the ballot
voter-cannot-join-title = Cannot join
voter-cannot-join-heading = Cannot join through this link
voter-link-full = This link has admitted all the voters it was made for. If you were meant to take part, ask the organisers for a link of your own.
voter-address-limit = As many people as this link allows have already joined from your connection. If others share it with you (a venue, an office), ask the organisers to raise the limit or for a link of your own.
voter-link-needed-title = Link needed
voter-link-needed-heading = Open your invitation link
voter-link-needed-text = This ballot needs the invitation link you were sent. Open it again to continue.
welcome-closed = This conversation is closed.
welcome-intro = You will see short statements, one at a time, and say whether you agree, disagree or pass. You can also propose statements of your own.
welcome-privacy = No account is needed. Nothing about you is kept beyond a random number and what you choose to say below.
welcome-side = The side you speak for (optional)
welcome-segment = Where you belong (optional)
welcome-prefer-not = Prefer not to say
welcome-start = Start
statement-original = As written
