# La connexion.
sign-in-title = Connexion
sign-in-username = Nom d’utilisateur
sign-in-password = Mot de passe
sign-in-code = Code de l’application d’authentification ou code de secours (si vous avez activé la connexion en deux étapes)
sign-in-submit = Se connecter
