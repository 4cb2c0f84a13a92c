// System messages and a closed poll against the documentation (message.mdx "Message Types", "Poll
// Result Embed Fields"), converted through real discord.js and toChatMessage, drawn by the panel.
import './setup';
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/types';
import { MessageItem } from '../../renderer/src/components/messages/MessageItem';
import { convert } from './fixtures/discord-docs/convert';
import { POLL_MESSAGE, systemMessage } from './fixtures/discord-docs/payloads';
import { pollResultMessage } from './fixtures/discord-docs/payloads-components';
import { FakeApi } from './fake-api';
import { renderWithApi } from './render';

function draw(message: ChatMessage, language: 'en' | 'fr' = 'en') {
  const view = renderWithApi(<MessageItem message={message} index={0} total={1} />, new FakeApi(), language);
  return { ...view, el: view.container.querySelector<HTMLElement>('[data-testid="message"]')! };
}
const one = (raw: object) => convert(raw)[0]!;
const line = (el: HTMLElement) => within(el).getByTestId('system-line').textContent;
const M = '\u2068Mason\u2069';

describe('system messages a server channel can hold (docs: message.mdx "Message Types")', () => {
  it.each([
    [1, '', `${M} added someone to the group.`],
    [2, '', `${M} removed someone from the group.`],
    [4, 'general-chat', `${M} changed the channel name: \u2068general-chat\u2069`],
    [8, '', `${M} just boosted the server!`],
    // Several boosts at once: Discord sends their number as the content.
    [8, '3', `${M} just boosted the server 3 times!`],
    [9, '', `${M} just boosted the server! The server has achieved Level 1!`],
    [9, '2', `${M} just boosted the server 2 times! The server has achieved Level 1!`],
    [10, '5', `${M} just boosted the server 5 times! The server has achieved Level 2!`],
    [11, '', `${M} just boosted the server! The server has achieved Level 3!`],
    [12, 'Discord Developers #announcements', `${M} has added \u2068Discord Developers #announcements\u2069 to this channel. Its most important updates will show up here.`],
    [3, '', `${M} started a call.`],
    [5, '', `${M} changed the channel icon.`],
    [14, '', 'This server has been removed from Server Discovery because it no longer passes all the requirements. Check Server Settings for more details.'],
    [15, '', 'This server is eligible for Server Discovery again and has been automatically relisted!'],
    [16, '', 'This server has failed Discovery activity requirements for 1 week. If this server fails for 4 weeks in a row, it will be automatically removed from Discovery.'],
    [17, '', 'This server has failed Discovery activity requirements for 3 weeks in a row. If this server fails for 1 more week, it will be removed from Discovery.'],
    [22, '', 'Wondering who to invite? Start by inviting anyone who can help you build the server!'],
    [27, 'Town Hall', `${M} started \u2068Town Hall\u2069`],
    [28, 'Town Hall', `${M} ended \u2068Town Hall\u2069`],
    [29, '', `${M} is now a speaker.`],
    [31, 'Q&A', `${M} changed the Stage topic: \u2068Q&A\u2069`],
    [36, '', `${M} enabled security actions.`],
    [37, '', `${M} disabled security actions.`],
    [38, '', `${M} reported a raid.`],
    [39, '', `${M} reported a false alarm.`],
  ])('type %i reads as Discord words it', (type, content, sentence) => {
    const { el } = draw(one(systemMessage(type, content)));
    expect(el.classList.contains('message--system')).toBe(true);
    expect(line(el)).toBe(sentence);
  });

  it('several boosts in French', () => {
    expect(line(draw(one(systemMessage(8, '3')), 'fr').el)).toBe(`${M} vient de booster le serveur 3 fois !`);
    expect(line(draw(one(systemMessage(11, '2')), 'fr').el)).toBe(`${M} vient de booster le serveur 2 fois ! Le serveur a atteint le niveau 3 !`);
  });

  it.each([0, 19, 20, 21, 23, 24])('type %i is a message someone wrote (or an app sent): its content shows', (type) => {
    const { el } = draw(one(systemMessage(type, 'hello')));
    expect(el.classList.contains('message--system')).toBe(false);
    expect(el.querySelector('.markdown')?.textContent).toBe('hello');
  });

  it('in French too', () => {
    const { el } = draw(one(systemMessage(29)), 'fr');
    expect(line(el)).toBe(`${M} est maintenant intervenant.`);
  });
});

describe('a closed poll (type 46, "poll_result" embed)', () => {
  it('names the question and shows the winning answer with its share, as Discord’s card does', () => {
    const { el } = draw(one(pollResultMessage(true)));
    expect(line(el)).toBe(`${M}’s poll \u2068Best pizza?\u2069 has closed.`);
    const card = within(el).getByTestId('poll-result');
    expect(card.querySelector('.poll-result__answer')?.textContent).toBe(' Margherita');
    expect(card.querySelector('.poll-result__answer img.emoji')?.getAttribute('alt')).toBe('🍕');
    expect(card.querySelector('.poll-result__meta')?.textContent).toBe('Winning answer • 78%');
    expect(el.querySelector('.embed__field')).toBeNull();
  });

  it('a poll nobody won says so', () => {
    const { el } = draw(one(pollResultMessage(false)));
    expect(within(el).getByTestId('poll-result').textContent).toBe('There was no winner');
  });

  it('in French', () => {
    const { el } = draw(one(pollResultMessage(true)), 'fr');
    expect(line(el)).toBe(`Le sondage \u2068Best pizza?\u2069 de ${M} est terminé.`);
    expect(within(el).getByTestId('poll-result').querySelector('.poll-result__meta')?.textContent).toBe('Réponse gagnante • 78\u00a0%');
  });
});

describe('a poll (docs: poll.mdx Poll Object, Poll Media Object)', () => {
  it('says whether one or several answers may be chosen, as Discord does under the question', () => {
    const single = draw(one(POLL_MESSAGE)).el;
    expect(within(single).getByTestId('poll').querySelector('.poll__hint')?.textContent).toBe('Select one answer');
    const multi = { ...POLL_MESSAGE, id: '334385199974967070', poll: { ...POLL_MESSAGE.poll, allow_multiselect: true } };
    expect(within(draw(one(multi)).el).getByTestId('poll').querySelector('.poll__hint')?.textContent).toBe('Select one or more answers');
  });

  it('an answer with a custom emoji (by id) shows its CDN image', () => {
    const poll = { ...POLL_MESSAGE.poll, answers: [{ answer_id: 1, poll_media: { text: 'LUL', emoji: { id: '41771983429993937', name: 'LUL' } } }, POLL_MESSAGE.poll.answers[1]!] };
    const { el } = draw(one({ ...POLL_MESSAGE, id: '334385199974967071', poll }));
    const img = within(el).getByTestId('poll').querySelector<HTMLImageElement>('.poll__answer img.emoji')!;
    expect([img.getAttribute('src'), img.alt]).toEqual(['https://cdn.discordapp.com/emojis/41771983429993937.webp', ':LUL:']);
  });
});
