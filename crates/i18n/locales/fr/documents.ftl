# Exported documents (PDF and DOCX): meeting summaries, readout copies, the timeline, a negotiating text's copies.

document-page = Page { $page } sur { $pages }

## A meeting summary's facts and sections

document-initiative = Initiative
document-round = Cycle
document-date = Date
document-rule = Règle
document-prepared-for = Préparé pour
document-venue = Lieu
document-stage-reached = Étape atteinte
document-attendance = Présences
document-name = Nom
document-organisation = Organisation
document-side = Partie
document-capacity = Qualité
document-agenda = Ordre du jour
document-agenda-done = { $item } (traité)
document-options-raised = Options avancées
document-supported-by = (soutenue par { $sides })
document-follow-ups = Suites à donner
document-due = (échéance : { $date })
document-done = fait
document-not-in-summary = Ce que ce résumé ne contient pas
document-not-for-transfer = ne pas transmettre
document-summary-running-head = { $mode } — { $reader }
document-summary-subject = Résumé de réunion ({ $mode })

## A readout's copy

document-readout-running-head = Compte rendu destiné à : { $audience } — ne pas copier ni transférer
document-readout-subject = Compte rendu

## The timeline

document-timeline-title = Chronologie multivoies
document-timeline-running-head = Chronologie multivoies — confidentiel
document-timeline-subject = Chronologie
document-timeline-span = Du { $from } au { $to }.
document-timeline-alt = La voie officielle, les réunions de chaque initiative, les transmissions et la coordination, en couloirs sur un même axe des dates ; chaque événement est listé ci-dessous.
document-timeline-official = Voie officielle
document-timeline-transfers = Transmissions
document-timeline-coordination = Coordination
document-timeline-outcomes = Résultats
document-event = Événement

## A negotiating text: the bracketed working copy, the clean copy and the comparison copy

document-text-bracketed = Texte entre crochets
document-text-clean = Texte mis au propre
document-text-comparison = Comparaison
document-text-running-head = { $copy } — version { $version } — { $mode }
document-text-subject = { $copy }, version { $version }
document-text-version = Version
document-text-version-value = { $version } ({ $language })
document-text-committed = Validée le
document-text-content-hash = Empreinte du contenu
document-text-status = État
document-text-figures = Chiffres
document-text-status-no-version = Pas encore de version
document-text-status-open = Ouvert : il reste à la version { $version } { $brackets ->
    [one] { $brackets } crochet
   *[other] { $brackets } crochets
} et { $alternatives ->
    [one] { $alternatives } variante
   *[other] { $alternatives } variantes
}
document-text-status-awaiting = Arrêté à la version { $version } ; parties ayant signé : { $signed } ; restant à signer : { $missing }
document-text-status-agreed = Convenu : chaque partie a signé la version { $version } ({ $hash })
document-text-agreed-ad-referendum = (convenu ad referendum)
document-text-alternatives = variantes :
document-text-replaces-whole-clause = (remplace toute la clause)
document-text-replaces-words = (remplace « { $words } »)
document-text-compared = Versions comparées
document-text-compared-versions = de la version { $older } à la version { $newer }
document-text-before = Avant
document-text-after = Après
document-text-clauses = Clauses
document-text-clause-changes = ajoutées : { $added } · supprimées : { $removed } · reformulées : { $reworded } · déplacées : { $moved }
document-text-legend = Les mots ajoutés sont { $inserted } ; les mots retirés sont { $deleted }.
document-text-legend-inserted = soulignés
document-text-legend-deleted = barrés
document-text-moved = (déplacée de { $from } à { $to })

## Confidentiality rules

document-mode-on-the-record = Officiel, avec les noms
document-mode-non-attribution = Sans attribution
document-mode-chatham-house = Règle de Chatham House
document-mode-secret-channel = Canal secret

## Whom a summary is prepared for

document-reader-team = l'équipe organisatrice
document-reader-participant = un participant
document-reader-observer = un observateur
document-reader-official = un responsable de la voie 1
document-reader-evaluator = un évaluateur
document-reader-funder = un bailleur de fonds
document-reader-operations = l'équipe d'exploitation

## Whom a readout is released to

document-audience-track-one-official = les responsables de la voie 1
document-audience-funder = les bailleurs de fonds
document-audience-participants = les participants
document-audience-public = le public

## Capacities, note tags and option stages

document-capacity-serving-official = Responsable en fonction
document-capacity-personal-capacity = Responsable à titre personnel
document-capacity-former-official = Ancien responsable
document-capacity-non-official = Non officiel
document-tag-issue = question
document-tag-need = besoin
document-tag-fear = crainte
document-tag-option = option
document-tag-agreement = accord
document-tag-disagreement = désaccord
document-status-raised = Avancée
document-status-developed = Développée
document-status-jointly-endorsed = Approuvée par les deux parties
document-status-transferred = Transmise à la voie 1
document-status-adopted-officially = Adoptée officiellement

# Rapports tirés du dossier : le rapport au bailleur et la note d'évaluation.
report-funder-title = Rapport au bailleur : { $initiative }
report-evaluation-title = Note d'évaluation : { $initiative }
report-funder-running-head = Rapport au bailleur — aucun nom de participant ; groupes de moins de 5 personnes masqués
report-evaluation-running-head = Note d'évaluation — aucun nom de participant ; groupes de moins de 5 personnes masqués
report-funder-subject = Rapport au bailleur
report-evaluation-subject = Note d'évaluation
report-period = Période
report-period-span = du { $from } au { $to }
report-whole-record = L'ensemble du dossier
report-method = Établi à partir du dossier pour { $reader } : il ne nomme aucun participant et n'attribue aucun propos à personne. Tout nom que contient le dossier est retiré, et tout groupe de moins de 5 personnes est masqué.
report-outcomes-heading = Ce qui a changé
report-outcomes-none = Aucun résultat à rapporter pour cette période.
report-col-outcomes = Résultats
report-col-criterion = Critère
report-statements-heading = Les résultats, un par un
report-statement-label = { $number } · { $date } · { $layer }
report-who = Qui a changé : { $who }
report-significance = Portée : { $text }
report-contribution = Contribution de l'initiative : { $text }
report-theory-none = La conception du processus n'énonce aucune hypothèse.
report-col-assumption = Hypothèse
report-col-reading = Dernière lecture
report-col-supporting = Résultats qui la confirment
report-col-questioning = Résultats qui la mettent en doute
report-not-read = Non relue pendant cette période
report-measures-none = Aucun questionnaire n'a reçu de réponse pendant cette période.
report-indicators-heading = Cadre de résultats
report-indicators-none = Le cadre de résultats ne contient aucun indicateur.
report-col-outcome = Résultat
report-col-indicator = Indicateur
report-col-baseline = Référence
report-col-target = Cible
report-col-actuals = Valeurs atteintes
report-process-heading = Le processus
report-process-none = Aucune réunion pendant cette période.
report-col-meetings = Réunions
report-col-dates = Dates
report-col-options = Options soulevées
report-transfer-heading = Transfert vers la voie 1
report-transfer-none = Aucun compte rendu diffusé, aucun transfert ni contact avec la voie 1 pendant cette période.
report-readouts-released = Comptes rendus diffusés aux { $audience }
report-transfers = Transferts : { $direction }
report-contacts = Contacts avec la voie 1 : { $form }
