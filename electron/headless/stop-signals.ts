// The signals that stop the headless app: SIGINT and SIGTERM, and SIGHUP (the terminal or the SSH session
// closed), whose default killed the app with no close to Discord and nothing flushed. Only the first one
// counts: a second SIGTERM sent while the shutdown ran cut it short the same way. The shutdown is bounded
// (the gateway socket's close is capped at 10 s).
export function onStopSignal(stop: () => void): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop();
    });
  }
}
