// GET /api/export: the headless panel's download of an export, streamed from the store. Allowed
// with `Authorization: Bearer <access token>` (scripts, curl) or a one-time ticket the panel got
// over its WebSocket (archive.downloadTicket); the access token never goes into a URL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { coreText, type CoreSentence } from '../../../shared/core-text.js';
import type { ExportRequest } from '../../core/archive/archive.js';
import { CommandError } from '../../core/errors.js';
import { SentenceError } from '../../core/sentence-error.js';
import { parseExportArgs } from '../export-args.js';
import { bearerToken, sameSecret } from './guards.js';
import type { RouteContext } from './routes.js';
import { contentLanguage, requestLanguage, sayIn, type AnswerLanguage } from './language.js';
import { SECURITY_HEADERS } from './security-headers.js';

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store', ...headers }).end(body);
}

/**
 * ?format=&after=&before=&tz=&author=&locale=&query=&media= → the CLI's checked arguments (same rules, same
 * messages); dates are UTC days unless tz= names a zone (the server's own zone means nothing to a script elsewhere).
 */
function requestFromQuery(query: URLSearchParams): ExportRequest {
  const argv: string[] = [];
  for (const name of ['format', 'after', 'before', 'tz', 'locale', 'query', 'media'] as const) {
    const v = query.get(name);
    // --name=value: a value starting with "-" ("-foo") is not taken for an option.
    if (v !== null) argv.push(`--${name}=${v}`);
  }
  for (const author of query.getAll('author')) argv.push(`--author=${author}`);
  const args = parseExportArgs(argv, 'UTC');
  // media=download: HTML and its media folder as one .zip (exportZipToStream).
  return { format: args.format, filter: args.filter, locale: args.locale, media: args.media };
}

/** What an error says in `language`: by key when it is one of the core's sentences, else its English. */
function errorIn(language: AnswerLanguage, err: unknown): string {
  const sentence: CoreSentence | null = err instanceof SentenceError ? err.sentence : err instanceof CommandError && err.i18n ? { text: err.message, i18n: err.i18n } : null;
  return sentence ? sayIn(language, sentence) : (err as Error).message;
}

export function handleExport(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
  // Its answers are pages a browser may show (a download link opened by hand): in its language.
  const language = requestLanguage(req);
  if (req.method !== 'GET') return text(res, 405, sayIn(language, coreText('http.useGet')), { Allow: 'GET', ...contentLanguage(language) });
  const answer = (status: number, body: string) => text(res, status, body, contentLanguage(language));
  let request: ExportRequest | null = null;
  const ticket = query.get('ticket');
  if (ticket !== null) request = ctx.core.archive.tickets.redeem(ticket);
  else if (ctx.accessToken === null || sameSecret(bearerToken(req) ?? '', ctx.accessToken)) {
    try {
      request = requestFromQuery(query);
    } catch (err) {
      // The command line's messages name its --options; here they are query parameters.
      return answer(400, sayIn(language, coreText('http.exportQuery', { problem: errorIn(language, err).replace(/--/g, '') })));
    }
  }
  if (!request) {
    ctx.refusals.refused('token', req.socket.remoteAddress);
    return answer(401, sayIn(language, coreText(ticket === null ? 'http.exportTokenRefused' : 'http.ticketUsed')));
  }
  const checked = request;
  ctx.core.archive
    .check(checked)
    .then(
      // The check waits for the search index: a client gone meanwhile gets no export (its first write failed, logged as an error).
      () => (res.destroyed ? undefined : streamExport(ctx, res, checked)),
      (err: unknown) => answer(400, errorIn(language, err)),
    )
    .catch((err: Error) => {
      ctx.core.log.logger.error(`Export download failed: ${err.message}`);
      res.destroy(err);
    });
}

/** The checked export as the response's body: HTML with media downloaded comes as a .zip of the page and its folder. */
function streamExport(ctx: RouteContext, res: ServerResponse, request: ExportRequest): void {
  const { name, contentType, page } = ctx.core.archive.describeDownload(request);
  const stop = new AbortController();
  res.on('close', () => stop.abort());
  res.on('error', () => stop.abort());
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  });
  // A zip's first byte waits for the media: the browser shows the download starting meanwhile.
  if (page) res.flushHeaders();
  const exported = page ? ctx.core.archive.exportZipToStream(res, request, page, stop.signal) : ctx.core.archive.exportToStream(res, request, stop.signal);
  exported.then(
    () => res.end(),
    (err: Error) => {
      if (!stop.signal.aborted) ctx.core.log.logger.error(`Export download failed: ${err.message}`);
      res.destroy(err);
    },
  );
}
