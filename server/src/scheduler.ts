/**
 * When the language server analyses: one run per document at a time, started on the next turn of the
 * event loop so a burst of edits becomes one run, and superseded by the next edit. A run advances step by
 * step (`analysisSteps` in the core), yielding to the event loop between steps, so hovers and completions
 * are answered during a long analysis and a run whose document changed stops at its next step instead of
 * finishing for nothing.
 */

/** Lets the messages that arrived meanwhile (edits, hovers, completions) in. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Drives a generator of steps to its result, awaiting `pause` after each step and giving up (returning
 * `undefined`, after letting the generator clean up) as soon as `superseded()` says so.
 */
export async function runSteps<T>(steps: Generator<void, T, void>, superseded: () => boolean, pause: () => Promise<void> = nextTurn): Promise<T | undefined> {
  let step = steps.next();
  while (!step.done) {
    await pause();
    if (superseded()) {
      steps.return(undefined as T);
      return undefined;
    }
    step = steps.next();
  }
  return step.value;
}

/** A run is told whether it is still the latest one for its key. */
export type Run = (key: string, isLatest: () => boolean) => Promise<void>;

/**
 * Coalesces and supersedes runs per key (a document URI): `schedule` starts a run on the next turn and
 * makes every earlier run of that key stale; `cancel` makes them stale without starting another.
 */
export class RunScheduler {
  private readonly tickets = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private lastTicket = 0;

  constructor(private readonly run: Run) {}

  schedule(key: string): void {
    const previous = this.timers.get(key);
    if (previous) clearTimeout(previous);
    const ticket = ++this.lastTicket;
    this.tickets.set(key, ticket);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(key, () => this.tickets.get(key) === ticket);
      }, 0),
    );
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.tickets.delete(key);
  }

  /** Keys with a run scheduled or in progress (for tests and memory checks). */
  get size(): number {
    return this.tickets.size;
  }

  /** A run that finished calls this, so a key it no longer needs is not kept. */
  finished(key: string, isLatest: () => boolean): void {
    if (isLatest()) this.tickets.delete(key);
  }
}
