// The user's own work around an update: local commits that will move to a branch (confirmation),
// and where commits and edits are after it (banner), with the exact git command to get them back.
import { useTranslation } from 'react-i18next';
import type { SetAside, UpdateCommit } from '../../../../shared/types';
import { CommitList } from './CommitList';

export function LocalCommits({ branch, commits }: { branch: string; commits: UpdateCommit[] }) {
  const { t } = useTranslation();
  return (
    <section className="update-confirm__local" data-testid="update-local-commits">
      <h3 className="update-confirm__heading">{t('update.confirm.localCommitsTitle')}</h3>
      <p>{t('update.confirm.localCommitsIntro', { count: commits.length, branch })}</p>
      <CommitList commits={commits} />
    </section>
  );
}

export function SetAsideNote({ setAside }: { setAside: SetAside }) {
  const { t } = useTranslation();
  const { branch, commits, stash, recovered, moreRecovered, replaced } = setAside;
  return (
    <div className="last-update__aside" data-testid="update-set-aside">
      {branch && <p>{t('update.last.commitsKept', { count: commits, branch })}</p>}
      {stash?.state === 'reapplied' && <p>{t('update.last.editsReapplied')}</p>}
      {stash && stash.state !== 'reapplied' && (
        <p>
          {t(stash.state === 'conflict' ? 'update.last.editsConflict' : 'update.last.editsKept')} <code>{stash.command}</code>
        </p>
      )}
      {recovered && (
        <p>
          {t('update.last.editsRecovered')} <code>{recovered.command}</code>
        </p>
      )}
      {moreRecovered?.map((more) => (
        <p key={more.sha}>
          {t('update.last.editsRecovered')} <code>{more.command}</code>
        </p>
      ))}
      {replaced && (
        <p data-testid="update-replaced-files">
          {t('update.last.filesReplaced', { count: replaced.files.length, files: replaced.files.slice(0, 5).join(', ') + (replaced.files.length > 5 ? ', …' : ''), dir: replaced.dir })} <code>{replaced.command}</code>
        </p>
      )}
    </div>
  );
}
