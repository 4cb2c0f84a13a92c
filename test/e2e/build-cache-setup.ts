// Global setup of the e2e project: one scratch folder for the whole run where installed checkouts
// keep their build by commit (installed-checkout.ts), so a commit is built once per run, not once per
// checkout; removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBuildCache: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'dm-e2e-builds-'));
  project.provide('e2eBuildCache', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
