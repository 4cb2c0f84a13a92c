// The panel's access token from DISCORD_MONITOR_ACCESS_TOKEN. An empty value (`Environment=…=` in a
// unit, a compose file passing an unset variable) replaced the generated token, and an empty Bearer
// header then matched it: the whole panel, exports included, open on 0.0.0.0 (outside review).

/** Shorter tokens could be guessed: the generated one has 43 characters. */
export const MIN_ACCESS_TOKEN_CHARS = 16;

/** A setting the app cannot start with: the process exits 2, which the systemd unit does not restart. */
export class ConfigurationError extends Error {
  readonly exitCode = 2;
}

export type EnvAccessToken = { token: string } | { token: null; ignoredEmpty: boolean };

/** The token the environment sets; null when unset or blank (the stored, generated token is used). Throws when too short. */
export function accessTokenFromEnv(value: string | undefined): EnvAccessToken {
  if (value === undefined) return { token: null, ignoredEmpty: false };
  if (value.trim() === '') return { token: null, ignoredEmpty: true };
  if (value.length < MIN_ACCESS_TOKEN_CHARS) {
    throw new ConfigurationError(
      `DISCORD_MONITOR_ACCESS_TOKEN has ${value.length} characters: anyone could guess it. Use at least ${MIN_ACCESS_TOKEN_CHARS} (e.g. the output of \`openssl rand -hex 16\`), or leave it unset and the panel uses a generated one.`,
    );
  }
  return { token: value };
}
