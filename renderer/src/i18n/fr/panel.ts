// The panel around the messages: bot state and actions, durations and sizes, log, footer, notices, language picker (French).
import type { Strings } from '../en';
import type { panelEn } from '../en/panel';

export const panelFr: Strings<typeof panelEn> = {
  app: { title: 'Discord Monitor', toolbar: 'Commandes du bot' },
  state: {
    'not-configured': 'Non configuré',
    ready: 'Prêt',
    connecting: 'Connexion',
    connected: 'Connecté',
    error: 'Erreur',
  },
  statusSentence: {
    'not-configured': 'Non configuré : ajoutez le token du bot, l’ID du serveur et l’ID du salon dans les paramètres.',
    ready: 'Prêt à démarrer la surveillance.',
    connecting: 'Connexion à Discord…',
    connected: 'Connecté à #{{channel}} sur {{guild}}',
    error: 'Le bot s’est arrêté à cause d’une erreur.',
  },
  status: {
    since: 'depuis {{duration}}',
    attempt: 'Tentative {{attempt}}',
    nextRetry: 'prochain essai dans {{duration}}',
    link: 'Comment corriger',
    loading: 'Vérification du bot…',
  },
  duration: {
    seconds_one: '{{count}} s',
    seconds_other: '{{count}} s',
    minutes_one: '{{count}} min',
    minutes_other: '{{count}} min',
    hours_one: '{{count}} h',
    hours_other: '{{count}} h',
    days_one: '{{count}} jour',
    days_other: '{{count}} jours',
  },
  size: { B: 'o', KB: 'Ko', MB: 'Mo', GB: 'Go' },
  actions: {
    configure: 'Configurer',
    start: 'Démarrer la surveillance',
    connecting: 'Connexion…',
    stop: 'Arrêter la surveillance',
    retry: 'Réessayer',
    openSettings: 'Ouvrir les paramètres',
    settings: 'Paramètres',
    failed: 'Action impossible : {{message}}',
  },
  language: { label: 'Langue', en: 'English', fr: 'Français' },
  log: {
    title: 'Journal des événements',
    expand: 'Tout afficher',
    collapse: 'Réduire',
    empty: 'Rien dans le journal pour l’instant.',
    level: { debug: 'debug', info: 'info', warn: 'alerte', error: 'erreur' },
  },
  footer: {
    received_one: '{{count, number}} message reçu pendant cette session',
    received_other: '{{count, number}} messages reçus pendant cette session',
    version: 'v{{version}}',
    mode: { electron: 'Application de bureau', headless: 'Sans interface (navigateur)' },
  },
  durationPrecise: {
    seconds: '{{value}} s',
    minutes: '{{minutes}} min',
    minutesSeconds: '{{minutes}} min {{seconds}} s',
  },
  notices: {
    dismiss: 'Ignorer',
    dismissFailed: 'Impossible d’ignorer cet avis : {{message}}',
    'settings-moved-aside':
      'Votre fichier de réglages était illisible ({{reason}}). Il a été déplacé vers {{path}} et les réglages par défaut sont utilisés : saisissez à nouveau vos réglages, ou réparez ce fichier et remettez-le à sa place sous le nom settings.json.',
  },
};
