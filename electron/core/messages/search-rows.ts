// A search plan's rows. With emoji, the index narrows only where rows hold their emoji words: at and
// above the redo's marker (emoji-redo.ts), but for the rows queued for a redo (edited since; indexed by
// an older version) and those not indexed yet. Below the marker and for those rows the plan runs
// without the emoji words (`bare`) and the text decides, as before the words existed: the results are
// the same at every point of the redo, and once it is done a single indexed query remains.
import type Database from 'better-sqlite3';
import { emojiCoverage } from './emoji-redo.js';
import { sortKey } from './history-query.js';
import { joined, type SearchPlan } from './search-plan.js';
import { withSearchFunctions } from './search-words.js';

/** A row: its sort key (the zero-padded snowflake) and what the caller asked for. */
interface Row {
  k: string;
  v: string;
}

type Range = [lo: bigint, hi: bigint, limit: number];

/**
 * The plan's rows of a channel within [low, high) (snowflakes; the plan's own dates narrow it further),
 * newest or oldest first, at most `limit` (-1: all). `column` is what each row gives: its JSON or its id.
 */
export function planRows(db: Database.Database, plan: SearchPlan, channelId: string, order: 'ASC' | 'DESC', column: 'json' | 'id') {
  if (plan.where.some((c) => c.includes('search_has('))) withSearchFunctions(db);
  const where = plan.where.length ? ` AND ${joined('AND', plan.where)}` : '';
  const select = (match: string) => {
    const stmt = match
      ? db.prepare(
          `SELECT m.sort_key AS k, m.${column} AS v FROM messages_fts f JOIN messages m ON m.id = CAST(f.rowid AS TEXT)
           WHERE messages_fts MATCH ? AND f.rowid >= CAST(? AS INTEGER) AND f.rowid < CAST(? AS INTEGER) AND m.channel_id = ?${where}
           ORDER BY f.rowid ${order} LIMIT ?`,
        )
      : db.prepare(`SELECT m.sort_key AS k, m.${column} AS v FROM messages m WHERE m.channel_id = ? AND m.sort_key >= ? AND m.sort_key < ?${where} ORDER BY m.sort_key ${order} LIMIT ?`);
    return ([lo, hi, limit]: Range): Row[] => {
      const range = match ? [match, lo.toString(), hi.toString(), channelId] : [channelId, sortKey(lo.toString()), sortKey(hi.toString())];
      return stmt.all(...range, ...plan.args, limit) as Row[];
    };
  };
  const indexed = select(plan.match);
  const clamp = (low: bigint, high: bigint): [bigint, bigint] => [low > plan.low ? low : plan.low, high < plan.high ? high : plan.high];
  if (plan.match === plan.bare) {
    return (low: bigint, high: bigint, limit = -1): string[] => {
      const [lo, hi] = clamp(low, high);
      if (!plan.possible || lo >= hi) return [];
      return indexed([lo, hi, limit]).map((r) => r.v);
    };
  }
  const bare = select(plan.bare);
  const lacking = lackingWords(db, plan, channelId, order, column, where);
  const read = db.transaction(([lo, hi, limit]: Range): string[] => {
    const { below, queued } = emojiCoverage(db);
    // [lo, mid): not redone yet; [mid, hi): redone, but for the rows lacking their words.
    const mid = below < lo ? lo : below > hi ? hi : below;
    const redone = (): Row[] => (mid < hi ? merged([indexed([mid, hi, limit]), lacking([mid, hi, limit], queued)], order) : []);
    const older = (): Row[] => (lo < mid ? bare([lo, mid, limit]) : []);
    const enough = (rows: Row[]) => limit >= 0 && rows.length >= limit;
    let rows: Row[];
    if (order === 'DESC') {
      rows = redone();
      if (!enough(rows)) rows = rows.concat(older());
    } else {
      rows = older();
      if (!enough(rows)) rows = rows.concat(redone());
    }
    return (limit >= 0 ? rows.slice(0, limit) : rows).map((r) => r.v);
  });
  // One read transaction: the marker, the queue and the rows are of one moment, while the write thread redoes.
  return (low: bigint, high: bigint, limit = -1): string[] => {
    const [lo, hi] = clamp(low, high);
    if (!plan.possible || lo >= hi) return [];
    return read([lo, hi, limit]);
  };
}

/** Two runs of rows in `order` as one, each row once (a queued row may have been redone already). */
function merged([a, b]: [Row[], Row[]], order: 'ASC' | 'DESC'): Row[] {
  if (!b.length) return a;
  const seen = new Map<string, Row>();
  for (const r of [...a, ...b]) seen.set(r.k, r);
  return [...seen.values()].sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0) * (order === 'ASC' ? 1 : -1));
}

/**
 * Rows in the redone range without their emoji words: those queued for a redo, read through the bare
 * index words; with no such words, also the rows the indexer has not reached (a search whose catch-up
 * met another program's lock), which today's row-by-row read found too.
 */
function lackingWords(db: Database.Database, plan: SearchPlan, channelId: string, order: 'ASC' | 'DESC', column: 'json' | 'id', where: string) {
  // Prepared at first use: a store this version never opened has no queue, and then no redone range.
  let prepared: Database.Statement | null = null;
  const statement = () => (prepared ??= plan.bare
    ? db.prepare(
        `SELECT m.sort_key AS k, m.${column} AS v FROM fts_emoji_pending p CROSS JOIN messages m ON m.id = CAST(p.id AS TEXT)
         WHERE p.id >= CAST(? AS INTEGER) AND p.id < CAST(? AS INTEGER) AND m.channel_id = ?
           AND EXISTS (SELECT 1 FROM messages_fts WHERE messages_fts MATCH ? AND rowid = p.id)${where}
         ORDER BY p.id ${order} LIMIT ?`,
      )
    : db.prepare(
        // CROSS JOIN: from these few rows; as an IN list SQLite read the whole channel's range instead (80 ms a million).
        `SELECT m.sort_key AS k, m.${column} AS v FROM (SELECT rowid AS r FROM messages WHERE rowid > (SELECT last_rowid FROM fts_progress WHERE id = 1)
             UNION SELECT q.rowid FROM fts_emoji_pending p JOIN messages q ON q.id = CAST(p.id AS TEXT) WHERE p.id >= CAST(? AS INTEGER) AND p.id < CAST(? AS INTEGER)) x
           CROSS JOIN messages m ON m.rowid = x.r
         WHERE m.channel_id = ? AND m.sort_key >= ? AND m.sort_key < ?${where}
         ORDER BY m.sort_key ${order} LIMIT ?`,
      ));
  return ([lo, hi, limit]: Range, queued: boolean): Row[] => {
    if (plan.bare && !queued) return [];
    const range = plan.bare ? [lo.toString(), hi.toString(), channelId, plan.bare] : [lo.toString(), hi.toString(), channelId, sortKey(lo.toString()), sortKey(hi.toString())];
    return statement().all(...range, ...plan.args, limit) as Row[];
  };
}
