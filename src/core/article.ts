// The input shape shared by the CLI's JSON Lines, the HTTP API and the store.
import { z } from 'zod';
import { isoDate, Section } from './factsheet';

export const MAX_TEXT_DEFAULT = 200_000;

export const ArticleInput = z.object({
  id: z.string().min(1).max(200).optional(),
  text: z.string().refine((t) => t.trim().length > 0, 'text is empty'),
  publishedAt: isoDate.nullish(),
  title: z.string().max(1000).nullish(),
  include: z.array(Section).min(1).optional(),
}).meta({ id: 'ArticleInput' });
export type ArticleInput = z.infer<typeof ArticleInput>;

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
