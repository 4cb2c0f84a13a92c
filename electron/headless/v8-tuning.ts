// Imported first by the headless entry, before any other module runs. V8's defaults favour speed over
// memory: the young generation grows to 2 × 16 MiB while the app starts and stays that size, a sixth
// of the idle RSS. --optimize-for-size keeps it at ≈1 MiB and makes V8 return memory sooner (idle RSS
// −22 to −26 MiB, bench/idle-memory). DISCORD_MONITOR_V8_DEFAULTS=1 keeps V8's defaults (to compare).
import { setFlagsFromString } from 'node:v8';

export const V8_TUNING = '--optimize-for-size';

if (process.env.DISCORD_MONITOR_V8_DEFAULTS !== '1') setFlagsFromString(V8_TUNING);
