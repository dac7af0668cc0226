// Dated events: the trigger a date belongs to, the relation, participants, list items that
// inherit the subject of their lead-in line, and the timeline.
import { extract } from '../../src/core';

const at = (text: string) => extract(text, { publishedAt: '2025-07-04' });
const ev = (text: string) => at(text).events.map((e) => `${e.trigger.text}:${e.date?.value}:${e.relation}`);

test.each([
  ['The rebels seized the capital in August 2021.', 'seized:2021-08:during'],
  ['The council signed the agreement in Oslo on June 15.', 'signed:2025-06-15:during'],
  ['The announcement followed a meeting in Nairobi on Thursday.', 'meeting:2025-07-03:during'],
  ['Exports have grown since 2019.', 'grown:2019:from'],
  ['The company was floated on two stock markets in September 2006.', 'floated:2006-09:during'],
  ['Denver based Northwind won the contract on March 3, 2024.', 'won:2024-03-03:during'],
])('%s', (text, expected) => {
  expect(ev(text)).toContain(expected);
});

test('list items inherit the agent of their lead-in line', () => {
  const sheet = at(
    'Kenya took several steps toward the deal, including:\n- Opening a trade office in 2019\n- Signing a treaty in 2022\n',
  );
  const opening = sheet.events.find((e) => e.trigger.text === 'Opening');
  const signing = sheet.events.find((e) => e.trigger.text === 'Signing');
  expect(opening?.date?.value).toBe('2019');
  expect(signing?.date?.value).toBe('2022');
  expect(opening?.participants[0]).toMatchObject({ name: 'Kenya', role: 'agent' });
  expect(signing?.participants[0]).toMatchObject({ name: 'Kenya', role: 'agent' });
});

test('the tense decides which Thursday', () => {
  expect(ev('The ministers met on Thursday.')).toContain('met:2025-07-03:during');
  expect(ev('The ministers will meet on Thursday.')).toContain('meet:2025-07-10:during');
});

test('the timeline is sorted by date and links events', () => {
  const sheet = at('Troops withdrew in 1989. The army invaded in 1979. Leaders met on Thursday.');
  expect(sheet.timeline.map((t) => t.date)).toEqual(['1979', '1989', '2025-07-03']);
  for (const t of sheet.timeline) expect(sheet.events.some((e) => e.id === t.eventId)).toBe(true);
});

test('no event from a present-reference or an undated clause', () => {
  expect(ev('Now the city is rebuilding its roads.')).toEqual([]);
  expect(ev('The mayor opened the bridge.')).toEqual([]);
});

test('a phrasal verb is its verb, not its particle', () => {
  expect(ev('Rosa Lind took over as governor in January 2024.')).toContain('took:2024-01:during');
});

test('of two dates on one trigger the more precise wins; prepositional -ing forms are not events', () => {
  expect(ev('The jet made its first test flight on Tuesday at 18:00 UTC.')).toContain(
    'flight:2025-07-01T18:00Z:during',
  );
  expect(ev('Regulators listed several accidents, including two crashes this year.')).not.toContain(
    'including:2025:during',
  );
  expect(ev('The airline will take delivery in May 2026.')).toContain('delivery:2026-05:during');
});

test('an agent is the subject of its clause, not a name before a subordinate clause', () => {
  const sheet = at('Peru joined the pact, nearly four years after the junta seized power in August 2021.');
  const seized = sheet.events.find((e) => e.trigger.text === 'seized');
  expect(seized?.participants.find((p) => p.role === 'agent')).toBeUndefined();
  const invaded = at('Spain, then a kingdom, invaded Peru in 1532.').events.find((e) => e.trigger.text === 'invaded');
  expect(invaded?.participants[0]).toMatchObject({ name: 'Spain', role: 'agent' });
});
