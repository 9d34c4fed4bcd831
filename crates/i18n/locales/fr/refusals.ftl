# Ce que dit un refus de l’application : pages d’erreur, page d’import refusé et ligne de commande.
refusal-not-found = introuvable
refusal-names-in-note = la note nomme une personne présente { $count ->
    [one] à un endroit
   *[other] à { $count } endroits
}, alors que la règle de la réunion interdit l’attribution ; remplacez chaque nom par le code de l’intervenant
refusal-consent-not-recorded = le consentement de cette personne n’est pas enregistré : indiquez si elle accepte d’être contactée, listée, enregistrée sous un code et photographiée avant qu’elle ne participe
refusal-refused-code = la clé des intervenants place sous un code { $count ->
    [one] une personne qui l’a refusé ou a retiré son consentement
   *[other] { $count } personnes qui l’ont refusé ou ont retiré leur consentement
}
refusal-forbidden = non autorisé : { $reason }
refusal-unauthenticated = vous n’êtes pas connecté, ou le jeton est inconnu ou révoqué
refusal-rate-limited = trop de requêtes ; réessayez dans { $seconds } s
refusal-sign-in = échec de la connexion : nom d’utilisateur, mot de passe ou code erroné
refusal-wrong-code = ce code n’est pas le bon ; vérifiez l’heure de votre appareil et essayez le code actuel
refusal-invalid = saisie non valide : { $reason }
refusal-wrong-key = la clé n’ouvre pas ce dépôt (phrase secrète ou fichier de clé erroné)
refusal-already-initialised = le dépôt est déjà initialisé
refusal-uninitialised = le dépôt n’est pas initialisé ; lancez d’abord `tracktwo init`
refusal-wants-passphrase = ce dépôt s’ouvre avec une phrase secrète ; donnez-la plutôt
refusal-wants-key-file = ce dépôt s’ouvre avec un fichier de clé ; donnez-le plutôt
refusal-key = matériel de clé : { $reason }
refusal-tampered = des données enregistrées n’ont pas passé l’authentification ; le dépôt a peut-être été altéré
refusal-import = { $record } : { $message }
refusal-secret-channel = impossible dans un canal secret : { $reason }
refusal-not-erased = l’initiative et sa clé sont détruites, mais le dépôt n’a pas pu effacer leurs traces de ses fichiers ({ $reason }) ; ses enregistrements ne peuvent plus être ouverts, mais leurs octets peuvent subsister jusqu’au prochain compactage du dépôt (chaque destruction le compacte)
refusal-no-font = aucune police ne peut dessiner { $scripts } : ajoutez une police pour ces caractères (pour le chinois, le japonais et le coréen, une police système comme fonts-noto-cjk de Debian) ou retirez-les
refusal-document-failed = le document n’a pas pu être produit : { $detail }
refusal-empty = le champ « { $field } » ne doit pas être vide
refusal-too-long = le champ « { $field } » dépasse { $max ->
    [one] { $max } caractère
   *[other] { $max } caractères
}
refusal-too-short = le champ « { $field } » doit compter au moins { $min ->
    [one] { $min } caractère
   *[other] { $min } caractères
}
refusal-control-characters = le champ « { $field } » contient des caractères de contrôle
refusal-unknown-value = « { $value } » n’est pas une valeur connue du champ « { $field } »
refusal-invalid-field = « { $field } » : { $reason }
refusal-denied-key-holder-only = cette opération exige le détenteur de la clé, en ligne de commande
refusal-denied-administrator-only = cette opération exige un administrateur
refusal-denied-not-a-member = vous n’êtes pas membre de cette initiative
refusal-denied-role = le rôle « { $role } » ne permet pas de faire ceci
refusal-outward-consultation = les liens d’invitation d’une consultation le révéleraient à quiconque en détient un
refusal-outward-polis-import = un export Pol.is importé arrive comme consultation, dont les liens le révéleraient
refusal-outward-invitation-links = des liens d’invitation le révéleraient à quiconque en détient un
refusal-outward-public-readout = un compte rendu destiné au public le révélerait
refusal-outward-answer-cards = des cartes de réponse le révéleraient à quiconque en détient une
refusal-link-full = ce lien a admis tous les votants pour lesquels il a été créé ({ $cap })
refusal-address-limit = autant de votants que ce lien le permet se sont joints depuis cette adresse ({ $limit })
refusal-key-file-too-short = le fichier de clé contient { $count ->
    [one] { $count } octet
   *[other] { $count } octets
} ; il faut au moins 32 octets aléatoires
refusal-empty-passphrase = la phrase secrète est vide
refusal-invalid-kdf-params = les paramètres de dérivation de clé ne sont pas valides : { $detail }
refusal-unauthentic = une valeur scellée n’a pas passé l’authentification (mauvaise clé, ou données modifiées)
refusal-malformed = une valeur scellée est mal formée
refusal-store-unavailable = la base de données est injoignable : { $detail }
refusal-store-not-tracktwo = ce n’est pas un dépôt tracktwo, ou il est endommagé : { $detail }
refusal-store-newer = ce dépôt a été écrit par une version plus récente de tracktwo (schéma { $found }, cette version connaît { $supported }) ; mettez tracktwo à jour pour l’ouvrir
refusal-store-data-dir = le dossier de données { $path } ne peut pas être utilisé : { $reason }
refusal-store-backend = erreur de stockage : { $detail }
refusal-store-tampered = la ligne { $row } n’a pas passé l’authentification ; le dépôt a peut-être été altéré
refusal-in-clause = clause { $clause } : { $reason }
refusal-no-such-clause = le texte n’a pas de clause { $clause }
refusal-no-such-version = le texte n’a pas de version { $version }
refusal-no-such-language = le texte n’a pas de version dans cette langue
refusal-signatory-not-of-side = un signataire doit être un participant de la partie pour laquelle il signe
refusal-no-side = seul un participant d’une partie donne son accord pour elle
refusal-reply-elsewhere = une réponse répond à un commentaire sur la même clause que son lecteur peut voir
refusal-suggestion-answered = cette proposition a déjà reçu une réponse
refusal-nothing-to-comment-on = le texte n’a encore aucune version à commenter
refusal-not-settled = la version { $version } a encore { $brackets ->
    [one] { $brackets } crochet
   *[other] { $brackets } crochets
} et { $alternatives ->
    [one] { $alternatives } variante
   *[other] { $alternatives } variantes
} : une copie propre est celle d’un texte arrêté ; produisez plutôt la copie entre crochets
refusal-nothing-to-compare = une copie comparative exige la version avec laquelle comparer
refusal-duplicate-part = la partie { $part } apparaît deux fois
refusal-duplicate-clause = la clause { $clause } apparaît deux fois
refusal-nothing-to-translate = une traduction exige d’abord une version faisant foi à rendre
refusal-unknown-source = la clause { $clause } de la traduction ne rend aucune clause du texte faisant foi
refusal-unchanged = cette version ne change rien depuis la version { $version }
refusal-sign-off-no-version = le texte n’a encore aucune version à approuver
refusal-sign-off-not-latest = la version { $signed } n’est plus la plus récente ; c’est la version { $latest }
refusal-sign-off-hash = l’empreinte donnée n’est pas le contenu de la version { $version } ; rechargez le texte et relisez-le
refusal-sign-off-unsettled = le texte a encore { $brackets ->
    [one] { $brackets } crochet
   *[other] { $brackets } crochets
} et { $alternatives ->
    [one] { $alternatives } variante
   *[other] { $alternatives } variantes
} : rien n’est convenu tant que tout ne l’est pas
refusal-sign-off-side-not-needed = ce texte n’a pas besoin de l’accord de cette partie
refusal-sign-off-not-a-signatory = vous n’êtes pas signataire autorisé pour cette partie
refusal-sign-off-already-signed = cette partie a déjà approuvé cette version
refusal-notation-unclosed = un crochet ouvert au caractère { $at } n’est jamais fermé
refusal-notation-unopened = un crochet fermant au caractère { $at } n’a pas de crochet ouvrant
refusal-notation-nested = les crochets ne s’imbriquent pas (caractère { $at })
refusal-notation-empty = un crochet ou une formulation vide au caractère { $at }
refusal-notation-bar = une barre ne sépare des formulations qu’entre crochets (caractère { $at })
refusal-outcome-not-independent = la personne qui a recueilli un résultat ne peut pas le corroborer ; il faut quelqu’un d’indépendant
refusal-outcome-not-substantiated = un résultat n’est corroboré que si quelqu’un d’indépendant est d’accord, au moins en partie, et que personne ne conteste
refusal-outcome-not-yet-substantiated = un résultat n’est signalé qu’une fois corroboré
refusal-outcome-already-reported = un résultat signalé ne peut pas être modifié
refusal-outcome-not-the-next-step = un résultat avance d’une étape à la fois
refusal-answers-not-open = ce questionnaire n’est pas ouvert aux réponses en ce moment
refusal-answers-already-given = cette carte a déjà répondu à ce questionnaire pour ce moment
refusal-answer-missing = l’élément { $item } n’a pas de réponse
refusal-answer-not-asked = l’élément { $item } n’est pas posé par ce questionnaire
refusal-answer-out-of-range = réponse hors de l’échelle pour l’élément { $item }
refusal-plain-line = ligne { $line } : { $problem }
refusal-plain-unreadable = attendu : `title:`, `preamble:`, `# partie` ou une clause comme `c3:` ou `new:`
refusal-plain-nothing-to-continue = une suite de ligne (deux espaces) exige une ligne avant elle
refusal-plain-title-twice = le titre est donné deux fois
refusal-plain-preamble-twice = le préambule est donné deux fois
refusal-plain-no-title = le projet n’a pas de ligne `title:`
refusal-plain-no-part = une clause exige une partie : placez une ligne `# titre` avant elle
refusal-plain-part-twice = la partie { $part } apparaît deux fois
refusal-plain-clause-twice = la clause { $clause } apparaît deux fois ; les lignes d’une clause vont ensemble
refusal-plain-field-twice = le { $keyword } de la clause est donné deux fois
refusal-plain-words-and-alternatives = la clause a des mots et des variantes : donnez l’un ou l’autre
refusal-plain-no-words = la clause n’a ni mots ni variantes
refusal-plain-unknown-alternative = `replaces` nomme la variante { $alternative }, que la clause n’a pas
refusal-plain-ad-referendum = seule une clause de mots simples peut être convenue ad referendum
refusal-plain-bad-hash = `renders` prend une empreinte SHA-256 en hexadécimal
refusal-import-line = { $file }, ligne { $line }
refusal-import-actor = acteur { $number } ({ $code })
refusal-import-tie = lien { $number } ({ $from } → { $to })
refusal-mapping = la correspondance ne peut pas être lue : { $detail }
refusal-denied-not-found = introuvable
refusal-ocr-not-installed = tesseract n’est pas installé : installez le paquet Debian tesseract-ocr, ou saisissez le passage
refusal-ocr-no-english-data = tesseract n’a pas les données de la langue anglaise : installez le paquet Debian tesseract-ocr-eng, ou saisissez le passage
refusal-ocr-no-pdf-reader = pdftoppm n’est pas installé, un PDF numérisé ne peut donc pas être lu : installez le paquet Debian poppler-utils, ou envoyez la page en image
refusal-ocr-not-a-page = le fichier n’est pas une image de page lisible ici : envoyez une image PNG, JPEG ou TIFF, ou un PDF numérisé
refusal-ocr-too-large = le fichier fait { $size } octets ; au plus { $limit } sont lus
refusal-ocr-too-many-pixels = l’image fait { $width } × { $height } pixels ; au plus { $limit } pixels sont lus : envoyez une image plus petite
refusal-ocr-timed-out = la lecture de la page a dépassé { $seconds } secondes et a été arrêtée
refusal-ocr-program-failed = { $program } n’a pas pu lire le fichier (code de sortie { $status })
refusal-ocr-no-text = aucun texte n’a pu être lu sur la page : envoyez une photo plus nette, ou saisissez le passage
refusal-ocr-temp-folder = impossible d’utiliser un dossier temporaire privé pour la page : { $detail }
# Chaque champ nommé par une validation.
refusal-field-actor-kind = type d’acteur
refusal-field-actual = valeur réelle
refusal-field-ad-referendum = ad referendum
refusal-field-agenda-item = point de l’ordre du jour
refusal-field-alias = autre nom
refusal-field-alternative-label = repère de la variante
refusal-field-alternatives = variantes
refusal-field-as-of = à la date du
refusal-field-assumption = hypothèse
refusal-field-assumption-status = état de l’hypothèse
refusal-field-attendee = participant à la réunion
refusal-field-attendee-name = nom du participant à la réunion
refusal-field-audience = public visé
refusal-field-baseline = valeur de départ
refusal-field-because = parce que
refusal-field-body = texte
refusal-field-bracketed-words = mots entre crochets
refusal-field-capacity = capacité
refusal-field-channel = canal
refusal-field-choice = choix
refusal-field-clause = clause
refusal-field-clause-heading = titre de la clause
refusal-field-clause-text = texte de la clause
refusal-field-clearance = validation
refusal-field-code-name = nom de code
refusal-field-comment = commentaire
refusal-field-commitment = engagement
refusal-field-compare-with = comparer avec
refusal-field-confidentiality-mode = régime de confidentialité
refusal-field-consent = consentement
refusal-field-contact-details = coordonnées
refusal-field-contribution = contribution
refusal-field-conversation = conversation
refusal-field-conversation-title = titre de la conversation
refusal-field-coordination-form = forme de coordination
refusal-field-copy = copie
refusal-field-count = nombre
refusal-field-counterpart = interlocuteur
refusal-field-cover = couverture
refusal-field-criterion-of-effectiveness = critère d’efficacité
refusal-field-date = date
refusal-field-date-of-the-change = date du changement
refusal-field-delivered-on = remis le
refusal-field-description = description
refusal-field-description-of-the-social-actor = description de l’acteur social
refusal-field-direction = sens
refusal-field-display-name = nom affiché
refusal-field-draft = projet
refusal-field-due-on = échéance
refusal-field-duty-of-care = devoir de protection
refusal-field-ends-on = se termine le
refusal-field-evidence = preuve
refusal-field-exposure-at-home = exposition dans son pays
refusal-field-format = format
refusal-field-format-version = version du format
refusal-field-from = de
refusal-field-funder = bailleur de fonds
refusal-field-grant-reference = référence de la subvention
refusal-field-grant-restrictions = restrictions de la subvention
refusal-field-hash = empreinte
refusal-field-how-consent-was-obtained = manière dont le consentement a été obtenu
refusal-field-if = si
refusal-field-indicator = indicateur
refusal-field-initiative-kind = type d’initiative
refusal-field-invitation = invitation
refusal-field-invitation-kind = type d’invitation
refusal-field-invitation-label = libellé de l’invitation
refusal-field-issue = question traitée
refusal-field-item = élément
refusal-field-items = éléments
refusal-field-kind = type
refusal-field-language = langue
refusal-field-layer = niveau
refusal-field-level = niveau
refusal-field-level-of-change = niveau du changement
refusal-field-locale = langue d’affichage
refusal-field-meeting = réunion
refusal-field-meeting-end = fin de la réunion
refusal-field-meeting-title = titre de la réunion
refusal-field-methodology = méthodologie
refusal-field-mode = mode
refusal-field-name = nom
refusal-field-note = note
refusal-field-note-on-an-assumption = note sur une hypothèse
refusal-field-note-tag = étiquette de la note
refusal-field-notes = notes
refusal-field-number-of-links = nombre de liens
refusal-field-obtained-on = obtenu le
refusal-field-official-event = événement officiel
refusal-field-on = le
refusal-field-option-description = description de l’option
refusal-field-option-status = état de l’option
refusal-field-option-title = titre de l’option
refusal-field-organisation = organisation
refusal-field-outcome = résultat
refusal-field-outcome-state = état du résultat
refusal-field-owner = responsable
refusal-field-part = partie
refusal-field-part-heading = titre de la partie
refusal-field-password = mot de passe
refusal-field-period = période
refusal-field-person = personne
refusal-field-phase = phase
refusal-field-positive-or-negative = positif ou négatif
refusal-field-preamble = préambule
refusal-field-public-description = description publique
refusal-field-question = question
refusal-field-rationale = justification
refusal-field-reach = portée
refusal-field-readout = compte rendu
refusal-field-readout-title = titre du compte rendu
refusal-field-reason-for-the-answer = motif de la réponse
refusal-field-recipient = destinataire
refusal-field-reflection = réflexion
refusal-field-reliability = fiabilité
refusal-field-reply = réponse
refusal-field-report = rapport
refusal-field-risk-ceiling-for-the-group = plafond de risque du groupe
refusal-field-risk-ceiling-per-person = plafond de risque par personne
refusal-field-role = rôle
refusal-field-round = cycle
refusal-field-round-end = fin du cycle
refusal-field-round-number = numéro du cycle
refusal-field-round-title = titre du cycle
refusal-field-segment = segment
refusal-field-segments = segments
refusal-field-session = séance
refusal-field-session-mode = régime de la séance
refusal-field-session-title = titre de la séance
refusal-field-sessions = séances
refusal-field-side = partie au conflit
refusal-field-side-name = nom de la partie
refusal-field-side-of-a-participant = partie d’un participant
refusal-field-signatory = signataire
refusal-field-significance = importance
refusal-field-signs = signes
refusal-field-snapshot-label = libellé de l’instantané
refusal-field-snapshot-note = note de l’instantané
refusal-field-social-actor = acteur social
refusal-field-source = source
refusal-field-source-s-basis = fondement de la source
refusal-field-sources = sources
refusal-field-speaker-code = code de l’intervenant
refusal-field-speaker-key = clé des intervenants
refusal-field-speaker-name = nom de l’intervenant
refusal-field-stage = étape
refusal-field-starts-on = commence le
refusal-field-statement = énoncé
refusal-field-statement-origin = origine de l’énoncé
refusal-field-statement-status = état de l’énoncé
refusal-field-strength = force
refusal-field-substantiator = personne qui corrobore
refusal-field-suggested-wording = formulation proposée
refusal-field-target = cible
refusal-field-text-title = titre du texte
refusal-field-then = alors
refusal-field-threats = menaces
refusal-field-tie = lien
refusal-field-tie-kind = type de lien
refusal-field-tie-notes = notes sur le lien
refusal-field-timing = moment
refusal-field-title = titre
refusal-field-to = à
refusal-field-token-label = libellé du jeton
refusal-field-token-lifetime = durée de validité du jeton
refusal-field-track = voie
refusal-field-track-scheme = schéma des voies
refusal-field-translations = traductions
refusal-field-travel-risk = risque lié aux déplacements
refusal-field-type-of-change = type de changement
refusal-field-unit = unité
refusal-field-username = nom d’utilisateur
refusal-field-valid-from = valable à partir du
refusal-field-valid-until = valable jusqu’au
refusal-field-value = valeur
refusal-field-venue = lieu
refusal-field-verdict = verdict
refusal-field-version = version
refusal-field-vote = vote
refusal-field-voter-cap = plafond de votants
refusal-field-voters-per-address = votants par adresse
refusal-field-what-changed = ce qui a changé
refusal-field-what-moved = ce qui a été transmis
refusal-field-where = où
refusal-field-withdrawn-on = retiré le
refusal-field-wording-of-a-choice = formulation d’un choix
refusal-field-words-an-alternative-replaces = mots que remplace une variante
# Chaque motif donné par une validation.
refusal-reason-taken-with-the-other-side-s-wording = Retenu avec la formulation de l’autre partie.
refusal-reason-an-actor-cannot-be-tied-to-itself = un acteur ne peut pas être lié à lui-même
refusal-reason-are-more-than-a-questionnaire-asks = dépasse ce qu’un questionnaire peut poser
refusal-reason-are-more-than-an-indicator-holds = dépasse ce qu’un indicateur peut contenir
refusal-reason-ask-one-item-twice = pose deux fois le même élément
refusal-reason-cannot-be-less-strict-than-the-meeting-s = ne peut pas être moins strict que celui de la réunion
refusal-reason-cannot-include-the-language-the-statement-was-written-in = ne peut pas inclure la langue dans laquelle l’énoncé a été écrit
refusal-reason-choose-a-person-of-the-map = choisissez une personne de la carte
refusal-reason-comes-before-its-start = précède le début
refusal-reason-does-not-take-new-statements = n’accepte pas de nouveaux énoncés
refusal-reason-ends-before-it-starts = se termine avant de commencer
refusal-reason-has-a-bracket-or-bar-inside-a-wording = contient un crochet ou une barre à l’intérieur d’une formulation
refusal-reason-has-a-bracket-or-bar-outside-its-notation = contient un crochet ou une barre hors de sa notation
refusal-reason-has-unbalanced-brackets = a des crochets non appariés
refusal-reason-is-after-the-harvest = est postérieure à la collecte
refusal-reason-is-closed = est clos
refusal-reason-is-given-twice = est donné deux fois
refusal-reason-is-not-a-clause-identifier-such-as-c12 = n’est pas un identifiant de clause comme c12
refusal-reason-is-not-a-comment = n’est pas un commentaire
refusal-reason-is-not-a-content-hash = n’est pas une empreinte de contenu
refusal-reason-is-not-a-language-tag = n’est pas une étiquette de langue
refusal-reason-is-not-a-language-tag-such-as-en-ar-or-fr-ca = n’est pas une étiquette de langue comme en, ar ou fr-CA
refusal-reason-is-not-a-number = n’est pas un nombre
refusal-reason-is-not-a-number-in-range = n’est pas un nombre dans les limites permises
refusal-reason-is-not-a-part-identifier-such-as-p2 = n’est pas un identifiant de partie comme p2
refusal-reason-is-not-a-stage-of-the-methodology = n’est pas une étape de la méthodologie
refusal-reason-is-not-an-actor-of-this-initiative-s-map = n’est pas un acteur de la carte de cette initiative
refusal-reason-is-not-in-the-theory-of-change = n’est pas dans la théorie du changement
refusal-reason-is-not-known = est inconnu
refusal-reason-is-not-one-of-the-meeting-s = n’est pas l’une de celles de la réunion
refusal-reason-is-not-one-the-pages-speak = n’est pas une langue des pages
refusal-reason-is-personal-it-makes-one-voter-so-it-has-no-cap = est personnelle : elle crée un seul votant et n’a donc pas de plafond
refusal-reason-is-private-its-participants-vote-under-their-account-without-links = est privée : ses participants votent avec leur compte, sans lien
refusal-reason-is-read-twice-in-one-reflection = est évaluée deux fois dans une même réflexion
refusal-reason-is-released-and-cannot-be-changed = est diffusé et ne peut plus être modifié
refusal-reason-is-required = est obligatoire
refusal-reason-is-used-twice = est utilisé deux fois
refusal-reason-keeps-its-ends-remove-it-and-add-another-instead = garde ses extrémités ; supprimez-le et ajoutez-en un autre
refusal-reason-lines-must-read-code-name = les lignes doivent avoir la forme CODE = nom
refusal-reason-may-list-at-most-20 = peut en lister au plus 20
refusal-reason-may-list-at-most-20-languages = peut lister au plus 20 langues
refusal-reason-must-be-bracketed-clean-or-comparison = doit être bracketed, clean ou comparison
refusal-reason-must-be-from-to-as-yyyy-mm-dd-yyyy-mm-dd = doit avoir la forme DÉBUT..FIN, soit AAAA-MM-JJ..AAAA-MM-JJ
refusal-reason-must-be-a-capital-letter-and-up-to-three-digits-like-a1-b12-or-f = doit être une lettre majuscule suivie d’au plus trois chiffres, comme A1, B12 ou F
refusal-reason-must-be-a-date-as-yyyy-mm-dd = doit être une date au format AAAA-MM-JJ
refusal-reason-must-be-a-format-this-version-of-tracktwo-knows = doit être un format que cette version de tracktwo connaît
refusal-reason-must-be-a-member-signed-in-who-gives-their-own-word = doit être un membre connecté qui donne son propre accord
refusal-reason-must-be-a-number = doit être un nombre
refusal-reason-must-be-a-person-of-the-map-not-an-organisation = doit être une personne de la carte, pas une organisation
refusal-reason-must-be-a-person-of-the-map-with-their-consent-in-the-registry = doit être une personne de la carte dont le consentement figure au registre
refusal-reason-must-be-a-version-number = doit être un numéro de version
refusal-reason-must-be-a-whole-number = doit être un nombre entier
refusal-reason-must-be-a-whole-number-of-days-between-1-and-365 = doit être un nombre entier de jours entre 1 et 365
refusal-reason-must-be-at-least-1-and-at-most-the-voter-cap = doit être au moins 1 et au plus le plafond de votants
refusal-reason-must-be-at-least-two = doit être au moins deux
refusal-reason-must-be-between-0-and-1 = doit être entre 0 et 1
refusal-reason-must-be-between-1-and-1-000-000 = doit être entre 1 et 1 000 000
refusal-reason-must-be-between-1-and-1000 = doit être entre 1 et 1000
refusal-reason-must-be-between-1-and-200 = doit être entre 1 et 200
refusal-reason-must-be-between-1-and-365-days = doit être entre 1 et 365 jours
refusal-reason-must-be-csv-gexf-graphml-or-kumu = doit être csv, gexf, graphml ou kumu
refusal-reason-must-be-from-0-to-10 = doit être de 0 à 10
refusal-reason-must-be-from-0-to-2000 = doit être de 0 à 2000
refusal-reason-must-be-from-0-to-5 = doit être de 0 à 5
refusal-reason-must-be-from-1-to-5 = doit être de 1 à 5
refusal-reason-must-be-funder-or-evaluation = doit être funder ou evaluation
refusal-reason-must-be-gexf-graphml-kumu-actors-csv-or-ties-csv = doit être gexf, graphml, kumu, actors-csv ou ties-csv
refusal-reason-must-be-html-or-pdf = doit être html ou pdf
refusal-reason-must-be-imtd9-or-five = doit être imtd9 ou five
refusal-reason-must-be-one-line-of-at-most-300-characters = doit tenir sur une ligne d’au plus 300 caractères
refusal-reason-must-be-pdf-or-docx = doit être pdf ou docx
refusal-reason-must-be-released-before-copies-are-issued = doit être diffusé avant que des exemplaires soient remis
refusal-reason-must-be-reviewed-before-it-is-released = doit être relu avant d’être diffusé
refusal-reason-must-be-yes-or-no = doit être yes ou no
refusal-reason-must-be-yes-no-or-empty = doit être yes, no ou vide
refusal-reason-must-come-after-from = doit suivre la date de début
refusal-reason-must-come-after-valid-from = doit suivre la date de début de validité
refusal-reason-must-not-repeat = ne doit pas se répéter
refusal-reason-name-the-same-source-twice = nomment deux fois la même source
refusal-reason-names-a-record-not-of-this-initiative = désigne un enregistrement qui n’est pas de cette initiative
refusal-reason-need-at-least-two-wordings = exigent au moins deux formulations
refusal-reason-needs-at-least-two-wordings = exige au moins deux formulations
refusal-reason-needs-both-its-first-and-its-last-day-or-neither = exige son premier et son dernier jour, ou aucun des deux
refusal-reason-only-a-clause-without-brackets-or-alternatives-can-be-agreed = seule une clause sans crochets ni variantes peut être convenue
refusal-reason-speaks-for-a-side-the-text-does-not-need = parle pour une partie dont le texte n’a pas besoin
refusal-reason-stays-in-its-round = reste dans son cycle
# Ce qui ne va pas dans un fichier importé.
refusal-import-empty-value = « { $field } » ne doit pas être vide
refusal-import-unknown-value = { $field } : « { $value } » n’est pas une valeur connue du champ « { $what } »
refusal-import-refused-value = { $field } : { $reason }
refusal-import-track-number-without-scheme = { $field } : « { $value } » est un nombre, et le fichier ne déclare aucun schéma des voies : indiquez-le (imtd9 pour les neuf voies de l’Institute for Multi-Track Diplomacy, five pour la liste des cinq voies)
refusal-import-not-a-track-of-scheme = { $field } : « { $value } » n’est pas une voie du schéma { $scheme }
refusal-import-unknown-track = { $field } : « { $value } » n’est pas une voie connue
refusal-import-unknown-tie-kind = { $field } : « { $value } » n’est pas un type de lien connu
refusal-import-neither-yes-nor-no = { $field } : « { $value } » n’est ni yes ni no
refusal-import-not-a-strength = { $field } : « { $value } » n’est pas un nombre entier de 1 à 5
refusal-import-not-a-day = { $field } : « { $value } » n’est pas une date écrite AAAA-MM-JJ (YYYY-MM-DD)
refusal-import-not-an-actor-type = { $field } : « { $value } » n’est ni Person ni Organization
refusal-import-not-a-direction = { $field } : « { $value } » n’est aucune des valeurs directed, undirected, mutual
refusal-import-unknown-track-scheme = { $field } : « { $value } » n’est pas un schéma des voies (imtd9 : les neuf voies de l’Institute for Multi-Track Diplomacy ; five : la liste des cinq voies)
refusal-import-scheme-disagrees = le fichier numérote ses voies selon le schéma « { $declared } », et non « { $given } »
refusal-import-refused-actor = acteur « { $code } » : { $reason }
refusal-import-side-control-characters = acteur « { $code } » : la partie au conflit contient des caractères de contrôle
refusal-import-side-too-long = acteur « { $code } » : la partie au conflit dépasse { $max ->
    [one] { $max } caractère
   *[other] { $max } caractères
}
refusal-import-not-a-side = acteur « { $code } » : « { $side } » n’est pas une partie de cette initiative (ses parties : { $count ->
    [0] aucune pour l’instant
   *[other] { $sides }
}) ; ajoutez d’abord la partie
refusal-import-code-name-twice = le nom de code « { $code } » est utilisé deux fois (la première à la ligne { $first })
refusal-import-tie-end-empty = l’extrémité « { $end } » du lien ne doit pas être vide
refusal-import-unknown-code-name = « { $code } » n’est le nom de code d’aucun acteur du fichier
refusal-import-tie-to-itself = un lien ne peut pas aller de « { $code } » à lui-même
refusal-import-refused-tie = lien de « { $from } » à « { $to } » : { $reason }
refusal-import-empty-table = le fichier est vide ; sa première ligne nomme les colonnes : { $columns }
refusal-import-unknown-column = colonne inconnue « { $column } » ; les colonnes sont { $columns }
refusal-import-column-twice = la colonne « { $column } » apparaît deux fois
refusal-import-missing-columns = { $count ->
    [one] il manque la colonne
   *[other] il manque les colonnes
} { $columns }
refusal-import-row-length = cette ligne a { $cells ->
    [one] { $cells } cellule
   *[other] { $cells } cellules
} alors que l’en-tête en a { $header }
refusal-import-row-not-utf8 = cette ligne n’est pas en UTF-8 valide
refusal-import-row-not-csv = cette ligne ne peut pas être lue comme du CSV
refusal-import-not-a-side-here = « { $side } » n’est pas une partie de cette initiative ; ajoutez d’abord la partie
refusal-import-code-name-on-map = ce nom de code est déjà sur la carte
refusal-import-no-actor-with-code = aucun acteur n’a le nom de code « { $code } »
refusal-mapping-unknown-field = « { $given } » n’est pas un champ de tracktwo ; les champs sont { $fields }
refusal-mapping-no-attribute = « { $field } » n’est associé à aucun attribut
refusal-mapping-field-twice = « { $field } » est associé deux fois
refusal-mapping-value-twice = « { $field } » associe « { $value } » deux fois
refusal-mapping-not-a-field-argument = « { $given } » n’est pas de la forme CHAMP=ATTRIBUT (par exemple track=Sector)
refusal-mapping-not-a-value-argument = « { $given } » n’est pas de la forme CHAMP:VALEUR_DU_FICHIER=VALEUR (par exemple track:Gov=government)
refusal-import-column-missing = la colonne { $column } manque
refusal-import-not-a-number = { $column } n’est pas un nombre
refusal-import-actual-without-period = une valeur réelle exige sa période
refusal-import-period-without-actual = une période exige sa valeur réelle
refusal-import-indicator-differs = l’unité, la référence ou la cible diffère d’une ligne précédente de cet indicateur
refusal-import-too-many-indicators = un cadre compte au plus { $most } indicateurs
refusal-import-period-twice = cette période est donnée deux fois pour l’indicateur
refusal-import-no-indicator = le fichier ne contient aucun indicateur
refusal-import-file-not-utf8 = le fichier n’est pas du texte UTF-8
refusal-import-cell-count = la ligne a { $cells ->
    [one] { $cells } cellule
   *[other] { $cells } cellules
} alors que l’en-tête en a { $header }
refusal-import-not-csv = la ligne ne peut pas être lue comme du CSV
refusal-import-not-a-language-column = la colonne { $column } n’est ni statement, ni original, ni une étiquette de langue comme ar
refusal-import-language-twice = la langue { $language } a deux colonnes
refusal-import-not-a-statement-number = statement n’est pas le numéro d’un énoncé
refusal-import-statement-twice = l’énoncé { $statement } est donné deux fois
refusal-import-no-statement = le fichier ne contient aucun énoncé
refusal-import-statement-not-in-conversation = l’énoncé { $statement } n’est pas dans la conversation
refusal-import-second-root = XML mal formé : un second élément racine
refusal-import-too-deep = les éléments s’imbriquent sur plus de { $most } niveaux
refusal-import-text-outside-root = XML mal formé : du texte hors de l’élément racine
refusal-import-cdata-outside-root = XML mal formé : une section CDATA hors de l’élément racine
refusal-import-unknown-entity = XML mal formé : une référence (`&…;`) à une entité inconnue
refusal-import-invalid-character-reference = XML mal formé : une référence de caractère invalide
refusal-import-reference-outside-root = XML mal formé : une référence hors de l’élément racine
refusal-import-unclosed = XML mal formé : le document se termine avant que <{ $element }> (ligne { $line }) ne soit fermé
refusal-import-no-root = XML mal formé : le document n’a pas d’élément racine
# La structure d’un fichier GEXF ou GraphML. Les noms d’éléments et d’attributs sont les mots du fichier.
refusal-import-not-the-format = ce n’est pas un fichier { $format } : l’élément racine est <{ $root }>, non <{ $expected }>
refusal-import-without-graph = <{ $root }> ne contient aucun <{ $graph }>
refusal-import-attribute-without-id = un élément <{ $element }> n’a pas d’attribut { $id }
refusal-import-without-id = un élément <{ $element }> n’a pas d’attribut { $id }
refusal-import-edge-without-end = un élément <{ $element }> n’a pas d’attribut { $end }
refusal-import-attvalue-without-attribute = un élément <{ $element }> ne nomme aucun attribut
refusal-import-data-without-key = un élément <{ $element }> ne nomme aucune clé
refusal-import-key-id-twice = l’identifiant de clé « { $id } » est déclaré deux fois
refusal-import-node-id-twice = l’identifiant de nœud « { $id } » est utilisé deux fois (la première à la ligne { $first })
refusal-import-not-an-edge-default = { $field } : « { $value } » n’est ni { $directed } ni { $undirected }
refusal-import-day-too-late = { $field } : ce jour est trop tardif pour être enregistré
refusal-import-value-twice = { $owner } : le champ « { $key } » a deux valeurs
refusal-import-no-value = { $owner } : le champ « { $key } » n’a pas de valeur
refusal-import-no-tie-kind = { $owner } : aucun type de lien : associez l’attribut qui le porte ({ $map }), ou donnez un type à chaque lien qui n’en a pas ({ $give })
refusal-import-mapping-not-applicable = une correspondance d’attributs s’applique aux fichiers GEXF et GraphML ; les fichiers CSV et Kumu utilisent les colonnes propres au système
# Ce qu’un problème désigne dans un fichier GEXF, GraphML ou Kumu.
refusal-import-owner-node = le nœud « { $id } »
refusal-import-owner-edge = l’arête de « { $from } » à « { $to } »
refusal-import-owner-blueprint = un plan Kumu
refusal-import-owner-an-element = un des éléments
refusal-import-owner-element = l’élément « { $code } »
refusal-import-owner-a-connection = une des connexions
refusal-import-owner-connection = la connexion de « { $from } » à « { $to } »
# Une erreur de syntaxe XML, selon son genre.
refusal-import-malformed-xml = XML mal formé : { $fault }
refusal-import-xml-unknown-markup = « <! » ouvre un balisage inconnu
refusal-import-xml-unclosed-processing-instruction = une instruction de traitement n’est pas fermée (pas de « ?> »)
refusal-import-xml-unclosed-declaration = la déclaration XML n’est pas fermée (pas de « ?> »)
refusal-import-xml-unclosed-comment = un commentaire n’est pas fermé (pas de « --> »)
refusal-import-xml-unclosed-doctype = la déclaration de type de document n’est pas fermée (pas de « > »)
refusal-import-xml-unclosed-cdata = une section de données brutes n’est pas fermée (pas de « ]]> »)
refusal-import-xml-unclosed-tag = une balise n’est pas fermée (pas de « > »)
refusal-import-xml-unclosed-attribute-value = une valeur d’attribut n’a pas de guillemet fermant
refusal-import-xml-mismatched-end-tag = une balise fermante ne correspond pas à l’élément qu’elle devrait fermer
refusal-import-xml-unmatched-end-tag = une balise fermante ne ferme aucun élément ouvert
refusal-import-xml-unclosed-reference = un « & » ouvre une référence qu’aucun « ; » ne ferme (un « & » seul s’écrit « &amp; »)
refusal-import-xml-not-well-formed = le document n’est pas bien formé
refusal-import-xml-attribute-without-equals = le nom d’un attribut n’est pas suivi de « = »
refusal-import-xml-attribute-without-value = un « = » n’est pas suivi d’une valeur d’attribut
refusal-import-xml-unquoted-attribute-value = une valeur d’attribut n’est pas entre guillemets
refusal-import-xml-attribute-twice = un attribut est donné deux fois
refusal-import-xml-broken-reference = une référence (« &…; ») inconnue ou cassée
refusal-import-xml-unreadable = le document ne peut pas être lu
# La structure d’un plan Kumu et une erreur de syntaxe JSON, selon son genre. Les clés sont les mots du fichier.
refusal-import-malformed-json = JSON mal formé : { $fault }
refusal-import-json-end-in-list = le fichier s’arrête au milieu d’une liste
refusal-import-json-end-in-object = le fichier s’arrête au milieu d’un objet
refusal-import-json-end-in-string = le fichier s’arrête au milieu d’une chaîne
refusal-import-json-end-in-value = le fichier s’arrête avant une valeur attendue
refusal-import-json-expected-value = une valeur était attendue
refusal-import-json-expected-comma-or-bracket = « , » ou « ] » était attendu
refusal-import-json-expected-comma-or-brace = « , » ou « { "}" } » était attendu
refusal-import-json-expected-colon = « : » était attendu
refusal-import-json-expected-ident = un mot réservé était attendu
refusal-import-json-key-not-a-string = une clé doit être une chaîne
refusal-import-json-trailing-comma = une virgule de trop avant la fermeture
refusal-import-json-trailing-characters = des caractères en trop après la fin du document
refusal-import-json-invalid-escape = une séquence d’échappement invalide
refusal-import-json-invalid-number = un nombre invalide
refusal-import-json-number-out-of-range = un nombre hors limites
refusal-import-json-invalid-code-point = un point de code Unicode invalide
refusal-import-json-control-character = un caractère de contrôle dans une chaîne
refusal-import-json-too-deep = la limite d’imbrication est dépassée
refusal-import-not-an-object = { $owner } : doit être un objet JSON
refusal-import-key-twice = { $owner } : la clé « { $key } » est donnée deux fois
refusal-import-value-unreadable = une valeur ne peut pas être lue
refusal-import-not-a-blueprint = un plan Kumu a « { $elements } » et « { $connections } » ; ce fichier n’a ni l’un ni l’autre
refusal-import-not-a-list = « { $key } » doit être une liste
refusal-import-key-unreadable = { $owner } : « { $key } » ne peut pas être lu
refusal-import-not-text = { $owner } : « { $key } » doit être du texte
refusal-import-missing-key = { $owner } : « { $key } » manque
refusal-import-tracks-not-listed = { $owner } : « { $key } » doit énumérer les voies par numéro ou par nom
# Un conflit : ce qui existe déjà, ou l’état d’un compte.
refusal-conflict-actor-code-name = un acteur portant le nom de code { $code } existe déjà
refusal-conflict-disable-own-account = les administrateurs ne peuvent pas désactiver leur propre compte
refusal-conflict-second-factor-already-on = la connexion en deux étapes est déjà activée
refusal-conflict-enrolment-not-started = commencez d’abord l’inscription
refusal-conflict-account-disabled = le compte est désactivé
refusal-conflict-qr-code = impossible de dessiner le code QR
refusal-unique-username = un compte avec ce nom d’utilisateur existe déjà
refusal-unique-member = cette personne est déjà membre de l’initiative
refusal-unique-key = un enregistrement avec la même clé existe déjà
# Une sauvegarde, un export du trousseau ou un export qui ne peut être écrit ou lu.
refusal-archive-cannot-write = écriture impossible : { $detail }
refusal-archive-key-source = impossible d’encoder la source de la clé
refusal-archive-not-ours = ce n’est pas un fichier de sauvegarde ni de trousseau de tracktwo
refusal-archive-does-not-open = le fichier ne s’ouvre pas avec cette clé, ou il a été modifié
refusal-archive-damaged = le fichier est tronqué ou endommagé
refusal-archive-more-than-one-document = le fichier contient plus d’un document
refusal-archive-unreadable = le contenu du fichier est illisible : { $detail }
refusal-archive-wrong-kind = ce fichier est de type { $found }, pas { $expected }
refusal-archive-newer-format = ce fichier a été écrit par une version plus récente de tracktwo
refusal-archive-store-not-empty = le dépôt n’est pas vide ; passez { $option } pour remplacer son contenu par la sauvegarde
refusal-archive-keys-missing = les clés de cette sauvegarde ne sont pas dans ce dépôt ; passez l’export du trousseau avec { $option }
refusal-archive-different-store = cette sauvegarde appartient à un autre dépôt ; restaurez-la dans un dépôt vide
refusal-archive-cannot-encode = impossible d’encoder un enregistrement : { $detail }
refusal-archive-cannot-analyse = impossible d’analyser la conversation : { $detail }
refusal-archive-vote-not-stored = le vote n’a pas pu être enregistré : { $detail }
refusal-archive-vote-lost = le vote n’a pas été enregistré
# Un export Pol.is qui ne peut être importé.
refusal-polis-import = export Pol.is : { $reason }
refusal-polis-file = { $file }, ligne { $line } : { $problem }
refusal-polis-comment-twice = { $file } : la valeur { $comment } de la colonne { $column } apparaît deux fois
refusal-polis-no-such-comment = { $file }, ligne { $line } : la valeur { $comment } de la colonne { $column } n’est pas dans { $comments }
refusal-polis-statement-out-of-order = énoncé { $number } : les énoncés doivent être numérotés 0, 1, 2… dans l’ordre
refusal-polis-statement-length = énoncé { $number } : le texte doit compter au plus { $max ->
    [one] { $max } caractère
   *[other] { $max } caractères
}
refusal-polis-no-such-statement = vote du participant { $participant } : l’énoncé { $statement } n’est pas dans l’export
refusal-polis-missing-column = pas de colonne « { $column } » dans l’en-tête
refusal-polis-not-an-integer = « { $column } » vaut « { $value } », qui n’est pas un entier
refusal-polis-not-a-count = « { $column } » vaut { $value }, qui n’est pas un effectif
refusal-polis-invalid-vote = { $column } vaut { $value } ; un vote vaut 1 (d’accord), -1 (pas d’accord) ou 0 (passe)
refusal-polis-invalid-moderation = { $column } vaut { $value } ; la valeur est 1 (accepté), 0 (pas encore modéré) ou -1 (écarté par la modération)
refusal-polis-not-a-comment-id = la colonne « { $column } » n’est pas un identifiant de commentaire
refusal-polis-missing-timestamp = « { $column } » est vide, or le dernier vote sur chaque énoncé se décide par l’heure
refusal-polis-unequal-lengths = cet enregistrement a { $fields ->
    [one] { $fields } champ
   *[other] { $fields } champs
} alors que le premier en a { $expected }
refusal-polis-not-utf8 = le fichier n’est pas du texte UTF-8
refusal-polis-csv = le fichier ne peut pas être lu comme du CSV : { $detail }
refusal-polis-io = le fichier ne peut pas être lu : { $detail }
refusal-polis-too-many-statements = l’indice d’énoncé { $index } est trop grand (au plus { $max })
refusal-polis-too-many-participants = l’indice de participant { $index } est trop grand (au plus { $max })
refusal-polis-engine = le moteur de terrain d’entente refuse ces votes : { $detail }
