// The export's stylesheet: the panel's own theme and message styles, plus what a static page needs
// (no virtual list, no script: spoilers open on hover or focus).
import baseCss from '../../../../renderer/src/styles/base.css?raw';
import messageComponentsCss from '../../../../renderer/src/styles/message-components.css?raw';
import messagePartsCss from '../../../../renderer/src/styles/message-parts.css?raw';
import messageViewCss from '../../../../renderer/src/styles/message-view.css?raw';
import messagesCss from '../../../../renderer/src/styles/messages.css?raw';

const ARCHIVE_CSS = `
html, body { height: auto; }
.archive { max-width: 980px; margin: 0 auto; padding: 16px 0 40px; }
.archive__head { padding: 0 20px 12px; border-bottom: 1px solid var(--border); }
.archive__head h1 { margin: 0 0 4px; font-size: 20px; }
.archive__head p, .archive__foot { margin: 0; color: var(--muted); font-size: 12.5px; }
.archive__foot { padding: 12px 20px; border-top: 1px solid var(--border); }
.archive .message { position: relative; }
.archive__chunk { content-visibility: auto; contain-intrinsic-size: auto 4000px; }
.archive__day { display: flex; align-items: center; gap: 8px; margin: 12px 20px 4px; color: var(--muted); font-size: 12px; font-weight: 600; }
.archive__day::before, .archive__day::after { content: ''; flex: 1; border-top: 1px solid var(--border); }
.archive .avatar--initial { position: relative; overflow: hidden; }
.archive .avatar__picture { position: absolute; inset: 0; border-radius: 50%; background-size: cover; background-position: center; }
.archive .spoiler:hover > span, .archive .spoiler:focus > span { visibility: visible; }
a.reply { color: inherit; text-decoration: none; }
.archive .mention { padding: 0 2px; border-radius: 3px; background: color-mix(in srgb, var(--accent) 18%, transparent); color: var(--accent); font-weight: 500; }
.archive .emoji { width: 1.375em; height: 1.375em; vertical-align: -0.3em; object-fit: contain; }
.archive__sprite { position: absolute; width: 0; height: 0; overflow: hidden; }
.archive .subtext { display: block; color: var(--muted); font-size: 12px; }
`;

// message-parts.css and message-components.css: embeds, reactions, stickers, polls and components look as in the panel.
export const EXPORT_CSS = `${baseCss}\n${messagesCss}\n${messageViewCss}\n${messagePartsCss}\n${messageComponentsCss}\n${ARCHIVE_CSS}`;
