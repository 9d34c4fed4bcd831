# What a refused or failed request tells the person who made it.
error-heading-409 = Conflict
error-heading-413 = Too Large
error-heading-422 = Cannot Be Done
error-heading-429 = Too Many Requests
error-not-found = not found
error-internal = internal error
error-forbidden = You may not do this here.
error-refused = This could not be done, for the reason below.
error-csrf = the form has expired or did not come from this site; reload and try again
error-too-many-requests = too many requests; try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}
error-limited-sign-in = too many sign-in attempts from this address; try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}
error-limited-join = too many joins from this address; try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}
error-limited-vote = too many votes from this address; try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}
error-limited-proposal = too many proposals from this address; try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}
error-limited-api = too many API requests from this address; try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}
error-limited-bad-credential = too many requests with an unknown or expired credential from this address; try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}
import-refused-title = Import refused
import-refused-nothing = Nothing was imported.
import-refused-back = Back
