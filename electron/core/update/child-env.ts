// The environment of the commands an update runs: git, npm (whose install scripts run code fetched
// from the network), the new version's build and self-test, the service manager's restart command.
// The app's secrets are left out: a documented way to give the bot token is DISCORD_TOKEN, and a
// preinstall script of any dependency read it there (outside review). The new version itself, started
// as a standby or relaunched, still gets the whole environment: it is the app, and needs the token.

/** Variables that hold the app's secrets. */
export const SECRET_VARS: readonly string[] = ['DISCORD_TOKEN', 'DISCORD_MONITOR_ACCESS_TOKEN'];

/** `env` (this process's by default) without the app's secrets. */
export function withoutSecrets(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of SECRET_VARS) delete out[name];
  return out;
}
