# Récolte des effets, matrice RPP, niveaux et réflexion sur la théorie du changement.
outcomes-room = Évaluation
outcomes-link = Effets récoltés
theory-link = Théorie du changement et réflexion
outcomes-title = Effets
outcomes-intro = Un effet est un changement observable dans le comportement, les relations, les actions, les politiques ou les pratiques d’un acteur social, auquel l’initiative a contribué. Chacun est corroboré par une personne indépendante avant d’être rapporté.
outcomes-cleared-note = Vous ne voyez que les effets rapportés, sans aucun nom.
outcomes-none = Aucun effet à afficher pour l’instant.
outcomes-harvest-link = Récolter un effet
outcomes-back = Tous les effets
outcomes-col-when = Quand
outcomes-col-what = Ce qui a changé
outcomes-col-layer = Niveau
outcomes-col-cell = Case RPP
outcomes-col-state = État
outcomes-count = { $count ->
    [one] { $count } effet
   *[other] { $count } effets
}
rpp-heading = La matrice RPP
rpp-title = Les effets dans la matrice RPP
rpp-desc = { $count ->
    [one] { $count } effet placé selon qui il atteint (plus de personnes ou personnes clés) et selon le changement (individuel et personnel ou sociopolitique) ; les flèches montrent un effet ultérieur du même acteur social dans une autre case.
   *[other] { $count } effets placés selon qui ils atteignent (plus de personnes ou personnes clés) et selon le changement (individuel et personnel ou sociopolitique) ; les flèches montrent un effet ultérieur du même acteur social dans une autre case.
}
rpp-movements = { $count ->
    [one] { $count } passage d’une case à l’autre
   *[other] { $count } passages d’une case à l’autre
}
funnel-heading = De l’individu à la société
funnel-title = Les effets à chaque niveau
funnel-desc = Un entonnoir du participant individuel à la société, avec le nombre d’effets à chaque niveau.
reach-more-people = Plus de personnes
reach-key-people = Personnes clés
level-individual-personal = Individuel / personnel
level-socio-political = Sociopolitique
layer-individual = Participant individuel
layer-group = Le groupe de dialogue
layer-transfer = Transfert
layer-policy = Voie 1 et politiques
layer-society = Société
change-type-behaviour = Comportement
change-type-relationships = Relations
change-type-actions = Actions
change-type-policies = Politiques
change-type-practices = Pratiques
valence-positive = Positif
valence-negative = Négatif
criterion-stops-key-driver = Arrête ou affaiblit un moteur clé du conflit
criterion-own-initiatives = Les gens lancent de plus en plus leurs propres initiatives de paix
criterion-institutions-reformed = Des institutions sont créées ou réformées pour traiter les griefs
criterion-resist-provocation = Les gens résistent de plus en plus à la provocation à la violence
criterion-security-improves = La sécurité réelle et ressentie des gens s’améliore
outcome-state-draft = Brouillon
outcome-state-substantiated = Corroboré
outcome-state-reported = Rapporté
outcome-class-on-the-record = Public : rapporté aux bailleurs, aux responsables officiels et aux participants, sans noms
outcome-class-non-attribution = Non-attribution : rapporté aux bailleurs et aux responsables officiels, sans noms
outcome-class-chatham-house = Règle de Chatham House : rapporté aux bailleurs seulement, sans noms
outcome-class-secret-channel = Canal secret : le convocateur et la personne qui l’a récolté seulement
verdict-agrees = D’accord
verdict-partly = En partie d’accord
verdict-disagrees = Pas d’accord
harvest-title = Récolter un effet
harvest-what = Ce qui a changé
harvest-what-hint = Un changement observable de comportement, de relations, d’actions, de politiques ou de pratiques.
harvest-on = Date du changement
harvest-place = Lieu
harvest-who = Qui a changé (l’acteur social)
harvest-actor = L’acteur social sur la carte
harvest-actor-none = Absent de la carte
harvest-organisation = L’acteur social est une organisation
harvest-description = Qui il est, sans le nommer
harvest-change-type = Type de changement
harvest-intended = Voulu
harvest-unintended = Non voulu
harvest-valence = Positif ou négatif
harvest-significance = Importance
harvest-contribution = Comment l’initiative y a contribué
harvest-links = Ce qui y a contribué
harvest-meetings = Réunions
harvest-options = Options
harvest-readouts = Comptes rendus
harvest-transfers = Transferts
harvest-coordination = Contacts avec la voie 1
harvest-sources = Sources (au moins deux)
harvest-source-name = Source { $number }
harvest-source-document = Un document, pas une personne
harvest-source-basis = Comment elle le sait
harvest-layer = Niveau
harvest-reach = Qui il atteint
harvest-level = Nature du changement
harvest-criteria = Critères d’efficacité RPP remplis
harvest-class = Confidentialité
harvest-assumptions = Hypothèses de la théorie du changement concernées
assumption-bears-none = Sans rapport
assumption-bears-supports = La conforte
assumption-bears-questions = La remet en question
harvest-submit = Enregistrer comme brouillon
outcome-title = Effet
outcome-who = Acteur social
outcome-when-where = Quand et où
outcome-type = Type de changement
outcome-sources = Sources
outcome-sources-count = { $count ->
    [one] { $count } source
   *[other] { $count } sources
}
outcome-linked = { $count ->
    [one] Lié à { $count } élément de l’initiative
   *[other] Lié à { $count } éléments de l’initiative
}
outcome-agreeing = { $count ->
    [one] { $count } personne indépendante le corrobore
   *[other] { $count } personnes indépendantes le corroborent
}
outcome-criteria = Critères d’efficacité
outcome-class = Confidentialité
outcome-substantiations = Corroboration
outcome-no-substantiation = Personne ne l’a encore corroboré.
outcome-harvested = Récolté le { $date }
substantiate-heading = Corroborer
substantiate-note = Donnez votre propre avis : la personne qui a récolté un effet ne peut pas le corroborer.
substantiate-name = Votre nom, tel que vous signez
substantiate-verdict = Votre avis
substantiate-on = Le
substantiate-comment = Commentaire
substantiate-submit = Corroborer
workflow-heading = Étapes
workflow-substantiated = Marquer comme corroboré
workflow-reported = Rapporter
outcome-refused = Cette étape est refusée : { $reason }
theory-title = Théorie du changement
theory-if = Si
theory-then = alors
theory-because = parce que
theory-none = La conception du processus ne contient pas encore de théorie du changement.
theory-assumption = Hypothèse { $number }
theory-history = État au fil du temps
theory-no-reading = Pas encore examinée.
theory-supporting = Effets qui la confortent
theory-questioning = Effets qui la remettent en question
theory-no-evidence = Aucun pour l’instant.
theory-measures-hook = Les mesures d’attitude et de confiance s’afficheront ici dès qu’un cycle aura été mesuré.
reflection-prompt = { $round } est terminé et aucune réflexion ne s’y rapporte encore.
reflection-prompt-link = Réfléchir à la théorie du changement
reflection-heading = Ajouter une réflexion
reflection-on = Le
reflection-round = Après le cycle
reflection-round-none = Aucun cycle en particulier
reflection-status = État
reflection-status-unread = Pas examinée cette fois
assumption-status-holding = Tient
assumption-status-in-doubt = En doute
assumption-status-failed = Invalidée
reflection-note = Note
reflection-general-note = Ce que l’équipe a appris
reflection-submit = Enregistrer la réflexion
reflections-heading = Réflexions
# Rapports tirés du dossier.
reports-title = Rapports
reports-intro = Un rapport est établi à partir du dossier pour son destinataire, quelle que soit la personne qui le produit : il ne nomme aucun participant, n'attribue aucun propos à personne et masque tout groupe de moins de 5 personnes.
reports-funder-heading = Rapport au bailleur
reports-funder-about = Pour le bailleur : les résultats rapportés qu'un bailleur peut lire, les mesures d'attitude et de confiance, le cadre de résultats, ainsi que le processus et le transfert vers la voie 1 en chiffres.
reports-evaluation-heading = Note d'évaluation
reports-evaluation-about = Pour l'évaluateur : tous les résultats qu'un évaluateur peut lire, brouillons compris, avec les critères d'efficacité et les hypothèses de la théorie du changement telles que l'équipe les a relues.
reports-from = Premier jour
reports-to = Dernier jour
reports-period-note = Laissez les deux jours vides pour l'ensemble du dossier.
reports-format = Format
reports-language = Langue
reports-produce = Produire le rapport
