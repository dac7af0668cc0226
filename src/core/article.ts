// The input shape shared by the CLI's JSON Lines, the HTTP API and the store.
import { z } from 'zod';
import { Include, isoDate } from './factsheet';

export const MAX_TEXT_DEFAULT = 200_000;

export const ArticleInput = z.object({
  id: z.string().min(1).max(200).optional(),
  text: z.string().refine((t) => t.trim().length > 0, 'text is empty'),
  publishedAt: isoDate.nullish(),
  title: z.string().max(1000).nullish(),
  include: z.array(Include).min(1).optional(),
}).meta({ id: 'ArticleInput' });
export type ArticleInput = z.infer<typeof ArticleInput>;

/** Text that is mostly control characters or replacement characters is binary junk, not an article. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (!sample.length) return false;
  const bad = (sample.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g) ?? []).length;
  return bad / sample.length > 0.02;
}
