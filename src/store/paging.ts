// Cursors bound to their query: the store's cursor (the sort key of the last item) is wrapped
// with a tag of the list and filters it came from, so a cursor from another list or another
// filter is rejected instead of silently paging something else. Clients treat cursors as opaque.
import { createHash } from 'node:crypto';
import { CursorError } from './cursor';
import type { Page } from './types';

const tagOf = (list: string, query: Record<string, unknown>): string => {
  const filters = Object.entries(query)
    .filter(([k, v]) => k !== 'cursor' && k !== 'limit' && v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256')
    .update(JSON.stringify([list, filters]))
    .digest('base64url')
    .slice(0, 16);
};

export const wrapCursor = (inner: string, tag: string): string => Buffer.from(`${tag}.${inner}`).toString('base64url');

export function unwrapCursor(cursor: string, tag: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const dot = raw.indexOf('.');
  if (dot < 0 || !/^[\w-]+$/.test(raw.slice(0, dot))) throw new CursorError('cursor is not one this API issued');
  if (raw.slice(0, dot) !== tag)
    throw new CursorError('cursor belongs to another list or other filters: send the filters it came with');
  return raw.slice(dot + 1);
}

/** Runs one page of a list with a bound cursor in and out (works for a synchronous or an asynchronous store). */
export async function boundPage<Q extends { cursor?: string }, T>(
  list: string,
  query: Q,
  run: (q: Q) => Page<T> | Promise<Page<T>>,
): Promise<Page<T>> {
  const tag = tagOf(list, query);
  const inner = query.cursor === undefined ? undefined : unwrapCursor(query.cursor, tag);
  const page = await run({ ...query, cursor: inner });
  return { ...page, nextCursor: page.nextCursor === null ? null : wrapCursor(page.nextCursor, tag) };
}
