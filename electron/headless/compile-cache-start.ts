// Imported by the headless entry before any heavy module (compile-cache.ts says why); main.ts flushes
// and logs the outcome once the app is up.
import { enableCompileCache, type CompileCacheState } from './compile-cache.js';

export { flushCompileCache } from './compile-cache.js';
export { pruneCompileCache } from './compile-cache-prune.js';

export const compileCache: CompileCacheState = enableCompileCache(process.argv.slice(2), process.env);
