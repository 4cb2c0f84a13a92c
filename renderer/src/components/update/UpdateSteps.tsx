// The stepper of an update: every step with its state, duration and log. The running step (and a
// failed one) is expanded and follows its log; the others fold away and can be opened.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateRun, UpdateStepView } from '../../../../shared/types';
import { useCoreText } from '../../i18n/core-text';
import { formatSeconds } from '../../lib/format';
import { liveDuration } from '../../lib/update';
import { Icon, Spinner } from '../Icon';

/** Lines kept on screen per step: `npm ci` can print thousands, the end is what matters. */
export const MAX_LOG_LINES = 400;

interface Props {
  run: UpdateRun;
  receivedAt: number;
  now: number;
}

export function UpdateSteps({ run, receivedAt, now }: Props) {
  const { t } = useTranslation();
  // What the user opened or closed by hand; otherwise a step is open while running or failed.
  const [toggled, setToggled] = useState<Partial<Record<string, boolean>>>({});
  return (
    <ol className="update-steps" aria-label={t('update.overlay.steps')}>
      {run.steps.map((step) => {
        const open = toggled[step.step] ?? (step.status === 'running' || step.status === 'failed');
        return (
          <Step
            key={step.step}
            step={step}
            duration={liveDuration(step, receivedAt, now)}
            open={open}
            onToggle={() => setToggled((current) => ({ ...current, [step.step]: !open }))}
          />
        );
      })}
    </ol>
  );
}

function StepIcon({ status }: { status: UpdateStepView['status'] }) {
  switch (status) {
    case 'running':
      return <Spinner />;
    case 'done':
      return <Icon name="check" size={16} />;
    case 'skipped':
      return <Icon name="skip" size={16} />;
    case 'failed':
      return <Icon name="close" size={16} />;
    default:
      return <Icon name="pending" size={16} />;
  }
}

interface StepProps {
  step: UpdateStepView;
  duration: number;
  open: boolean;
  onToggle: () => void;
}

function Step({ step, duration, open, onToggle }: StepProps) {
  const { t, i18n } = useTranslation();
  const say = useCoreText();
  const logId = useId();
  const { status, log } = step;
  const label = t(`update.step.${step.step}`);
  const hidden = Math.max(0, log.length - MAX_LOG_LINES);
  const shown = hidden ? log.slice(hidden) : log;

  // Follow the log while the user has not scrolled up in it, and keep the running (or failed)
  // step in sight in the scrollable list of steps as its log grows.
  const itemRef = useRef<HTMLLIElement>(null);
  const logRef = useRef<HTMLPreElement>(null);
  const follow = useRef(true);
  const inSight = status === 'running' || status === 'failed';
  useLayoutEffect(() => {
    const el = logRef.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
    if (inSight) itemRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [log.length, open, inSight]);
  const onScroll = () => {
    const el = logRef.current;
    if (el) follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 16;
  };

  return (
    <li ref={itemRef} className={`update-step update-step--${status}`} data-testid="update-step" data-step={step.step} data-status={status}>
      <div className="update-step__row">
        <span className="update-step__icon">
          <StepIcon status={status} />
        </span>
        <span className="update-step__label">
          {label}
          <span className="visually-hidden">: {t(`update.stepStatus.${status}`)}</span>
        </span>
        <span className="update-step__time" aria-hidden={status === 'skipped' ? undefined : true}>
          {status === 'skipped'
            ? t('update.stepStatus.skipped')
            : status !== 'pending' && formatSeconds(duration, t, i18n.language, { precise: status !== 'running' })}
        </span>
        {log.length > (status === 'skipped' ? 1 : 0) && (
          <button
            type="button"
            className="button button--ghost button--small update-step__toggle"
            aria-expanded={open}
            aria-controls={logId}
            onClick={onToggle}
          >
            <Icon name="chevron" size={14} />
            {open ? t('update.overlay.hideLog') : t('update.overlay.showLog', { count: log.length })}
          </button>
        )}
      </div>
      {step.error && <p className="update-step__error">{say(step.error, step.i18n?.error)}</p>}
      {/* A skipped step's one line is its reason: "No dependency change (package-lock.json unchanged)." */}
      {status === 'skipped' && log.length === 1 && <p className="update-step__note">{say(log[0] as string, step.i18n?.note)}</p>}
      {open && log.length > (status === 'skipped' ? 1 : 0) && (
        // Focusable so the keyboard can scroll it.
        <pre
          id={logId}
          ref={logRef}
          className="update-step__log"
          data-testid="update-step-log"
          tabIndex={0}
          aria-label={label}
          onScroll={onScroll}
        >
          {hidden > 0 && `${t('update.overlay.earlierLines', { count: hidden })}\n`}
          {shown.map((line, i) => say(line, step.i18n?.log?.[hidden + i])).join('\n')}
        </pre>
      )}
    </li>
  );
}
