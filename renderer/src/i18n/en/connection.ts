// The browser panel's link to the core and its access-token page (English).
export const connectionEn = {
  connection: {
    lost: 'Connection lost — reconnecting…',
    attempt: 'Reconnection attempt {{attempt}}/{{total}}…',
    reconnected: 'Reconnected! Reloading the page…',
    failed: 'Could not reconnect to Discord Monitor. Is it running?',
    reload: 'Reload',
  },
  accessToken: {
    title: 'This panel needs its access token',
    intro: 'Discord Monitor is running, but this page has no access token or a wrong one, so it cannot show or control the bot.',
    label: 'Access token',
    placeholder: 'Paste the token or the whole panel address',
    submit: 'Connect',
    checking: 'Checking…',
    whereTitle: 'Where to find it',
    wherePrinted: '`npm run headless` prints the panel address with the token when it starts (“Discord Monitor panel: http://…/?token=…”): open that address, or paste it here.',
    whereStored: 'It is kept in the data folder: the `access-token` file (older versions: `headlessAccessToken` in `settings.json`), unless `DISCORD_MONITOR_ACCESS_TOKEN` sets it.',
    empty: 'Paste the access token first.',
    wrong: 'That is not this panel’s access token. Copy it again from the address printed at start.',
    unreachable: 'Discord Monitor is not reachable right now. Is it running? Try again once it is.',
  },
};
