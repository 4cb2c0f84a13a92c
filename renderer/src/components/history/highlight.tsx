// Marks the searched words in a result's text (case-insensitive), as <mark>; never HTML from the text.
import type { ReactNode } from 'react';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `draw`: how a marked run's own text is drawn (a searched emoji as Twemoji, as around it). */
export function highlight(text: string, terms: string[], draw: (run: string) => ReactNode = (run) => run): ReactNode[] {
  const usable = terms.filter((term) => term.trim() !== '');
  if (!usable.length) return [text];
  const re = new RegExp(`(${usable.map(escape).sort((a, b) => b.length - a.length).join('|')})`, 'giu');
  return text.split(re).map((part, i) => (i % 2 === 1 ? <mark key={i}>{draw(part)}</mark> : part));
}
