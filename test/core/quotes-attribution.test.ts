// Every statement keeps its cue and the words naming its speaker, with offsets that slice the text,
// so that a reader can check the link (issue 14).
import { extract } from '../../src/core';

const ROWS: { text: string; cue: string; mention: string; kind: 'entity' | 'descriptor' | 'unresolved' }[] = [
  {
    text: 'Senator Maria Lopez has denied that she accepted money from the lobbyists.',
    cue: 'denied',
    mention: 'Senator Maria Lopez',
    kind: 'entity',
  },
  {
    text: 'Several analysts said the deal was far too expensive for the buyer.',
    cue: 'said',
    mention: 'Several analysts',
    kind: 'descriptor',
  },
  {
    text: 'Jane Moreno, 45, was charged on Monday. The 45-year-old said she would appeal the ruling.',
    cue: 'said',
    mention: '45-year-old',
    kind: 'entity',
  },
  {
    text: 'Fuel prices will rise again next month, according to the energy regulator.',
    cue: 'according to',
    mention: 'energy regulator',
    kind: 'descriptor',
  },
  {
    text: '“The river is still rising,” Mayor Ana Costa said.',
    cue: 'said',
    mention: 'Mayor Ana Costa',
    kind: 'entity',
  },
  {
    text: 'Jane Moreno spoke first.\n\n“We will win the seat,” she said.',
    cue: 'said',
    mention: 'she',
    kind: 'entity',
  },
  {
    text: 'Governor Tom Reyes urged lawmakers to pass the budget before July.',
    cue: 'urged',
    mention: 'Governor Tom Reyes',
    kind: 'entity',
  },
];

describe('quotes keep their cue and speaker mention', () => {
  test.each(ROWS.map((r) => [r.text, r] as const))('%s', (text, row) => {
    const [q] = extract(text, { publishedAt: '2025-07-04' }).quotes;
    expect(q.cue?.text).toBe(row.cue);
    expect(text.slice(q.cue!.start, q.cue!.end)).toBe(q.cue!.text);
    expect(q.speaker?.mention.text).toBe(row.mention);
    expect(text.slice(q.speaker!.mention.start, q.speaker!.mention.end)).toBe(q.speaker!.mention.text);
    expect(q.speaker?.kind).toBe(row.kind);
  });
});
