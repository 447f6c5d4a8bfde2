/**
 * When the language server analyses: one document at a time, queued, started on the next turn of the
 * event loop so a burst of edits becomes one run, and superseded by the next edit. A run advances step by
 * step (`analysisSteps` in the core), yielding to the event loop between steps, so hovers and completions
 * are answered during a long analysis and a run whose document changed stops at its next step instead of
 * finishing for nothing.
 */

/** Lets the messages that arrived meanwhile (edits, hovers, completions) in. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Goes straight on: for analyses too short to be worth interrupting. */
export const straightOn = (): Promise<void> => Promise.resolve();

/**
 * Documents from this many characters on are analysed with a turn of the event loop between steps.
 * Shorter ones (a few milliseconds of work) run in one go: letting messages in between steps keeps each
 * syntax tree alive across turns, and opening a workspace of small files then peaked about 25 % higher in
 * resident memory for nothing.
 */
export const interruptibleFrom = 64 * 1024;

/**
 * Drives a generator of steps to its result, awaiting `pause` after each step and giving up (returning
 * `undefined`, after letting the generator clean up) as soon as `superseded()` says so.
 */
export async function runSteps<T>(
  steps: Generator<void, T, void>,
  superseded: () => boolean,
  pause: () => Promise<void> = nextTurn,
): Promise<T | undefined> {
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
 * Queues, coalesces and supersedes runs per key (a document URI). One run is in progress at a time, so
 * opening a workspace's worth of files analyses them one after another instead of holding every parse at
 * once; between the steps of that run the event loop serves requests. `schedule` queues a run (a burst of
 * schedules before it starts is one run) and makes any earlier run of that key stale, so a run in progress
 * stops at its next step; `first` puts the key at the head of the queue, for the document being edited.
 * `cancel` drops a key's queued run and stales the one in progress.
 */
export class RunScheduler {
  private readonly tickets = new Map<string, number>();
  /** Keys waiting for a run, in order (a Set keeps insertion order): edited documents, then the rest. */
  private readonly urgent = new Set<string>();
  private readonly queue = new Set<string>();
  private lastTicket = 0;
  private pumping = false;

  constructor(private readonly run: Run) {}

  schedule(key: string, first = false): void {
    this.tickets.set(key, ++this.lastTicket);
    if (first) {
      this.queue.delete(key);
      this.urgent.add(key);
    } else if (!this.urgent.has(key)) {
      this.queue.add(key);
    }
    if (!this.pumping) {
      this.pumping = true;
      // On the next macrotask: the rest of a burst of changes arrives first and joins this run.
      setTimeout(() => void this.pump(), 0);
    }
  }

  cancel(key: string): void {
    this.urgent.delete(key);
    this.queue.delete(key);
    this.tickets.delete(key);
  }

  /** Keys with a run queued or in progress (for tests and memory checks). */
  get size(): number {
    return this.tickets.size;
  }

  private async pump(): Promise<void> {
    try {
      for (let key = this.next(); key !== undefined; key = this.next()) {
        const ticket = this.tickets.get(key);
        if (ticket === undefined) continue;
        try {
          await this.run(key, () => this.tickets.get(key) === ticket);
        } catch {
          // A run reports its own failures; the queue goes on.
        }
        // Keep no ticket for a key with nothing queued or running.
        if (this.tickets.get(key) === ticket && !this.urgent.has(key) && !this.queue.has(key)) this.tickets.delete(key);
      }
    } finally {
      this.pumping = false;
    }
  }

  private next(): string | undefined {
    for (const waiting of [this.urgent, this.queue]) {
      const [key] = waiting;
      if (key === undefined) continue;
      waiting.delete(key);
      return key;
    }
    return undefined;
  }
}
