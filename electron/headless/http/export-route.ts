// GET /api/export: the headless panel's download of an export, streamed from the store. Allowed
// with `Authorization: Bearer <access token>` (scripts, curl) or a one-time ticket the panel got
// over its WebSocket (archive.downloadTicket); the access token never goes into a URL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { coreText } from '../../../shared/core-text.js';
import type { ExportRequest } from '../../core/archive/archive.js';
import { parseExportArgs } from '../export-args.js';
import { bearerToken, sameSecret } from './guards.js';
import type { RouteContext } from './routes.js';
import { contentLanguage, requestLanguage, sayIn } from './language.js';
import { SECURITY_HEADERS } from './security-headers.js';

const REFUSED = 'Wrong or missing access token: send Authorization: Bearer <access token>, or use the Export button of the panel.';

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store', ...headers }).end(body);
}

/**
 * ?format=&after=&before=&tz=&author=&locale=&query= → the CLI's checked arguments (same rules, same
 * messages); dates are UTC days unless tz= names a zone (the server's own zone means nothing to a script elsewhere).
 */
function requestFromQuery(query: URLSearchParams): ExportRequest {
  const argv: string[] = [];
  for (const name of ['format', 'after', 'before', 'tz', 'locale', 'query'] as const) {
    const v = query.get(name);
    // --name=value: a value starting with "-" ("-foo") is not taken for an option.
    if (v !== null) argv.push(`--${name}=${v}`);
  }
  for (const author of query.getAll('author')) argv.push(`--author=${author}`);
  const args = parseExportArgs(argv, 'UTC');
  return { format: args.format, filter: args.filter, locale: args.locale, media: 'link' };
}

export function handleExport(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
  if (req.method !== 'GET') return text(res, 405, 'Use GET.', { Allow: 'GET' });
  let request: ExportRequest | null = null;
  const ticket = query.get('ticket');
  if (ticket !== null) request = ctx.core.archive.tickets.redeem(ticket);
  else if (ctx.accessToken === null || sameSecret(bearerToken(req) ?? '', ctx.accessToken)) {
    try {
      request = requestFromQuery(query);
    } catch (err) {
      return text(res, 400, `${(err as Error).message.replace(/--/g, '')} (query parameters: format, after, before, tz, author, query, locale).`);
    }
  }
  if (!request) {
    ctx.refusals.refused('token', req.socket.remoteAddress);
    if (ticket === null) return text(res, 401, REFUSED);
    const language = requestLanguage(req);
    return text(res, 401, sayIn(language, coreText('http.ticketUsed')), contentLanguage(language));
  }
  try {
    ctx.core.archive.check(request);
  } catch (err) {
    return text(res, 400, `${(err as Error).message}`);
  }
  const { name, contentType } = ctx.core.archive.describe(request);
  const stop = new AbortController();
  res.on('close', () => stop.abort());
  res.on('error', () => stop.abort());
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  });
  ctx.core.archive.exportToStream(res, request, stop.signal).then(
    () => res.end(),
    (err: Error) => {
      if (!stop.signal.aborted) ctx.core.log.logger.error(`Export download failed: ${err.message}`);
      res.destroy(err);
    },
  );
}
