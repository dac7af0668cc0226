// The article this product was designed from (published 2025-07-04): every fact type present,
// nothing from the teaser lines.
import fs from 'node:fs';
import path from 'node:path';
import { extract, FactSheet } from '../../src/core';

const text = fs.readFileSync(path.join(__dirname, '../../data/samples/seed-article.txt'), 'utf8');
const sheet = extract(text, { publishedAt: '2025-07-04' });

test('the sheet validates against its schema', () => {
  expect(() => FactSheet.parse(sheet)).not.toThrow();
});

test('the four teaser lines are boilerplate; the three section headings are not', () => {
  const lines = sheet.boilerplate.map((b) => text.slice(b.start, b.end).trim());
  expect(lines).toHaveLength(4);
  expect(lines).toContain('The curious case of the British jet stuck in India');
  for (const heading of [
    'What Russia’s Recognition Means',
    'Taliban Rule: Global Condemnation Continues',
    'A Complex History and a New Era',
  ]) {
    expect(lines).not.toContain(heading);
  }
});

test('no fact comes from a teaser line', () => {
  expect(sheet.boilerplate.length).toBeGreaterThan(0);
  const spans = [
    ...sheet.entities.flatMap((e) => e.mentions),
    ...sheet.dates,
    ...sheet.quotes,
    ...sheet.figures,
    ...sheet.events.map((e) => e.trigger),
  ];
  for (const s of spans) for (const b of sheet.boilerplate) expect(s.start >= b.end || s.end <= b.start).toBe(true);
});

test('people carry canonical names and roles', () => {
  const byName = new Map(sheet.entities.map((e) => [e.name, e]));
  expect(byName.get('Amir Khan Muttaqi')?.aliases).toContain('Muttaqi');
  expect(byName.get('Amir Khan Muttaqi')?.roles[0]).toMatchObject({ title: 'Foreign Minister', of: 'Afghanistan' });
  expect(byName.get('Dmitry Zhirnov')?.roles[0]).toMatchObject({ title: 'Ambassador', of: 'Russia' });
  expect(byName.get('Vladimir Putin')?.roles[0]).toMatchObject({ title: 'President', of: 'Russia' });
  expect(byName.get('Soviet Union')?.aliases).toContain('USSR');
});

test('dates, events, quotes and figures', () => {
  const dates = Object.fromEntries(sheet.dates.map((d) => [`${d.text}@${d.start}`, d.value]));
  expect(Object.values(dates)).toEqual(
    expect.arrayContaining(['2025-07-03', '2021-08', '2025-04', '1979', '1989', 'P4Y', 'P9Y']),
  );
  const events = sheet.events.map((e) => `${e.trigger.text}:${e.date?.value}`);
  expect(events).toEqual(
    expect.arrayContaining([
      'seized:2021-08',
      'meeting:2025-07-03',
      'Keeping:2021',
      'Signing:2022',
      'Removing:2025-04',
      'invaded:1979',
      'withdrew:1989',
    ]),
  );
  const removing = sheet.events.find((e) => e.trigger.text === 'Removing');
  expect(removing?.participants[0]).toMatchObject({ name: 'Russia', role: 'agent' });
  const quotes = sheet.quotes
    .filter((q) => q.kind !== 'scare' && q.kind !== 'title')
    .map((q) => [q.text.slice(0, 20), q.speaker?.name]);
  expect(quotes).toEqual(
    expect.arrayContaining([
      ['courageous', 'Taliban'],
      ['This marks a new pha', 'Amir Khan Muttaqi'],
      ['the recognition woul', 'Amir Khan Muttaqi'], // the reported clause around the partial “example”
      ['Official recognition', 'Russian Foreign Ministry'],
      ['gender apartheid', 'United Nations'],
      ['ally', 'Vladimir Putin'],
    ]),
  );
  expect(sheet.quotes.find((q) => q.text === 'virtue')?.kind).toBe('scare');
  expect(sheet.quotes.find((q) => q.text.startsWith('Islamic Emirate'))?.kind).toBe('title');
  const money = sheet.figures.find((f) => f.kind === 'money');
  expect(money).toMatchObject({
    text: 'roughly $9 billion',
    value: 9e9,
    unit: 'USD',
    approximate: true,
    subject: { text: 'Afghan assets' },
  });
  expect(sheet.figures.filter((f) => f.kind === 'ordinal').map((f) => f.value)).toContain(1);
  expect(sheet.figures.some((f) => /^(19|20)\d\d$/.test(f.text))).toBe(false);
});

test('without publishedAt, relative dates stay unresolved and say why', () => {
  const s = extract('The leaders met on Thursday. The war ended in 1989.');
  const thursday = s.dates.find((d) => d.text === 'Thursday');
  expect(thursday?.value).toBeNull();
  expect(thursday?.note).toMatch(/publishedAt/);
  expect(s.dates.find((d) => d.text === '1989')?.value).toBe('1989');
});
