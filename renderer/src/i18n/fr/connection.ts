// The browser panel's link to the core and its access-token page (French).
import type { Strings } from '../en';
import type { connectionEn } from '../en/connection';

export const connectionFr: Strings<typeof connectionEn> = {
  connection: {
    lost: 'Connexion perdue — reconnexion…',
    attempt: 'Tentative de reconnexion {{attempt}}/{{total}}…',
    reconnected: 'Reconnexion réussie ! Rechargement de la page…',
    failed: 'Impossible de se reconnecter à Discord Monitor. Est-il démarré ?',
    reload: 'Recharger',
  },
  accessToken: {
    title: "Ce panneau a besoin de son jeton d'accès",
    intro: "Discord Monitor fonctionne, mais cette page n'a pas de jeton d'accès ou en a un mauvais : elle ne peut ni afficher ni piloter le bot.",
    label: "Jeton d'accès",
    placeholder: "Collez le jeton ou l'adresse complète du panneau",
    submit: 'Se connecter',
    checking: 'Vérification…',
    whereTitle: 'Où le trouver',
    wherePrinted: '`npm run headless` affiche au démarrage l’adresse du panneau avec le jeton (« Discord Monitor panel: http://…/?token=… ») : ouvrez cette adresse, ou collez-la ici.',
    whereStored: 'Il est conservé dans le dossier de données : le fichier `access-token` (anciennes versions : `headlessAccessToken` dans `settings.json`), sauf si `DISCORD_MONITOR_ACCESS_TOKEN` le définit.',
    empty: "Collez d'abord le jeton d'accès.",
    wrong: "Ce n'est pas le jeton d'accès de ce panneau. Copiez-le à nouveau depuis l'adresse affichée au démarrage.",
    unreachable: "Discord Monitor est injoignable pour l'instant. Est-il démarré ? Réessayez quand il le sera.",
  },
};
