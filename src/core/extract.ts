// extract(text, options) → FactSheet: pure and synchronous. One document model (one compromise
// tagging pass) is shared by every pass; passes run in dependency order.
import type { Context, YMD } from './context';
import { extractDates } from './dates';
import { parseYMD } from './dates/calendar';
import { cleanText } from './document/clean';
import { buildDocument } from './document/model';
import { extractEntities } from './entities';
import { extractEvents, timeline } from './events';
import { ExtractOptions, FACT_SECTIONS, type FactSheet, type Section } from './factsheet';
import { extractFigures } from './figures';
import { extractQuotes } from './quotes';
import { EXTRACTOR_VERSION } from './version';

export class InputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/**
 * The sections a sheet carries for `include`: those asked for plus those their facts point into
 * (events → dates and entities, quotes → entities), so every id in the sheet resolves.
 */
export function sectionsFor(include?: readonly string[]): Set<Section> {
  // `include: ['boilerplate']` alone asks for the clean text and no facts
  const asked = include?.filter((s): s is Section => (FACT_SECTIONS as readonly string[]).includes(s));
  const sections = new Set<Section>(asked ?? FACT_SECTIONS);
  if (sections.has('events')) {
    sections.add('dates');
    sections.add('entities');
  }
  if (sections.has('quotes')) sections.add('entities');
  return sections;
}

/**
 * Optional instrumentation for a host that wants each pass's time (the HTTP metrics): the core
 * reads no clock of its own, so the host passes one in.
 */
export interface ExtractTimer {
  now(): number;
  pass(name: 'document' | Section, ms: number): void;
}

export function extract(text: string, options: ExtractOptions = {}, timer?: ExtractTimer): FactSheet {
  if (typeof text !== 'string') throw new InputError('text must be a string', 'text');
  const opts = ExtractOptions.safeParse(options);
  if (!opts.success) {
    const issue = opts.error.issues[0];
    throw new InputError(issue.message, issue.path.join('.') || 'options');
  }
  const { publishedAt = null, title = null, include, debug = false } = opts.data;
  const sections = sectionsFor(include);
  const need = new Set<Section>(sections);
  if (sections.has('figures')) need.add('dates');

  const timed = <T>(name: 'document' | Section, run: () => T): T => {
    if (!timer) return run();
    const t0 = timer.now();
    try {
      return run();
    } finally {
      timer.pass(name, timer.now() - t0);
    }
  };
  const doc = timed('document', () => buildDocument(text));
  const ctx: Context = {
    doc,
    publishedAt: publishedAt ? (parseYMD(publishedAt) as YMD) : null,
    entities: [],
    dates: [],
    figures: [],
    quotes: [],
    trace: debug ? { pass: '', lines: [] } : undefined,
  };
  const pass = <T>(name: Section, run: (c: Context) => T[]): T[] => {
    if (!need.has(name)) return [];
    if (ctx.trace) ctx.trace.pass = name;
    return timed(name, () => run(ctx));
  };
  ctx.entities = pass('entities', extractEntities);
  ctx.dates = pass('dates', extractDates);
  ctx.figures = pass('figures', extractFigures);
  ctx.quotes = pass('quotes', extractQuotes);
  const events = sections.has('events') ? pass('events', extractEvents) : [];

  return {
    extractorVersion: EXTRACTOR_VERSION,
    publishedAt: publishedAt ?? null,
    title: title ?? null,
    document: { length: text.length, blocks: doc.blocks, sentences: doc.sentences },
    boilerplate: doc.boilerplate,
    entities: sections.has('entities') ? ctx.entities : [],
    dates: sections.has('dates') ? ctx.dates : [],
    events,
    timeline: timeline(events),
    quotes: sections.has('quotes') ? ctx.quotes : [],
    figures: sections.has('figures') ? ctx.figures : [],
    ...(ctx.trace ? { trace: ctx.trace.lines } : {}),
    ...(include?.includes('boilerplate') ? { cleanText: cleanText(text, doc.boilerplate) } : {}),
  };
}
