// Polls the app's /healthz until a new process (other pid) reports the bot connected.
export interface Health {
  pid: number;
  version: string;
  commit: string;
  bot: string;
}

export async function health(base: string): Promise<Health> {
  return (await (await fetch(`${base}/healthz`)).json()) as Health;
}

export async function waitForNewProcess(base: string, oldPid: number, describe: () => string, timeoutMs = 60_000): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const h = await health(base);
      if (h.pid !== oldPid && h.bot === 'connected') return h;
    } catch {
      /* restarting: the port is briefly closed */
    }
    if (Date.now() > deadline) throw new Error(`no new process with the bot connected within ${timeoutMs / 1000} s:\n${describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
