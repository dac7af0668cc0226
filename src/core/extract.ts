// extract(text, options) → FactSheet: pure and synchronous. One document model (one compromise
// tagging pass) is shared by every pass; passes run in dependency order.
import type { Context, YMD } from './context';
import { extractDates } from './dates';
import { parseYMD } from './dates/calendar';
import { buildDocument } from './document/model';
import { extractEntities } from './entities';
import { extractEvents, timeline } from './events';
import { ExtractOptions, FACT_SECTIONS, type FactSheet, type Section } from './factsheet';
import { extractFigures } from './figures';
import { extractQuotes } from './quotes';
import { EXTRACTOR_VERSION } from './version';

export class InputError extends Error {
  constructor(message: string, readonly field: string) { super(message); }
}

/**
 * Optional instrumentation for a host that wants each pass's time (the HTTP metrics): the core
 * reads no clock of its own, so the host passes one in.
 */
export interface ExtractTrace { now(): number; pass(name: 'document' | Section, ms: number): void }

export function extract(text: string, options: ExtractOptions = {}, trace?: ExtractTrace): FactSheet {
  if (typeof text !== 'string') throw new InputError('text must be a string', 'text');
  const opts = ExtractOptions.safeParse(options);
  if (!opts.success) {
    const issue = opts.error.issues[0];
    throw new InputError(issue.message, issue.path.join('.') || 'options');
  }
  const { publishedAt = null, title = null, include } = opts.data;
  // Output the sections asked for plus those their facts point into (events → dates and
  // entities, quotes → entities), so every id in the sheet resolves. Figures only read dates.
  const sections = new Set<Section>(include ?? FACT_SECTIONS);
  if (sections.has('events')) { sections.add('dates'); sections.add('entities'); }
  if (sections.has('quotes')) sections.add('entities');
  const need = new Set<Section>(sections);
  if (sections.has('figures')) need.add('dates');

  const timed = <T>(name: 'document' | Section, run: () => T): T => {
    if (!trace) return run();
    const t0 = trace.now();
    try { return run(); } finally { trace.pass(name, trace.now() - t0); }
  };
  const doc = timed('document', () => buildDocument(text));
  const ctx: Context = {
    doc, publishedAt: publishedAt ? (parseYMD(publishedAt) as YMD) : null,
    entities: [], dates: [], figures: [], quotes: [],
  };
  if (need.has('entities')) ctx.entities = timed('entities', () => extractEntities(ctx));
  if (need.has('dates')) ctx.dates = timed('dates', () => extractDates(ctx));
  if (need.has('figures')) ctx.figures = timed('figures', () => extractFigures(ctx));
  if (need.has('quotes')) ctx.quotes = timed('quotes', () => extractQuotes(ctx));
  const events = sections.has('events') ? timed('events', () => extractEvents(ctx)) : [];

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
  };
}
