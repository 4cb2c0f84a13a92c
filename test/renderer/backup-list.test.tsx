// The recent backups in the panel's language: why each was written and how many messages, with the
// locale's number format (the French panel said "3751 messages (manual)").
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BackupSection } from '../../renderer/src/components/archive/BackupSection';
import { FakeApi } from './fake-api';
import { renderWithApi } from './render';

const at = Date.UTC(2026, 11, 1, 9, 30);
const backups = [
  { file: '/data/b/a.json', at, count: 3751, bytes: 1, reason: 'manual' },
  { file: '/data/b/b.json', at, count: 1, bytes: 1, reason: 'before-delete-all' },
  { file: '/data/b/c.json', at, count: 20, bytes: 1, reason: 'scheduled' },
];

describe('the backup list', () => {
  it.each([
    ['fr', ['3\u202f751 messages (manuelle)', '1 message (avant la suppression totale)', '20 messages (planifiée)']],
    ['en', ['3,751 messages (by hand)', '1 message (before deleting all)', '20 messages (scheduled)']],
  ] as const)('in %s', async (language, lines) => {
    const fake = new FakeApi();
    fake.backups = backups;
    const { container } = renderWithApi(<BackupSection settings={fake.settings} onSettings={() => undefined} />, fake, language);
    const items = await within(await within(container).findByRole('list')).findAllByRole('listitem');
    expect(items.map((li) => li.textContent!.split(' — ')[1])).toEqual(lines);
  });
});
