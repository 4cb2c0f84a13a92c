// Runs Doyensec's electronegativity over the Electron code and fails on any finding above LOW,
// except the checks below, reviewed by hand (they flag every use of an API, not a misuse).
// Offline, the tool exits 1 after writing its report (it fetches translations and Electron
// releases; electronegativity-offline.cjs makes those requests fail at once), so the report file, not
// the exit code, is the result.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REVIEWED = {
  // electron/preload.ts exposes only named methods built from the contract (contextBridge); no ipcRenderer.
  PRELOAD_JS_CHECK: 'reviewed: contextBridge exposes named methods only',
  // electron/shell/security.ts opens only URLs whose protocol parses as https:, from a denied window.open.
  OPEN_EXTERNAL_JS_CHECK: 'reviewed: https: URLs only',
};

/**
 * The tool writes its sample and description fields without escaping the quotes inside them, so the
 * report is not parseable CSV. Each finding starts a line with the check's name and four quoted,
 * quote-free fields (severity, confidence, file, location): read exactly those.
 */
const FINDING = /^([A-Z][A-Z0-9_]+),"([A-Z]+)","([A-Z]+)","([^"\n]*)","([^"\n]*)"/gm;
function readFindings(text) {
  return [...text.matchAll(FINDING)].map(([, issue, severity, , file, at]) => ({ issue, severity, file, at }));
}

const require = createRequire(import.meta.url);
const electron = require('electron/package.json').version;
const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const csv = join(out, 'report.csv');
try {
  const tool = require.resolve('@doyensec/electronegativity/dist/index.js');
  // Once more if no report came: one CI run in many had none while a rerun of the same tree passed in 3 s.
  let run;
  for (let attempt = 1; attempt <= 2 && !existsSync(csv); attempt++) {
    run = spawnSync(process.execPath, ['--require', fileURLToPath(new URL('./electronegativity-offline.cjs', import.meta.url)), tool, '-i', 'electron', '-r', '-e', electron, '-v', 'false', '-o', csv], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000, encoding: 'utf8' });
  }
  if (!existsSync(csv)) {
    const why = run?.error ? run.error.message : `exit ${run?.status ?? '?'}${run?.signal ? `, ${run.signal}` : ''}`;
    console.error(`electronegativity: no report was written (the scan itself failed twice: ${why})\n${(run?.stderr ?? '').split('\n').slice(-15).join('\n')}`);
    process.exit(1);
  }
  const text = readFileSync(csv, 'utf8');
  const findings = readFindings(text);
  // Every line that names a check must have been read, or a finding could hide in a malformed row.
  const named = text.split('\n').filter((line) => /^[A-Z][A-Z0-9_]+_CHECK,/.test(line)).length;
  if (named !== findings.length) {
    console.error(`electronegativity: read ${findings.length} of ${named} findings in the report; the report format changed`);
    process.exit(1);
  }
  const blocking = findings.filter((f) => !['LOW', 'INFORMATIONAL'].includes(f.severity) && !REVIEWED[f.issue]);
  for (const f of findings) console.log(`electronegativity: ${f.severity} ${f.issue} electron/${f.file}:${f.at}${REVIEWED[f.issue] ? ` (${REVIEWED[f.issue]})` : ''}`);
  if (blocking.length) {
    console.error(`electronegativity: ${blocking.length} finding(s) above LOW — fix them, or review them in scripts/electronegativity.mjs`);
    process.exit(1);
  }
  console.log(`electronegativity: ${findings.length} finding(s), none above LOW left unreviewed (Electron ${electron})`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
