// Worker-thread entry for the batch pool (piscina): each worker loads the core once.
import { renderTask, type Format, type Rendered } from './render';
import type { Task } from './task';

export default function work({ task, format }: { task: Task; format: Format }): Rendered {
  return renderTask(task, format);
}
