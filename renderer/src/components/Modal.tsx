// A native modal <dialog>: the browser makes the rest of the page inert; we add Esc/backdrop
// handling that goes through React state, and wrap Tab so focus never leaves the dialog.
// Without `onDismiss` the dialog cannot be closed by the user at all (an update in progress).
import { useEffect, useRef, type ComponentPropsWithoutRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

type DialogProps = Omit<
  ComponentPropsWithoutRef<'dialog'>,
  'open' | 'onKeyDown' | 'onMouseDown' | 'onClick' | 'onCancel' | 'onClose' | 'children'
>;

interface Props extends DialogProps {
  open: boolean;
  /** Esc, a click on the backdrop and any native close call it. Absent: not dismissible. */
  onDismiss?: () => void;
  /**
   * `[data-initial-focus]` inside gets focus when the dialog opens and whenever this changes
   * (content that loads after opening, an update that finishes).
   */
  focusKey?: unknown;
  children: ReactNode;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    // Content of a closed <details> cannot take focus (its <summary> can).
    const details = el.parentElement?.closest('details');
    return !details || details.open || (el.tagName === 'SUMMARY' && el.parentElement === details);
  });
}

export function Modal({ open, onDismiss, focusKey, children, className = 'dialog', ...rest }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressedOnBackdrop = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (open) ref.current?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  }, [open, focusKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDismiss?.();
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
    if (event.target === ref.current && pressedOnBackdrop.current) onDismiss?.();
    pressedOnBackdrop.current = false;
  };

  return (
    <dialog
      ref={ref}
      className={className}
      aria-modal="true"
      {...rest}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onClick={onClick}
      // Esc through the browser (no keydown reached us).
      onCancel={(event) => {
        event.preventDefault();
        onDismiss?.();
      }}
      onClose={() => {
        if (!open) return;
        // Closed natively anyway (browsers let a repeated Esc through): dismiss, or reopen.
        if (onDismiss) onDismiss();
        else ref.current?.showModal();
      }}
    >
      {open && children}
    </dialog>
  );
}
