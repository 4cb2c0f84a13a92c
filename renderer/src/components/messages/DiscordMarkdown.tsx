// Renders the Discord Markdown tree (shared/discord-markdown.ts) as React elements: never innerHTML,
// so nothing in a message can become markup. Unknown node types fall back to their text.
import { Fragment, useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { stripBidiControls } from '../../lib/bidi';
import { splitEmoji, twemojiUrl } from '../../lib/discord/emoji';
import { writtenTimestamp, type MdNode } from '../../../../shared/discord-markdown';
import { colourHex } from '../../../../shared/message-parts';
import { isTimestampStyle } from '../../lib/discord/timestamp';
import { safeUrl } from '../../lib/url';
import CodeBlock from './CodeBlock';
import { useMessageRefs } from './discord-context';
import { DiscordTimestamp } from './DiscordTimestamp';
import { KeywordText } from './keywords';
import { Spoiler } from './Spoiler';


export function DiscordMarkdown({ nodes }: { nodes: MdNode[] }) {
  return <>{nodes.map((n, i) => <Node key={i} node={n} />)}</>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const kids = (n: MdNode) => (Array.isArray(n.content) ? <DiscordMarkdown nodes={n.content as MdNode[]} /> : str(n.content));

function Node({ node: n }: { node: MdNode }): ReactNode {
  switch (n.type) {
    case 'text':
      return <KeywordText text={str(n.content)} />;
    case 'emoticon':
      return str(n.content);
    case 'br':
    case 'newline':
      return <br />;
    case 'strong':
      return <strong>{kids(n)}</strong>;
    case 'em':
      return <em>{kids(n)}</em>;
    case 'underline':
      return <u>{kids(n)}</u>;
    case 'strikethrough':
      return <s>{kids(n)}</s>;
    case 'spoiler':
      return <Spoiler>{kids(n)}</Spoiler>;
    case 'inlineCode':
      return (
        <code className="md-code">
          <KeywordText text={str(n.content)} />
        </code>
      );
    case 'codeBlock':
      return <CodeBlock code={str(n.content)} lang={str(n.lang)} />;
    case 'blockQuote':
      return <blockquote className="md-quote">{kids(n)}</blockquote>;
    case 'heading': {
      const level = Math.min(3, Math.max(1, Number(n.level) || 1));
      const H = `h${level}` as 'h1' | 'h2' | 'h3';
      return <H className="md-heading">{kids(n)}</H>;
    }
    case 'subtext':
      return <small className="md-subtext">{kids(n)}</small>;
    case 'list': {
      const items = (n.items as MdNode[][]).map((item, i) => (
        <li key={i}>
          <DiscordMarkdown nodes={item} />
        </li>
      ));
      return n.ordered ? <ol start={typeof n.start === 'number' ? n.start : undefined}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'link':
    case 'url':
    case 'autolink':
      return <Link target={str(n.target)} masked={n.type === 'link'}>{kids(n)}</Link>;
    case 'user':
    case 'role':
    case 'channel':
      return <Mention kind={n.type} id={str(n.id)} />;
    case 'everyone':
    case 'here':
      return <span className="mention mention--everyone">@{n.type}</span>;
    case 'emoji':
      return <CustomEmoji id={str(n.id)} name={str(n.name)} />;
    case 'twemoji':
      return <UnicodeEmoji emoji={str(n.name)} />;
    case 'timestamp': {
      const seconds = Number(n.timestamp);
      const style = isTimestampStyle(n.format) ? n.format : 'f';
      return <DiscordTimestamp seconds={seconds} style={style} written={writtenTimestamp(n)} />;
    }
    case 'slashCommand':
      return <span className="mention">/{str(n.name) || str(n.fullName)}</span>;
    default:
      return Array.isArray(n.content) ? <Fragment>{kids(n)}</Fragment> : str(n.content);
  }
}

/** A masked link shows its real target on hover (title) like Discord; a javascript: target is not a link. */
/**
 * A masked link ([text](url)) shows its real target on hover and, as Discord does, asks before leaving:
 * its text may name another site than the one it opens. Bidi controls are dropped from what is shown
 * ("\u202Emoc.elgoog" read as google.com).
 */
function Link({ target, masked, children }: { target: string; masked: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const href = safeUrl(target);
  const shown = stripBidiControls(target);
  const confirmLeave = (e: MouseEvent<HTMLAnchorElement>) => {
    if (masked && href && !window.confirm(t('messages.leaveConfirm', { url: shown }))) e.preventDefault();
  };
  return (
    <a href={href} title={masked ? shown : undefined} onClick={confirmLeave} target="_blank" rel="noopener noreferrer" className={masked ? 'md-link md-link--masked' : 'md-link'}>
      {children}
    </a>
  );
}

function Mention({ kind, id }: { kind: 'user' | 'role' | 'channel'; id: string }) {
  const { t } = useTranslation();
  const { mentions } = useMessageRefs();
  if (kind === 'user') {
    const user = mentions.users.find((u) => u.id === id);
    return <span className="mention" title={id}>@<bdi>{user?.name ?? t('messages.unknownUser')}</bdi></span>;
  }
  if (kind === 'role') {
    const role = mentions.roles.find((r) => r.id === id);
    // Discord draws a role mention in the role's colour; 0 means "no colour".
    const colour = role?.color ? colourHex(role.color) : undefined;
    return (
      <span className="mention mention--role" style={colour ? { color: colour, backgroundColor: `${colour}1f` } : undefined}>
        @<bdi>{role?.name ?? t('messages.deletedRole')}</bdi>
      </span>
    );
  }
  const channel = mentions.channels.find((c) => c.id === id);
  return <span className="mention">#<bdi>{channel?.name ?? t('messages.unknownChannel')}</bdi></span>;
}

function CustomEmoji({ id, name }: { id: string; name: string }) {
  const { emojis } = useMessageRefs();
  const url = safeUrl(emojis.find((e) => e.id === id)?.url);
  if (!url) return `:${name}:`;
  return <img className="emoji" src={url} alt={`:${name}:`} title={`:${name}:`} draggable={false} loading="lazy" />;
}

/**
 * One Twemoji image; its text when the image does not load. The parser knows newer emoji than the
 * bundled SVGs (@twemoji/parser 17 against @twemoji/svg 15.0, the newest published): 🐦‍🔥 has no file.
 */
function Twemoji({ emoji, url }: { emoji: string; url: string }) {
  const [missing, setMissing] = useState(false);
  if (missing) return emoji;
  return <img className="emoji" src={url} alt={emoji} title={emoji} draggable={false} loading="lazy" onError={() => setMissing(true)} />;
}

export function UnicodeEmoji({ emoji }: { emoji: string }) {
  const url = twemojiUrl(emoji);
  if (!url) return emoji;
  return <Twemoji emoji={emoji} url={url} />;
}

/** Plain text (a name, a poll answer) with its Unicode emoji drawn from Twemoji, like Discord does. */
export function EmojiText({ text }: { text: string }) {
  return <>{splitEmoji(text).map((part, i) => ('emoji' in part ? <Twemoji key={i} emoji={part.emoji} url={part.url} /> : part.text))}</>;
}
