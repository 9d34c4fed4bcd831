# Le bulletin et les pages qu’ouvre un lien d’invitation, pour les votants sans compte.
ballot-closed = Cette conversation est close. Merci de votre participation.
ballot-agree = D’accord
ballot-disagree = Pas d’accord
ballot-pass = Passer / je ne sais pas
ballot-all-answered = Vous avez répondu à toutes les propositions. Revenez plus tard : d’autres pourront en ajouter.
ballot-progress = { $answered } réponses, { $remaining } restantes.
ballot-propose = Proposer une affirmation
ballot-propose-label = Une phrase courte avec laquelle les autres peuvent être d’accord ou non
ballot-propose-submit = Proposer
ballot-propose-note = Les propositions sont lues par les organisateurs avant que quiconque ne les voie.
ballot-proposal-thanks = Merci : votre proposition attend la modération.
voter-wait-title = Veuillez patienter
voter-wait-heading = Veuillez patienter un instant
voter-wait-text = Trop de requêtes en peu de temps. Réessayez dans { $seconds ->
    [one] une seconde
   *[other] { $seconds } secondes
}.
voter-back-to-ballot = Retour au bulletin
voter-cannot-join-title = Impossible de rejoindre
voter-cannot-join-heading = Impossible de rejoindre par ce lien
voter-link-full = Ce lien a admis tous les votants prévus. Si vous deviez participer, demandez aux organisateurs un lien personnel.
voter-address-limit = Autant de personnes que ce lien le permet l’ont déjà utilisé depuis votre connexion. Si d’autres la partagent avec vous (un lieu, un bureau), demandez aux organisateurs de relever la limite ou un lien personnel.
voter-link-needed-title = Lien nécessaire
voter-link-needed-heading = Ouvrez votre lien d’invitation
voter-link-needed-text = Ce bulletin demande le lien d’invitation que vous avez reçu. Ouvrez-le à nouveau pour continuer.
welcome-closed = Cette conversation est close.
welcome-intro = Vous verrez de courtes affirmations, une à la fois, et direz si vous êtes d’accord, pas d’accord ou si vous passez. Vous pouvez aussi proposer les vôtres.
welcome-privacy = Aucun compte n’est nécessaire. Rien de vous n’est conservé hormis un numéro aléatoire et ce que vous choisissez d’indiquer ci-dessous.
welcome-side = Le côté au nom duquel vous parlez (facultatif)
welcome-segment = Votre groupe d’appartenance (facultatif)
welcome-prefer-not = Je préfère ne pas le dire
welcome-start = Commencer
statement-original = Texte d’origine
