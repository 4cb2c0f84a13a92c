import { useCallback, useEffect, useState } from 'react';
import type { BotStatus } from '../../../shared/types';
import { useApi } from '../api-context';

/** Latest bot status: fetched once, then pushed by `bot.status` events. */
export function useBotStatus() {
  const api = useApi();
  const [status, setStatus] = useState<BotStatus | null>(null);

  // The fetch and an event can cross; keep whichever state change is the most recent.
  const apply = useCallback((next: BotStatus) => {
    setStatus((current) => (current && current.since > next.since ? current : next));
  }, []);

  useEffect(() => {
    let live = true;
    const off = api.on('bot.status', apply);
    api.bot.status().then(
      (s) => live && apply(s),
      () => undefined, // Unreachable backend: the connection banner says so.
    );
    return () => {
      live = false;
      off();
    };
  }, [api, apply]);

  return { status, apply };
}
