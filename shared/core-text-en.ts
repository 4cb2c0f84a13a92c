// The English of every sentence the core shows the user, by key. The core formats these for the log and
// as the fallback; the panel's other languages translate the same keys (renderer/src/i18n/core-*.ts).
// Placeholders: {{name}}, {{name, datetime}} (epoch ms), {{name, duration}} (ms); numbers are formatted
// in the reader's locale, so ids, pids and codes are passed as strings.
export const coreEn = {
  // Bot statuses (electron/core/bot/status.ts)
  'status.notConfigured': 'Not configured — add the bot token, server ID and channel ID in Settings.',
  'status.ready': 'Ready — monitoring is stopped.',
  'status.connecting': 'Connecting to Discord…',
  'status.connectingAttempt': 'Connecting to Discord (attempt {{attempt}})…',
  'status.stillConnecting': 'Still connecting to Discord: no answer after {{seconds}} s. Retrying by itself; if this lasts, check this machine’s network connection (or Discord’s status page).',
  'status.resuming': 'Connection lost — resuming the session…',
  'status.waitConnect': 'Connecting to Discord in {{seconds}} s (Discord allows one new session every 5 s)…',
  'status.waitCrashLoop': { one: 'The app was started once in the last day after stopping without a clean shutdown (a crash?): connecting to Discord in {{seconds}} s, to spare the 1,000 sessions Discord allows a day. The log says why it stopped.', other: 'The app was started {{count}} times in the last day after stopping without a clean shutdown (a crash?): connecting to Discord in {{seconds}} s, to spare the 1,000 sessions Discord allows a day. The log says why it stopped.' },
  'status.waitNewSession': 'Starting a new session in {{seconds}} s (Discord allows one new session every 5 s)…',
  'status.newSession': 'Discord did not answer the session resume — starting a new session and fetching what was missed…',
  'status.connected': 'Connected to #{{channel}} on {{guild}} as {{bot}}.',
  'status.errorRetrying': '{{error}} Retrying in {{seconds}} s (attempt {{attempt}}).',
  'status.catchingUp': 'Catching up: {{fetched}} of about {{about}} messages…',

  // Bot errors (electron/core/bot/errors.ts): message, then hint
  'error.invalidToken': 'Discord rejected the bot token.',
  'error.invalidToken.hint': 'Copy a new token from the Developer Portal → your application → Bot → Reset Token, and paste it in Settings.',
  'error.missingIntent': 'The Message Content intent is not enabled for this bot.',
  'error.missingIntent.hint':
    'Enable it in the Developer Portal → your application → Bot → Privileged Gateway Intents → Message Content Intent, save, then retry.',
  'error.guildNotFound': 'The bot is not a member of the server {{guildId}}, or that ID is wrong.',
  'error.guildNotFound.hint': 'Check the Server ID (right-click the server → Copy Server ID) or invite the bot with the link.',
  'error.channelNotFound': 'Channel {{channelId}} was not found on {{guild}}, or the bot cannot see it.',
  'error.channelNotFound.hint':
    'Check the Channel ID (right-click the channel → Copy Channel ID) and give the bot View Channel and Read Message History there.',
  'error.channelNotText': '#{{channel}} is a {{kind}} channel, not a text channel.',
  'error.channelNotText.hint': 'Pick a text channel to monitor.',
  // Discord's channel types, as {{kind}} above
  'permission.manageMessages': 'Manage Messages',
  'list.two': '{{a}} and {{b}}',
  'list.three': '{{a}}, {{b}} and {{c}}',
  'channelKind.voice': 'voice',
  'channelKind.category': 'category',
  'channelKind.announcement': 'announcement',
  'channelKind.stagevoice': 'stage',
  'channelKind.forum': 'forum',
  'channelKind.media': 'media',
  'channelKind.directory': 'directory',
  'channelKind.thread': 'thread',
  'error.network': 'Discord could not be reached ({{detail}}).',
  'error.network.hint': "Check this machine's network connection. Retrying automatically (attempt {{attempt}}).",
  'error.sessionLimit': {
    one: 'Discord allows only {{count}} more new session for this bot token until {{resetsAt, datetime}}; monitoring was not started, so Discord does not reset the token.',
    other:
      'Discord allows only {{count}} more new sessions for this bot token until {{resetsAt, datetime}}; monitoring was not started, so Discord does not reset the token.',
  },
  'error.sessionLimit.hint':
    'Start monitoring again after that time (in {{wait, duration}}). Something is starting sessions far too often: check that only this app uses the token.',
  'error.sessionElsewhere': 'Another Discord Monitor using this data folder is already connected to Discord (process {{pid}}); this one did not connect, so the bot never has two sessions.',
  'error.sessionElsewhere.hint': 'Stop the other copy (the desktop app or the headless service), or give one of them its own data folder, then start monitoring here.',
  'error.resources': 'This machine ran out of open files or memory while connecting to Discord ({{detail}}).',
  'error.resources.hint': 'Another program, or a flood of connections to the panel, may be using them up. Retrying automatically (attempt {{attempt}}).',
  'error.unknown': 'Unexpected error: {{detail}}',
  'error.unknown.hint': 'See the log for details, then retry. If it persists, check the API URL in Settings → Advanced.',

  // Monitor and catch-up log lines (electron/core/bot/)
  'log.targetChanged': 'The bot token, server, channel or API address changed in the settings: reconnecting.',
  'log.crashLoop': { one: 'Started once in the last day after stopping without a clean shutdown: waiting {{seconds}} s before connecting to Discord (its 1,000 daily session starts would run out). Look earlier in this log for why the app stopped.', other: 'Started {{count}} times in the last day after stopping without a clean shutdown: waiting {{seconds}} s before connecting to Discord (its 1,000 daily session starts would run out). Look earlier in this log for why the app stopped.' },
  'log.stopped': 'Monitoring stopped; disconnected from Discord.',
  'log.stoppedBeforeConnecting': 'Monitoring stopped before connecting.',
  'log.failed': 'Monitoring failed unexpectedly: {{detail}}',
  'log.stopTimeout': 'Discord did not confirm the disconnection within {{seconds}} s; the connection was terminated.',
  'log.connecting': 'Connecting to Discord (attempt {{attempt}})…',
  'log.botError': '{{message}} {{hint}}',
  'log.monitoring': 'Monitoring #{{channel}} on {{guild}}.',
  'log.gatewayClosed': 'Discord closed the connection (code {{code}}).',
  'log.resuming': 'Connection to Discord lost — resuming the session…',
  'log.newSession': 'Discord started a new session; fetching messages posted meanwhile.',
  'log.resumed': 'Session resumed; events sent meanwhile are replayed.',
  'log.clientError': 'Discord client error: {{detail}}',
  'log.clientWarning': 'Discord: {{detail}}',
  'log.silent': 'Discord gateway silent for {{seconds}} s (no heartbeat acknowledged) — reconnecting.',
  'log.resumeUnanswered': 'Discord did not resume the session within {{seconds}} s; starting a new session and fetching the messages posted meanwhile.',
  'log.catchUpIncomplete': {
    one: 'Could not fetch every message posted while disconnected ({{count}} recovered): {{detail}}. Still monitoring live; the missing ones will be fetched as soon as Discord answers, nothing after the last message shown is skipped.',
    other:
      'Could not fetch every message posted while disconnected ({{count}} recovered): {{detail}}. Still monitoring live; the missing ones will be fetched as soon as Discord answers, nothing after the last message shown is skipped.',
  },
  'log.catchUpLacks': 'Could not fetch the messages posted while disconnected: {{reason}}. Still monitoring live; they are fetched once it has the permission.',
  'log.firstLoadLacks': "Could not load the channel's last messages: {{reason}}. Still monitoring live.",
  'log.caughtUp': { one: 'Caught up {{count}} message posted while disconnected.', other: 'Caught up {{count}} messages posted while disconnected.' },
  'log.loadedLast': { one: 'Loaded the last {{count}} message of the channel.', other: 'Loaded the last {{count}} messages of the channel.' },
  'log.holeFilled': {
    one: 'Fetched the {{count}} message that could not be fetched earlier; nothing is missing now.',
    other: 'Fetched the {{count}} messages that could not be fetched earlier; nothing is missing now.',
  },
  'log.reconcileFailed': 'Could not check recent messages for edits and deletions made while the app was offline: {{detail}}.',
  'log.reconciled':
    'While the app was offline, {{edited}} message(s) were edited and {{deleted}} deleted in this channel; the list now shows them as they are on Discord (checked the last {{checked}}).',
  // Update runs (electron/core/update/): a failed step's error and the run's closing sentence
  'update.commandFailed': '{{command}} exited with code {{code}} — see the log lines above',
  'update.commandTimedOut': '{{command}} did not finish within {{seconds}} s and was stopped',
  'update.commandMissing': '{{command}}: {{file}} was not found — is it installed and on PATH?',
  'update.failedRolledBack': 'Update failed at {{step}}: {{error}}. Rolled back to {{from}}; nothing changed.',
  'update.failedRolledBackBotRunning': 'Update failed at {{step}}: {{error}}. Rolled back to {{from}}; nothing changed. The bot is running again.',
  'update.failedRollbackFailed': 'Update failed at {{step}} ({{error}}) and the rollback failed too ({{rollbackError}}). To recover by hand: {{fix}}',
  'update.restartNeeded': 'Updated {{from}} → {{to}} — restart needed to load the new version.',
  'update.restartNeededBotFailed': 'Updated {{from}} → {{to}} — restart needed to load the new version. The bot did not start again: {{error}}',
  'update.restarting': 'Updated {{from}} → {{to}} — restarting ({{method}}).',
  'update.restartFailed': 'Updated {{from}} → {{to}}, but the restart failed ({{error}}) — restart the app by hand to load the new version.',
  // Boot recovery (electron/core/update/boot.ts, boot-decision.ts)
  'update.boot.watching': 'Starting the new version {{to}} (start {{boot}}; it is rolled back if {{max}} starts in a row do not become healthy).',
  'update.boot.elsewhere': 'An update is running in process {{pid}}.',
  'update.boot.interrupted': 'An update was interrupted during {{step}} (the app stopped).',
  'update.boot.interruptedNoStep': 'An update was interrupted before its first step (the app stopped).',
  'update.boot.notHealthy': 'The new version {{to}} did not become healthy on {{boots}} consecutive boots.',
  'update.boot.switchedBack': 'It had already switched to the new version, which never took over: back to {{commit}}, restarting into it.',
  'update.boot.notMoved': 'The checkout had not been changed yet; it stays at {{commit}}.',
  'update.boot.rebuilt': 'The checkout is back at {{commit}} and rebuilt.',
  'update.boot.backNoRebuild': 'The checkout is back at {{commit}}, the commit of the build that runs (it was never changed, so nothing was rebuilt).',
  'update.boot.recovered': '{{reason}} {{state}}',
  'update.boot.rolledBack': '{{reason}} Rolled back to {{from}}.',
  'update.boot.recoveryFailed': '{{reason}} Recovery failed: {{detail}} To recover by hand: cd {{dir}} && git reset --hard {{commit}}, then reinstall and rebuild',
  'update.boot.setAside': 'Changes found in the checkout were set aside: {{command}}',
  'update.restore.changesBack': 'Local changes put back (from {{ref}}).',
  'update.restore.filesCopied': 'Files {{commit}} tracks and git did not track here were copied to {{dir}} before the reset replaces them: {{files}}. To get them back later: {{command}}',
  'update.restore.filesBack': 'Your files the update had replaced are back in place: {{files}}.',
  'update.restore.filesKept': 'Your files the update had replaced are kept in {{dir}} (not put back: {{files}}). To get them back: {{command}}',
  'update.boot.settingsRestored': 'Settings restored from {{file}}.',
  // Settings, notices and the app (electron/core/settings, notices.ts, app-core.ts)
  'notice.settingsMovedAside':
    'Settings file was unreadable ({{reason}}); it was moved to {{path}} and defaults are in use. Re-enter your settings or repair that file.',
  'notice.settingsInvalid':
    'Settings file {{path}} was changed and is not valid ({{reason}}): the app keeps the settings it had and saving settings is refused. Correct that value in the file (or undo your edit); at the next start a file still invalid is moved aside and defaults are used.',
  'notice.settingsUpgraded': 'Settings upgraded from version {{from}} to {{to}}.',
  'notice.tokenNotMoved':
    'The bot token in {{path}} could not be moved to secure storage ({{reason}}): that file was kept unchanged and its token is in use. Saving settings is refused until a start moves it; fix the cause and restart the app.',
  'notice.messagesSetAside':
    'The message database was damaged ({{reason}}); it was set aside as {{path}} and a new one was started. Messages since the last one seen are fetched again; older ones are only in that file.',
  'notice.settingsUnwritable':
    'Settings cannot be saved in {{dir}}: {{why}}. The app runs with the settings it read; saving them is refused until then. {{fix}}, then restart the app.',
  'notice.messagesInMemory':
    'Messages cannot be saved in {{dir}}: {{why}}. Monitoring goes on: new messages are shown live and kept in memory only, and the ones saved before are not shown. {{fix}}, then restart the app: the messages posted meanwhile are fetched from Discord again.',
  // Said inside notice.messagesInMemory (open-message-store.ts)
  'storage.why.readOnly': 'the data folder is read-only',
  'storage.why.full': 'the disk is full',
  'storage.why.other': 'the database could not be opened ({{detail}})',
  'storage.fix.readOnly': 'Make the folder writable',
  'storage.fix.full': 'Free some space on its disk',
  'storage.fix.other': 'Check the disk and the folder’s permissions',
  // Why a settings file is refused, said inside notice.settingsMovedAside, notice.settingsInvalid and command.settingsFileInvalid (settings-problem.ts)
  'settings.why.notJson': 'it is not valid JSON',
  'settings.why.notJsonAt': 'it is not valid JSON (at character {{at}})',
  'settings.why.holds': 'it holds {{kind}}, not an object of settings',
  'settings.why.other': '{{detail}}',
  'settings.kind.list': 'a list',
  'settings.kind.null': 'null',
  'settings.kind.string': 'a string',
  'settings.kind.number': 'a number',
  'settings.kind.boolean': 'a boolean',
  'settings.rule.and': '{{first}}; {{rest}}',
  'settings.rule.text': '`{{key}}` must be text in quotes',
  'settings.rule.wholeNumber': '`{{key}}` must be a whole number',
  'settings.rule.boolean': '`{{key}}` must be true or false',
  'settings.rule.list': '`{{key}}` must be a list',
  'settings.rule.atLeast': '`{{key}}` must be at least {{minimum}}',
  'settings.rule.atMost': '`{{key}}` must be at most {{maximum}}',
  'settings.rule.empty': '`{{key}}` must not be empty',
  'settings.rule.maxChars': { one: '`{{key}}` must be at most {{count}} character long', other: '`{{key}}` must be at most {{count}} characters long' },
  'settings.rule.maxItems': { one: '`{{key}}` must hold at most {{count}} item', other: '`{{key}}` must hold at most {{count}} items' },
  'settings.rule.oneOf': '`{{key}}` must be one of {{values}}',
  'settings.rule.discordId': '`{{key}}` must be empty or a Discord ID (17 to 20 digits)',
  'settings.rule.url': '`{{key}}` must be an http(s) URL without user, query or fragment',
  'settings.rule.keyword': '`{{key}}` must not hold commas, control characters or line breaks',
  'settings.rule.other': '`{{key}}` holds a value that is not allowed',
  'notice.envIgnored': '{{variable}} ignored: {{detail}}.',
  'notice.noticesUnreadable': '{{file}} was unreadable ({{detail}}); it was started afresh.',
  'notice.noticesNotAList': '{{file}} did not hold a list of notices; it was started afresh.',
  'log.settingsSaved': 'Settings saved.',
  'log.fileUnwritable': 'Cannot write the log file {{file}} ({{detail}}): log lines are shown in the panel only until it can be written.',
  'log.lastSeenUnreadable': '{{file}} was unreadable ({{detail}}); messages posted while the app was stopped may be missing.',
  'log.tightened': 'Tightened permissions of {{path}} from {{from}} to {{to}}: it holds private data.',
  'log.startOnLoginEnabled': 'Start on login enabled.',
  'log.startOnLoginDisabled': 'Start on login disabled.',
  'log.tokenUnencrypted': 'The bot token is stored without encryption in {{file}} (readable only by your user account).',

  // Desktop keyring (electron/shell/secret-box.ts)
  'keyring.none': 'No system keyring (GNOME Keyring or KWallet) was found, so {{warning}} Install or unlock one and restart to encrypt it.',
  'keyring.noAnswer': 'The system keyring did not answer after {{attempts}} tries (still locked after login?), so {{warning}}',
  'keyring.noAnswerLog':
    'The system keyring did not answer after {{attempts}} tries (still locked after login?); the bot token is kept in the unencrypted file instead. Unlock the keyring and restart Discord Monitor.',
  'keyring.noAnswerLogEncrypted':
    'The system keyring did not answer after {{attempts}} tries (still locked after login?); the bot token is kept in the unencrypted file instead, and the encrypted one ({{file}}) cannot be read now. Unlock the keyring and restart Discord Monitor.',
  'keyring.decryptFailed':
    'Could not decrypt the bot token in {{file}} ({{detail}}); the keyring may still be locked. Unlock it and restart Discord Monitor, or enter the token again in Settings.',
  'keyring.adopted': 'The bot token was stored without encryption; it is now encrypted with the system keyring.',

  // Desktop shell log lines (electron/shell/tray.ts)
  'shell.startOnLoginFailed': 'Could not change "Start on login": {{detail}}',
  'shell.openFailed': 'Could not open {{path}}: {{detail}}',

  // Headless server (electron/headless)
  'log.keyringTokenUnreadable':
    'The bot token was encrypted by the desktop app with the system keyring (token.enc), which headless mode cannot read. Set DISCORD_TOKEN, or enter the token in the panel (headless stores it unencrypted).',
  'log.shuttingDown': 'Shutting down: disconnecting from Discord first.',
  'log.restartAfterRestore': 'The checkout was restored after a failed update; restarting into it.',
  'log.accessTokenEmpty': 'DISCORD_MONITOR_ACCESS_TOKEN is set but empty: it is ignored, and the panel asks for the generated access token.',
  'log.panelExposed': 'The panel is served on {{host}}: anyone who can reach it and has the access token controls the bot.',
  'log.panelListening': 'Panel listening on {{where}} ({{version}}, commit {{commit}}) — open the address printed at startup (it carries the access token).',
  'log.panelListeningNoToken': 'Panel listening on {{where}} ({{version}}, commit {{commit}}) — open the address printed at startup (no access token: --no-token).',
  'log.systemdNotifyFailed': "Could not tell systemd the service is ready ({{detail}}): install systemd's systemd-notify, or use Type=simple in the unit.",
  'log.tookOver': 'The new version took over from the previous one; the panel stays connected.',
  // The last update's banner (electron/core/update-view.ts)
  'lastUpdate.rolledBack': 'Update to {{to}} was rolled back ({{step}} failed): {{error}}. Still on {{from}}.',
  'lastUpdate.rolledBackNoStep': 'Update to {{to}} was rolled back: {{error}}. Still on {{from}}.',
  'lastUpdate.interrupted': 'An update to {{to}} was interrupted during {{step}}; the app was brought back to {{from}}.',
  'lastUpdate.interruptedNoStep': 'An update to {{to}} was interrupted; the app was brought back to {{from}}.',
  'lastUpdate.failed': 'Update to {{to}} failed: {{error}}.',
  'lastUpdate.seeLog': 'see the log',
  // Update service log lines (electron/core/update-service.ts)
  'update.fetchFailed':
    'Could not fetch {{ref}}: {{detail}}\nCheck the network connection and that this machine can read the repository (try: git fetch {{remote}}).',
  'update.gitFailed': 'git failed while checking for updates: {{detail}}',
  'update.log.checkFailed': 'Update check failed: {{detail}}',
  'update.log.intervalUnreadable': 'The update check interval could not be read ({{detail}}); checks stay every {{minutes}} minutes.',
  'update.log.available': { one: '{{count}} update available.', other: '{{count}} updates available.' },
  'update.log.started': 'Update started: {{from}} → {{to}}.',
  'update.log.restartFailed': 'Restart failed: {{detail}}',
  'update.log.botNotSettled': 'The bot did not finish connecting within {{seconds}} s of startup.',
  // Storage faults (electron/core/messages/storage-guard.ts)
  'storage.diskFull': 'Cannot save messages: the disk is full — still monitoring live. Free some space on the disk holding {{dir}}; saving resumes by itself.',
  'storage.readOnly': 'Cannot save messages: the data folder is read-only — still monitoring live. Make {{dir}} writable again; saving resumes by itself.',
  'storage.diskError':
    'Cannot save messages: the disk reported an error ({{detail}}) — still monitoring live. Check the disk holding {{dir}}; saving resumes by itself.',
  'storage.locked':
    'Cannot save messages: another program holds the message database in {{dir}} locked (DB Browser for SQLite with changes not written, a backup copying it, a new version of Discord Monitor starting?) — still monitoring live, new messages and changes are kept in memory. Close that program or write its changes; saving resumes by itself.',
  'storage.resumed': 'Saving messages again; everything received while saving was not possible is now saved.',
  'storage.resumedDropped': {
    one: 'Saving messages again, but {{count}} message received while saving was not possible could not be kept in memory and is not saved: it will be fetched again from Discord the next time monitoring starts.',
    other:
      'Saving messages again, but {{count}} messages received while saving was not possible could not be kept in memory and are not saved: they will be fetched again from Discord the next time monitoring starts.',
  },
  // History backfill (electron/core/history/backfill.ts)
  'backfill.paused': 'Continues when the bot is connected.',
  'backfill.failed':
    'History backfill stopped: {{reason}}. It tries again by itself at {{at, datetime}}; Start backfill in History → Backfill tries now, from where it stopped.',
  // Why reading the channel's history failed (backfill, catch-up): what happened and what to do.
  'history.why.lacks': "the bot lacks {{permission}} in #{{channel}}; give its role {{permission}} (Server Settings → Roles, or the channel's Permissions)",
  'history.why.noAccess': "Discord refused access to the channel (Missing Access); give the bot's role View Channel and Read Message History there",
  'history.why.noPermission': "Discord refused: the bot lacks a permission in the channel (Missing Permissions); check its role's View Channel and Read Message History",
  'history.why.unavailable': 'Discord is unavailable (HTTP {{status}})',
  'history.why.refused': 'Discord refused the request (HTTP {{status}}: {{detail}})',
  'history.why.unreachable': 'Discord could not be reached ({{detail}}); check the network',
  'history.why.other': '{{detail}}',
  'permission.viewChannel': 'View Channel',
  'permission.readMessageHistory': 'Read Message History',
  'backfill.allMessages': 'all messages',
  'backfill.upTo': { one: 'up to {{count}} message', other: 'up to {{count}} messages' },
  'backfill.anyAge': 'any age',
  'backfill.lastHours': 'last {{hours}} h',
  'backfill.log.started': 'History backfill started ({{limit}}, {{period}}).',
  'backfill.log.auto': 'History backfill started by the settings (history: {{limit}}, {{period}}).',
  'backfill.log.cancelled': { one: 'History backfill cancelled after {{count}} message.', other: 'History backfill cancelled after {{count}} messages.' },
  'backfill.log.stopped': {
    one: 'History backfill stopped after {{count}} message: {{detail}}.',
    other: 'History backfill stopped after {{count}} messages: {{detail}}.',
  },
  'backfill.log.done': 'History backfill done: {{fetched}} messages read, {{stored}} new.',
  'backfill.log.saveFailed': "Could not save the backfill's progress: {{detail}}.",
  // Archive: exports, backups and delete all (electron/core/archive/)
  'archive.exportNoChannel': 'No channel is configured yet: set the channel ID in Settings, then export.',
  'archive.exportInBrowser': 'In the browser, the Export button downloads the file (GET /api/export); the command line has npm run export.',
  'archive.exported': { one: 'Exported {{count}} message to {{file}}.', other: 'Exported {{count}} messages to {{file}}.' },
  'archive.noChannel': 'no channel is configured yet',
  'archive.backupFailed':
    'The message backup could not be written to {{dir}}: {{detail}}. Check that the folder exists and is writable (BACKUP_DIR or Settings).',
  'archive.backupWritten': { one: 'Backup written: {{file}} ({{count}} message).', other: 'Backup written: {{file}} ({{count}} messages).' },
  'archive.backupFolderOpen': 'The backup folder {{dir}} can be read by other users; run chmod 700 on it (backups hold every message).',
  'archive.deleteNotEnabled':
    'Dangerous actions are off. Tick “Enable dangerous actions” in Archive → Delete all messages (or set DANGEROUS_ACTIONS_ENABLED=True) to delete all messages.',
  'archive.deleteNotConnected': 'The bot is not connected. Start monitoring first: deleting goes through its connection to Discord.',
  'archive.deleteLacks': "The bot lacks {{permissions}} in #{{channel}}. Give its role {{permissions}} (Server Settings → Roles, or the channel's Permissions), then check again.",
  'archive.deleteRunning': 'Messages are being deleted already.',
  'archive.deleteNotConfirmed': 'Not confirmed: {{problems}}',
  // Two sentences in a row (the confirmation problems, folded)
  'archive.twoSentences': '{{first}} {{second}}',
  'archive.deleteConfirmPhrase': 'Type {{phrase}} exactly (capital letters).',
  'archive.deleteConfirmChannel': "Type the channel's exact name: {{channel}}.",
  'archive.deleteConfirmBox': 'Tick the box to confirm that the messages cannot be recovered from Discord.',
  'archive.deleteNothingDeleted': 'Nothing was deleted: {{detail}}',
  'archive.deleteStarting': 'Deleting the messages of #{{channel}} ({{guild}})…',
  'archive.deleteDone': 'Done: {{deleted}} deleted ({{bulk}} in bulk, {{single}} one by one), {{failed}} refused by Discord, in {{seconds}} s.',
  'archive.deleteCancelled': 'Cancelled: {{deleted}} deleted ({{bulk}} in bulk, {{single}} one by one), {{failed}} refused by Discord before stopping.',
  'archive.deleteFailed': '{{error}} So far: {{deleted}} deleted ({{bulk}} in bulk, {{single}} one by one), {{failed}} refused by Discord.',
  'archive.deleteLostAccess': 'Discord refused: the bot lost access or the Manage Messages permission while deleting. Check its role, then start again.',
  'archive.deleteStopped': 'Deleting stopped: {{detail}}',
  // Commands the core refuses (electron/core/dispatch.ts, app-core.ts, settings)
  'command.busy': '{{reason}} Try again when it has finished.',
  'command.updateRunning': 'An update is in progress.',
  'command.notSavedFromEnv': {
    one: 'Not saved: {{sources}} sets this value; change it there.',
    other: 'Not saved: {{sources}} set these values; change them there.',
  },
  'command.settingsFileInvalid':
    'Not saved: {{path}} was changed by hand and is not valid ({{reason}}); saving would overwrite it. Correct that value in the file (or undo your edit), then save again.',
  'command.settingsClosed': 'Not saved: the app is shutting down. Start it again, then save.',
  'command.shuttingDown': 'The app is shutting down: nothing more is done until it starts again.',
  'command.settingsUnwritable': 'Not saved: {{why}} ({{dir}}). {{fix}}, then save again.',
  'command.settingsUnwritableRestart': 'Not saved: {{why}} ({{dir}}). {{fix}}, then restart the app.',
  'command.settingsKeptForToken': 'Not saved: the bot token could not yet be moved out of settings.json, and saving would lose it. Fix the cause shown in the notice, restart the app, then save.',
  'command.testNeedsAll': 'Enter a bot token, a server ID and a channel ID before testing the connection.',
  'command.testNeedsToken': 'Enter the bot token to test against {{url}}: the saved token is only ever sent to the saved API URL ({{savedUrl}}).',
  'command.urlWithEnvToken': 'Not saved: the bot token is set by {{variable}}, so set the API URL there too (DISCORD_API_URL).',
  'command.tokenAgainForUrl':
    'Not saved: enter the bot token again to change the API URL to {{url}}. The saved token is only ever sent to the API URL it was saved with ({{savedUrl}}).',
  'command.updateAlreadyRunning': 'An update is already running.',
  'command.updateStartingUp': 'An update is already running: the new version is starting up. Try again once it is up.',
  'command.updateChanged': 'The branch has changed since this update was shown. Check again and review the new commits before updating.',
  'command.updateRestartsItself': 'An update is running; it restarts the app itself when done.',
  'command.internal': '{{command}} failed unexpectedly; see the log for details.',
  'command.startOnLoginDesktopOnly':
    'Start on login is a desktop app feature. In headless mode, start it with your service manager (systemd, supervisor or pm2).',
} as const;
