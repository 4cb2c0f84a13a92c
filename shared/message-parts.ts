// Drawing rules the panel (renderer/) and the HTML export (electron/core/archive/html) share, so a
// message part looks the same in both: colours, component classes, video previews, sizes. Plain TS.
import type { ChatEmbed } from './types.js';

/** A Discord colour integer (embed, container, role) as CSS hex. */
/** #rrggbb of Discord's integer colour; anything else (a string in a stored view) is black, never markup. */
export const colourHex = (c: number): string => `#${(Number.isInteger(c) && c >= 0 && c <= 0xffffff ? c : 0).toString(16).padStart(6, '0')}`;

// Discord's button styles (docs: Button Styles): 1 primary, 2 secondary, 3 success, 4 danger, 5 link, 6 premium.
const BUTTON_STYLES: readonly string[] = ['', 'primary', 'secondary', 'success', 'danger', 'link', 'premium'];

export const buttonClass = (style: number, disabled: boolean): string => `dc-button dc-button--${BUTTON_STYLES[style] || 'secondary'}${disabled ? ' dc-button--disabled' : ''}`;
export const selectClass = (disabled: boolean): string => `dc-select${disabled ? ' dc-select--disabled' : ''}`;
export const separatorClass = (s: { divider: boolean; large: boolean }): string => `dc-separator${s.divider ? '' : ' dc-separator--invisible'}${s.large ? ' dc-separator--large' : ''}`;
/** Discord lays out up to four gallery items in a grid of their own; more share the four-item one. */
export const galleryClass = (items: number): string => `dc-gallery dc-gallery--${Math.min(items, 4)}`;

/** A video link preview (type "video"…): drawn as its thumbnail with a play button, not as a card thumbnail. */
export const isVideoEmbed = (e: Pick<ChatEmbed, 'type' | 'video' | 'player'>): boolean => e.type !== 'rich' && Boolean(e.video || e.player);

/** The colour wheel angle of an author without a picture: stable per id. */
export function avatarHue(id: string): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 360;
  return h;
}

/** Media scaled down (never up) to fit `maxW` × `maxH`, so its box is reserved before it loads; null without both sides. */
export function scaledSize(width: number | null | undefined, height: number | null | undefined, maxW: number, maxH = maxW): { width: number; height: number } | null {
  if (!width || !height) return null;
  const scale = Math.min(1, maxW / width, maxH / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
