// What /proc says about a process the test started (or its children): its command line, '' once gone.
import { readFileSync } from 'node:fs';

export const cmdline = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};
