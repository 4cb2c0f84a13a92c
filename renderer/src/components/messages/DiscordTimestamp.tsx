// <t:…:style> in the viewer's locale; the full date on hover. Relative ones follow a shared clock.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDiscordTimestamp, type TimestampStyle } from '../../lib/discord/timestamp';

// One timer for every relative timestamp on screen, running only while one is mounted.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = Date.now();
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}
const noSubscribe = () => () => undefined;
// Before the timer runs, whole seconds: getSnapshot must return the same value when called twice.
const relativeNow = () => (timer ? now : Math.floor(Date.now() / 1000) * 1000);

/** `written`: the tag as in the message, shown when the date is beyond what a clock can show. */
export function DiscordTimestamp({ seconds, style, written = `<t:${seconds}:${style}>` }: { seconds: number; style: TimestampStyle; written?: string }) {
  const { i18n } = useTranslation();
  const clock = useSyncExternalStore(style === 'R' ? subscribe : noSubscribe, style === 'R' ? relativeNow : () => 0);
  const text = formatDiscordTimestamp(seconds, style, i18n.language, clock);
  if (text === null) return written;
  const full = formatDiscordTimestamp(seconds, 'F', i18n.language, 0) ?? '';
  return (
    <time className="md-timestamp" dateTime={new Date(seconds * 1000).toISOString()} title={full}>
      {text}
    </time>
  );
}
