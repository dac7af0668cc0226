// Worker-thread entry of the HTTP extraction pool (piscina): each worker loads the core once.
import { runJob, type Job, type JobResult } from './jobs';

export default function work(job: Job): JobResult {
  return runJob(job);
}
