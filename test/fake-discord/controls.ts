// The gateway's test controls FakeDiscord offers: session counts and statistics, and failure injection
// (drops, outages, op 7/9/1, close codes, silence, session start limits). FakeDiscord extends this class.
import type { Gateway } from './gateway.js';
import type { SessionStartLimit } from './session-limit.js';

export abstract class FakeGatewayControls {
  protected abstract readonly gateway: Gateway;

  // ---- session statistics ----

  liveSessions(token: string): number {
    return this.gateway.liveSessions(token);
  }
  maxConcurrentSessions(token: string): number {
    return this.gateway.stat(token).maxLive;
  }
  /** IDENTIFY payloads received, including refused ones. */
  identifyCount(token: string): number {
    return this.gateway.stat(token).identifies;
  }
  /** RESUME payloads received, including ones answered with op 9. */
  resumeCount(token: string): number {
    return this.gateway.stat(token).resumes;
  }
  /** Close codes of this token's sockets as the server saw them; 1006 means no close frame. */
  closeCodes(token: string): number[] {
    return [...this.gateway.stat(token).closeCodes];
  }

  // ---- failure injection ----

  dropConnections(): void {
    this.gateway.dropConnections();
  }
  invalidateSessions(): void {
    this.gateway.invalidateSessions();
  }
  /** Sends op 7 RECONNECT to every connected session. */
  sendReconnect(): void {
    this.gateway.sendReconnect();
  }
  /**
   * A mute gateway: nothing sent, ops kept until it comes back. `deadPeer`: not even a close frame is
   * answered (ws answers one on its own otherwise, so a client's zombie close ends at once).
   */
  setSilent(silent: boolean, deadPeer = false): void {
    this.gateway.setSilent(silent, deadPeer);
  }
  /** Gateway unreachable for `ms`: live sockets are cut and new connections refused (ECONNRESET). */
  outage(ms: number): void {
    this.gateway.outage(ms);
  }
  inOutage(): boolean {
    return this.gateway.inOutage();
  }
  /** Sends op 9 INVALID_SESSION to every live session (d = resumable). */
  sendInvalidSession(resumable: boolean): void {
    this.gateway.sendInvalidSession(resumable);
  }
  /** From the next IDENTIFY on, this guild's GUILD_CREATE comes `ms` after READY (Discord sends them lazily). */
  lazyGuild(guildId: string, ms: number): void {
    this.gateway.lazyGuild(guildId, ms);
  }
  /** Sends op 1: clients must heartbeat immediately. */
  requestHeartbeat(): void {
    this.gateway.requestHeartbeat();
  }
  /** Closes every live session with a gateway close code (4000, 4007, 4008, 4009, ...). */
  closeSessions(code: number): void {
    this.gateway.closeSessions(code);
  }
  /** While on, RESUME is never answered (neither RESUMED nor op 9). */
  setResumeUnanswered(on: boolean): void {
    this.gateway.setResumeUnanswered(on);
  }
  /**
   * Every session open now breaks on Discord's side: a RESUME of it is still answered (RESUMED), but its heartbeats
   * are never acknowledged and no event reaches it again. A new session (IDENTIFY) works.
   */
  stallSessions(): void {
    this.gateway.stallSessions();
  }
  /** Overrides the token's session_start_limit (e.g. nearly exhausted). */
  setSessionStartLimit(token: string, limit: { total?: number; remaining?: number; resetAfterMs?: number }): void {
    this.gateway.limits.set(token, limit);
  }
  /** What `/gateway/bot` reports for the token right now. */
  sessionStartLimit(token: string): SessionStartLimit {
    return this.gateway.limits.limitFor(token);
  }
  /** Epoch ms of every IDENTIFY the token sent. */
  identifyTimes(token: string): number[] {
    return this.gateway.limits.identifyTimes(token);
  }
  /** op 1 heartbeats received from this token's sockets. */
  heartbeatCount(token: string): number {
    return this.gateway.stat(token).heartbeats;
  }
  /** Gateway connection attempts so far, refused ones included. */
  connectionAttempts(): number {
    return this.gateway.connectionAttempts();
  }
  /** Samples liveSessions(token) every `everyMs` until stopped; the answer is the highest count seen. */
  sampleLiveSessions(token: string, everyMs = 5): { stop(): { max: number; samples: number } } {
    let max = this.liveSessions(token);
    let samples = 1;
    const timer = setInterval(() => {
      max = Math.max(max, this.liveSessions(token));
      samples++;
    }, everyMs);
    return {
      stop: () => {
        clearInterval(timer);
        max = Math.max(max, this.liveSessions(token));
        return { max, samples: samples + 1 };
      },
    };
  }
}
