// GET /api/export with a ticket for HTML with media downloaded: the browser gets one .zip holding the
// page and its `<name>_files/` folder as the desktop writes them, built in a temp folder that is gone
// afterwards, also when the client leaves mid-download.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nextEvent, waitState } from '../helpers/world.js';
import { ACCESS, startTestPanel, type TestPanel } from './panel-fixture.js';

let tempRoot: string;

beforeAll(() => {
  tempRoot = mkdtempSync(join(tmpdir(), 'dm-zip-root-'));
});
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

/** A panel whose core builds its downloads in this test's folder (os.tmpdir()'s TMPDIR), its bot connected. */
async function connectedPanel(env: NodeJS.ProcessEnv = {}): Promise<TestPanel> {
  const t = await startTestPanel({}, { TMPDIR: tempRoot, ...env });
  await t.core.settings.save({ guildId: t.world.guildId, channelId: t.world.channelId, token: 'test.bot-token.0123456789-abcdefghij' });
  const up = waitState(t.core, 'connected', 15_000);
  void t.core.monitor.start();
  await up;
  return t;
}

async function post(t: TestPanel, content: string, extra: Omit<Parameters<TestPanel['world']['fake']['postMessage']>[1], 'authorId' | 'content'> = {}): Promise<void> {
  const seen = nextEvent(t.core, 'message.created', (m) => m.content === content);
  t.world.fake.postMessage(t.world.channelId, { authorId: t.world.userId, content, ...extra });
  await seen;
}

async function ticket(t: TestPanel): Promise<string> {
  const reply = await t.core.dispatch('archive.downloadTicket', { format: 'html', media: 'download' });
  if (!reply.ok) throw new Error(reply.error.message);
  return `http://127.0.0.1:${t.panel.port}${reply.value.path}`;
}

describe('GET /api/export: HTML with media downloaded', { timeout: 30_000 }, () => {
  it('is one .zip of the page and its folder; every picture is a relative path to a file in it; no temp folder is left', async () => {
    const t = await connectedPanel();
    try {
      const cdn = t.world.fake.cdnUrl;
      await post(t, 'look <:blobwave:112233445566778899>', {
        attachments: [{ filename: 'cat.png', size: 2048, contentType: 'image/png', width: 64, height: 48 }],
        extra: { embeds: [{ type: 'rich', title: 'Rack', image: { url: `${cdn}/icons/demo/rack.png`, width: 64, height: 64 } }] },
      });
      const res = await fetch(await ticket(t));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const disposition = res.headers.get('content-disposition') ?? '';
      const name = /^attachment; filename="(general-\d{4}-\d{2}-\d{2})\.zip"/.exec(disposition)?.[1];
      expect(name, disposition).toBeDefined();
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const html = strFromU8(files[`${name}.html`]!);
      expect(html).toContain('look');
      const sources = [...html.matchAll(/\bsrc="([^"]*)"|url\(&quot;(.*?)&quot;\)/g)].map((x) => x[1] ?? x[2]!);
      // the emoji, the attachment, the embed's image
      expect(sources.length).toBe(3);
      for (const s of sources) {
        expect(s.startsWith(`${name}_files/`), s).toBe(true);
        expect(files[decodeURIComponent(s)]?.subarray(1, 4), s).toEqual(new TextEncoder().encode('PNG'));
      }
      expect(html).not.toContain('/attachments/');
      expect(Object.keys(files).every((f) => f === `${name}.html` || f.startsWith(`${name}_files/`))).toBe(true);
      expect(readdirSync(tempRoot)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('a script with the access token asks for it with media=download (and gets links without it, or a clear 400 for another value)', async () => {
    const t = await connectedPanel();
    try {
      await post(t, 'scripted', { attachments: [{ filename: 'cat.png', size: 2048, contentType: 'image/png', width: 64, height: 48 }] });
      const base = `http://127.0.0.1:${t.panel.port}/api/export?format=html`;
      const headers = { authorization: `Bearer ${ACCESS}` };
      const zipped = await fetch(`${base}&media=download`, { headers });
      expect(zipped.headers.get('content-type')).toBe('application/zip');
      const files = unzipSync(new Uint8Array(await zipped.arrayBuffer()));
      expect(Object.keys(files).filter((f) => f.endsWith('cat.png'))).toHaveLength(1);
      const linked = await fetch(base, { headers });
      expect(linked.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await linked.text()).toContain('/attachments/');
      const refused = await fetch(`${base}&media=inline`, { headers });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toMatch(/media/);
      expect(readdirSync(tempRoot)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('an expired attachment link is fetched anew through the running bot first, as the desktop export does', async () => {
    const t = await connectedPanel();
    try {
      t.world.fake.expireAttachmentsAfter(0);
      await post(t, 'old picture', { attachments: [{ filename: 'old.png', size: 2048, contentType: 'image/png', width: 64, height: 48 }] });
      t.world.fake.expireAttachmentsAfter(86_400_000);
      const res = await fetch(await ticket(t));
      expect(res.headers.get('content-type')).toBe('application/zip');
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      expect(Object.keys(files).filter((f) => f.endsWith('old.png'))).toHaveLength(1);
      const html = strFromU8(Object.entries(files).find(([f]) => f.endsWith('.html'))![1]);
      expect(html).not.toContain('/attachments/');
      expect(readdirSync(tempRoot)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('a client gone mid-download leaves no temp folder', async () => {
    // The CDN as a host that never answers: the export is held while it downloads its media.
    const held: ServerResponse[] = [];
    const asked = vi.fn();
    const slow: Server = createServer((_req, res) => {
      held.push(res);
      asked();
    });
    slow.listen(0, '127.0.0.1');
    await once(slow, 'listening');
    const cdn = `http://127.0.0.1:${(slow.address() as { port: number }).port}`;
    const t = await connectedPanel({ DISCORD_CDN_URL: cdn });
    try {
      await post(t, 'slow picture', { extra: { embeds: [{ type: 'rich', title: 'Slow', image: { url: `${cdn}/icons/slow.png`, width: 64, height: 64 } }] } });
      const zipped = vi.spyOn(t.core.archive, 'exportZipToStream');
      const stop = new AbortController();
      const download = fetch(await ticket(t), { signal: stop.signal }).then((r) => r.arrayBuffer()).catch(() => null);
      await vi.waitFor(() => expect(asked).toHaveBeenCalled(), { timeout: 10_000 });
      expect(readdirSync(tempRoot).length).toBe(1);
      stop.abort();
      expect(await download).toBeNull();
      // Settles once the export has stopped and its temp folder is removed (the held picture is never answered).
      expect(zipped).toHaveBeenCalledTimes(1);
      await Promise.allSettled(zipped.mock.results.map((r) => r.value as Promise<unknown>));
      expect(readdirSync(tempRoot)).toEqual([]);
    } finally {
      await t.close();
      for (const res of held) res.destroy();
      slow.closeAllConnections();
      slow.close();
    }
  });
});
