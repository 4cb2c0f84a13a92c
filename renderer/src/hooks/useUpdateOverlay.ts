import { useState } from 'react';
import type { UpdateView } from '../../../shared/types';
import { readStored, writeStored } from '../lib/storage';
import { isActive, RECENT_MS, runKey } from '../lib/update';
import { useNow } from './useNow';

const DISMISSED_KEY = 'dm.update.dismissedRun';

/**
 * When the progress overlay shows: always while a run is going; after it ended, until closed, if
 * it was watched here or ended recently (a page opened long after a failed update gets the
 * last-update banner instead); and on request (the header button while an update runs).
 */
export function useUpdateOverlay(view: UpdateView | null) {
  const run = view?.run ?? null;
  const now = useNow(60_000);
  const [dismissed, setDismissed] = useState(() => readStored(DISMISSED_KEY));
  const [watched, setWatched] = useState<string | null>(null);
  const [requested, setRequested] = useState(false);
  // Derived during render (React's pattern for state that follows props): no extra commit.
  const key = run && runKey(run);
  if (run && isActive(run) && watched !== key) setWatched(key);

  const open =
    isActive(run) ||
    requested ||
    (run !== null && key !== dismissed && (key === watched || now - run.startedAt < RECENT_MS));

  const close = () => {
    if (key) {
      setDismissed(key);
      writeStored(DISMISSED_KEY, key);
    }
    setRequested(false);
  };

  return { open, close, show: () => setRequested(true) };
}
