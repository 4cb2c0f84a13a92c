// A Lottie sticker (format_type 3) playing like on Discord. The core fetches its JSON from the CDN
// (stickers.animation); the player loads on demand. Reduced motion shows the first frame; if the file
// or the player cannot load, the sticker shows by name, as Discord's own fallback does.
import { useEffect, useRef, useState } from 'react';
import type { Api } from '../../../../shared/api';
import { useApi } from '../../api-context';
import { useReducedMotion } from '../../lib/discord/motion';

type Player = typeof import('../../lib/discord/lottie');
let player: Promise<Player> | null = null;
const loadPlayer = () => (player ??= import('../../lib/discord/lottie'));

// Animation files by sticker id, per connection: scrolling a sticker out of the list and back asks the
// core once. Kept as text and parsed per player, because lottie-web annotates the data it is given.
const CACHE_SIZE = 32;
const files = new WeakMap<Api, Map<string, Promise<string>>>();
function animationOf(api: Api, id: string): Promise<unknown> {
  let cache = files.get(api);
  if (!cache) files.set(api, (cache = new Map()));
  let hit = cache.get(id);
  if (!hit) {
    const own = cache;
    hit = api.stickers.animation({ id }).then(({ json }) => json);
    own.set(id, hit);
    hit.catch(() => own.delete(id));
    while (own.size > CACHE_SIZE) own.delete(own.keys().next().value!);
  }
  return hit.then((json) => JSON.parse(json) as unknown);
}

export function LottieSticker({ id, label }: { id: string; label: string }) {
  const api = useApi();
  const still = useReducedMotion();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    let anim: { destroy(): void } | null = null;
    Promise.all([animationOf(api, id), loadPlayer()])
      .then(([data, { playSticker }]) => {
        if (live && box.current) anim = playSticker(box.current, data, still);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
      anim?.destroy();
    };
  }, [api, id, still]);

  if (failed) {
    return (
      <span className="sticker sticker--text" title={label} data-testid="sticker-name">
        {label}
      </span>
    );
  }
  return <div ref={box} className="sticker sticker--lottie" role="img" aria-label={label} title={label} data-testid="sticker-lottie" />;
}
