// Incoming (or just installed) commits: short hash, subject, author and how long ago.
import { useTranslation } from 'react-i18next';
import type { UpdateCommit } from '../../../../shared/types';
import { useNow } from '../../hooks/useNow';
import { formatRelative } from '../../lib/format';
import { shortHash } from '../../lib/update';

export function CommitList({ commits, id }: { commits: UpdateCommit[]; id?: string }) {
  const { t, i18n } = useTranslation();
  const now = useNow(60_000);
  return (
    <ul className="update-commits" id={id} data-testid="update-commits">
      {commits.map((c) => {
        const time = Date.parse(c.date);
        return (
          <li key={c.hash} className="update-commits__item">
            <code className="update-commits__hash" title={c.hash}>
              {shortHash(c.hash)}
            </code>
            <span className="update-commits__subject">{c.subject}</span>
            <span className="update-commits__meta">
              {t('update.confirm.commitMeta', {
                author: c.author,
                when: Number.isNaN(time) ? c.date : formatRelative(time, i18n.language, now),
              })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
