# Signing in.
sign-in-title = Sign in
sign-in-username = Username
sign-in-password = Password
sign-in-code = Authenticator or recovery code (if you have set up two-step sign-in)
sign-in-submit = Sign in
