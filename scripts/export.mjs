// `npm run export`: runs the built exporter, building only when it is missing. It used to build every
// time: the build empties and rewrites .vite/, which a running app serves its panel from (19 of 300
// requests answered 503 during one export; outside review), and it cost 2 s per export.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const entry = join(root, '.vite', 'build', 'export.js');
if (!existsSync(entry)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
await import(pathToFileURL(entry).href);
