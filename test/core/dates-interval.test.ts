// TIMEX3 values as the days they span: one table for the timeline's order and the store's date filters.
import { timexInterval } from '../../src/core/dates/interval';

test.each([
  ['2025-07-04', ['2025-07-04', '2025-07-04']],
  ['2025-07-04T18:00', ['2025-07-04', '2025-07-04']],
  ['2025-07', ['2025-07-01', '2025-07-31']],
  ['2024-02', ['2024-02-01', '2024-02-29']],
  ['2025', ['2025-01-01', '2025-12-31']],
  ['2025-Q3', ['2025-07-01', '2025-09-30']],
  ['2025-H1', ['2025-01-01', '2025-06-30']],
  ['2025-H2', ['2025-07-01', '2025-12-31']],
  ['2025-SU', ['2025-06-01', '2025-08-31']],
  ['2024-WI', ['2024-12-01', '2025-02-28']],
  ['2025-W27', ['2025-06-30', '2025-07-06']],
  ['2025-W27-WE', ['2025-07-05', '2025-07-06']],
  ['199', ['1990-01-01', '1999-12-31']],
  ['19', ['1900-01-01', '1999-12-31']],
])('%s spans %j', (value, range) => {
  expect(timexInterval(value)).toEqual(range);
});

test.each(['PRESENT_REF', 'P4Y', 'XXXX-07', '', null])('%s is no calendar interval', (value) => {
  expect(timexInterval(value)).toBeNull();
});
