/**
 * What the client does when the language server dies, kept free of `vscode` so that a unit test can
 * drive it: restart the server after each crash unless it crashed too often in a short time, and tell
 * the user once (on the first crash) rather than on every restart. A server that keeps crashing is
 * left stopped, and the user is told that too, once.
 */

/** What to do about a closed connection, and what (if anything) to tell the user. */
export interface CrashDecision {
  restart: boolean;
  /** A notification to show; undefined when the user was already told. */
  notify?: string;
}

export interface RestartPolicyOptions {
  /** Crashes tolerated within `windowMs` before giving up (default 5, as vscode-languageclient). */
  maxCrashes?: number;
  /** The window in milliseconds (default 3 minutes). */
  windowMs?: number;
  /** The clock; `Date.now` unless a test fixes it. */
  now?: () => number;
}

/** The messages, in one place so that the test and the extension agree on them. */
export const crashMessages = {
  restarted:
    'The Mini Program User Info language server stopped unexpectedly and was restarted. Diagnostics may be missing for a moment; the output channel has the details.',
  gaveUp: (count: number, minutes: number) =>
    `The Mini Program User Info language server crashed ${count} times in ${minutes} minutes and will not be restarted. Reload the window to start it again; the output channel has the details.`,
};

/** Counts crashes in a sliding window and decides, for each, whether to restart and whether to tell the user. */
export class ServerRestartPolicy {
  private readonly maxCrashes: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private crashes: number[] = [];
  private toldRestarted = false;
  private toldGaveUp = false;

  constructor(options: RestartPolicyOptions = {}) {
    this.maxCrashes = options.maxCrashes ?? 5;
    this.windowMs = options.windowMs ?? 3 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** The connection to the server closed without the client asking for it. */
  closed(): CrashDecision {
    const now = this.now();
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    if (this.crashes.length > this.maxCrashes) {
      if (this.toldGaveUp) return { restart: false };
      this.toldGaveUp = true;
      return { restart: false, notify: crashMessages.gaveUp(this.crashes.length, Math.round(this.windowMs / 60_000)) };
    }
    if (this.toldRestarted) return { restart: true };
    this.toldRestarted = true;
    return { restart: true, notify: crashMessages.restarted };
  }

  /**
   * A message could not be written or read. Like vscode-languageclient's default: keep going for the
   * first three errors in a row, then shut the connection down (which ends in {@link closed}).
   */
  error(count: number | undefined): 'continue' | 'shutdown' {
    return count !== undefined && count <= 3 ? 'continue' : 'shutdown';
  }

  /** The user restarted the server by hand: forget the crash history, so a new crash is told again. */
  reset(): void {
    this.crashes = [];
    this.toldRestarted = false;
    this.toldGaveUp = false;
  }
}
