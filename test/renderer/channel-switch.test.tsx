// Another channel saved in the settings: the list shows that channel's stored messages (it kept showing
// the old channel's until a reload, while the bot, now reconnected, watched the new one).
import './setup';
import { act, screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { makeMessage, makeSettings } from './fixtures';
import { renderApp } from './render';

it('a channel saved in the settings replaces the list with its messages; other settings changes do not reload it', async () => {
  const fake = new FakeApi();
  fake.messages = [makeMessage({ content: 'in the old channel' })];
  renderApp(fake);
  const list = await screen.findByTestId('message-list');
  await within(list).findByText('in the old channel');
  const lists = () => fake.argsOf('messages.list').length;
  const before = lists();

  // A change that keeps the channel (the language, say) reads nothing again.
  fake.settings = makeSettings({ highlightKeywords: ['ups'] });
  act(() => fake.emit('settings.changed', fake.settings));
  await act(async () => {});
  expect(lists()).toBe(before);

  fake.messages = [makeMessage({ content: 'in the new channel' })];
  fake.settings = makeSettings({ channelId: '345678901234567890' });
  act(() => fake.emit('settings.changed', fake.settings));
  await within(list).findByText('in the new channel');
  expect(within(list).queryByText('in the old channel')).toBeNull();
  expect(lists()).toBe(before + 1);
});
