// French of the sentences the core sends (keys and placeholders of shared/core-text-en.ts, checked by
// its type and by test/core/core-text.test.ts).
import type { CoreTranslation } from './core-text.js';

export const coreFr: CoreTranslation = {
  'status.notConfigured': 'Non configuré — ajoutez le token du bot, l’ID du serveur et l’ID du salon dans les paramètres.',
  'status.ready': 'Prêt — la surveillance est arrêtée.',
  'status.connecting': 'Connexion à Discord…',
  'status.connectingAttempt': 'Connexion à Discord (tentative {{attempt}})…',
  'status.stillConnecting': 'Connexion à Discord toujours en cours : pas de réponse après {{seconds}} s. Nouvel essai automatique ; si cela dure, vérifiez la connexion réseau de cette machine (ou la page d’état de Discord).',
  'status.resuming': 'Connexion perdue — reprise de la session…',
  'status.channelHidden': 'Le bot ne voit plus #{{channel}} : sa permission Voir le salon y a été retirée, et Discord n’envoie rien de ce salon entre-temps. Rendez-la-lui dans les paramètres du serveur (permissions du salon ou du rôle du bot) ; ce qui aura été posté entre-temps sera alors récupéré.',
  'status.guildNotSent': 'Discord n’a pas encore envoyé le serveur {{guild}} (un démarrage lent, ou une panne chez Discord) : attente sur cette session. Rien à changer ici ; la page d’état de Discord en dit plus.',
  'status.guildUnavailable': 'Discord indique que le serveur {{guild}} est indisponible (une panne chez Discord) : attente de son retour sur cette session. Rien à changer ici ; la page d’état de Discord en dit plus.',
  'status.waitConnect': 'Connexion à Discord dans {{seconds}} s (Discord n’autorise qu’une nouvelle session toutes les 5 s)…',
  'status.waitCrashLoop': { one: 'L’application a démarré une fois en un jour après s’être arrêtée sans fermeture propre (un plantage ?) : connexion à Discord dans {{seconds}} s, pour ménager les 1 000 sessions que Discord permet par jour. Le journal dit pourquoi elle s’est arrêtée.', other: 'L’application a démarré {{count}} fois en un jour après s’être arrêtée sans fermeture propre (un plantage ?) : connexion à Discord dans {{seconds}} s, pour ménager les 1 000 sessions que Discord permet par jour. Le journal dit pourquoi elle s’est arrêtée.' },
  'status.waitNewSession': 'Nouvelle session dans {{seconds}} s (Discord n’autorise qu’une nouvelle session toutes les 5 s)…',
  'status.newSession': 'Discord n’a pas répondu à la reprise de session — ouverture d’une nouvelle session et récupération des messages manqués…',
  'status.connected': 'Connecté à #{{channel}} sur {{guild}} en tant que {{bot}}.',
  'status.errorRetrying': '{{error}} Nouvel essai dans {{seconds}} s (tentative {{attempt}}).',
  'status.catchingUp': 'Rattrapage : {{fetched}} messages sur environ {{about}}…',
  'status.catchUpRateLimited': 'Rattrapage : Discord demande d’attendre {{seconds}} s avant la page suivante (limite de débit) ; les messages en direct s’afficheront ensuite. Rien à faire.',

  'error.invalidToken': 'Discord a refusé le token du bot.',
  'error.invalidToken.hint':
    'Copiez un nouveau token depuis le Developer Portal → votre application → Bot → Reset Token, et collez-le dans les paramètres.',
  'error.missingIntent': 'L’intent Message Content n’est pas activé pour ce bot.',
  'error.missingIntent.hint':
    'Activez-le dans le Developer Portal → votre application → Bot → Privileged Gateway Intents → Message Content Intent, enregistrez, puis réessayez.',
  'error.guildNotFound': 'Le bot n’est pas membre du serveur {{guildId}}, ou cet ID est faux.',
  'error.guildNotFound.hint': 'Vérifiez l’ID du serveur (clic droit sur le serveur → Copier l’identifiant du serveur) ou invitez le bot avec le lien.',
  'error.channelNotFound': 'Le salon {{channelId}} est introuvable sur {{guild}}, ou le bot ne peut pas le voir.',
  'error.channelNotFound.hint':
    'Vérifiez l’ID du salon (clic droit sur le salon → Copier l’identifiant du salon) et donnez au bot les permissions Voir le salon et Voir les anciens messages.',
  'error.removedFromGuild': 'Le bot a été retiré de {{guild}} : il n’entend plus #{{channel}}.',
  'error.removedFromGuild.hint': 'Invitez-le de nouveau avec le lien, puis démarrez le bot.',
  'error.channelDeleted': '#{{channel}} a été supprimé sur {{guild}}.',
  'error.channelDeleted.hint': 'Choisissez un autre salon dans les Paramètres (son identifiant), puis démarrez le bot. Les messages déjà enregistrés restent.',
  'error.channelNotText': '#{{channel}} est un salon de type {{kind}}, pas un salon textuel.',
  'error.channelNotText.hint': 'Choisissez un salon textuel à surveiller.',
  'permission.manageMessages': 'Gérer les messages',
  'list.two': '{{a}} et {{b}}',
  'list.three': '{{a}}, {{b}} et {{c}}',
  'channelKind.voice': 'vocal',
  'channelKind.category': 'catégorie',
  'channelKind.announcement': 'annonces',
  'channelKind.stagevoice': 'conférence',
  'channelKind.forum': 'forum',
  'channelKind.media': 'média',
  'channelKind.directory': 'répertoire',
  'channelKind.thread': 'fil',
  'error.network': 'Discord est injoignable ({{detail}}).',
  'error.network.hint': 'Vérifiez la connexion réseau de cette machine. Nouvel essai automatique (tentative {{attempt}}).',
  'error.sessionLimit': {
    one: 'Discord n’autorise plus que {{count}} nouvelle session pour ce token jusqu’au {{resetsAt, datetime}} ; la surveillance n’a pas été démarrée, pour que Discord ne réinitialise pas le token.',
    other:
      'Discord n’autorise plus que {{count}} nouvelles sessions pour ce token jusqu’au {{resetsAt, datetime}} ; la surveillance n’a pas été démarrée, pour que Discord ne réinitialise pas le token.',
  },
  'error.sessionLimit.hint':
    'Relancez la surveillance après cette heure (dans {{wait, duration}}). Quelque chose ouvre des sessions bien trop souvent : vérifiez que seule cette application utilise le token.',
  'error.sessionElsewhere': 'Un autre Discord Monitor utilisant ce dossier de données est déjà connecté à Discord (processus {{pid}}) ; celui-ci ne s’est pas connecté, pour que le bot n’ait jamais deux sessions.',
  'error.sessionElsewhere.hint': 'Arrêtez l’autre copie (l’application de bureau ou le service sans interface), ou donnez à l’une d’elles son propre dossier de données, puis relancez la surveillance ici.',
  'error.resources': 'Cette machine a manqué de fichiers ouverts ou de mémoire en se connectant à Discord ({{detail}}).',
  'error.resources.hint': 'Un autre programme, ou un afflux de connexions au panneau, les épuise peut-être. Nouvel essai automatique (tentative {{attempt}}).',
  'error.unknown': 'Erreur inattendue : {{detail}}',
  'error.unknown.hint': 'Consultez le journal, puis réessayez. Si l’erreur persiste, vérifiez l’URL de l’API dans Paramètres → Avancé.',

  'log.targetChanged': 'Le jeton du bot, le serveur, le salon ou l’adresse de l’API ont changé dans les réglages : reconnexion.',
  'log.crashLoop': { one: 'Démarrée une fois en un jour après un arrêt sans fermeture propre : attente de {{seconds}} s avant de se connecter à Discord (ses 1 000 ouvertures de session par jour s’épuiseraient). Voyez plus haut dans ce journal pourquoi l’application s’est arrêtée.', other: 'Démarrée {{count}} fois en un jour après un arrêt sans fermeture propre : attente de {{seconds}} s avant de se connecter à Discord (ses 1 000 ouvertures de session par jour s’épuiseraient). Voyez plus haut dans ce journal pourquoi l’application s’est arrêtée.' },
  'log.stopped': 'Surveillance arrêtée ; déconnecté de Discord.',
  'log.stoppedBeforeConnecting': 'Surveillance arrêtée avant la connexion.',
  'log.failed': 'La surveillance a échoué de façon inattendue : {{detail}}',
  'log.stopTimeout': 'Discord n’a pas confirmé la déconnexion en {{seconds}} s ; la connexion a été coupée.',
  'log.connecting': 'Connexion à Discord (tentative {{attempt}})…',
  'log.botError': '{{message}} {{hint}}',
  'log.monitoring': 'Surveillance de #{{channel}} sur {{guild}}.',
  'log.channelHidden': 'Le bot a perdu Voir le salon sur #{{channel}} : rien n’en arrive tant qu’elle n’est pas rendue.',
  'log.channelVisible': 'Voir le salon sur #{{channel}} est de retour : récupération de ce qui a été posté entre-temps.',
  'log.catchUpDeferred': 'Discord demande d’attendre {{seconds}} s avant la page suivante (limite de débit) ; les messages en direct s’affichent en attendant',
  'log.catchUpRateLimited': 'Discord demande d’attendre {{seconds}} s avant la page suivante du rattrapage ({{route}}).',
  'log.guildBack': 'Le serveur {{guild}} est de retour : récupération de ce qui a été posté entre-temps.',
  'log.guildNotSent': 'Discord n’a pas encore envoyé le serveur {{guild}} (un démarrage lent, ou une panne chez lui) ; attente sur cette session.',
  'log.guildUnavailable': 'Discord indique que le serveur {{guild}} est indisponible (une panne chez lui) ; attente sur cette session.',
  'log.gatewayClosed': 'Discord a fermé la connexion (code {{code}}).',
  'log.resuming': 'Connexion à Discord perdue — reprise de la session…',
  'log.newSession': 'Discord a ouvert une nouvelle session ; récupération des messages publiés entre-temps.',
  'log.resumed': 'Session reprise ; les événements envoyés entre-temps sont rejoués.',
  'log.clientError': 'Erreur du client Discord : {{detail}}',
  'log.clientWarning': 'Discord : {{detail}}',
  'log.silent': 'La passerelle Discord est muette depuis {{seconds}} s (aucun heartbeat confirmé) — reconnexion.',
  'log.resumeUnanswered':
    'Discord n’a pas repris la session en {{seconds}} s ; ouverture d’une nouvelle session et récupération des messages publiés entre-temps.',
  'log.catchUpIncomplete': {
    one: 'Impossible de récupérer tous les messages publiés pendant la déconnexion ({{count}} récupéré) : {{detail}}. La surveillance en direct continue ; les manquants seront récupérés dès que Discord répondra, rien après le dernier message affiché n’est sauté.',
    other:
      'Impossible de récupérer tous les messages publiés pendant la déconnexion ({{count}} récupérés) : {{detail}}. La surveillance en direct continue ; les manquants seront récupérés dès que Discord répondra, rien après le dernier message affiché n’est sauté.',
  },
  'log.catchUpLacks': 'Impossible de récupérer les messages publiés pendant la déconnexion : {{reason}}. La surveillance en direct continue ; ils seront récupérés dès que le bot aura la permission.',
  'log.firstLoadHidden': 'Impossible de charger les derniers messages du salon : {{reason}}. Rien du salon n’arrive tant que le bot ne peut pas le voir ; il est lu à ce moment-là.',
  'log.catchUpHidden': 'Impossible de récupérer les messages publiés pendant la déconnexion : {{reason}}. Rien du salon n’arrive tant que le bot ne peut pas le voir ; ils sont récupérés à ce moment-là.',
  'log.firstLoadLacks': 'Impossible de charger les derniers messages du salon : {{reason}}. La surveillance en direct continue.',
  'log.caughtUp': { one: '{{count}} message publié pendant la déconnexion a été rattrapé.', other: '{{count}} messages publiés pendant la déconnexion ont été rattrapés.' },
  'log.loadedLast': { one: 'Le dernier message du salon a été chargé ({{count}}).', other: 'Les {{count}} derniers messages du salon ont été chargés.' },
  'log.holeFilled': {
    one: '{{count}} message qui n’avait pas pu être récupéré l’a été ; il ne manque plus rien.',
    other: 'Les {{count}} messages qui n’avaient pas pu être récupérés l’ont été ; il ne manque plus rien.',
  },
  'log.reconcileFailed': 'Impossible de vérifier les modifications et suppressions faites pendant que l’application était arrêtée : {{detail}}.',
  'log.reconciled':
    'Pendant que l’application était arrêtée, {{edited}} message(s) ont été modifiés et {{deleted}} supprimés dans ce salon ; la liste les montre maintenant comme sur Discord ({{checked}} derniers vérifiés).',

  'update.commandFailed': '{{command}} s’est terminé avec le code {{code}} — voir les lignes du journal ci-dessus',
  'update.commandTimedOut': '{{command}} n’a pas fini en {{seconds}} s et a été arrêté',
  'update.commandMissing': '{{command}} : {{file}} est introuvable — est-il installé et dans le PATH ?',
  'update.failedRolledBack': 'Échec de la mise à jour à l’étape {{step}} : {{error}}. Retour à {{from}} ; rien n’a changé.',
  'update.failedRolledBackBotRunning':
    'Échec de la mise à jour à l’étape {{step}} : {{error}}. Retour à {{from}} ; rien n’a changé. Le bot tourne de nouveau.',
  'update.failedRollbackFailed':
    'Échec de la mise à jour à l’étape {{step}} ({{error}}) et le retour en arrière a échoué aussi ({{rollbackError}}). Pour réparer à la main : {{fix}}',
  'update.restartNeeded': 'Mis à jour {{from}} → {{to}} — redémarrage nécessaire pour charger la nouvelle version.',
  'update.restartNeededBotFailed':
    'Mis à jour {{from}} → {{to}} — redémarrage nécessaire pour charger la nouvelle version. Le bot n’a pas redémarré : {{error}}',
  'update.restarting': 'Mis à jour {{from}} → {{to}} — redémarrage ({{method}}).',
  'update.restartFailed':
    'Mis à jour {{from}} → {{to}}, mais le redémarrage a échoué ({{error}}) — redémarrez l’application à la main pour charger la nouvelle version.',

  'notice.settingsMovedAside':
    'Le fichier de paramètres était illisible ({{reason}}) ; il a été déplacé vers {{path}} et les valeurs par défaut sont utilisées. Saisissez à nouveau vos paramètres ou réparez ce fichier.',
  'notice.settingsInvalid':
    'Le fichier de paramètres {{path}} a été modifié et n’est pas valide ({{reason}}) : l’application garde les paramètres qu’elle avait et refuse d’enregistrer les paramètres. Corrigez cette valeur dans le fichier (ou annulez votre modification) ; au prochain démarrage, un fichier encore invalide est mis de côté et les valeurs par défaut sont utilisées.',
  'notice.settingsUpgraded': 'Paramètres mis à niveau de la version {{from}} à la version {{to}}.',
  'notice.tokenNotMoved':
    'Le token du bot dans {{path}} n’a pas pu être déplacé vers le stockage sécurisé ({{reason}}) : ce fichier est conservé tel quel et son token est utilisé. L’enregistrement des paramètres est refusé jusqu’à ce qu’un démarrage le déplace ; corrigez la cause et relancez l’application.',
  'notice.messagesSetAside':
    'La base des messages était endommagée ({{reason}}) ; elle a été mise de côté sous {{path}} et une nouvelle a été créée. Les messages depuis le dernier vu sont récupérés à nouveau ; les plus anciens ne sont que dans ce fichier.',
  'notice.settingsUnwritable':
    'Les paramètres ne peuvent pas être enregistrés dans {{dir}} : {{why}}. L’application fonctionne avec les paramètres lus ; les enregistrer est refusé d’ici là. {{fix}}, puis redémarrez l’application.',
  'notice.messagesInMemory':
    'Les messages ne peuvent pas être enregistrés dans {{dir}} : {{why}}. La surveillance continue : les nouveaux messages sont affichés en direct et gardés en mémoire seulement, ceux enregistrés avant ne sont pas affichés. {{fix}}, puis redémarrez l’application : les messages publiés entre-temps sont récupérés à nouveau auprès de Discord.',
  'storage.why.readOnly': 'le dossier de données est en lecture seule',
  'storage.why.full': 'le disque est plein',
  'storage.why.other': 'la base n’a pas pu être ouverte ({{detail}})',
  'storage.fix.readOnly': 'Rendez le dossier accessible en écriture',
  'storage.fix.full': 'Libérez de la place sur son disque',
  'storage.fix.other': 'Vérifiez le disque et les droits du dossier',
  'settings.why.notJson': 'ce n’est pas du JSON valide',
  'settings.why.notJsonAt': 'ce n’est pas du JSON valide (au caractère {{at}})',
  'settings.why.holds': 'il contient {{kind}} et non un objet de paramètres',
  'settings.why.other': '{{detail}}',
  'settings.kind.list': 'une liste',
  'settings.kind.null': 'null',
  'settings.kind.string': 'une chaîne de caractères',
  'settings.kind.number': 'un nombre',
  'settings.kind.boolean': 'un booléen',
  'settings.rule.and': '{{first}} ; {{rest}}',
  'settings.rule.text': '`{{key}}` doit être un texte entre guillemets',
  'settings.rule.wholeNumber': '`{{key}}` doit être un nombre entier',
  'settings.rule.boolean': '`{{key}}` doit valoir true ou false',
  'settings.rule.list': '`{{key}}` doit être une liste',
  'settings.rule.atLeast': '`{{key}}` doit valoir au moins {{minimum}}',
  'settings.rule.atMost': '`{{key}}` doit valoir au plus {{maximum}}',
  'settings.rule.empty': '`{{key}}` ne doit pas être vide',
  'settings.rule.maxChars': { one: '`{{key}}` doit faire au plus {{count}} caractère', other: '`{{key}}` doit faire au plus {{count}} caractères' },
  'settings.rule.maxItems': { one: '`{{key}}` doit contenir au plus {{count}} élément', other: '`{{key}}` doit contenir au plus {{count}} éléments' },
  'settings.rule.oneOf': '`{{key}}` doit valoir l’une de ces valeurs : {{values}}',
  'settings.rule.discordId': '`{{key}}` doit être vide ou un ID Discord (17 à 20 chiffres)',
  'settings.rule.url': '`{{key}}` doit être une URL http(s) sans utilisateur, requête ni fragment',
  'settings.rule.keyword': '`{{key}}` ne doit contenir ni virgule, ni caractère de contrôle, ni saut de ligne',
  'settings.rule.other': '`{{key}}` contient une valeur non autorisée',
  'notice.envIgnored': '{{variable}} ignorée : {{detail}}.',
  'notice.noticesUnreadable': '{{file}} était illisible ({{detail}}) ; il a été recommencé à zéro.',
  'notice.noticesNotAList': '{{file}} ne contenait pas une liste d’avis ; il a été recommencé à zéro.',
  'log.settingsSaved': 'Paramètres enregistrés.',
  'log.fileUnwritable': 'Impossible d’écrire le journal {{file}} ({{detail}}) : ses lignes ne sont affichées que dans le panneau jusqu’à ce qu’il puisse être écrit.',
  'log.lastSeenUnreadable': '{{file}} était illisible ({{detail}}) ; des messages publiés pendant que l’application était arrêtée peuvent manquer.',
  'log.tightened': 'Permissions de {{path}} resserrées de {{from}} à {{to}} : il contient des données privées.',
  'log.startOnLoginEnabled': 'Démarrage à l’ouverture de session activé.',
  'log.startOnLoginDisabled': 'Démarrage à l’ouverture de session désactivé.',
  'log.tokenUnencrypted': 'Le token du bot est enregistré sans chiffrement dans {{file}} (lisible seulement par votre compte utilisateur).',

  'log.keyringTokenUnreadable':
    'Le token du bot a été chiffré par l’application de bureau avec le trousseau du système (token.enc), que le mode headless ne peut pas lire. Définissez DISCORD_TOKEN, ou saisissez le token dans le panneau (le mode headless l’enregistre sans chiffrement).',
  'log.shuttingDown': 'Arrêt : déconnexion de Discord d’abord.',
  'log.restartAfterRestore': 'Le dépôt a été restauré après l’échec d’une mise à jour ; redémarrage sur cette version.',
  'log.accessTokenEmpty': 'DISCORD_MONITOR_ACCESS_TOKEN est défini mais vide : il est ignoré, et le panneau demande le jeton d’accès généré.',
  'log.panelExposed': 'Le panneau est servi sur {{host}} : quiconque peut l’atteindre et possède le jeton d’accès contrôle le bot.',
  'log.panelListening':
    'Panneau à l’écoute sur {{where}} ({{version}}, commit {{commit}}) — ouvrez l’adresse affichée au démarrage (elle contient le jeton d’accès).',
  'log.panelListeningNoToken':
    'Panneau à l’écoute sur {{where}} ({{version}}, commit {{commit}}) — ouvrez l’adresse affichée au démarrage (sans jeton d’accès : --no-token).',
  'log.systemdNotifyFailed':
    'Impossible de signaler à systemd que le service est prêt ({{detail}}) : installez systemd-notify, ou utilisez Type=simple dans l’unité.',
  'log.tookOver': 'La nouvelle version a pris le relais de la précédente ; le panneau reste connecté.',

  'lastUpdate.rolledBack': 'La mise à jour vers {{to}} a été annulée (échec de {{step}}) : {{error}}. Toujours sur {{from}}.',
  'lastUpdate.rolledBackNoStep': 'La mise à jour vers {{to}} a été annulée : {{error}}. Toujours sur {{from}}.',
  'lastUpdate.interrupted': 'Une mise à jour vers {{to}} a été interrompue pendant {{step}} ; l’application a été ramenée à {{from}}.',
  'lastUpdate.interruptedNoStep': 'Une mise à jour vers {{to}} a été interrompue ; l’application a été ramenée à {{from}}.',
  'lastUpdate.failed': 'La mise à jour vers {{to}} a échoué : {{error}}.',
  'lastUpdate.seeLog': 'voir le journal',

  'update.fetchFailed':
    'Impossible de récupérer {{ref}} : {{detail}}\nVérifiez la connexion réseau et que cette machine peut lire le dépôt (essayez : git fetch {{remote}}).',
  'update.gitFailed': 'git a échoué pendant la recherche de mises à jour : {{detail}}',
  'update.log.checkFailed': 'La recherche de mises à jour a échoué : {{detail}}',
  'update.log.intervalUnreadable': 'L’intervalle des vérifications de mise à jour n’a pas pu être lu ({{detail}}) ; les vérifications restent toutes les {{minutes}} minutes.',
  'update.log.available': { one: '{{count}} mise à jour disponible.', other: '{{count}} mises à jour disponibles.' },
  'update.log.started': 'Mise à jour lancée : {{from}} → {{to}}.',
  'update.log.restartFailed': 'Le redémarrage a échoué : {{detail}}',
  'update.log.botNotSettled': 'Le bot n’a pas fini de se connecter dans les {{seconds}} s suivant le démarrage.',

  'storage.diskFull':
    'Impossible d’enregistrer les messages : le disque est plein — la surveillance en direct continue. Libérez de la place sur le disque de {{dir}} ; l’enregistrement reprendra tout seul.',
  'storage.readOnly':
    'Impossible d’enregistrer les messages : le dossier de données est en lecture seule — la surveillance en direct continue. Rendez {{dir}} de nouveau accessible en écriture ; l’enregistrement reprendra tout seul.',
  'storage.diskError':
    'Impossible d’enregistrer les messages : le disque a signalé une erreur ({{detail}}) — la surveillance en direct continue. Vérifiez le disque de {{dir}} ; l’enregistrement reprendra tout seul.',
  'storage.locked':
    'Impossible d’enregistrer les messages : un autre programme garde la base des messages de {{dir}} verrouillée (DB Browser for SQLite avec des modifications non écrites, une sauvegarde en train de la copier, une nouvelle version de Discord Monitor qui démarre ?) — la surveillance en direct continue, les nouveaux messages et les modifications sont gardés en mémoire. Fermez ce programme ou écrivez ses modifications ; l’enregistrement reprendra tout seul.',
  'storage.resumed': 'Les messages sont de nouveau enregistrés ; tout ce qui a été reçu pendant que l’enregistrement était impossible est maintenant enregistré.',
  'storage.resumedDropped': {
    one: 'Les messages sont de nouveau enregistrés, mais {{count}} message reçu pendant que l’enregistrement était impossible n’a pas pu être gardé en mémoire et n’est pas enregistré : il sera de nouveau récupéré auprès de Discord au prochain démarrage de la surveillance.',
    other:
      'Les messages sont de nouveau enregistrés, mais {{count}} messages reçus pendant que l’enregistrement était impossible n’ont pas pu être gardés en mémoire et ne sont pas enregistrés : ils seront de nouveau récupérés auprès de Discord au prochain démarrage de la surveillance.',
  },

  'backfill.paused': 'Reprendra quand le bot sera connecté.',
  'backfill.failed':
    'Récupération de l’historique arrêtée : {{reason}}. Nouvel essai automatique le {{at, datetime}} ; « Lancer la récupération » (Historique → Récupération) réessaie tout de suite, là où elle s’est arrêtée.',
  'history.why.lacks': 'le bot n’a pas la permission {{permission}} dans #{{channel}} ; donnez {{permission}} à son rôle (Paramètres du serveur → Rôles, ou Permissions du salon)',
  'history.why.noAccess': 'Discord a refusé l’accès au salon (Missing Access) ; donnez au rôle du bot Voir le salon et Voir les anciens messages dans ce salon',
  'history.why.noPermission': 'Discord a refusé : il manque une permission au bot dans le salon (Missing Permissions) ; vérifiez Voir le salon et Voir les anciens messages de son rôle',
  'history.why.unavailable': 'Discord est indisponible (HTTP {{status}})',
  'history.why.refused': 'Discord a refusé la requête (HTTP {{status}} : {{detail}})',
  'history.why.unreachable': 'Discord est injoignable ({{detail}}) ; vérifiez le réseau',
  'history.why.other': '{{detail}}',
  'permission.viewChannel': 'Voir le salon',
  'permission.readMessageHistory': 'Voir les anciens messages',
  'backfill.allMessages': 'tous les messages',
  'backfill.upTo': { one: 'jusqu’à {{count}} message', other: 'jusqu’à {{count}} messages' },
  'backfill.anyAge': 'quel que soit leur âge',
  'backfill.lastHours': 'dernières {{hours}} h',
  'backfill.log.started': 'Récupération de l’historique lancée ({{limit}}, {{period}}).',
  'backfill.log.auto': 'Récupération de l’historique lancée par les paramètres (historique : {{limit}}, {{period}}).',
  'backfill.log.cancelled': {
    one: 'Récupération de l’historique annulée après {{count}} message.',
    other: 'Récupération de l’historique annulée après {{count}} messages.',
  },
  'backfill.log.stopped': {
    one: 'Récupération de l’historique arrêtée après {{count}} message : {{detail}}.',
    other: 'Récupération de l’historique arrêtée après {{count}} messages : {{detail}}.',
  },
  'backfill.log.done': 'Récupération de l’historique terminée : {{fetched}} messages lus, {{stored}} nouveaux.',
  'backfill.log.saveFailed': 'Impossible d’enregistrer l’avancement de la récupération de l’historique : {{detail}}.',

  'command.busy': '{{reason}} Réessayez quand elle sera terminée.',
  'command.updateRunning': 'Une mise à jour est en cours.',
  'command.notSavedFromEnv': {
    one: 'Non enregistré : {{sources}} définit cette valeur ; changez-la là.',
    other: 'Non enregistré : {{sources}} définissent ces valeurs ; changez-les là.',
  },
  'command.settingsFileInvalid':
    'Non enregistré : {{path}} a été modifié à la main et n’est pas valide ({{reason}}) ; enregistrer l’écraserait. Corrigez cette valeur dans le fichier (ou annulez votre modification), puis enregistrez à nouveau.',
  'command.settingsClosed': 'Non enregistré : l’application s’arrête. Relancez-la, puis enregistrez.',
  'command.shuttingDown': 'L’application s’arrête : plus rien n’est fait jusqu’à son prochain démarrage.',
  'command.settingsUnwritable': 'Non enregistré : {{why}} ({{dir}}). {{fix}}, puis enregistrez à nouveau.',
  'command.settingsUnwritableRestart': 'Non enregistré : {{why}} ({{dir}}). {{fix}}, puis redémarrez l’application.',
  'command.settingsKeptForToken': 'Non enregistré : le token du bot n’a pas encore pu être sorti de settings.json, et enregistrer le perdrait. Corrigez la cause indiquée dans l’avis, relancez l’application, puis enregistrez.',
  'command.testNeedsAll': 'Saisissez un token de bot, un ID de serveur et un ID de salon avant de tester la connexion.',
  'command.testNeedsToken':
    'Saisissez le token du bot pour tester avec {{url}} : le token enregistré n’est envoyé qu’à l’URL d’API enregistrée ({{savedUrl}}).',
  'command.urlWithEnvToken': 'Non enregistré : le token du bot est défini par {{variable}}, définissez donc aussi l’URL de l’API là-bas (DISCORD_API_URL).',
  'command.tokenAgainForUrl':
    'Non enregistré : saisissez de nouveau le token du bot pour changer l’URL de l’API en {{url}}. Le token enregistré n’est envoyé qu’à l’URL d’API avec laquelle il a été enregistré ({{savedUrl}}).',
  'command.updateAlreadyRunning': 'Une mise à jour est déjà en cours.',
  'command.updateStartingUp': 'Une mise à jour est déjà en cours : la nouvelle version démarre. Réessayez une fois qu’elle sera prête.',
  'command.updateChanged':
    'La branche a changé depuis l’affichage de cette mise à jour. Vérifiez de nouveau et relisez les nouveaux commits avant de mettre à jour.',
  'command.updateRestartsItself': 'Une mise à jour est en cours ; elle redémarre l’application elle-même une fois terminée.',
  'command.internal': '{{command}} a échoué de façon inattendue ; voir le journal pour les détails.',
  'command.startOnLoginDesktopOnly':
    'Le démarrage à l’ouverture de session est une fonction de l’application de bureau. En mode headless, démarrez-la avec votre gestionnaire de services (systemd, supervisor ou pm2).',
  'update.boot.watching':
    'Démarrage de la nouvelle version {{to}} (démarrage {{boot}} ; elle est annulée si {{max}} démarrages de suite n’aboutissent pas à un état opérationnel).',
  'update.boot.elsewhere': 'Une mise à jour est en cours dans le processus {{pid}}.',
  'update.boot.interrupted': 'Une mise à jour a été interrompue pendant {{step}} (l’application s’est arrêtée).',
  'update.boot.interruptedNoStep': 'Une mise à jour a été interrompue avant sa première étape (l’application s’est arrêtée).',
  'update.boot.notHealthy': 'La nouvelle version {{to}} n’est pas devenue opérationnelle en {{boots}} démarrages consécutifs.',
  'update.boot.switchedBack': 'Elle était déjà passée à la nouvelle version, qui n’a jamais pris le relais : retour à {{commit}}, redémarrage sur celle-ci.',
  'update.boot.notMoved': 'Le dossier de l’application n’avait pas encore été modifié ; il reste à {{commit}}.',
  'update.boot.rebuilt': 'Le dossier de l’application est revenu à {{commit}} et a été reconstruit.',
  'update.boot.backNoRebuild':
    'Le dossier de l’application est revenu à {{commit}}, le commit de la version qui tourne (il n’avait jamais été modifié, rien n’a donc été reconstruit).',
  'update.boot.recovered': '{{reason}} {{state}}',
  'update.boot.rolledBack': '{{reason}} Retour à {{from}}.',
  'update.boot.recoveryFailed':
    '{{reason}} La récupération a échoué : {{detail}} Pour récupérer à la main : cd {{dir}} && git reset --hard {{commit}}, puis réinstallez et reconstruisez',
  'update.boot.editsReapplied': 'Vos modifications locales, mises de côté par la dernière mise à jour, ont été remises (l’app s’était arrêtée avant de pouvoir le faire).',
  'update.boot.setAside': 'Des modifications trouvées dans le dossier de l’application ont été mises de côté : {{command}}',
  'update.restore.changesBack': 'Modifications locales remises en place (depuis {{ref}}).',
  'update.restore.filesCopied':
    'Des fichiers suivis par {{commit}} et non suivis ici ont été copiés dans {{dir}} avant que la réinitialisation ne les remplace : {{files}}. Pour les récupérer plus tard : {{command}}',
  'update.restore.filesBack': 'Vos fichiers remplacés par la mise à jour sont de nouveau en place : {{files}}.',
  'update.restore.filesKept': 'Vos fichiers remplacés par la mise à jour sont conservés dans {{dir}} (non remis en place : {{files}}). Pour les récupérer : {{command}}',
  'update.boot.settingsRestored': 'Paramètres restaurés depuis {{file}}.',
  'keyring.none':
    'Aucun trousseau système (GNOME Keyring ou KWallet) n’a été trouvé, donc : {{warning}} Installez-en ou déverrouillez-en un et redémarrez pour le chiffrer.',
  'keyring.noAnswer': 'Le trousseau système n’a pas répondu après {{attempts}} essais (toujours verrouillé après la connexion ?), donc : {{warning}}',
  'keyring.noAnswerLog':
    'Le trousseau système n’a pas répondu après {{attempts}} essais (toujours verrouillé après la connexion ?) ; le token du bot est gardé dans le fichier non chiffré. Déverrouillez le trousseau et redémarrez Discord Monitor.',
  'keyring.noAnswerLogEncrypted':
    'Le trousseau système n’a pas répondu après {{attempts}} essais (toujours verrouillé après la connexion ?) ; le token du bot est gardé dans le fichier non chiffré, et le fichier chiffré ({{file}}) est illisible pour l’instant. Déverrouillez le trousseau et redémarrez Discord Monitor.',
  'keyring.decryptFailed':
    'Impossible de déchiffrer le token du bot dans {{file}} ({{detail}}) ; le trousseau est peut-être encore verrouillé. Déverrouillez-le et redémarrez Discord Monitor, ou saisissez à nouveau le token dans les paramètres.',
  'keyring.adopted': 'Le token du bot était stocké sans chiffrement ; il est maintenant chiffré avec le trousseau système.',
  'shell.startOnLoginFailed': 'Impossible de modifier « Lancer au démarrage de la session » : {{detail}}',
  'shell.openFailed': 'Impossible d’ouvrir {{path}} : {{detail}}',
  'archive.exportNoChannel': 'Aucun salon n’est encore configuré : indiquez l’ID du salon dans les paramètres, puis exportez.',
  'archive.exportInBrowser': 'Dans le navigateur, le bouton Exporter télécharge le fichier (GET /api/export) ; en ligne de commande, utilisez npm run export.',
  'archive.exported': { one: '{{count}} message exporté dans {{file}}.', other: '{{count}} messages exportés dans {{file}}.' },
  'archive.noChannel': 'aucun salon n’est encore configuré',
  'archive.backupFailed':
    'La sauvegarde des messages n’a pas pu être écrite dans {{dir}} : {{detail}}. Vérifiez que le dossier existe et qu’il est accessible en écriture (BACKUP_DIR ou paramètres).',
  'archive.backupWritten': { one: 'Sauvegarde écrite : {{file}} ({{count}} message).', other: 'Sauvegarde écrite : {{file}} ({{count}} messages).' },
  'archive.backupFolderOpen': 'Le dossier de sauvegarde {{dir}} est lisible par d’autres utilisateurs ; exécutez chmod 700 dessus (les sauvegardes contiennent tous les messages).',
  'archive.deleteNotEnabled':
    'Les actions dangereuses sont désactivées. Cochez « Activer les actions dangereuses » dans Archive → Supprimer tous les messages (ou définissez DANGEROUS_ACTIONS_ENABLED=True) pour supprimer tous les messages.',
  'archive.deleteNotConnected': 'Le bot n’est pas connecté. Démarrez d’abord la surveillance : la suppression passe par sa connexion à Discord.',
  'archive.deleteLacks':
    'Il manque au bot {{permissions}} dans #{{channel}}. Donnez {{permissions}} à son rôle (Paramètres du serveur → Rôles, ou les permissions du salon), puis vérifiez à nouveau.',
  'archive.deleteRunning': 'Des messages sont déjà en cours de suppression.',
  'archive.deleteNotConfirmed': 'Non confirmé : {{problems}}',
  // Two sentences in a row (the confirmation problems, folded)
  'archive.twoSentences': '{{first}} {{second}}',
  'archive.deleteConfirmPhrase': 'Tapez {{phrase}} exactement (en majuscules).',
  'archive.deleteConfirmChannel': 'Tapez le nom exact du salon : {{channel}}.',
  'archive.deleteConfirmBox': 'Cochez la case pour confirmer que les messages ne pourront pas être récupérés depuis Discord.',
  'archive.deleteNothingDeleted': 'Rien n’a été supprimé : {{detail}}',
  'archive.deleteStarting': 'Suppression des messages de #{{channel}} ({{guild}})…',
  'archive.deleteDone': 'Terminé : {{deleted}} supprimés ({{bulk}} en masse, {{single}} un par un), {{failed}} refusés par Discord, en {{seconds}} s.',
  'archive.deleteCancelled': 'Annulé : {{deleted}} supprimés ({{bulk}} en masse, {{single}} un par un), {{failed}} refusés par Discord avant l’arrêt.',
  'archive.deleteFailed': '{{error}} Jusqu’ici : {{deleted}} supprimés ({{bulk}} en masse, {{single}} un par un), {{failed}} refusés par Discord.',
  'archive.deleteLostAccess': 'Discord a refusé : le bot a perdu l’accès ou la permission Gérer les messages pendant la suppression. Vérifiez son rôle, puis recommencez.',
  'archive.deleteStopped': 'Suppression interrompue : {{detail}}',
};
