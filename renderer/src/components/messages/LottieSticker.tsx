// A Lottie sticker (format_type 3) playing like on Discord. The core fetches its JSON from the CDN
// (stickers.animation); the player loads on demand. Reduced motion shows the first frame; if the file
// or the player cannot load, the sticker shows by name, as Discord's own fallback does.
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api-context';
import { useReducedMotion } from '../../lib/discord/motion';

type Player = typeof import('../../lib/discord/lottie');
let player: Promise<Player> | null = null;
const loadPlayer = () => (player ??= import('../../lib/discord/lottie'));

export function LottieSticker({ id, label }: { id: string; label: string }) {
  const api = useApi();
  const still = useReducedMotion();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    let anim: { destroy(): void } | null = null;
    Promise.all([api.stickers.animation({ id }), loadPlayer()])
      .then(([{ json }, { playSticker }]) => {
        if (live && box.current) anim = playSticker(box.current, JSON.parse(json), still);
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
