// node:http through require, never an ESM import: an ESM import of a builtin evaluates all its exports,
// and node:http's lazy WebSocket/MessageEvent exports load Node's bundled undici, which nothing here
// uses: +6.5 MiB anon and +6 MiB of the node binary's pages at idle (test/build/idle-footprint).
import { createRequire } from 'node:module';

export const { createServer } = createRequire(import.meta.url)('node:http') as typeof import('node:http');
