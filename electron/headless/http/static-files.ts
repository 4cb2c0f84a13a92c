// The built panel: a public bundle (the same the desktop app ships), served read-only from one folder.
import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { coreText } from '../../../shared/core-text.js';
import { contentLanguage, sayIn, type AnswerLanguage } from './language.js';
import { SECURITY_HEADERS } from './security-headers.js';

const TYPES = new Map<string, string>([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.json', 'application/json'],
  ['.woff2', 'font/woff2'],
]);

/** The path of a request target ("/a/b?x" → "/a/b"), or null unless it is origin-form ("/…", not "//…"). */
export function targetPath(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  return target.split(/[?#]/, 1)[0]!;
}

/** Percent-decodes a path; null when malformed (bad escapes, invalid UTF-8, NUL). */
export function decodePath(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Serves `decoded` from `root`; unknown paths get index.html (the panel routes itself). */
export function serveStatic(res: ServerResponse, root: string, decoded: string, language: AnswerLanguage = 'en'): void {
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, rel || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(400, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Bad path.');
    return;
  }
  if (!isFile(file)) file = join(root, 'index.html');
  if (!isFile(file)) {
    res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...contentLanguage(language) }).end(sayIn(language, coreText('http.notBuilt')));
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES.get(extname(file)) ?? 'application/octet-stream' });
  // pipeline carries a read error (file removed meanwhile) to the response instead of throwing.
  pipeline(createReadStream(file), res, () => undefined);
}
