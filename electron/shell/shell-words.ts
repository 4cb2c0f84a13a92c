// The desktop shell's own words (tray, native dialogs, notifications), English and French. Plain data:
// shell-text.ts picks the language.
import type { PanelLanguage } from '../../shared/types.js';

export type ShellLanguage = PanelLanguage;

export const en = {
  showPanel: 'Show panel',
  startMonitoring: 'Start monitoring',
  stopMonitoring: 'Stop monitoring',
  startOnLogin: 'Start on login',
  openLogFolder: 'Open log folder',
  quit: 'Quit',
  closeTitle: 'Discord Monitor is still running',
  closeBody: 'Closing the window keeps monitoring in the background. Use the tray icon to open the panel again or to quit.',
  checkUpdates: 'Check for updates',
  checking: 'Checking for updates…',
  updating: 'Updating…',
  updatesDisabled: 'Updates disabled',
  updateNowCount: 'Update now ({{count}})',
  updateNow: 'Update now',
  cancel: 'Cancel',
  updateTitle: 'Discord Monitor update',
  installOne: 'Install {{count}} update?',
  installMany: 'Install {{count}} updates?',
  planCode: 'Update the code',
  planDeps: 'Reinstall dependencies (lockfile changed)',
  planNoDeps: 'No dependency change',
  planBuild: 'Rebuild and self-test',
  planRestartVia: 'Restart via {{description}}',
  planRestartNeeded: 'Restart needed afterwards',
  estimate: 'About {{seconds}} s.',
  estimateDefault: 'About {{seconds}} s (default estimate).',
  // The panel's words for the same confirmation (renderer i18n update.confirm.*), kept identical by a test.
  localChangesOne: 'This local change will be set aside and kept in git stash (git stash list shows it):',
  localChangesMany: 'These {{count}} local changes will be set aside and kept in git stash (git stash list shows them):',
  localCommitsOne: '{{count}} local commit will be moved to branch {{branch}}:',
  localCommitsMany: '{{count}} local commits will be moved to branch {{branch}}:',
  andMore: '… and {{count}} more',
  updateRefused: 'Update refused',
  updated: 'Discord Monitor updated',
  rolledBack: 'Update rolled back',
  restarting: 'Discord Monitor is restarting',
  installed: 'Update installed',
  failed: 'Update failed',
};
export type ShellKey = keyof typeof en;

const fr: Record<ShellKey, string> = {
  showPanel: 'Afficher le panneau',
  startMonitoring: 'Démarrer la surveillance',
  stopMonitoring: 'Arrêter la surveillance',
  startOnLogin: 'Lancer au démarrage de la session',
  openLogFolder: 'Ouvrir le dossier des journaux',
  quit: 'Quitter',
  closeTitle: 'Discord Monitor fonctionne toujours',
  closeBody: 'Fermer la fenêtre laisse la surveillance continuer en arrière-plan. Utilisez l’icône de la barre des tâches pour rouvrir le panneau ou pour quitter.',
  checkUpdates: 'Rechercher des mises à jour',
  checking: 'Recherche de mises à jour…',
  updating: 'Mise à jour en cours…',
  updatesDisabled: 'Mises à jour désactivées',
  updateNowCount: 'Mettre à jour ({{count}})',
  updateNow: 'Mettre à jour',
  cancel: 'Annuler',
  updateTitle: 'Mise à jour de Discord Monitor',
  installOne: 'Installer {{count}} mise à jour ?',
  installMany: 'Installer {{count}} mises à jour ?',
  planCode: 'Mettre à jour le code',
  planDeps: 'Réinstaller les dépendances (lockfile modifié)',
  planNoDeps: 'Dépendances inchangées',
  planBuild: 'Reconstruire et vérifier',
  planRestartVia: 'Redémarrer via {{description}}',
  planRestartNeeded: 'Redémarrage nécessaire ensuite',
  estimate: 'Environ {{seconds}} s.',
  estimateDefault: 'Environ {{seconds}} s (estimation par défaut).',
  localChangesOne: 'Cette modification locale sera mise de côté et conservée dans git stash (visible avec git stash list) :',
  localChangesMany: 'Ces {{count}} modifications locales seront mises de côté et conservées dans git stash (visibles avec git stash list) :',
  localCommitsOne: '{{count}} commit local sera déplacé vers la branche {{branch}} :',
  localCommitsMany: '{{count}} commits locaux seront déplacés vers la branche {{branch}} :',
  andMore: '… et {{count}} de plus',
  updateRefused: 'Mise à jour refusée',
  updated: 'Discord Monitor a été mis à jour',
  rolledBack: 'Mise à jour annulée',
  restarting: 'Discord Monitor redémarre',
  installed: 'Mise à jour installée',
  failed: 'Échec de la mise à jour',
};

/** One of the shell's own phrases, `{{name}}` filled from `params`. */
export function shellWords(key: ShellKey, params: Record<string, string | number>, language: ShellLanguage): string {
  const template = (language === 'fr' ? fr : en)[key];
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}
