// The input module every shell uses (HTTP, CLI, batch, store): the article schemas, the limits
// and the checks zod cannot express (the configured text limit, binary junk). Failures are
// FactsheetErrors naming the field; each shell renders them its own way.
import { z } from 'zod';
import { Include, isoDate } from '../core/factsheet';
import { FactsheetError } from '../errors';

/** The text limit when configuration says nothing (FACTSHEET_MAX_TEXT_CHARS). */
export const MAX_TEXT_DEFAULT = 200_000;

export interface Limits {
  maxTextChars: number;
}
export const DEFAULT_LIMITS: Limits = { maxTextChars: MAX_TEXT_DEFAULT };

export const ArticleText = z.string().refine((t) => t.trim().length > 0, 'text is empty');
export const Title = z.string().max(1000);

/** One article as JSON Lines carry it. Lines from other tools may carry more fields: they are ignored. */
export const ArticleInput = z
  .object({
    id: z.string().min(1).max(200).optional(),
    text: ArticleText,
    publishedAt: isoDate.nullish(),
    title: Title.nullish(),
    include: z.array(Include).min(1).optional(),
  })
  .meta({ id: 'ArticleInput' });
export type ArticleInput = z.infer<typeof ArticleInput>;

/** The JSON body of POST /v1/extract: unknown fields are an error ("published_at" is not silently dropped). */
export const ExtractRequest = ArticleInput.omit({ id: true }).strict().meta({ id: 'ExtractRequest' });
export type ExtractRequest = z.infer<typeof ExtractRequest>;

/** Comma-separated sections in a query string ("dates,quotes"). */
const SectionList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(Include).min(1));

/** Options as query parameters, for bodies that are only text (text/plain, text/html). */
export const ExtractQuery = z.strictObject({
  publishedAt: isoDate.optional(),
  title: Title.optional(),
  include: SectionList.optional(),
});
export type ExtractQuery = z.infer<typeof ExtractQuery>;

/**
 * Binary junk, not an article: any NUL (never part of text), or control and replacement
 * characters over 2% of the whole text (not a sample: NULs after the first 4 KB count too) and
 * at least 8 of them, so a short article with a few mis-decoded bytes still passes; a short
 * text that is mostly junk (over 30%) does not.
 */
export function looksBinary(text: string): boolean {
  if (!text.length) return false;
  if (text.includes('\u0000')) return true;
  const bad = (text.match(/[\u0001-\u0008\u000E-\u001F\uFFFD]/g) ?? []).length;
  return (bad >= 8 && bad / text.length > 0.02) || bad / text.length > 0.3;
}

/** The checks every route and command applies to article text, with the configured limit. */
export function checkText(text: string, limits: Limits, field = 'text'): void {
  if (text.length > limits.maxTextChars) {
    throw new FactsheetError(
      'text-too-large',
      `${field} is ${text.length} characters; the limit is ${limits.maxTextChars}`,
      [{ field, message: `longer than ${limits.maxTextChars} characters` }],
    );
  }
  if (looksBinary(text))
    throw new FactsheetError('invalid-input', `${field} looks like binary data, not an article`, [
      { field, message: 'binary data' },
    ]);
}

/** Validates any input carrying `text` against its schema and the limits; throws a FactsheetError. */
export function parseInput<S extends z.ZodType<{ text: string }>>(schema: S, raw: unknown, limits: Limits): z.infer<S> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new FactsheetError('invalid-input', 'the input must be a JSON object', [
      { field: '(body)', message: 'not an object' },
    ]);
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw FactsheetError.fromZod(r.error, raw);
  checkText(r.data.text, limits);
  return r.data;
}

/** Validates query parameters; unknown ones are errors naming themselves. */
export function parseQuery<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw FactsheetError.fromZod(r.error, raw);
  return r.data;
}

/** What a shell knows besides a line (CLI --published / --title): used where the line says nothing. */
export interface LineDefaults {
  publishedAt?: string;
  title?: string;
}

/**
 * One JSON Lines line → a valid article. The id is read first, so even a bad line is reported
 * under its own id (or the caller's fallback, "line:N").
 */
export function parseLine(
  raw: string,
  fallbackId: string | null,
  defaults: LineDefaults,
  limits: Limits,
): { id: string | null; article?: ArticleInput; error?: FactsheetError } {
  const { id, value, error } = parseLineAs(ArticleInput, raw, fallbackId, limits);
  if (!value) return { id, error };
  return {
    id,
    article: { ...value, publishedAt: value.publishedAt ?? defaults.publishedAt, title: value.title ?? defaults.title },
  };
}

/** One JSON Lines line against any article schema (extract input, store ingest). */
export function parseLineAs<S extends z.ZodType<{ text: string }>>(
  schema: S,
  raw: string,
  fallbackId: string | null,
  limits: Limits,
): { id: string | null; value?: z.infer<S>; error?: FactsheetError } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return {
      id: fallbackId,
      error: new FactsheetError('invalid-json', `the line is not valid JSON: ${(e as Error).message}`, [
        { field: '(line)', message: 'not valid JSON' },
      ]),
    };
  }
  const own =
    value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
      ? (value as { id: string }).id
      : null;
  const id = own ?? fallbackId;
  try {
    return { id, value: parseInput(schema, value, limits) };
  } catch (e) {
    return { id, error: e as FactsheetError };
  }
}
