// Domain types shared by the main process and the renderer. Plain data only, one file per concern
// in shared/types/; this index keeps the one import path every side already uses.
export * from './types/bot.js';
export * from './types/chat-message.js';
export * from './types/chat-content.js';
export * from './types/settings.js';
export * from './types/app.js';
export * from './types/update.js';
export * from './types/history.js';
