// Limits of the panel boundary, shared by the desktop shell and headless mode (and the README).

/** Largest WebSocket frame accepted: far above any legitimate command (a settings save is < 1 KiB). */
export const WS_MAX_PAYLOAD = 1024 * 1024;

/** Deepest JSON nesting accepted in a frame (the frame object counts as one level); commands need 3. */
export const WS_MAX_DEPTH = 32;

/** Per-connection command rate: a token bucket refilled at `perSecond`, holding at most `burst`. */
export const COMMAND_RATE = { perSecond: 20, burst: 50 } as const;

/** Simultaneous panel WebSockets (each open tab is one). */
export const MAX_WS_CONNECTIONS = 16;

/** Concurrent HTTP connections from one address (a browser opens about 6 per host). */
export const MAX_HTTP_CONNECTIONS_PER_IP = 64;

/** Concurrent HTTP connections in all. */
export const MAX_HTTP_CONNECTIONS = 256;

/** Bytes queued to a panel that does not read before it is dropped (events keep coming). */
export const WS_MAX_BUFFERED = 8 * 1024 * 1024;

/** Refused connections are summed up in one log line per this interval. */
export const REFUSAL_LOG_INTERVAL_MS = 60_000;

/** A client gets this long to send its request headers, and the whole request (slow-loris). */
export const HTTP_HEADERS_TIMEOUT_MS = 10_000;
export const HTTP_REQUEST_TIMEOUT_MS = 30_000;
/** Pipelined requests waiting on one connection behind the one being answered; one more closes it (browsers never pipeline). */
export const HTTP_PIPELINE_DEPTH = 8;
/** A connection with no byte read or written for this long is closed (a client that stopped reading its answer). */
export const HTTP_IDLE_TIMEOUT_MS = 60_000;
/** How often those two timeouts are enforced (Node's default, 30 s, would let idle sockets pile up). */
export const HTTP_TIMEOUT_CHECK_MS = 1_000;

/** Discord itself renders one level of quote; each level indents, so 500 nested quotes made the feed 7,000 px wide. */
export const MAX_QUOTE_DEPTH = 1;
/** Deeper list items join the deepest list, in order: no text is lost, only indentation. */
export const MAX_LIST_DEPTH = 4;
