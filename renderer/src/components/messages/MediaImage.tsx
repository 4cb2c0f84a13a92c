// An image of a message (attachment preview, embed image or thumbnail, sticker) that keeps its reserved
// box when it cannot load: a "could not load" placeholder of the same size with the file's name and
// link, as Discord shows. A broken <img> falls back to its alt text, and the row would shrink after the
// feed measured it, making the reader's view jump while they scroll up.
import { useState, type ImgHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icon';

interface Props extends ImgHTMLAttributes<HTMLImageElement> {
  src: string;
  /** The box reserved for the image, in CSS pixels (unknown dimensions: the placeholder's own size). */
  width?: number;
  height?: number;
  /** Shown and linked in the placeholder (a file name, a sticker's label); the link goes to the image. */
  name?: string;
  /** A button around the image while it shows (an attachment opens in the lightbox); a placeholder has no button, as it holds a link. */
  open?: { className: string; label: string; onClick: () => void };
  /** Told when the image did not load (an attachment may then ask for a fresh link: its `src` changes). */
  onBroken?: () => void;
}

export function MediaImage({ src, width, height, name, className, open, onBroken, ...img }: Props) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<string | null>(null);
  // The box in CSS, not only in attributes: Chromium draws a broken image as its alt text (a row
  // ~200 px shorter) for a frame or more before the 'error' event, long enough to be measured.
  const box = width && height ? { width: `${width}px`, aspectRatio: `${width} / ${height}` } : undefined;
  // A new source (an edit) gets a new try.
  if (failed !== src) {
    const image = (
      <img
        className={className}
        src={src}
        width={width}
        height={height}
        style={box}
        {...img}
        onError={() => {
          setFailed(src);
          onBroken?.();
        }}
      />
    );
    if (!open) return image;
    return (
      <button type="button" className={open.className} onClick={open.onClick} aria-label={open.label}>
        {image}
      </button>
    );
  }
  const label = name ? t('messages.mediaFailedNamed', { name }) : t('messages.mediaFailed');
  return (
    <span className={`media-failed${className ? ` ${className}` : ''}`} style={box} role="group" aria-label={label} data-testid="media-failed">
      <Icon name="file" size={20} />
      <span className="media-failed__text">{t('messages.mediaFailed')}</span>
      {name && (
        <a className="media-failed__link" href={src} target="_blank" rel="noopener noreferrer">
          <bdi>{name}</bdi>
        </a>
      )}
    </span>
  );
}
