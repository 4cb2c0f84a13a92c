// The HTML export inlines the panel's stylesheets, message-parts.css included, so embeds, polls,
// stickers and components look as in the panel (test/renderer/archive-html-parts.test.tsx checks the markup).
import { describe, expect, it } from 'vitest';
import { EXPORT_CSS } from '../../electron/core/archive/html/styles.js';

describe('the export stylesheet', () => {
  it('carries the rules of the message parts', () => {
    for (const rule of ['.dc-button--primary', '.dc-select', '.dc-container', '.embed__play-button', '.poll-result', '.embed {', '.sticker--lottie']) expect(EXPORT_CSS).toContain(rule);
  });
});
