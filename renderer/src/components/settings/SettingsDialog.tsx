// A native modal <dialog>: the browser makes the rest of the page inert; we add Esc/backdrop
// handling that goes through React state, and wrap Tab so focus never leaves the dialog.
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../shared/types';
import { Icon } from '../Icon';
import { SettingsForm } from './SettingsForm';

interface Props {
  open: boolean;
  view: SettingsView | null;
  onClose: () => void;
  onSaved: (view: SettingsView) => void;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    // Content of a closed <details> cannot take focus (its <summary> can).
    const details = el.parentElement?.closest('details');
    return !details || details.open || (el.tagName === 'SUMMARY' && el.parentElement === details);
  });
}

export function SettingsDialog({ open, view, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const pressedOnBackdrop = useRef(false);
  const loaded = view !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  // First field gets focus once the form is there (settings may still be loading at opening).
  useEffect(() => {
    if (open && loaded) ref.current?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  }, [open, loaded]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab' && ref.current) {
      const items = focusables(ref.current);
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  // A click on the backdrop targets the <dialog> itself (its content fills the box). Requiring the
  // press to start there too keeps a text selection dragged out of an input from closing it.
  const onMouseDown = (event: MouseEvent) => {
    pressedOnBackdrop.current = event.target === ref.current;
  };
  const onClick = (event: MouseEvent) => {
    if (event.target === ref.current && pressedOnBackdrop.current) onClose();
    pressedOnBackdrop.current = false;
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid="settings-dialog"
      aria-labelledby="settings-title"
      aria-modal="true"
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onClick={onClick}
      // Esc through the browser (no keydown reached us) and any other native close.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => open && onClose()}
    >
      {open && (
        <div className="dialog__content">
          <header className="dialog__header">
            <h2 id="settings-title">{t('settings.title')}</h2>
            <button type="button" className="icon-button" onClick={onClose} aria-label={t('settings.close')}>
              <Icon name="close" />
            </button>
          </header>
          {view ? (
            <SettingsForm view={view} onSaved={onSaved} onDone={onClose} />
          ) : (
            <p className="dialog__loading" role="status">
              {t('settings.loading')}
            </p>
          )}
        </div>
      )}
    </dialog>
  );
}
