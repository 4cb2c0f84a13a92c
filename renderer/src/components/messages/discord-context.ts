// What the Markdown of one message resolves against: its mentions and custom emoji (from the core).
import { createContext, useContext } from 'react';
import type { ChatMessageView } from '../../../../shared/types';

export type MessageRefs = Pick<ChatMessageView, 'mentions' | 'emojis'>;

const EMPTY: MessageRefs = { mentions: { users: [], roles: [], channels: [], everyone: false }, emojis: [] };

export const MessageRefsContext = createContext<MessageRefs>(EMPTY);
export const useMessageRefs = () => useContext(MessageRefsContext);
