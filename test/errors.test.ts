// The one error type: zod issues in plain words, the kinds behind statuses, one line shape.
import { z } from 'zod';
import { FactsheetError, fieldErrors, problemType, toLineError } from '../src/errors';
import { ExtractRequest } from '../src/input/article';

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return fieldErrors(r.error, value);
};

test.each([
  [{}, [{ field: 'text', message: 'text is required' }]],
  [{ text: 5 }, [{ field: 'text', message: 'text must be a string' }]],
  [
    { text: 'ok', published_at: '2025-07-04' },
    [{ field: 'published_at', message: 'published_at is not a known field' }],
  ],
  [
    { text: 'ok', include: ['dates', 'weather'] },
    [{ field: 'include.1', message: expect.stringMatching(/^include\.1 must be one of entities, dates/) }],
  ],
  [{ text: 'ok', include: [] }, [{ field: 'include', message: 'include needs at least 1 item' }]],
  [{ text: 'ok', title: 'x'.repeat(1001) }, [{ field: 'title', message: 'title is longer than 1000 characters' }]],
  [{ text: 'ok', publishedAt: '2025-02-30' }, [{ field: 'publishedAt', message: 'not a calendar date' }]],
  [{ text: '   ' }, [{ field: 'text', message: 'text is empty' }]],
])('%j → %j', (value, expected) => {
  expect(errorsOf(ExtractRequest, value)).toEqual(expected);
});

test('no zod wording reaches people', () => {
  const all = [
    {},
    { text: 5 },
    { text: 'a', x: 1 },
    { text: 'a', include: 'dates' },
    { text: 'a', publishedAt: 7 },
  ].flatMap((v) => errorsOf(ExtractRequest, v));
  expect(JSON.stringify(all)).not.toMatch(/Invalid input|expected string|received|Unrecognized/);
});

test('one line shape for failures in JSON Lines', () => {
  const e = new FactsheetError('text-too-large', 'text is 9 characters; the limit is 5', [
    { field: 'text', message: 'too long' },
  ]);
  expect([e.status, e.title, e.field]).toEqual([413, 'Text too large', 'text']);
  expect(toLineError('a', e)).toEqual({
    id: 'a',
    error: {
      type: problemType('text-too-large'),
      title: 'Text too large',
      detail: 'text is 9 characters; the limit is 5',
      field: 'text',
    },
  });
});
