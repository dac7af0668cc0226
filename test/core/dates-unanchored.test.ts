// Without a publication date, relative expressions keep their span and a null value with the
// reason; values counted from a date in the text still resolve, and a day still joins its clock time.
import { extract } from '../../src/core';

const dates = (text: string) => extract(text).dates.map((d) => [d.text, d.type, d.value, d.note ?? null]);
const NOTE = 'relative expression and no publishedAt to resolve it against';

test('a value anchored on a date of the text needs no publication date', () => {
  expect(dates('The plant closed in 2015 and reopened two years later.')).toEqual([
    ['2015', 'date', '2015', null],
    ['two years later', 'date', '2017', null],
  ]);
});

test('a weekday joins its clock time and stays unresolved', () => {
  expect(dates('Police arrived Tuesday at 3 p.m.')).toEqual([['Tuesday at 3 p.m.', 'time', null, NOTE]]);
  expect(dates('Talks resume at noon Tuesday.')).toEqual([['noon Tuesday', 'time', null, NOTE]]);
});

test('periods, holidays and seasons without a year say why they have no value', () => {
  for (const text of [
    'Profit rose in the fourth quarter.',
    'The shop closed on Christmas Eve.',
    'Prices rose this summer.',
  ]) {
    const [d] = extract(text).dates;
    expect(d.value).toBeNull();
    expect(d.note).toBe(NOTE);
  }
});
