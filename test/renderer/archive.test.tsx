import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from './fake-api';
import { makeSettings } from './fixtures';
import { emit, renderApp } from './render';

async function openArchive(fake = new FakeApi()) {
  const view = renderApp(fake);
  await view.user.click(await screen.findByTestId('archive-button'));
  const dialog = await screen.findByTestId('archive-dialog');
  return { ...view, d: within(dialog) };
}

describe('archive dialog', () => {
  it('exports in the browser through a one-time download link, with the chosen format, days and zone of the viewer', async () => {
    const fake = new FakeApi();
    fake.info = { ...fake.info, mode: 'headless' };
    const { d, user } = await openArchive(fake);
    await user.selectOptions(d.getByTestId('export-format'), 'csv');
    await user.type(d.getByTestId('export-after'), '2026-01-01');
    await user.type(d.getByTestId('export-query'), 'from:alice has:image');
    await user.click(d.getByTestId('export-start'));
    await waitFor(() => expect(fake.argsOf('archive.downloadTicket')).toEqual([{ format: 'csv', filter: { after: new Date(2026, 0, 1).getTime(), query: 'from:alice has:image', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }, locale: 'en' }]));
    expect((await d.findByTestId('export-result')).textContent).toContain('Your browser is downloading the export.');
  });

  // The browser had links only: CDN links expire after about a day, so it could keep no pictures.
  it('in the browser, offers the media download as one .zip and asks the ticket for it', async () => {
    const fake = new FakeApi();
    fake.info = { ...fake.info, mode: 'headless' };
    const { d, user } = await openArchive(fake);
    const media = d.getByTestId('export-media') as HTMLSelectElement;
    expect([...media.options].map((o) => o.textContent)).toEqual(['Link to Discord', 'Download with the page, as one .zip (the page and its folder of pictures)']);
    await user.selectOptions(media, 'download');
    await user.click(d.getByTestId('export-start'));
    await waitFor(() => expect(fake.argsOf('archive.downloadTicket')).toEqual([{ format: 'html', filter: { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }, locale: 'en', media: 'download' }]));
    expect((await d.findByTestId('export-result')).textContent).toContain('Your browser is downloading the export.');
    // HTML's choice only
    await user.selectOptions(d.getByTestId('export-format'), 'json');
    expect(d.queryByTestId('export-media')).toBeNull();
  });

  // The zone went only with a search text: a plain export of 1 March (days here) printed UTC times under UTC days.
  it('sends the viewer\'s zone with every export, search text or not: the file prints its times there', async () => {
    const fake = new FakeApi();
    fake.info = { ...fake.info, mode: 'electron' };
    fake.override('archive.export', async () => ({ file: '/home/me/general.html', count: 1, bytes: 10, mediaFailed: 0 }));
    const { d, user } = await openArchive(fake);
    // The date fields said "a UTC day" while they were already days here.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(d.getByTestId('export-after').closest('label')!.textContent).toBe(`From (included; a day in ${zone}, as the file’s times)`);
    expect(d.getByTestId('export-before').closest('label')!.textContent).toBe(`Until (excluded; a day in ${zone})`);
    await user.type(d.getByTestId('export-after'), '2026-03-01');
    await user.click(d.getByTestId('export-start'));
    await waitFor(() => expect(fake.argsOf('archive.export')).toEqual([{ format: 'html', filter: { after: new Date(2026, 2, 1).getTime(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }, locale: 'en', media: 'link' }]));
  });

  it('on the desktop, saves through the save dialog and says where', async () => {
    const fake = new FakeApi();
    fake.info = { ...fake.info, mode: 'electron' };
    fake.override('archive.export', async () => ({ file: '/home/me/general.html', count: 42, bytes: 1000, mediaFailed: 0 }));
    const { d, user } = await openArchive(fake);
    await user.click(d.getByTestId('export-start'));
    expect((await d.findByTestId('export-result')).textContent).toContain('42 messages saved to /home/me/general.html');
    expect(fake.argsOf('archive.downloadTicket')).toEqual([]);
  });

  it('on the desktop, says how many media files stayed links, and why expired ones could not be fetched again', async () => {
    const fake = new FakeApi();
    fake.info = { ...fake.info, mode: 'electron' };
    const note = { key: 'archive.mediaNotRefreshed', params: { count: 2, reason: { key: 'archive.mediaBotStopped', params: {} } } };
    fake.override('archive.export', async () => ({ file: '/home/me/general.html', count: 42, bytes: 1000, mediaFailed: 3, mediaExpired: 2, mediaNote: 'x', mediaNoteI18n: note }));
    const { d, user } = await openArchive(fake);
    await user.click(d.getByTestId('export-start'));
    const said = (await d.findByTestId('export-result')).textContent;
    expect(said).toContain('42 messages saved to /home/me/general.html');
    expect(said).toContain('3 media files could not be downloaded: the page links to them on Discord instead.');
    expect(said).toContain('start monitoring before exporting');
  });

  it('hides delete-all behind dangerous actions and says why', async () => {
    const { d } = await openArchive();
    expect((await d.findByTestId('delete-refused')).textContent).toContain('Dangerous actions are off.');
    expect(d.queryByTestId('delete-start')).toBeNull();
  });

  it('keeps the delete button disabled until the phrase, the exact channel name and the checkbox are all given', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ dangerousActionsEnabled: true });
    const { d, user } = await openArchive(fake);
    const start = (await d.findByTestId('delete-start')) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    await user.type(d.getByTestId('delete-phrase'), 'DELETE ALL MESSAGES');
    await user.type(d.getByTestId('delete-channel'), 'General');
    await user.click(d.getByTestId('delete-acknowledge'));
    expect(start.disabled).toBe(true);
    await user.clear(d.getByTestId('delete-channel'));
    await user.type(d.getByTestId('delete-channel'), 'general');
    expect(start.disabled).toBe(false);
    await user.click(start);
    await waitFor(() => expect(fake.argsOf('archive.deleteAll')).toEqual([{ phrase: 'DELETE ALL MESSAGES', channelName: 'general', acknowledged: true }]));
  });

  // The core keeps the last run on disk; one the app's end cut short comes back failed, said in the panel's language.
  it("opened after a restart, says how the last delete-all ended: one cut short by the app's end, with its count and backup", async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ dangerousActionsEnabled: true });
    const params = { deleted: 2, bulk: 0, single: 2, failed: 0, channel: 'general', backup: '/data/message-backups/b.json' };
    const last = { state: 'failed' as const, ...params, startedAt: 1, finishedAt: 2, message: 'x', i18n: { key: 'archive.deleteInterrupted', params } };
    fake.override('archive.status', async () => ({ backups: { enabled: false, dir: '/data/message-backups', keep: 7, intervalHours: 24, recent: [], nextAt: null, error: null }, deleteAll: last }));
    const { d } = await openArchive(fake);
    const progress = await d.findByTestId('delete-progress');
    expect(progress.textContent).toContain('Delete all messages in #general stopped when the app did: 2 deleted');
    expect(progress.textContent).toContain('/data/message-backups/b.json');
    expect(within(progress).queryByTestId('delete-cancel')).toBeNull();
  });

  it('shows progress, the backup written first and a cancel button while deleting', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ dangerousActionsEnabled: true });
    const { d, user } = await openArchive(fake);
    await d.findByTestId('delete-start');
    await emit(fake, 'archive.deleteProgress', { state: 'running', deleted: 150, bulk: 100, single: 50, failed: 0, startedAt: 1, finishedAt: null, backup: '/data/message-backups/b.json', channel: 'general', message: '' });
    const progress = await d.findByTestId('delete-progress');
    expect(progress.textContent).toContain('150 deleted (100 in bulk, 50 one by one), 0 refused');
    expect(progress.textContent).toContain('Backup written first: /data/message-backups/b.json');
    await user.click(d.getByTestId('delete-cancel'));
    await waitFor(() => expect(fake.argsOf('archive.cancelDelete')).toHaveLength(1));
  });

  it('shows a switch set by the environment as read-only, with the variable', async () => {
    const fake = new FakeApi();
    fake.settings = makeSettings({ backupEnabled: true, fromEnv: { backupEnabled: 'BACKUP_ENABLED' } });
    const { d } = await openArchive(fake);
    const box = (await d.findByTestId('backup-enabled')) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
    expect(d.getByText(/Set by BACKUP_ENABLED/)).toBeTruthy();
  });
});

describe('backup settings', () => {
  it('saves how many to keep, how often and where; refuses nonsense without saving', async () => {
    const fake = new FakeApi();
    const { d, user } = await openArchive(fake);
    const keep = await d.findByTestId('backup-keep');
    await user.clear(keep);
    await user.type(keep, '0');
    await user.click(d.getByRole('button', { name: 'Save' }));
    expect((await d.findByText('Keep 1 to 365 files, every 1 to 720 hours.')).textContent).toBeTruthy();
    expect(fake.argsOf('settings.save')).toEqual([]);
    await user.clear(keep);
    await user.type(keep, '14');
    await user.clear(d.getByTestId('backup-interval'));
    await user.type(d.getByTestId('backup-interval'), '12');
    await user.type(d.getByTestId('backup-dir'), '/srv/backups');
    await user.click(d.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.argsOf('settings.save')).toEqual([{ backupKeep: 14, backupIntervalHours: 12, backupDir: '/srv/backups' }]));
  });
});
