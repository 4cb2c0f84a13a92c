// session (CSP headers, permission handlers), shell and dialog.
import { vi } from 'vitest';

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;
export const session = {
  defaultSession: {
    headersListener: null as HeadersListener | null,
    permissionRequestHandler: null as ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
    permissionCheckHandler: null as ((wc: unknown, permission: string) => boolean) | null,
    webRequest: {
      onHeadersReceived: vi.fn((listener: HeadersListener) => {
        session.defaultSession.headersListener = listener;
      }),
    },
    setPermissionRequestHandler: vi.fn((handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void) => {
      session.defaultSession.permissionRequestHandler = handler;
    }),
    setPermissionCheckHandler: vi.fn((handler: (wc: unknown, permission: string) => boolean) => {
      session.defaultSession.permissionCheckHandler = handler;
    }),
  },
};

export const shell = {
  openPath: vi.fn(async (_path: string) => ''),
  openExternal: vi.fn(async (_url: string) => undefined),
};

export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async (_options: unknown) => ({ response: 0 })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: undefined as string | undefined })),
};
