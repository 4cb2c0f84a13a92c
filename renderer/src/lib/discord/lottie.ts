// The Lottie player for animated stickers, in its own chunk (imported only by LottieSticker, on demand).
// lottie-web's light SVG build: no expressions, so no eval; the panel's CSP (script-src 'self') stays as is.
import lottie from 'lottie-web/build/player/lottie_light';

export interface StickerPlayer {
  destroy(): void;
}

/** Plays `data` in `container` in a loop, or shows its first frame only when `still` (reduced motion). */
export function playSticker(container: HTMLElement, data: unknown, still: boolean): StickerPlayer {
  const anim = lottie.loadAnimation({
    container,
    renderer: 'svg',
    loop: true,
    autoplay: !still,
    animationData: data,
    rendererSettings: { preserveAspectRatio: 'xMidYMid meet', progressiveLoad: false },
  });
  if (still) anim.goToAndStop(0, true);
  return anim;
}
