# Ce qu'une requête refusée ou en échec dit à la personne qui l'a faite.
error-heading-409 = Conflit
error-heading-413 = Trop volumineux
error-heading-422 = Impossible
error-heading-429 = Trop de requêtes
error-not-found = introuvable
error-internal = erreur interne
error-forbidden = Vous ne pouvez pas faire ceci ici.
error-refused = Cela n'a pas pu être fait, pour la raison ci-dessous.
error-csrf = le formulaire a expiré ou ne vient pas de ce site ; rechargez la page et réessayez
error-too-many-requests = trop de requêtes ; réessayez dans { $seconds ->
    [one] une seconde
   *[other] { $seconds } secondes
}
error-limited-sign-in = trop de tentatives de connexion depuis cette adresse ; réessayez dans { $seconds ->
    [one] une seconde
   *[other] { $seconds } secondes
}
error-limited-join = trop d'inscriptions depuis cette adresse ; réessayez dans { $seconds ->
    [one] une seconde
   *[other] { $seconds } secondes
}
error-limited-vote = trop de votes depuis cette adresse ; réessayez dans { $seconds ->
    [one] une seconde
   *[other] { $seconds } secondes
}
error-limited-proposal = trop de propositions depuis cette adresse ; réessayez dans { $seconds ->
    [one] une seconde
   *[other] { $seconds } secondes
}
error-limited-api = trop de requêtes API depuis cette adresse ; réessayez dans { $seconds ->
    [one] une seconde
   *[other] { $seconds } secondes
}
error-limited-bad-credential = trop de requêtes avec un identifiant inconnu ou expiré depuis cette adresse ; réessayez dans { $seconds ->
    [one] une seconde
   *[other] { $seconds } secondes
}
import-refused-title = Import refusé
import-refused-nothing = Rien n'a été importé.
import-refused-back = Retour
