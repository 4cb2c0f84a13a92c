import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../hooks/useAppInfo';

export function Footer({ received }: { received: number }) {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <footer className="footer" data-testid="footer">
      <span className="footer__counter">{t('footer.received', { count: received })}</span>
      {info && (
        <>
          <span className="footer__version" title={info.commit ?? undefined}>
            {t('footer.version', { version: info.version })}
            {/* Seven characters, as git abbreviates: enough to find the commit. */}
            {info.commit && <code className="footer__commit">{info.commit.slice(0, 7)}</code>}
          </span>
          <span className="footer__mode" data-mode={info.mode}>
            {t(`footer.mode.${info.mode}`)}
          </span>
        </>
      )}
    </footer>
  );
}
