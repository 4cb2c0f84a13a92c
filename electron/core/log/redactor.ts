// Removes known secrets (the bot token, the panel's access token) from any text leaving the core.
export class Redactor {
  private secrets = new Set<string>();

  add(secret: string | null | undefined): void {
    // Short strings would redact ordinary words; real tokens are long.
    if (secret && secret.length >= 8) this.secrets.add(secret);
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
    return out;
  }

  /** Scrubs every string inside a JSON-serialisable value. */
  scrubValue<T>(value: T): T {
    if (this.secrets.size === 0) return value;
    const json = JSON.stringify(value);
    if (json === undefined) return value;
    const clean = this.scrub(json);
    return clean === json ? value : (JSON.parse(clean) as T);
  }
}
