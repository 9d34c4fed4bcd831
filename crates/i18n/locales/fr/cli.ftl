# Les messages de la ligne de commande pour les personnes : confirmations, résumés, remarques et
# erreurs. Les sorties pour les machines (JSON, CSV, identifiants seuls sur une ligne, exports)
# ne sont jamais formulées ici.

## Erreurs et avertissements

cli-error = erreur : { $message }
cli-warning = avertissement : { $message }
cli-no-runtime = impossible de démarrer l'environnement d'exécution asynchrone : { $reason }
cli-cannot-read = impossible de lire { $path }
cli-cannot-create = impossible de créer { $path }
cli-cannot-write = impossible d'écrire { $path }
cli-cannot-open = impossible d'ouvrir { $path }
cli-cannot-lock = impossible de verrouiller { $path }
cli-cannot-create-folder = impossible de créer le dossier { $path }
cli-cannot-create-data-folder = impossible de créer le dossier de données { $path }
cli-cannot-write-to-folder = impossible d'écrire dans le dossier { $path }
cli-cannot-write-file = impossible d'écrire le fichier
cli-cannot-write-result = impossible d'écrire le résultat
cli-not-a-folder = { $path } n'est pas un dossier
cli-not-an-initiative-id = `{ $text }` n'est pas un identifiant d'initiative valide
cli-not-a-meeting-id = `{ $text }` n'est pas un identifiant de réunion valide
cli-not-a-conversation-id = `{ $text }` n'est pas un identifiant de conversation valide
cli-not-a-readout-id = `{ $text }` n'est pas un identifiant de compte rendu valide
cli-not-a-copy-id = `{ $text }` n'est pas un identifiant d'exemplaire valide
cli-not-a-text-id = `{ $text }` n'est pas un identifiant de texte valide
cli-not-an-id = `{ $text }` n'est pas un identifiant valide
cli-not-a-date = `{ $date }` n'est pas une date au format AAAA-MM-JJ
cli-not-an-address = `{ $address }` n'est pas une adresse comme 127.0.0.1:8080
cli-nothing-imported = { $reason } ; rien n'a été importé
cli-nothing-imported-from = { $path } : { $reason } ; rien n'a été importé
cli-old-flags = { $flags ->
    [1] remarque : --initiative est obsolète ; écrivez `{ $command }` : l'initiative d'abord, comme toutes les commandes la prennent
   *[other] remarque : --initiative et --conversation sont obsolètes ; écrivez `{ $command }` : l'initiative d'abord, puis la conversation, comme toutes les commandes les prennent
}

## Déverrouiller et ouvrir la base

cli-cannot-open-postgres = impossible d'ouvrir la base PostgreSQL (vérifiez --database-url / TRACKTWO_DATABASE_URL)
cli-cannot-open-store = impossible d'ouvrir la base dans { $path }
cli-cannot-read-key-file = impossible de lire le fichier de clé { $path }
cli-key-file-short = le fichier de clé { $path } contient { $bytes } octets ; il en faut au moins 32, aléatoires (par exemple : head -c 32 /dev/urandom > { $path })
cli-key-and-passphrase = un fichier de clé et une phrase secrète sont tous deux définis ; n'en donnez qu'un
cli-passphrase-empty = la phrase secrète est vide
cli-no-key = aucune clé donnée : définissez TRACKTWO_KEY_FILE (ou --key-file) sur un fichier d'au moins 32 octets aléatoires, ou TRACKTWO_PASSPHRASE_FILE (ou --passphrase-file)

## Le serveur et la démonstration

cli-address-in-use = l'adresse { $address } est déjà utilisée ; arrêtez l'autre serveur ou choisissez-en une autre avec --listen
cli-cannot-listen = impossible d'écouter sur { $address } : { $reason }
cli-no-listening-address = impossible de lire l'adresse d'écoute
cli-serving = tracktwo est servi à l'adresse { $address }
cli-server-stopped = le serveur s'est arrêté sur une erreur
cli-already-served = un autre `tracktwo serve` sert déjà la base de { $path } ; un seul serveur peut servir une base SQLite (plusieurs serveurs demandent PostgreSQL : voir docs/deployment.md)
cli-demo-key-beside-data = le fichier de clé de la démonstration, { $path }, est à côté de ses données ; ne faites jamais cela avec une vraie base
cli-demo-not-seeded = impossible de créer le scénario de démonstration
cli-demo-created = Base de démonstration créée dans { $path }.
cli-demo-accounts = Comptes de démonstration (personnes inventées), chacun avec un mot de passe et un jeton d'API neufs pour cette session :
cli-demo-try-api = Essayez : { $command }
cli-demo-vote = Votez dans la consultation de démonstration sans compte : { $link }

