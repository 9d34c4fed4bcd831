# The frame every page shares.
site-name = tracktwo
page-title = { $title } · tracktwo
skip-to-content = Skip to content
main-navigation = Main
nav-initiatives = My initiatives
nav-timeline = Timeline
nav-account = Account
sign-out = Sign out
language-switch = Language
error-back = Back to my initiatives
error-heading-400 = Bad Request
error-heading-403 = Forbidden
error-heading-404 = Not Found
error-heading-other = Error
# How many of something there are, for counts shown beside lists.
count-versions = { $count ->
    [one] { $count } version
   *[other] { $count } versions
}
