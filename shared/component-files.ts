// Files a message shows through File components (components v2). Discord shows an IS_COMPONENTS_V2
// message's uploads only where a component places them, so the panel and the HTML export list the
// attachments no File component already drew, instead of showing the same file twice.
import { unsignedLink } from './attachment-links.js';
import type { ChatAttachment, ChatComponent } from './types.js';

type FileComponent = Extract<ChatComponent, { type: 'file' }>;

/** The File components in reading order, inside rows, containers and sections too. */
export function fileComponents(components: readonly ChatComponent[] | undefined): FileComponent[] {
  const out: FileComponent[] = [];
  const walk = (list: readonly ChatComponent[]) => {
    for (const c of list) {
      if (c.type === 'file') out.push(c);
      else if (c.type === 'row' || c.type === 'container') walk(c.components);
      else if (c.type === 'section') walk(c.accessory ? [...c.components, c.accessory] : c.components);
    }
  };
  walk(components ?? []);
  return out;
}

/** The attachments left to list once File components drew theirs (matched by attachment id, else by URL path). */
export function attachmentsNotInComponents(attachments: ChatAttachment[], components: readonly ChatComponent[] | undefined): ChatAttachment[] {
  const files = fileComponents(components);
  if (files.length === 0) return attachments;
  const ids = new Set(files.flatMap((f) => (f.attachmentId ? [f.attachmentId] : [])));
  const paths = new Set(files.flatMap((f) => (f.url ? [unsignedLink(f.url)] : [])));
  return attachments.filter((a) => !ids.has(a.id) && !paths.has(unsignedLink(a.url)));
}
