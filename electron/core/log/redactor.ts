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
    // Looking first allocates nothing: serialising every live message just to find no secret made garbage the GC paid for in bursts.
    if (this.secrets.size === 0 || !this.holdsSecret(value, 0)) return value;
    const json = JSON.stringify(value);
    if (json === undefined) return value;
    const clean = this.scrub(json);
    return clean === json ? value : (JSON.parse(clean) as T);
  }

  /** Whether a secret is in any string or key of `value`; past a depth, assumed yes (the full scrub decides). */
  private holdsSecret(value: unknown, depth: number): boolean {
    if (typeof value === 'string') {
      for (const secret of this.secrets) if (value.includes(secret)) return true;
      return false;
    }
    if (value === null || typeof value !== 'object') return false;
    if (depth > 32 || typeof (value as { toJSON?: unknown }).toJSON === 'function') return true;
    if (Array.isArray(value)) return value.some((x) => this.holdsSecret(x, depth + 1));
    for (const key in value) {
      if (this.holdsSecret(key, depth + 1) || this.holdsSecret((value as Record<string, unknown>)[key], depth + 1)) return true;
    }
    return false;
  }
}
