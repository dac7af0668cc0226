// The timeline sorts calendar events by where their period begins; reference words stay out of it.
import { extract } from '../../src/core';
import { startKey } from '../../src/core/events';

test.each([
  ['199', '1990-01-01'],
  ['19', '1900-01-01'],
  ['2025-Q3', '2025-07-01'],
  ['2025-H2', '2025-07-01'],
  ['2024-WI', '2024-12-01'],
  ['2025-W27', '2025-06-30'],
  ['2025-07-04T18:00', '2025-07-04T18:00'],
  ['2025', '2025-01-01'],
])('%s begins at %s', (value, key) => {
  expect(startKey(value)).toBe(key);
});

test('periods sort among days; PRESENT_REF events are events but not on the timeline', () => {
  const sheet = extract(
    'Profits fell in the third quarter of 2024. The firm was sold on August 2, 2024. The museum currently employs 40 guides.',
    { publishedAt: '2025-07-04' },
  );
  expect(sheet.timeline.map((t) => t.date)).toEqual(['2024-Q3', '2024-08-02']);
  expect(sheet.events.some((e) => e.date?.value === 'PRESENT_REF')).toBe(true);
});