## Comptes, jetons et base

cli-store-initialised = Base initialisée ({ $backend }).
cli-administrator-created = Administrateur `{ $username }` créé.
cli-password-shown-once = Mot de passe (affiché une seule fois) : { $password }
cli-keep-the-key = Gardez la clé en lieu sûr, et conservez un export du trousseau (`tracktwo keyring export FILE`) à l'écart des sauvegardes.
cli-account-created = Compte { $username } créé ({ $id }).
cli-account-disabled = Compte { $username } désactivé ; ses sessions ont pris fin.
cli-account-enabled = Compte { $username } réactivé.
cli-password-set = Mot de passe de { $username } défini ; ses sessions ont pris fin.
cli-account-flag-admin = administrateur
cli-account-flag-disabled = désactivé
cli-cannot-read-password-file = impossible de lire le fichier de mot de passe { $path }
cli-token-created = Jeton { $id } créé pour { $username }, valable jusqu'au { $until } ; il n'est affiché que maintenant.
cli-token-made = créé le { $at }
cli-token-expires = expire le { $at }
cli-token-expired = expiré le { $at }
cli-token-used = utilisé le { $at }
cli-token-never-used = jamais utilisé
cli-not-a-token = `{ $token }` n'est pas un identifiant de jeton ; `token list` les affiche
cli-token-revoked = Jeton { $id } révoqué.
cli-destroy-needs-yes = la destruction d'une initiative est irréversible, même à partir des sauvegardes ; ajoutez --yes pour confirmer
cli-initiative-destroyed = Initiative { $id } et sa clé détruites. Remplacez tout export du trousseau par un nouveau (`tracktwo keyring export`) : les anciens exports contiennent encore la clé.

## Sauvegardes, exports et journal d'audit

