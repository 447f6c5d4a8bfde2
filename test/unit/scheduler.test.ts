/** The server's analysis scheduling: analyses advance in steps, and a superseded run stops at its next step. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analysisSteps, analyzeFile } from '../../server/src/core/analyze';
import { rules } from '../../server/src/core/rules';
import { nextTurn, RunScheduler, runSteps } from '../../server/src/scheduler';
import { MemoryProject } from './helpers';

const page = `Page({
  onTap() {
    wx.getUserProfile({ desc: '', success: (res) => console.log(res) });
  },
  onLoad() {
    wx.getUserInfo({ lang: 'fr' }).then(() => {});
  },
});
`;

/** A generator that records how many steps ran and whether it was stopped. */
function counted(total: number) {
  const state = { ran: 0, stopped: false };
  function* steps(): Generator<void, string, void> {
    try {
      for (let i = 0; i < total; i++) {
        state.ran++;
        yield;
      }
      return 'done';
    } finally {
      if (state.ran < total) state.stopped = true;
    }
  }
  return { state, steps: steps() };
}

describe('analysis steps', () => {
  it('pause after the parse and before every script rule, and end with what analyzeFile returns', () => {
    const project = new MemoryProject({ 'pages/a/a.js': page, 'pages/a/a.wxml': '<button bindtap="onTap">go</button>' });
    const steps = analysisSteps(project.path('pages/a/a.js'), page, project.index);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    const scriptRules = rules.filter((r) => r.checkScript).length;
    assert.ok(pauses >= scriptRules + 1, `${pauses} pauses for ${scriptRules} script rules`);
    const whole = analyzeFile(project.path('pages/a/a.js'), page, project.index);
    assert.deepEqual(step.value, whole);
    assert.ok(whole.findings.some((f) => f.code === 'desc-missing'));
  });

  it('stop when returned early, with no rule run after that', () => {
    const project = new MemoryProject({ 'pages/a/a.js': page });
    const steps = analysisSteps(project.path('pages/a/a.js'), page, project.index);
    steps.next();
    const stopped = steps.return({ findings: [] });
    assert.equal(stopped.done, true);
    assert.equal(steps.next().done, true);
  });
});

describe('runSteps', () => {
  it('runs every step to the result, pausing between steps', async () => {
    const { state, steps } = counted(5);
    let pauses = 0;
    const result = await runSteps(
      steps,
      () => false,
      async () => void pauses++,
    );
    assert.equal(result, 'done');
    assert.equal(state.ran, 5);
    assert.equal(pauses, 5);
  });

  it('gives up at the first pause after it is superseded, and lets the generator clean up', async () => {
    const { state, steps } = counted(100);
    let pauses = 0;
    const result = await runSteps(
      steps,
      () => pauses >= 3,
      async () => void pauses++,
    );
    assert.equal(result, undefined);
    assert.equal(state.ran, 3);
    assert.equal(state.stopped, true);
  });
});

/** Waits, turn by turn, until `done()` holds (failing after 10 s rather than guessing a delay). */
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('RunScheduler', () => {
  it('coalesces a burst of schedules into one run', async () => {
    const runs: string[] = [];
    const scheduler = new RunScheduler(async (key) => void runs.push(key));
    for (let i = 0; i < 10; i++) scheduler.schedule('a');
    scheduler.schedule('b');
    await until(() => runs.length >= 2, 'two runs');
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(runs.sort(), ['a', 'b']);
  });

  it('supersedes a run in progress when the key is scheduled again, and on cancel', async () => {
    const seen: Array<{ run: number; stoppedAfter: number | undefined }> = [];
    let started = 0;
    let current: { ran: number } | undefined;
    const scheduler = new RunScheduler(async (_key, isLatest) => {
      const run = ++started;
      const { state, steps } = counted(50);
      current = state;
      const result = await runSteps(steps, () => !isLatest());
      seen.push({ run, stoppedAfter: result === undefined ? state.ran : undefined });
    });
    scheduler.schedule('doc');
    // Turn by turn with the run's own steps (both wait for the next turn), so the edit below arrives a step or two
    // after step 3 however slow the machine is; waiting on a timer let run 1 finish first under load.
    while ((current?.ran ?? 0) < 3) await nextTurn();
    scheduler.schedule('doc'); // an edit arrives while run 1 is at step 4 or so
    await until(() => seen.length === 2, 'both runs');
    const first = seen.find((s) => s.run === 1)!;
    assert.ok(
      first.stoppedAfter !== undefined && first.stoppedAfter < 50,
      `run 1 stopped after ${first.stoppedAfter} of 50 steps`,
    );
    assert.equal(seen.find((s) => s.run === 2)!.stoppedAfter, undefined, 'run 2 finished');
    assert.equal(scheduler.size, 0, 'nothing kept after the latest run finished');

    scheduler.schedule('doc');
    while (started < 3 || (current?.ran ?? 0) < 1) await nextTurn();
    scheduler.cancel('doc'); // the document closed
    await until(() => seen.length === 3, 'the third run to stop');
    assert.ok(seen[2]!.stoppedAfter !== undefined, 'the run of a closed document stopped');
    assert.equal(scheduler.size, 0);
  });

  it('runs one key at a time, edited documents first', async () => {
    const events: string[] = [];
    let active = 0;
    const scheduler = new RunScheduler(async (key, isLatest) => {
      active++;
      assert.equal(active, 1, 'two runs overlapped');
      events.push(`start ${key}`);
      await runSteps(counted(10).steps, () => !isLatest());
      events.push(`end ${key}`);
      active--;
    });
    for (const key of ['a', 'b', 'c']) scheduler.schedule(key);
    scheduler.schedule('c', true);
    await until(() => events.length === 6, 'three runs');
    assert.deepEqual(events, ['start c', 'end c', 'start a', 'end a', 'start b', 'end b']);
    assert.equal(scheduler.size, 0);
  });
});
