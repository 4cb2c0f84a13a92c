import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/types';
import { FakeApi } from './fake-api';
import { makeMessage, makeSettings } from './fixtures';
import { emit, renderApp } from './render';

const view = (mentionsOwner = false): NonNullable<ChatMessage['view']> => ({
  type: 0,
  mentions: { users: [], roles: [], channels: [], everyone: false },
  embeds: [],
  stickers: [],
  reactions: [],
  emojis: [],
  mentionsOwner,
});

async function listWith(fake: FakeApi) {
  const app = renderApp(fake);
  const list = await screen.findByTestId('message-list');
  await within(list).findAllByTestId('message');
  const byId = (id: string) => list.querySelector<HTMLElement>(`[data-message-id="${id}"]`)!;
  return { ...app, list, byId };
}

describe('highlight keywords', () => {
  it('give a message the "mentions you" look in the live list and mark the keyword', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ highlightKeywords: ['deploy', 'on call'] });
    const hit = makeMessage({ content: 'the **DEPLOY** failed, who is on call?', view: view() });
    const inside = makeMessage({ content: 'redeployed it, oncall', view: view() });
    const owner = makeMessage({ content: 'hey you', view: view(true) });
    const code = makeMessage({ content: 'see `deploy.sh`', view: view() });
    fake.messages = [hit, inside, owner, code];
    const { byId } = await listWith(fake);

    expect(byId(hit.id).classList.contains('message--mentioned')).toBe(true);
    expect([...byId(hit.id).querySelectorAll('[data-testid="keyword"]')].map((m) => m.textContent)).toEqual(['DEPLOY', 'on call']);
    expect(byId(hit.id).querySelector('strong [data-testid="keyword"]')?.className).toBe('mention mention--keyword');
    expect(byId(inside.id).classList.contains('message--mentioned')).toBe(false);
    expect(byId(inside.id).querySelector('[data-testid="keyword"]')).toBeNull();
    // The owner's mention keeps its look. A keyword inside code flags the message and is marked there too.
    expect(byId(owner.id).classList.contains('message--mentioned')).toBe(true);
    expect(byId(code.id).classList.contains('message--mentioned')).toBe(true);
    expect(byId(code.id).querySelector('code [data-testid="keyword"]')?.textContent).toBe('deploy');
  });

  it('are marked whole in words with accents (the parser cuts its text runs before them)', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ highlightKeywords: ['réunion', 'deploy'] });
    const accents = makeMessage({ content: 'la réunion commence, prédeploy ok', view: view() });
    fake.messages = [accents];
    const { byId } = await listWith(fake);
    expect([...byId(accents.id).querySelectorAll('[data-testid="keyword"]')].map((m) => m.textContent)).toEqual(['réunion']);
  });

  it('are marked inside code blocks, plain and highlighted, as the flag found them there', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ highlightKeywords: ['deploy'] });
    const plain = makeMessage({ content: '```\nERROR deploy failed\n```', view: view() });
    const js = makeMessage({ content: '```js\nconst deploy = run("deploy");\n```', view: view() });
    const other = makeMessage({ content: '```\nredeploy later\n```', view: view() });
    fake.messages = [plain, js, other];
    const { byId } = await listWith(fake);
    expect(byId(plain.id).classList.contains('message--mentioned')).toBe(true);
    expect([...byId(plain.id).querySelectorAll('pre [data-testid="keyword"]')].map((m) => m.textContent)).toEqual(['deploy']);
    // Highlighted (hljs spans): still marked, and the code reads the same.
    await waitFor(() => expect(byId(js.id).querySelector('pre code.hljs')).not.toBeNull());
    expect(byId(js.id).querySelectorAll('pre [data-testid="keyword"]')).toHaveLength(2);
    expect(byId(js.id).querySelector('pre')?.textContent).toBe('const deploy = run("deploy");');
    expect(byId(other.id).classList.contains('message--mentioned')).toBe(false);
    expect(byId(other.id).querySelector('[data-testid="keyword"]')).toBeNull();
  });

  it('follow the settings as they change, without a reload', async () => {
    const fake = new FakeApi();
    const m = makeMessage({ content: 'backup done', view: view() });
    fake.messages = [m];
    const { byId } = await listWith(fake);
    expect(byId(m.id).classList.contains('message--mentioned')).toBe(false);
    await emit(fake, 'settings.changed', makeSettings({ highlightKeywords: ['Backup'] }));
    await waitFor(() => expect(byId(m.id).classList.contains('message--mentioned')).toBe(true));
    expect(byId(m.id).querySelector('[data-testid="keyword"]')?.textContent).toBe('backup');
    await emit(fake, 'settings.changed', makeSettings({ highlightKeywords: [] }));
    await waitFor(() => expect(byId(m.id).classList.contains('message--mentioned')).toBe(false));
    expect(byId(m.id).querySelector('[data-testid="keyword"]')).toBeNull();
  });

  it('are marked in search results, with the searched words', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ highlightKeywords: ['outage'] });
    const hit = makeMessage({ content: 'Outage: the disk backup failed', view: view() });
    const plain = makeMessage({ content: 'the backup worked', view: view() });
    fake.messages = [hit, plain];
    fake.searchResult = { messages: [hit, plain], terms: ['backup'], problems: [], nextBefore: null, tookMs: 1 };
    const { user } = await listWith(fake);
    await user.click(screen.getByTestId('history-button'));
    await user.type(await screen.findByTestId('history-search-input'), 'backup');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const [first, second] = await screen.findAllByTestId('search-result');
    expect(first!.classList.contains('message--mentioned')).toBe(true);
    expect(first!.querySelector('[data-testid="keyword"]')?.textContent).toBe('Outage');
    expect([...first!.querySelectorAll('mark:not([data-testid])')].map((m) => m.textContent)).toEqual(['backup']);
    expect(second!.classList.contains('message--mentioned')).toBe(false);
    expect(second!.querySelector('mark')?.textContent).toBe('backup');
  });
});
