// The panel around the messages: bot state and actions, durations and sizes, log, footer, notices, language picker (English).
export const panelEn = {
  app: { title: 'Discord Monitor', toolbar: 'Bot controls' },
  state: {
    'not-configured': 'Not configured',
    ready: 'Ready',
    connecting: 'Connecting',
    connected: 'Connected',
    error: 'Error',
  },
  // Used when the server's English sentence cannot be shown as is (other languages, empty sentence).
  statusSentence: {
    'not-configured': 'Not configured: add the bot token, server ID and channel ID in Settings.',
    ready: 'Ready to start monitoring.',
    connecting: 'Connecting to Discord…',
    connected: 'Connected to #{{channel}} on {{guild}}',
    error: 'The bot stopped because of an error.',
  },
  status: {
    since: 'for {{duration}}',
    attempt: 'Retry attempt {{attempt}}',
    nextRetry: 'next try in {{duration}}',
    link: 'How to fix it',
    loading: 'Checking the bot…',
  },
  duration: {
    seconds_one: '{{count}} s',
    seconds_other: '{{count}} s',
    minutes_one: '{{count}} min',
    minutes_other: '{{count}} min',
    hours_one: '{{count}} h',
    hours_other: '{{count}} h',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
  },
  size: { B: 'B', KB: 'KB', MB: 'MB', GB: 'GB' },
  actions: {
    configure: 'Configure',
    start: 'Start monitoring',
    connecting: 'Connecting…',
    stop: 'Stop monitoring',
    retry: 'Retry',
    openSettings: 'Open settings',
    settings: 'Settings',
    failed: 'Could not do that: {{message}}',
  },
  language: { label: 'Language', en: 'English', fr: 'Français' },
  log: {
    title: 'Event log',
    expand: 'Show all',
    collapse: 'Show less',
    empty: 'Nothing logged yet.',
    level: { debug: 'debug', info: 'info', warn: 'warn', error: 'error' },
  },
  footer: {
    received_one: '{{count, number}} message received this session',
    received_other: '{{count, number}} messages received this session',
    version: 'v{{version}}',
    mode: { electron: 'Desktop app', headless: 'Headless (browser)' },
  },
  durationPrecise: {
    seconds: '{{value}} s',
    minutes: '{{minutes}} min',
    minutesSeconds: '{{minutes}} min {{seconds}} s',
  },
  notices: {
    dismiss: 'Dismiss',
    dismissFailed: 'Could not dismiss this notice: {{message}}',
    'settings-moved-aside':
      'Your settings file could not be read ({{reason}}). It was moved to {{path}} and default settings are in use: re-enter your settings in Settings, or repair that file and put it back as settings.json.',
  },
};
