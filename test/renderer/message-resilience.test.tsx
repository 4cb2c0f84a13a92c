// One message must never blank the panel: a deeply nested Markdown text overflowed the stack, and a
// link-preview video whose page URL cannot be parsed threw in render; with no error boundary React
// removed the whole page, after a reload too. Now such a message is drawn (as text if need be), and a
// message whose drawing throws anyway is shown as its plain text while the others are drawn as usual.
import './setup';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MessageItem } from '../../renderer/src/components/messages/MessageItem';
import { FakeApi } from './fake-api';
import { makeMessage } from './fixtures';
import { convert } from './fixtures/discord-docs/convert';
import * as doc from './fixtures/discord-docs/payloads';
import { renderWithApi } from './render';

const baseView = () => convert(doc.EXAMPLE_MESSAGE)[0]!.view!;
const video = { url: 'https://media.discordapp.net/external/x/v.png', width: 320, height: 240 };

describe('a message that used to blank the panel', () => {
  it('"*" × 4,000 and "- " × 2,000 draw their text', () => {
    for (const content of [`${'*'.repeat(4000)}hello`, `${'- '.repeat(2000)}hello`]) {
      const { container, unmount } = renderWithApi(<MessageItem message={makeMessage({ content })} index={0} total={1} />, new FakeApi());
      expect(container.querySelector('[data-testid="message"]')?.textContent).toContain('hello');
      unmount();
    }
  });

  it('a provider video whose page URL does not parse plays from its player\'s page instead', () => {
    const message = makeMessage({
      content: 'look',
      view: { ...baseView(), embeds: [{ type: 'video', url: 'https://a.example:99999/', player: { url: 'https://player.example/v' }, thumbnail: video, color: null, fields: [], timestamp: null }] } as never,
    });
    const { container } = renderWithApi(<MessageItem message={message} index={0} total={1} />, new FakeApi());
    expect(container.querySelector('[data-testid="message"]')?.textContent).toContain('look');
    expect(container.querySelector('[data-testid="embed-play"]')?.getAttribute('href')).toBe('https://player.example/v');
  });

  it('a message whose drawing throws shows its text; the next one is drawn as usual', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A reaction list that is not a list: whatever part throws, the message is contained.
    const broken = makeMessage({ content: 'the broken one', view: { ...baseView(), reactions: 'not a list' } as never });
    const fine = makeMessage({ content: 'the next one' });
    renderWithApi(
      <div>
        <MessageItem message={broken} index={0} total={2} />
        <MessageItem message={fine} index={1} total={2} />
      </div>,
      new FakeApi(),
    );
    const items = screen.getAllByTestId('message');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText('the broken one')).toBeTruthy();
    expect(items[1]!.textContent).toContain('the next one');
    quiet.mockRestore();
  });
});

describe('a masked link, as Discord treats it', () => {
  it('asks before leaving, showing the real target without bidi controls; declined, nothing opens', () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const { container } = renderWithApi(<MessageItem message={makeMessage({ content: '[google.com/login](https://evil.example/\u202Emoc.elgoog)' })} index={0} total={1} />, new FakeApi());
    const link = container.querySelector<HTMLAnchorElement>('a.md-link--masked')!;
    expect(link.title).toBe('https://evil.example/moc.elgoog');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(String(confirm.mock.calls[0]![0])).toContain('https://evil.example/moc.elgoog');
    expect(click.defaultPrevented).toBe(true);
    confirm.mockRestore();
  });
});
