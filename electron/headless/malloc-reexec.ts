// Imported first by the headless entry: replaces this process, once, by the same command with malloc's
// settings in its environment (malloc-tuning.ts says why), before anything else has run.
import { mallocTunedEnv } from './malloc-tuning.js';

// process.execve exists from Node 22.15 / 23.11; older ones run untuned.
const tuned = mallocTunedEnv(process.env, process.platform, typeof process.execve === 'function', process.channel !== undefined);
if (tuned) process.execve!(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], tuned);
