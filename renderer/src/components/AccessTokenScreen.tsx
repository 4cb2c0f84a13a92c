// Browser mode, when the server refuses this page's access token: says so (not "connection lost"),
// where the token is, and takes it pasted (alone or as the whole printed address).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePastedToken, type Access } from '../lib/access-token';
import { Icon } from './Icon';

interface Props {
  authorize: (token: string) => Promise<Access>;
  /** Called once the server accepted the token (the transport kept it): the page starts over with it. */
  onAccepted: () => void;
}

type Problem = 'empty' | 'wrong' | 'unreachable' | null;

export function AccessTokenScreen({ authorize, onAccepted }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const token = parsePastedToken(value);
    if (!token) return setProblem('empty');
    setChecking(true);
    const access = await authorize(token);
    setChecking(false);
    if (access === 'ok') return onAccepted();
    setProblem(access === 'unauthorized' ? 'wrong' : 'unreachable');
  };

  return (
    <main className="token-screen" data-testid="access-token-screen" aria-labelledby="token-screen-title">
      <form className="token-screen__card" onSubmit={(e) => void submit(e)} noValidate>
        <h1 id="token-screen-title" className="token-screen__title">
          <Icon name="lock" size={22} />
          {t('accessToken.title')}
        </h1>
        <p>{t('accessToken.intro')}</p>
        <div className={`field${problem ? ' field--invalid' : ''}`}>
          <label htmlFor="access-token">{t('accessToken.label')}</label>
          <div className="field__row">
            <input
              id="access-token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              placeholder={t('accessToken.placeholder')}
              value={value}
              aria-invalid={problem !== null}
              aria-describedby={problem ? 'access-token-problem' : undefined}
              onChange={(e) => {
                setValue(e.target.value);
                setProblem(null);
              }}
            />
            <button type="submit" className="button button--primary" disabled={checking} data-testid="access-token-submit">
              {checking ? t('accessToken.checking') : t('accessToken.submit')}
            </button>
          </div>
          {problem && (
            <p id="access-token-problem" className="field__error" role="alert">
              {t(`accessToken.${problem}`)}
            </p>
          )}
        </div>
        <h2 className="token-screen__subtitle">{t('accessToken.whereTitle')}</h2>
        <ul className="token-screen__where">
          <li>{withCode(t('accessToken.wherePrinted'))}</li>
          <li>{withCode(t('accessToken.whereStored'))}</li>
        </ul>
      </form>
    </main>
  );
}

/** `backticked` parts of a translation as <code>. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}
