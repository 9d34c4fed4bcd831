# Le processus de dialogue : sa conception et ses sessions, les réunions, les notes, la présence, la clé des intervenants, les options, les suites et les résumés.
dialogue-follow-ups = Suites à donner
dialogue-due-before-the-next = À faire avant la prochaine session
dialogue-nothing-open-from-the = Rien d'ouvert depuis la dernière session.
dialogue-carried-forward = reporté
dialogue-all = Toutes
dialogue-round = Session
dialogue-commitment = Engagement
dialogue-owner = Responsable
dialogue-due-2 = Échéance
dialogue-done = Fait
dialogue-reopen = Rouvrir
dialogue-mark-done = Marquer comme fait
dialogue-yes = oui
dialogue-add-a-follow-up = Ajouter une suite
dialogue-owner-a-team-member = Responsable (un membre de l'équipe ou un code d'intervenant)
dialogue-due-on = Échéance le
dialogue-an-issue-carried-forward = Une question reportée à la session suivante
dialogue-add-follow-up = Ajouter la suite
dialogue-what-your-role-and = Ce que votre rôle et votre partie peuvent voir de cette réunion.
dialogue-download-as-pdf = Télécharger en PDF
dialogue-date = Date
dialogue-rule = Règle
dialogue-venue = Lieu
dialogue-stage-reached = Étape atteinte
dialogue-summary-as-each-reader = Le résumé tel que chaque lecteur le voit
dialogue-pdf = PDF
dialogue-speaker-key = Clé des intervenants
dialogue-take-a-note = Prendre une note
dialogue-speaker-codes-only-a1 = Seulement des codes d'intervenant (A1, B3, F), jamais de noms. Ctrl+Entrée enregistre ; le brouillon est conservé pendant la saisie.
dialogue-session = Séance
dialogue-speaker-code = Code d'intervenant
dialogue-note = Note
dialogue-tags = Étiquettes
dialogue-not-for-transfer = À ne pas transmettre
dialogue-save-note = Enregistrer la note
dialogue-notes = Notes
dialogue-no-notes = Aucune note.
dialogue-not-for-transfer-2 = à ne pas transmettre
dialogue-attendance = Présence
dialogue-who-attends-with-the = Qui participe, avec la partie et la qualité en laquelle chacun vient à cette réunion. Sous la règle de Chatham House, aucune liste ne quitte la réunion.
dialogue-name = Nom
dialogue-organisation = Organisation
dialogue-side = Partie
dialogue-capacity = Qualité
dialogue-outside-the-team = Hors de l'équipe
dialogue-listed-where-the-rule = mentionné là où la règle le permet
dialogue-team-only-no-consent = équipe seulement : pas de consentement à être mentionné
dialogue-each-attendee-is-a = Chaque participant est une personne de la carte, dont le consentement inscrit au registre décide qui, hors de l'équipe, peut la voir : une personne qui n'a pas accepté d'être mentionnée n'est montrée qu'à l'équipe.
dialogue-person-from-the-map = Personne (de la carte)
dialogue-choose = — choisir —
dialogue-name-as-listed-empty = Nom tel qu'il apparaît (vide : celui de la carte)
dialogue-side-empty-the-map = Partie (vide : celle de la carte)
dialogue-as-on-the-map = comme sur la carte
dialogue-their-member-account-if = Son compte de membre, s'il existe (nom d'utilisateur)
dialogue-consent-for-a-person = Consentement, pour une personne pas encore inscrite au registre
dialogue-record-these-answers-in = Inscrire dès maintenant ces réponses au registre
dialogue-obtained-on = Obtenu le
dialogue-how-it-was-obtained = Comment il a été obtenu
dialogue-a-person-not-yet = Une personne pas encore inscrite au registre participe une fois que l'organisateur ou les opérations ont enregistré son consentement.
dialogue-add-attendee = Ajouter le participant
dialogue-agenda-and-stage = Ordre du jour et étape
dialogue-agenda = Ordre du jour
dialogue-not-recorded = non renseignée
dialogue-members-cleared-for-this = Membres habilités pour cette réunion (noms d'utilisateur, un par ligne)
dialogue-save-progress = Enregistrer l'avancement
dialogue-initiative = Initiative
dialogue-process-and-rounds = Processus et sessions
dialogue-options-register = Registre des options
dialogue-ideas-and-options-where = Idées et options, où elles ont été soulevées et quelles parties les soutiennent — jamais quelle personne.
dialogue-no-options-yet = Pas encore d'options.
dialogue-drafted-into = Rédigée dans
dialogue-status = Statut
dialogue-in = Dans
dialogue-update = Mettre à jour
dialogue-register-an-option = Inscrire une option
dialogue-title = Titre
dialogue-description = Description
dialogue-issues-it-answers-one = Questions auxquelles elle répond (une par ligne)
dialogue-raised-in-2 = Soulevée lors de
dialogue-register-option = Inscrire l'option
dialogue-kind = Type
dialogue-methodology = Méthodologie
dialogue-phase = Phase
dialogue-theory-of-change = Théorie du changement
dialogue-assumptions = Hypothèses
dialogue-locales = Lieux
dialogue-grant = Subvention
dialogue-the-process-has-not = Le processus n'a pas encore été conçu.
dialogue-rounds = Sessions
dialogue-no-rounds-yet = Pas encore de sessions.
dialogue-no-meetings = Aucune réunion.
dialogue-meeting = Réunion
dialogue-mode = Mode
dialogue-starts-on = Commence le
dialogue-ends-on = Se termine le
dialogue-confidentiality-mode = Régime de confidentialité
dialogue-the-agenda-starts-from = L'ordre du jour part du modèle de la méthodologie ; une plénière et un caucus par partie sont prévus.
dialogue-add-meeting = Ajouter la réunion
dialogue-add-a-round = Ajouter une session
dialogue-number = Numéro
dialogue-add-round = Ajouter la session
dialogue-design = Conception
dialogue-if-we = Si nous …
dialogue-then-2 = alors …
dialogue-because-2 = parce que …
dialogue-assumptions-one-a-line = Hypothèses (une par ligne)
dialogue-locales-one-a-line = Lieux (un par ligne)
dialogue-grants-one-a-line = Subventions (une par ligne : bailleur | référence | restrictions)
dialogue-save-design = Enregistrer la conception
dialogue-add-the-sides-on = Ajoutez les parties sur la page des membres avant la première réunion, pour que chacune ait son caucus.
dialogue-which-person-stands-behind = Quelle personne se trouve derrière chaque code de cette réunion. Visible par l'organisateur seulement ; jamais dans un résumé ni un export.
dialogue-one-a-line-code = Un par ligne : CODE = nom
dialogue-save-speaker-key = Enregistrer la clé des intervenants
dialogue-back-to-the-meeting = Retour à la réunion
dialogue-options-raised = Options soulevées
dialogue-not-in-this-summary = Absent de ce résumé
dialogue-add-meeting-to-round = Ajouter une réunion à la session { $number }
dialogue-as-it-leaves = Tel qu'il quitte la réunion pour { $reader }, sous la règle : { $rule }.
dialogue-clause-number = clause { $clause }
dialogue-consent-contacted = Être contacté
dialogue-consent-listed = Être mentionné comme participant
dialogue-consent-photographed = Être photographié
dialogue-consent-recorded-under-code = Être consigné sous un code
dialogue-due-on-date = (échéance { $date })
dialogue-held = Non enregistrée : sous cette règle ({ $rule }), rien de ce qui est dit ne peut être attribué, et cette note nomme une personne présente ({ $count ->
    [one] un passage
   *[other] { $count } passages
} marqués ci-dessous). Mettez le code de l'intervenant (A1, B3, F) dans le champ prévu, retirez de la note les mots marqués et enregistrez à nouveau. La note est conservée comme brouillon.
dialogue-in-version-of-text = dans la version { $version } du texte
dialogue-issues-list = Questions : { $issues }
dialogue-process-nav = Processus de dialogue
dialogue-raised-in-list = Soulevée lors de : { $meetings }
dialogue-round-number = session { $number }
dialogue-round-option = Session { $number } : { $title }
dialogue-session-option = { $session } ({ $rule })
dialogue-stage-of = { $stage } sur { $steps } : { $name }
dialogue-step = étape { $stage }
dialogue-summary-of = Résumé : { $title }
dialogue-supported-by-list = soutenue par { $sides }
dialogue-supported-by-side = soutenue par { $side }
dialogue-supported-by-sides = (soutenue par { $sides })
dialogue-theory = Si { $if }, alors { $then }, parce que { $because }.
dialogue-third-party = tierce partie
dialogue-transfer-on = Transfert — { $date } : { $channel } ({ $evidence })

# Où une séance a siégé, et ce qu'un résumé laisse de côté.
dialogue-scope-plenary = Plénière
dialogue-scope-caucus = Caucus : { $side }
dialogue-withheld-list-on-the-record = la liste des participants (officiel)
dialogue-withheld-list-non-attribution = la liste des participants (non-attribution)
dialogue-withheld-list-chatham-house = la liste des participants (règle de Chatham House)
dialogue-withheld-list-secret-channel = la liste des participants (canal secret)
dialogue-withheld-list-funders = la liste des participants (les bailleurs ne reçoivent pas l'identité des participants)
dialogue-withheld-not-listed = { $count ->
    [one] { $count } participant non listé pour { $reader } ({ $side })
   *[other] { $count } participants non listés pour { $reader } ({ $side })
}
dialogue-withheld-venue = le lieu (canal secret)
dialogue-withheld-session-record = le compte rendu des séances (non remis à { $reader })
dialogue-withheld-sessions-closed = { $count ->
    [one] { $count } séance fermée à { $reader }
   *[other] { $count } séances fermées à { $reader }
}
dialogue-withheld-notes = { $count ->
    [one] { $count } note marquée « à ne pas transmettre »
   *[other] { $count } notes marquées « à ne pas transmettre »
}