cli-backup-written = Sauvegarde écrite dans { $path } : comptes : { $accounts }, initiatives : { $initiatives }, enregistrements : { $records } (clés non comprises).
cli-restored = Restauré depuis { $path } : comptes : { $accounts }, initiatives : { $initiatives }, événements d'audit : { $events }.
cli-restored-without-key = Initiatives de la sauvegarde détruites depuis qu'elle a été faite : { $initiatives } ; leurs clés n'existent plus et elles n'ont pas été restaurées.
cli-keyring-written = Trousseau de { $keys ->
    [one] { $keys } clé
   *[other] { $keys } clés
} écrit dans { $path }. Gardez-le à l'écart des sauvegardes.
cli-export-written = Export déchiffré écrit dans { $path } : comptes : { $accounts }, initiatives : { $initiatives }, enregistrements : { $records }. Il est en clair : protégez-le.
cli-no-place-for-anchor = pas d'endroit où garder l'ancre : donnez --out FILE ou TRACKTWO_AUDIT_ANCHOR_FILE (une base à phrase secrète n'a pas de fichier de clé à côté duquel la garder)
cli-anchor-lost = la chaîne d'audit ne contient plus l'événement ancré dans { $path } : sa fin a été coupée ou la base est revenue en arrière ; l'ancre est conservée comme preuve (lancez `tracktwo audit verify`)
cli-anchored = Tête d'audit n° { $seq } ({ $mac }) ancrée dans { $path }. Gardez-en une copie loin de la base de données.
cli-cannot-show-anchor = impossible d'afficher l'ancre
cli-no-anchor-at = il n'y a pas d'ancre dans { $path }
cli-not-an-anchor = { $path } n'est pas une ancre d'audit écrite par tracktwo
cli-cannot-read-anchor = impossible de lire l'ancre d'audit { $path }
cli-cannot-write-anchor = impossible d'écrire l'ancre d'audit
cli-audit-intact = Journal d'audit intact : événements : { $events }, tête n° { $seq } ({ $mac }).
cli-audit-holds-anchor = Il contient l'événement n° { $seq } ancré dans { $path }.
cli-audit-tampered = Journal d'audit ALTÉRÉ : problèmes : { $problems }, sur { $events } événements.
cli-audit-edited = l'événement n° { $seq } a été modifié : son contenu ne correspond plus à son MAC
cli-audit-inserted = l'événement n° { $seq } a été inséré : il n'appartient pas à la chaîne
cli-audit-deleted-before = un ou plusieurs événements ont été supprimés juste avant l'événement n° { $seq }
cli-audit-swapped = les événements n° { $first } et n° { $second } ont été intervertis : ils ne sont plus dans l'ordre
cli-audit-tail-removed = la chaîne s'arrête à l'événement n° { $last } mais la tête indique le n° { $head } : les derniers événements ont été supprimés
cli-audit-cut-before-anchor = la chaîne ne contient plus l'événement n° { $anchored }, qu'enregistre l'ancre conservée hors du stockage (la tête est maintenant le n° { $head }) : sa fin a été coupée ou le stockage a été restauré à un état antérieur
cli-audit-anchor-not-authentic = l'ancre fournie n'a pas été écrite avec la clé de ce stockage ; rien n'a été vérifié par rapport à elle
cli-audit-unauthentic-row = la ligne { $row } échoue à son MAC : elle a été écrite ou modifiée sans la clé, et elle est refusée

## Documents

cli-document-format-unknown = impossible de déduire le format de { $path } de son nom ; utilisez .pdf ou .docx
cli-document-language-unknown = langue inconnue « { $language } » ; les documents s'écrivent en en, ar, ru ou fr
cli-summary-written = Résumé pour { $reader } écrit dans { $path } ({ $bytes } octets).
cli-report-funder = Rapport au bailleur
cli-report-evaluation = Note d'évaluation
cli-report-written = { $kind } (résultats : { $outcomes }) écrit dans { $path } ({ $bytes } octets).
cli-copy-written = { $mark } écrit dans { $path } ({ $bytes } octets).
cli-wrote = { $path } écrit
cli-indicators-imported = { $indicators ->
    [one] { $indicators } indicateur importé
   *[other] { $indicators } indicateurs importés
} depuis { $path }

## Le processus de dialogue

cli-round = Cycle { $number } : { $title }
cli-stage-reached = étape { $stage } sur { $of } : { $name }
cli-stage-not-recorded = étape non consignée
cli-option = option : { $title } — { $status }
cli-not-a-side = `{ $side }` n'est pas une partie de cette initiative
cli-not-a-reader = `{ $reader }` n'est pas un lecteur : utilisez team, official, evaluator, funder, observer, operations ou participant:SIDE

## Conversations et terrain d'entente

cli-conversation-line = { $id }  { $mode } propositions : { $statements } votants : { $voters } votes : { $votes }  { $title }
cli-conversation-closed = (close)
cli-conversation-exported = Écrit dans { $path } : propositions : { $statements }, votes : { $votes }.
cli-translations-set = langues définies pour { $statements ->
    [one] { $statements } proposition
   *[other] { $statements } propositions
} depuis { $path }
cli-conversation-imported = Importé : propositions : { $statements }, votes : { $votes }.
cli-no-votes-file = { $path } : ni votes.csv ni participants-votes.csv ne s'y trouvent
cli-progress-reading-export = lecture de l'export
cli-progress-replaying = relecture de l'historique : mise à jour { $done } sur { $total }
cli-progress-drawing-votes = tirage des votes
cli-progress-writing = écriture de { $file }
cli-common-ground-totals = participants : { $participants } (dont regroupés : { $clustered }), propositions : { $statements }, votes : { $votes } (d'après { $file })
cli-common-ground-group = groupe { $group } : participants : { $participants } ; représentatives : { $representative }
cli-direction-agree = d'accord
cli-direction-disagree = pas d'accord
cli-consensus-agree = consensus d'accord : { $statements }
cli-consensus-disagree = consensus de désaccord : { $statements }
cli-common-ground-groups = terrain d'entente entre les groupes : { $statements }
cli-common-ground-sides = terrain d'entente entre les parties ({ $sides }) : { $statements }
cli-timing = { $stage } { $ms } ms
cli-timings = durées : { $stages }
cli-synthesised = { $votes } votes de { $participants } participants sur { $statements } propositions ({ $groups } groupes implantés, graine { $seed }) écrits dans { $path }.

## La carte du système

cli-map-written = Carte écrite dans { $path } : acteurs : { $actors }, liens : { $ties } (sans les champs du registre).
cli-map-imported = Importé : acteurs : { $actors }, liens : { $ties }.
cli-map-imported-replacing = Importé : acteurs : { $actors }, liens : { $ties }, en remplacement de la carte précédente.
cli-map-unplaced = Acteurs non placés, que le facilitateur placera sur les pages d'acteur de la carte : { $actors }
cli-map-unplaced-field = sans { $field }
cli-map-size = Acteurs : { $actors }, liens : { $ties }.
cli-coverage-cell = voie { $track } ({ $name }), { $side }, { $level } : { $actors }
cli-no-gaps = Aucune lacune.
cli-gap = lacune : { $gap }
cli-risk-ceiling = plafond de risque : { $per_person } par personne, { $group } pour le groupe
cli-unmet = non satisfait : { $side } : { $need }
cli-invitee = { $number }. { $actor } ({ $side }) : { $because }
cli-not-considered = non retenu : { $actor } : { $reason }
cli-map-file-size = { $path } : nœuds : { $nodes }, arêtes : { $edges }.
cli-map-track-scheme = Ses numéros de voie suivent { $scheme } ({ $code }).
cli-map-no-track-scheme = Il ne déclare aucun schéma de voies ; des voies données par numéro demandent --track-scheme imtd9 ou five.
cli-map-node-attributes = Attributs des nœuds (acteurs) :
cli-map-edge-attributes = Attributs des arêtes (liens) :
cli-map-attribute = { $name } (valeurs : { $values }) : { $samples }
cli-map-no-attributes = aucun
cli-map-fields = Champs de tracktwo (--field FIELD=ATTRIBUTE) :
cli-map-not-tracktwo-fields = { $path } n'a pas été écrit avec les noms de champ de tracktwo ; associez ses attributs avec --field et --value (voir `tracktwo map import --help`) ; rien n'a été importé
cli-not-a-map-format = `{ $format }` n'est pas un format de carte : utilisez gexf, graphml, kumu ou csv
cli-map-format-unknown = impossible de déduire le format de { $path } de son nom ; donnez --format gexf, graphml, kumu ou csv

## Textes de négociation

cli-text-format-unknown = impossible de déduire le format de { $path } de son nom ; donnez --format akn, docx ou pdf
cli-text-counts = { $versions ->
    [one] { $versions } version
   *[other] { $versions } versions
}{ $translations ->
    [0] {""}
    [one] , 1 traduction
   *[other] , { $translations } traductions
}
cli-text-version = Version { $number } ({ $language }), { $date }, empreinte { $hash }
cli-text-status = État : { $status }
cli-clause-out-of-date = à mettre à jour
cli-text-pending = En attente : clauses ouvertes : { $clauses }, suggestions : { $suggestions }, commentaires : { $comments }
cli-compare-versions = Version { $from } → version { $to }
cli-compare-before = avant : { $figures }
cli-compare-after = après : { $figures }
cli-compare-counts = ajoutées : { $added }, supprimées : { $removed }, reformulées : { $reworded }, déplacées : { $moved }
cli-clause-moved = déplacée de { $from_part } n° { $from_position } à { $to_part } n° { $to_position }
cli-akn-one-version = un fichier Akoma Ntoso contient une version telle qu'elle est ; --clean et --compare-with sont pour docx et pdf
cli-version-written = Version { $number } écrite dans { $path } ({ $bytes } octets).
cli-text-imported = importé comme version { $number } ({ $hash })
cli-text-edited = remarque : les mots du fichier diffèrent de la version qu'il nomme (version { $version }) : il a été modifié

## Comptes rendus et traçage

cli-readout-carries = porte le texte { $text }, version { $version }
cli-readout-copy = exemplaire
cli-variants = Variantes de formulation { $state }{ $this } : { $sites } sites variables sur { $words } mots ({ $per_hundred } pour 100 mots).
cli-variants-on = activées
cli-variants-off = désactivées
cli-variants-this-readout = ce compte rendu
cli-variants-reach = { $sentences ->
    [one] { $sentences } phrase citée
   *[other] { $sentences } phrases citées
} mot pour mot : désigne son exemplaire parmi { $copies } dans { $share } % des cas
cli-variants-best-case = Au mieux : la ressaisie, les retouches et le cadrage font perdre des sites (docs/tracing.md).
cli-cannot-read-passage = impossible de lire le passage
cli-passage-unreadable = { $path } n'est ni du texte (UTF-8) ni une image de page : donnez le passage en texte, ou une image PNG, JPEG ou TIFF, ou un PDF numérisé
cli-ocr-stopped = la lecture de la page s'est interrompue
cli-cannot-read-page = impossible de lire la page dans { $path }
cli-ocr-read = page lue par OCR (tesseract) : { $words } mots

# L'aide de la ligne de commande et ses erreurs de lecture (les mots propres à clap).
cli-help-usage = Utilisation :
cli-help-commands = Commandes
cli-help-arguments = Arguments
cli-help-options = Options
cli-help-default = {"["}par défaut : { $value }]
cli-help-possible = {"["}valeurs possibles : { $values }]
cli-usage-options = OPTIONS
cli-usage-command = COMMANDE
# The placeholders of the usage line and the options, for the values to be given.
cli-value-addr = ADRESSE
cli-value-conversation = CONVERSATION
cli-value-copy = COPIE
cli-value-count = NOMBRE
cli-value-date = DATE
cli-value-days = JOURS
cli-value-description = DESCRIPTION
cli-value-dir = DOSSIER
cli-value-field-file-value-value = CHAMP:VALEUR_DU_FICHIER=VALEUR
cli-value-field-attribute = CHAMP=ATTRIBUT
cli-value-file = FICHIER
cli-value-format = FORMAT
cli-value-from-to = DU..AU
cli-value-group = GROUPE
cli-value-groups = GROUPES
cli-value-initiative = INITIATIVE
cli-value-invitees = INVITÉS
cli-value-label = LIBELLÉ
cli-value-language = LANGUE
cli-value-m = M
cli-value-meeting = RÉUNION
cli-value-mode = MODE
cli-value-n = N
cli-value-name = NOM
cli-value-out = SORTIE
cli-value-passage = PASSAGE
cli-value-path = CHEMIN
cli-value-per-address = PAR_ADRESSE
cli-value-per-person = PAR_PERSONNE
cli-value-question = QUESTION
cli-value-reader = LECTEUR
cli-value-readout = COMPTE_RENDU
cli-value-scheme = SCHÉMA
cli-value-seed = GRAINE
cli-value-segments = SEGMENTS
cli-value-text = TEXTE
cli-value-title = TITRE
cli-value-token = JETON
cli-value-url = URL
cli-value-username = NOM_UTILISATEUR
cli-value-voter-cap = PLAFOND_VOTANTS
cli-parse-error = erreur : { $error }
cli-parse-invalid-value = valeur « { $value } » invalide pour « { $argument } »
cli-parse-invalid-value-because = valeur « { $value } » invalide pour « { $argument } » : { $reason }
cli-parse-possible-values = valeurs possibles : { $values }
cli-parse-unknown-argument = argument inattendu « { $argument } »
cli-parse-unknown-command = sous-commande inconnue « { $command } »
cli-parse-missing-argument = arguments obligatoires manquants : { $argument }
cli-parse-missing-command = « { $command } » demande une sous-commande, mais aucune n'a été donnée
cli-parse-conflict = l'argument « { $argument } » ne peut pas être utilisé avec « { $other } »
cli-parse-wrong-values = l'argument « { $argument } » a reçu un mauvais nombre de valeurs, ou a été donné plusieurs fois
cli-parse-invalid-utf8 = un argument n'est pas de l'UTF-8 valide
cli-parse-failed = la ligne de commande n'a pas pu être lue
cli-parse-did-you-mean = astuce : il en existe un semblable : « { $suggestion } »
cli-parse-more = Pour en savoir plus, essayez « --help ».
