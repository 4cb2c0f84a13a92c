import Database from 'better-sqlite3';

/** The newest id another connection finds committed in `file` (what a restarted app starts from), or null. */
export function newestCommitted(file: string): bigint | null {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare('SELECT id FROM messages ORDER BY sort_key DESC LIMIT 1').get() as { id: string } | undefined;
    return row ? BigInt(row.id) : null;
  } finally {
    db.close();
  }
}
