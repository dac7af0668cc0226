// Hand-written fact sheets for the store contract suite: what the store keeps and answers, with
// no dependence on what the extractor finds. Spans are located by their text (the nth occurrence
// when `at` is given), sentences by a plain split of these test texts.
import type { Entity, Event, FactSheet, Figure, Quote } from '../../src/core/factsheet';

interface EntitySpec {
  id: string;
  name: string;
  type: Entity['type'];
  aliases?: string[];
  mentions: string[];
}
interface QuoteSpec {
  text: string;
  kind?: Quote['kind'];
  speaker?: string;
}
interface FigureSpec {
  text: string;
  kind: Figure['kind'];
  value: number | null;
  unit: string | null;
  approximate?: boolean;
  subject?: string;
  low?: number;
  high?: number;
}
interface EventSpec {
  trigger: string;
  date: string | null;
  relation?: Event['relation'];
  participants: [string, Event['participants'][0]['role']][];
}
export interface ArticleSpec {
  id: string;
  title: string;
  publishedAt: string;
  source?: string;
  text: string;
  entities: EntitySpec[];
  quotes?: QuoteSpec[];
  figures?: FigureSpec[];
  events?: EventSpec[];
}

function sentencesOf(text: string) {
  return [...text.matchAll(/[^\s][^\n]*?(?:[.!?][”"]?(?=\s|$)|(?=\n)|$)/g)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    block: 0,
  }));
}

export function sheetOf(a: ArticleSpec): FactSheet {
  const sentences = sentencesOf(a.text);
  const span = (text: string, from = 0) => {
    const start = a.text.indexOf(text, from);
    if (start < 0) throw new Error(`fixture ${a.id}: "${text}" is not in the text`);
    return { start, end: start + text.length, text };
  };
  const sentence = (start: number) => sentences.findIndex((s) => s.start <= start && start < s.end);
  const entities: Entity[] = a.entities.map((e) => {
    let from = 0;
    return {
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases ?? [],
      roles: [],
      salience: 0.5,
      mentions: e.mentions.map((m) => {
        const s = span(m, from);
        from = s.end;
        return { ...s, rule: 'fixture', sentence: sentence(s.start) };
      }),
    };
  });
  const name = (id: string) => entities.find((e) => e.id === id)!.name;
  const quotes: Quote[] = (a.quotes ?? []).map((q, i) => {
    const s = span(q.text);
    const who = q.speaker
      ? entities.find((e) => e.id === q.speaker)!.mentions.find((m) => m.sentence === sentence(s.start))
      : undefined;
    return {
      id: `Q${i + 1}`,
      ...s,
      kind: q.kind ?? 'direct',
      cue: null,
      rule: 'fixture',
      sentence: sentence(s.start),
      speaker: q.speaker
        ? {
            name: name(q.speaker),
            entityId: q.speaker,
            start: who?.start ?? 0,
            end: who?.end ?? 0,
            text: who?.text ?? '',
            kind: 'entity',
            mention: { start: who?.start ?? 0, end: who?.end ?? 0, text: who?.text ?? '' },
          }
        : null,
    };
  });
  const figures: Figure[] = (a.figures ?? []).map((f, i) => {
    const s = span(f.text);
    return {
      id: `F${i + 1}`,
      ...s,
      kind: f.kind,
      value: f.value,
      unit: f.unit,
      approximate: f.approximate ?? false,
      bound: null,
      low: f.low ?? null,
      high: f.high ?? null,
      direction: null,
      dimension: null,
      subject: f.subject ? span(f.subject) : null,
      rule: 'fixture',
      sentence: sentence(s.start),
    };
  });
  const events: Event[] = (a.events ?? []).map((ev, i) => {
    const trigger = span(ev.trigger);
    const n = sentence(trigger.start);
    return {
      id: `E${i + 1}`,
      trigger,
      date: ev.date ? { value: ev.date, dateId: `D${i + 1}` } : null,
      relation: ev.relation ?? 'during',
      participants: ev.participants.map(([entityId, role]) => ({ entityId, name: name(entityId), role })),
      sentenceSpan: { start: sentences[n].start, end: sentences[n].end },
      summary: a.text.slice(sentences[n].start, sentences[n].end),
      rule: 'fixture',
      sentence: n,
    };
  });
  return {
    id: a.id,
    extractorVersion: 'fixture-1',
    publishedAt: a.publishedAt,
    title: a.title,
    document: { length: a.text.length, blocks: [{ type: 'paragraph', start: 0, end: a.text.length }], sentences },
    boilerplate: [],
    entities,
    dates: [],
    events,
    timeline: [],
    quotes,
    figures,
  };
}

/** Four articles: three quote one person (named in full, then by surname only), three give one figure
 * (two agree within their approximation, one does not), events in 2021, 2022 and 2025. */
export const SPECS: ArticleSpec[] = [
  {
    id: 'recognition',
    title: 'Moscow recognises the new government',
    publishedAt: '2025-07-04',
    text:
      'Russia recognised the Taliban government in Kabul on Thursday. “The Taliban are an ally in the region,” Vladimir Putin said.\n' +
      'Roughly $9 billion in Afghan assets remain frozen.\nIn August 2021 the Taliban seized Kabul while Russia kept its embassy open.\n',
    entities: [
      { id: 'E1', name: 'Russia', type: 'place', mentions: ['Russia', 'Russia'] },
      {
        id: 'E2',
        name: 'Taliban',
        type: 'organization',
        aliases: ['the Taliban'],
        mentions: ['Taliban', 'Taliban', 'Taliban'],
      },
      { id: 'E3', name: 'Kabul', type: 'place', mentions: ['Kabul', 'Kabul'] },
      { id: 'E4', name: 'Vladimir Putin', type: 'person', aliases: ['Putin'], mentions: ['Vladimir Putin'] },
    ],
    quotes: [{ text: 'The Taliban are an ally in the region', speaker: 'E4' }],
    figures: [
      { text: '$9 billion', kind: 'money', value: 9e9, unit: 'USD', approximate: true, subject: 'Afghan assets' },
    ],
    events: [
      {
        trigger: 'recognised',
        date: '2025-07-03',
        participants: [
          ['E1', 'agent'],
          ['E2', 'patient'],
        ],
      },
      {
        trigger: 'seized',
        date: '2021-08',
        participants: [
          ['E2', 'agent'],
          ['E3', 'patient'],
        ],
      },
    ],
  },
  {
    id: 'interview',
    title: 'Putin defends Afghan policy',
    publishedAt: '2025-07-10',
    source: 'Example Wire',
    text:
      'Russian President Vladimir Putin defended the decision on Wednesday. “The Taliban are our partners in the fight against terrorism,” Putin said in Moscow.\n' +
      'About $7 billion in Afghan assets remain frozen, the central bank said.\nRussia signed a trade pact with Uzbekistan in 2022.\n',
    entities: [
      { id: 'E1', name: 'Vladimir Putin', type: 'person', aliases: ['Putin'], mentions: ['Vladimir Putin', 'Putin'] },
      { id: 'E2', name: 'Taliban', type: 'organization', mentions: ['Taliban'] },
      { id: 'E3', name: 'Moscow', type: 'place', mentions: ['Moscow'] },
      { id: 'E4', name: 'Russia', type: 'place', mentions: ['Russia'] },
      { id: 'E5', name: 'Uzbekistan', type: 'place', mentions: ['Uzbekistan'] },
    ],
    quotes: [{ text: 'The Taliban are our partners in the fight against terrorism', speaker: 'E1' }],
    figures: [
      { text: '$7 billion', kind: 'money', value: 7e9, unit: 'USD', approximate: true, subject: 'Afghan assets' },
    ],
    events: [
      {
        trigger: 'signed',
        date: '2022',
        participants: [
          ['E4', 'agent'],
          ['E5', 'other'],
        ],
      },
    ],
  },
  {
    id: 'summit',
    title: 'Putin meets Central Asian leaders',
    publishedAt: '2025-08-02',
    text: 'Putin hosted regional leaders in Sochi on Friday. “Trade with Kabul will double,” Putin told reporters.\nAnalysts estimate that exports grew 12% in 2024.\n',
    entities: [
      // only the surname here: merged with the Vladimir Putin of the other articles
      { id: 'E1', name: 'Putin', type: 'person', mentions: ['Putin', 'Putin'] },
      { id: 'E2', name: 'Sochi', type: 'place', mentions: ['Sochi'] },
      { id: 'E3', name: 'Kabul', type: 'place', mentions: ['Kabul'] },
    ],
    quotes: [{ text: 'Trade with Kabul will double', speaker: 'E1' }],
    figures: [{ text: '12%', kind: 'percent', value: 12, unit: '%', subject: 'exports' }],
    events: [
      {
        trigger: 'hosted',
        date: '2025-08-01',
        participants: [
          ['E1', 'agent'],
          ['E2', 'location'],
        ],
      },
    ],
  },
  {
    id: 'donors',
    title: 'Frozen reserves',
    publishedAt: '2025-07-20',
    text: 'Donors met in Geneva on Monday. Some $9.4 billion in Afghan assets remain frozen abroad, according to officials.\nIn 2021 Russia kept a consulate in Mazar.\n',
    entities: [
      { id: 'E1', name: 'Geneva', type: 'place', mentions: ['Geneva'] },
      { id: 'E2', name: 'Russia', type: 'place', mentions: ['Russia'] },
      { id: 'E3', name: 'Mazar', type: 'place', mentions: ['Mazar'] },
    ],
    figures: [
      { text: '$9.4 billion', kind: 'money', value: 9.4e9, unit: 'USD', approximate: true, subject: 'Afghan assets' },
    ],
    events: [
      {
        trigger: 'kept',
        date: '2021',
        participants: [
          ['E2', 'agent'],
          ['E3', 'location'],
        ],
      },
    ],
  },
];
