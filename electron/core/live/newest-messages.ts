// The newest new messages (their JSON), kept current with edits and deletions: what a panel that was
// behind or in a burst is sent with its "N skipped" notice, so a reader following the present sees them
// at once. Their defaults are cut only when a notice is made (most are never sent in a burst).
import { compactMessageJson } from '../../../shared/live-wire.js';

export class NewestMessages {
  private items: Array<{ id: string; json: string }> = [];

  constructor(private readonly max: number) {}

  added(id: string, json: string): void {
    this.items.push({ id, json });
    // Trimmed once it holds twice the max: one copy per `max` messages, not one shift per message.
    if (this.items.length >= 2 * this.max) this.items = this.items.slice(-this.max);
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

  /** The panel JSON of the newest `n` (at most `max`), oldest first. */
  newest(n: number): string[] {
    return n > 0 ? this.items.slice(-Math.min(n, this.max)).map((i) => compactMessageJson(i.json)) : [];
  }

  clear(): void {
    this.items = [];
  }

  private find(id: string): { id: string; json: string } | undefined {
    return this.items.findLast((i) => i.id === id);
  }
}
