// Opaque pagination cursors: the sort key of the last item, base64url-encoded.
export class CursorError extends Error {}

export const encodeCursor = (key: (string | number | null)[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string | undefined, length: number): (string | number | null)[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((k) => k === null || typeof k === 'string' || typeof k === 'number')
    )
      return key;
  } catch {
    /* fall through */
  }
  throw new CursorError('cursor is not one this API issued');
}

export const normName = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’']/g, "'")
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
