# Le cadre commun à toutes les pages.
site-name = tracktwo
page-title = { $title } · tracktwo
skip-to-content = Aller au contenu
main-navigation = Principal
nav-initiatives = Mes initiatives
nav-timeline = Chronologie
nav-account = Compte
sign-out = Se déconnecter
language-switch = Langue
error-back = Retour à mes initiatives
error-heading-400 = Requête invalide
error-heading-403 = Accès refusé
error-heading-404 = Introuvable
error-heading-other = Erreur
count-versions = { $count ->
    [one] { $count } version
   *[other] { $count } versions
}
