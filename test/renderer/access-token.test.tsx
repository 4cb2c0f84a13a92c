// The browser panel's access token (issue 7, item 11): out of the address bar after load, kept for
// reloads, and a wrong or missing token gets its own screen instead of the reconnect banner.
import './setup';
import { act, screen } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api';
import { connectApi } from '../../renderer/src/bridge';
import { adoptUrlToken, parsePastedToken, saveToken, storedToken } from '../../renderer/src/lib/access-token';
import { FakeApi } from './fake-api';
import { FakeTransport } from './fake-transport';
import { renderApp } from './render';

const TOKEN = 'k3J9_x-Qw8PzR2mVt6YbN1cLs4HdGf0A';

describe('token in the address bar', () => {
  afterEach(() => history.replaceState(null, '', '/'));

  it('moves ?token= into sessionStorage and out of the URL, keeping the rest of it', () => {
    history.replaceState(null, '', `/?lang=fr&token=${TOKEN}#log`);
    const before = history.length;
    expect(adoptUrlToken()).toBe(TOKEN);
    expect(location.search).toBe('?lang=fr');
    expect(location.hash).toBe('#log');
    expect(location.href).not.toContain(TOKEN);
    // Replaced, not pushed: Back does not lead to the URL with the token.
    expect(history.length).toBe(before);
    expect(storedToken()).toBe(TOKEN);
  });

  it('finds the token again after a reload, from sessionStorage', () => {
    history.replaceState(null, '', `/?token=${TOKEN}`);
    adoptUrlToken();
    expect(location.search).toBe('');
    expect(adoptUrlToken()).toBe(TOKEN);
  });

  it('a new ?token= replaces the stored one; an empty one is dropped without erasing it', () => {
    saveToken('old');
    history.replaceState(null, '', `/?token=${TOKEN}`);
    expect(adoptUrlToken()).toBe(TOKEN);
    history.replaceState(null, '', '/?token=');
    expect(adoptUrlToken()).toBe(TOKEN);
    expect(location.search).toBe('');
  });
});

describe('connectApi', () => {
  afterEach(() => {
    history.replaceState(null, '', '/');
    delete window.discordMonitor;
  });

  it('in a browser: takes the token out of the address bar before anything connects', () => {
    history.replaceState(null, '', `/?token=${TOKEN}`);
    const { transport } = connectApi();
    expect(transport).not.toBeNull();
    expect(location.href).not.toContain(TOKEN);
    expect(storedToken()).toBe(TOKEN);
  });

  it('on the desktop: the preload API as is, no socket, the address left alone', () => {
    const api = new FakeApi().api;
    window.discordMonitor = api;
    history.replaceState(null, '', '/?token=unused');
    expect(connectApi()).toEqual({ api, transport: null });
    expect(location.search).toBe('?token=unused');
    expect(storedToken()).toBe('');
  });
});

describe('parsePastedToken', () => {
  const tokenChars = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

  it('accepts the token alone, padded with whitespace, or the whole printed address (property)', () => {
    fc.assert(
      fc.property(tokenChars, fc.constantFrom('', ' ', '\n', '\t '), (token, pad) => {
        expect(parsePastedToken(`${pad}${token}${pad}`)).toBe(token);
        expect(parsePastedToken(`${pad}http://127.0.0.1:8787/?token=${encodeURIComponent(token)}${pad}`)).toBe(token);
        expect(parsePastedToken(`https://panel.example:443/x?a=1&token=${encodeURIComponent(token)}#y`)).toBe(token);
      }),
    );
  });

  it('never throws, and never returns surrounding whitespace (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = parsePastedToken(text);
        expect(out).toBe(out.trim());
      }),
    );
  });

  it('an address without a token gives nothing to try', () => {
    expect(parsePastedToken('http://127.0.0.1:8787/')).toBe('');
    expect(parsePastedToken('   ')).toBe('');
  });
});

describe('token screen', () => {
  function lockedApp(language: 'en' | 'fr' = 'en') {
    const transport = new FakeTransport();
    const reload = vi.fn();
    const view = renderApp(new FakeApi(), { transport, reload, language });
    transport.set('unauthorized');
    return { ...view, transport, reload };
  }

  it('says the panel needs its access token and where to find it, without the reconnect banner', () => {
    lockedApp();
    const screenEl = screen.getByTestId('access-token-screen');
    expect(screenEl.textContent).toContain('This panel needs its access token');
    expect(screenEl.textContent).toContain('npm run headless');
    expect(screenEl.textContent).toContain('settings.json');
    expect(screen.queryByTestId('connection-banner')).toBeNull();
    expect(document.body.textContent).not.toContain('reconnecting');
    expect(screen.queryByTestId('message-list')).toBeNull();
  });

  it('in French too', () => {
    lockedApp('fr');
    expect(screen.getByTestId('access-token-screen').textContent).toContain("Ce panneau a besoin de son jeton d'accès");
  });

  it('a wrong token says so and stays; the right one (even as the whole address) reloads connected', async () => {
    const { transport, reload, user } = lockedApp();
    transport.accept = TOKEN;
    const field = screen.getByLabelText('Access token');
    await user.type(field, 'wrong-token');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not this panel’s access token');
    expect(reload).not.toHaveBeenCalled();

    await user.clear(field);
    await user.click(field);
    await user.paste(`http://127.0.0.1:8787/?token=${TOKEN}`);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(transport.tried).toEqual(['wrong-token', TOKEN]);
  });

  it('an empty field asks for the token without asking the server', async () => {
    const { transport, user } = lockedApp();
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Paste the access token');
    expect(transport.tried).toEqual([]);
  });

  it('says when the server cannot be reached while checking', async () => {
    const { transport, user } = lockedApp();
    transport.unreachable = true;
    await user.type(screen.getByLabelText('Access token'), TOKEN);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not reachable');
  });

  it('a token refused during a reconnection replaces the banner with the screen and stops probing', async () => {
    vi.useFakeTimers();
    try {
      const transport = new FakeTransport();
      const fake = new FakeApi();
      fake.override('app.info', () => {
        throw new ApiError({ code: 'unavailable', message: 'Discord Monitor is not reachable. Is it running?' });
      });
      renderApp(fake, { transport });
      await act(() => vi.advanceTimersByTimeAsync(0));
      transport.set('closed');
      expect(screen.getByTestId('connection-banner')).toBeTruthy();
      await act(() => vi.advanceTimersByTimeAsync(2000));
      const probes = fake.argsOf('app.info').length;
      transport.set('unauthorized');
      expect(screen.getByTestId('access-token-screen')).toBeTruthy();
      expect(screen.queryByTestId('connection-banner')).toBeNull();
      // Only a new token can help: the reconnect schedule (up to ~70 s) is over.
      await act(() => vi.advanceTimersByTimeAsync(120_000));
      expect(fake.argsOf('app.info').length).toBe(probes);
      expect(screen.getByTestId('access-token-screen')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
