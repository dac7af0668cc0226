// Worker-thread entry for the batch pool (piscina): each worker loads the core once.
import { runTask, type Task, type TaskResult } from './task';

export default function work(task: Task): TaskResult {
  return runTask(task);
}
