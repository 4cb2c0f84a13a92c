// Imported before discord.js by the headless entry. When it loads, @discordjs/rest runs
// `globalThis.FormData ??= undici.FormData`: reading Node's global FormData makes Node load its own
// bundled undici (fetch, WebSocket), which nothing here uses at idle: +4 MiB RSS (bench/idle-memory).
// Assigning the global first (an assignment does not load it; Object.defineProperty would) with the
// FormData of the undici copy @discordjs/rest requires leaves it nothing to read; its multipart
// requests go through that same copy. Node's fetch (media downloads) still loads its own when used.
import { createRequire } from 'node:module';

const discord = createRequire(import.meta.url).resolve('discord.js');
const rest = createRequire(createRequire(discord).resolve('@discordjs/rest'));
globalThis.FormData = (rest('undici') as { FormData: typeof FormData }).FormData;
