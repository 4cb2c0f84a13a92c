// Entry of `npm run export` (built to .vite/build/export.js); the work is in export-cli.ts.
import './node-version.js';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appDirOf } from '../core/update/release-layout.js';
import { runExportCli } from './export-cli.js';

const appDir = appDirOf(dirname(fileURLToPath(import.meta.url)));
process.exitCode = await runExportCli(process.argv.slice(2), process.env, appDir, { stdout: (t) => process.stdout.write(t), stderr: process.stderr, cwd: process.cwd() });
