// One article in, one fact sheet or one error out: the unit of work of the CLI, the batch runner
// and /v1/extract/batch. Never throws for bad input; the line shape of a failure is {id, error}.
import { extract, InputError, sectionsFor, type ExtractTimer } from '../core/extract';
import { FACT_SECTIONS, type PartialFactSheet } from '../core/factsheet';
import { asFactsheetError, FactsheetError, toLineError, type LineError } from '../errors';
import { ArticleInput, parseInput, parseLine, type LineDefaults, type Limits } from '../input/article';

export type ArticleResult = ({ id: string | null } & PartialFactSheet) | LineError;

/**
 * extract() over validated input; the core's own option errors become FactsheetErrors. With
 * `include`, the sections not asked for are left out (an empty list would read as "none found").
 */
export function extractArticle(a: Omit<ArticleInput, 'id'>, timer?: ExtractTimer): PartialFactSheet {
  try {
    const sheet: PartialFactSheet = extract(
      a.text,
      { publishedAt: a.publishedAt, title: a.title, include: a.include },
      timer,
    );
    if (!a.include) return sheet;
    const keep = sectionsFor(a.include);
    for (const s of FACT_SECTIONS) if (!keep.has(s)) delete sheet[s];
    if (!keep.has('events')) delete sheet.timeline;
    return sheet;
  } catch (e) {
    if (e instanceof InputError)
      throw new FactsheetError('invalid-input', e.message, [{ field: e.field, message: e.message }]);
    throw e;
  }
}

function run(id: string | null, a: Omit<ArticleInput, 'id'>): ArticleResult {
  try {
    return { id, ...extractArticle(a) };
  } catch (e) {
    return toLineError(id, asFactsheetError(e));
  }
}

/** A JSON Lines line; the shell's defaults fill what the line leaves out. */
export function runLine(
  raw: string,
  fallbackId: string | null,
  defaults: LineDefaults,
  limits: Limits,
): { result: ArticleResult; text: string | null } {
  const { id, article, error } = parseLine(raw, fallbackId, defaults, limits);
  if (!article) return { result: toLineError(id, error!), text: null };
  return { result: run(id, article), text: article.text };
}

/** An article the shell already holds as fields (a text or HTML file). */
export function runArticle(id: string | null, raw: Omit<ArticleInput, 'id'>, limits: Limits): ArticleResult {
  try {
    return run(id, parseInput(ArticleInput, raw, limits));
  } catch (e) {
    return toLineError(id, asFactsheetError(e));
  }
}
