// Worker-thread entry of the HTTP extraction pool (piscina): each worker loads the core once.
// A JSON body's bytes are transferred to the main thread, not copied.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { runJob, type Job, type JobResult } from './jobs';

export default function work(job: Job): JobResult {
  const r = runJob(job);
  if (r.kind !== 'json') return r;
  return move({ [transferableSymbol]: [r.body.buffer], [valueSymbol]: r }) as unknown as JobResult;
}
