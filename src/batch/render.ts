// A task's output, rendered to strings where it ran (a worker thread), so the main thread only
// writes: structured-cloning a whole fact sheet back costs as much as serialising it.
import { toBrat } from './exports/brat';
import { toLabelStudio } from './exports/labelstudio';
import { runTask, type Task } from './task';

export type Format = 'jsonl' | 'labelstudio' | 'brat';

export interface Rendered {
  id: string | null;
  failed: boolean;
  /** the JSON line for jsonl, or the {id, error} line of a failure */
  line?: string;
  labelstudio?: string;
  brat?: { txt: string; ann: string };
}

export function renderTask(task: Task, format: Format): Rendered {
  const { result, text } = runTask(task);
  const id = result.id ?? task.id;
  if ('error' in result) return { id, failed: true, line: JSON.stringify(result) };
  if (format === 'labelstudio')
    return { id, failed: false, labelstudio: JSON.stringify(toLabelStudio(result, text ?? '')) };
  if (format === 'brat') return { id, failed: false, brat: { txt: text ?? '', ann: toBrat(result, text ?? '') } };
  return { id, failed: false, line: JSON.stringify(result) };
}
