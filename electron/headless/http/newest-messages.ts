// The newest new messages (their panel JSON), kept current with edits and deletions: what a panel that
// was behind is sent with its "N skipped" notice, so a reader following the present sees them at once.

export class NewestMessages {
  private items: Array<{ id: string; json: string }> = [];

  constructor(private readonly max: number) {}

  added(id: string, json: string): void {
    this.items.push({ id, json });
    // A hundred entries: shifting is cheaper than keeping ring indices right.
    if (this.items.length > this.max) this.items.shift();
  }

  /** An edit (reactions, embeds…) of a kept message replaces its JSON. */
  changed(id: string, json: string): void {
    const item = this.find(id);
    if (item) item.json = json;
  }

  /** A deletion is shown as the panel shows it: the message stays, marked deleted. */
  deleted(id: string): void {
    const item = this.find(id);
    if (item) item.json = JSON.stringify({ ...(JSON.parse(item.json) as object), deleted: true });
  }

  /** The JSON of the newest `n` (at most `max`), oldest first. */
  newest(n: number): string[] {
    return n > 0 ? this.items.slice(-n).map((i) => i.json) : [];
  }

  clear(): void {
    this.items = [];
  }

  private find(id: string): { id: string; json: string } | undefined {
    return this.items.findLast((i) => i.id === id);
  }
}
