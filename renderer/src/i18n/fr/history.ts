// History: search, jump to a date, statistics and the backfill of older messages (French).
import type { Strings } from '../en';
import type { historyEn } from '../en/history';

export const historyFr: Strings<typeof historyEn> = {
  history: {
    title: 'Historique',
    open: 'Historique : recherche, aller à une date, statistiques, récupération',
    close: 'Fermer l’historique',
    jumpToPresent: 'Revenir au présent',
    tabs: { search: 'Recherche', jump: 'Aller à une date', stats: 'Statistiques', backfill: 'Récupération' },
    search: {
      label: 'Rechercher dans les messages enregistrés',
      placeholder: 'mots "une phrase" from:alice has:image after:2026-01-01',
      submit: 'Rechercher',
      hint: 'Filtres : from:, mentions:, has:link|embed|file|image, before:, after:, during: (dates au format AAAA-MM-JJ). Les plus récents d’abord ; cliquez sur un résultat pour le voir dans son contexte.',
      shown_one: '{{count}} résultat ({{ms}} ms)',
      shown_other: '{{count}} résultats ({{ms}} ms)',
      none: 'Aucun message enregistré ne correspond.',
      more: 'Résultats plus anciens',
      problems: {
        needsValue: '{{value}} demande une valeur',
        badHas: 'has:{{value}} n’est pas un filtre — utilisez has:link, has:embed, has:file ou has:image',
        badDate: '{{value}} n’est pas une date — écrivez-la au format AAAA-MM-JJ',
        nobody: 'Personne nommé « {{value}} » n’a écrit dans ce salon.',
      },
    },
    jump: {
      date: 'Date',
      time: 'Heure (facultatif)',
      go: 'Y aller',
      hint: 'Affiche les messages enregistrés autour du premier message publié à ce moment ou après. Les messages plus anciens peuvent nécessiter une récupération.',
    },
    stats: {
      period: 'Période',
      periods: { d7: '7 derniers jours', d30: '30 derniers jours', d365: '12 derniers mois', all: 'Tout ce qui est enregistré' },
      total_one: '{{n}} message',
      total_other: '{{n}} messages',
      perDay: 'Messages par jour',
      loadingChart: 'Chargement du graphique…',
      hours: 'Heures les plus actives',
      hourTitle: '{{hour}} h — {{count}} messages',
      authors: 'Auteurs les plus actifs',
      attachments_one: '{{count}} pièce jointe, {{size}}',
      attachments_other: '{{count}} pièces jointes, {{size}}',
    },
    backfill: {
      intro: 'Par défaut, seuls les messages récents sont conservés. Une récupération lit l’historique plus ancien du salon auprès de Discord, en arrière-plan et au rythme autorisé par Discord ; elle reprend après un redémarrage.',
      limit: 'Au plus',
      period: 'Depuis',
      all: 'tous les messages',
      periods: { '24': 'les dernières 24 heures', '168': 'les 7 derniers jours', '720': 'les 30 derniers jours', all: 'toujours' },
      start: 'Lancer la récupération',
      cancel: 'Annuler la récupération',
      stopRetrying: 'Arrêter les essais',
      progress: 'Progression de la récupération',
      eta: 'environ {{time}} restantes',
      reached: 'Messages atteints : {{date}}',
      state: {
        idle: 'Messages récents uniquement.',
        running: 'Lecture de l’historique : {{fetched}} sur environ {{expected}} messages ({{stored}} nouveaux)',
        paused: 'En pause à {{fetched}} messages : reprend quand le bot est connecté.',
        done: 'Terminé : {{fetched}} messages lus, {{stored}} nouveaux.',
        cancelled: 'Annulée après {{fetched}} messages ({{stored}} nouveaux).',
        failed: 'Arrêtée après {{fetched}} messages.',
      },
    },
  },
};
