/**
 * A `mp-userinfo check --jobs N` worker thread (bundled as dist/checkWorker.js): its own ProjectIndex over
 * the disk and the run's options; it checks the batches of files it is sent and answers each with its
 * findings and notices as plain data. See checkPool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileChecker, type CheckOutput } from './checkFiles';
import type { FromWorker, ToWorker, WorkerSetup } from './checkPool';

const port = parentPort;
if (!port) throw new Error('checkWorker runs as a worker thread of mp-userinfo check');
const setup = workerData as WorkerSetup;
const checker = new FileChecker(setup.cwd, setup.options);

port.on('message', ({ batch, files }: ToWorker) => {
  const out: CheckOutput = { findings: [], notices: [] };
  let reply: FromWorker;
  try {
    checker.checkAll(files, out);
    reply = { batch, ...out };
  } catch (error) {
    reply = { batch, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
