// Tries the unsaved values against Discord, so a wrong ID is caught before saving.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoreText } from '../../i18n/core-text';
import type { TestConnectionResult } from '../../../../shared/types';
import { errorMessage, useApi } from '../../api-context';
import type { ConnectionCandidate } from '../../lib/settings-form';
import { Spinner } from '../Icon';

type Outcome = TestConnectionResult | { ok: false; thrown: string };

/** `candidate()` returns null when the values are invalid (the form then shows why). */
export function TestConnection({ candidate }: { candidate: () => ConnectionCandidate | null }) {
  const { t } = useTranslation();
  const say = useCoreText();
  const api = useApi();
  const [testing, setTesting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const test = async () => {
    if (testing) return;
    const values = candidate();
    if (!values) return;
    setTesting(true);
    setOutcome(null);
    try {
      setOutcome(await api.settings.testConnection(values));
    } catch (error) {
      setOutcome({ ok: false, thrown: errorMessage(error, say) });
    } finally {
      setTesting(false);
    }
  };

  return (
    <div className="test-connection">
      {/* aria-disabled, not disabled: a disabled button loses the keyboard focus to the page. */}
      <button type="button" className="button button--neutral" onClick={() => void test()} aria-disabled={testing || undefined} aria-busy={testing || undefined}>
        {testing && <Spinner />}
        {testing ? t('settings.testing') : t('settings.test')}
      </button>
      <div aria-live="polite" className="test-connection__result">
        {outcome?.ok === true && (
          <p className="test-connection__ok">
            {t('settings.testOk', { bot: outcome.bot.username, guild: outcome.guild.name, channel: outcome.channel.name })}
          </p>
        )}
        {outcome && 'thrown' in outcome && <p className="test-connection__error">{t('settings.testFailed', { message: outcome.thrown })}</p>}
        {outcome && 'error' in outcome && (
          <div className="test-connection__error">
            <p>{t('settings.testFailed', { message: say(outcome.error.message, outcome.error.i18n?.message) })}</p>
            <p className="test-connection__hint">{say(outcome.error.hint, outcome.error.i18n?.hint)}</p>
            {outcome.error.link && (
              <a href={outcome.error.link} target="_blank" rel="noopener noreferrer">
                {t('status.link')}
              </a>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
