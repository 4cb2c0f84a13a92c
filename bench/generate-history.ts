// Synthetic channel history for benchmarks: skewed vocabulary, links, mentions, images and files.
import type { MessageStore } from '../electron/core/messages/store.js';

export interface HistoryShape {
  channelId: string;
  count: number;
  startMs: number;
  spacingMs: number;
  vocab: string[];
  authors: number;
}

/** Inserts `count` messages in one INSERT…SELECT over a recursive CTE (1,000,000 in about a minute). */
export function generateHistory(store: MessageStore, o: HistoryShape): void {
  const db = store.database;
  // Low indices are far more frequent (a skewed vocabulary, as in real chat).
  const word = `json_extract(v.vocab, '$[' || ((abs(random()) % ${o.vocab.length}) * (abs(random()) % ${o.vocab.length}) / ${o.vocab.length}) || ']')`;
  db.exec(`
    INSERT INTO messages (id, channel_id, sort_key, json)
    SELECT id, '${o.channelId}', printf('%020d', id), json_object(
      'id', CAST(id AS TEXT), 'channelId', '${o.channelId}',
      'author', json_object('id', CAST(2000000000000000000 + a AS TEXT), 'username', 'user' || a, 'displayName', 'User ' || a, 'avatarUrl', NULL, 'bot', json('false')),
      'content', content || CASE WHEN n % 40 = 0 THEN ' https://example.org/p/' || n ELSE '' END || CASE WHEN n % 97 = 0 THEN ' <@' || CAST(2000000000000000000 + (n % ${o.authors}) AS TEXT) || '>' ELSE '' END,
      'createdAt', ms, 'editedAt', NULL, 'deleted', json('false'),
      'attachments', CASE WHEN n % 50 = 0 THEN json_array(json_object('id', CAST(id AS TEXT), 'name', 'shot' || n || '.png', 'url', 'https://cdn.example/' || n || '.png', 'size', 1000 + n % 5000, 'contentType', 'image/png', 'width', 640, 'height', 480))
                          WHEN n % 70 = 0 THEN json_array(json_object('id', CAST(id AS TEXT), 'name', 'log' || n || '.txt', 'url', 'https://cdn.example/' || n || '.txt', 'size', 200, 'contentType', 'text/plain', 'width', NULL, 'height', NULL))
                          ELSE json('[]') END,
      'caughtUp', json('false'))
    FROM (
      WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < ${o.count - 1})
      SELECT n, ${o.startMs} + n * ${o.spacingMs} AS ms, ((${o.startMs} + n * ${o.spacingMs} - 1420070400000) << 22) + (n % 4096) AS id,
        -- Deterministic (random() in a flattened subquery is evaluated once per use).
        (n * 7 + n / 13) % ${o.authors} AS a,
        ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} AS content
      FROM c, (SELECT '${JSON.stringify(o.vocab)}' AS vocab) v
    )`);
}
