// Article text from an HTML page: Mozilla's Readability over linkedom's DOM (no browser, no
// network). Title and publication date come from the page's metadata when it has them; a fragment
// (no <html>) is taken as the article itself.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { boundHtml } from './html-bounds';

type Doc = ReturnType<typeof parseHTML>['document'];
type ReadabilityDoc = ConstructorParameters<typeof Readability>[0];

export interface HtmlArticle {
  text: string;
  title: string | null;
  publishedAt: string | null;
}

const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'date',
  'dc.date',
  'DC.date.issued',
  'sailthru.date',
];

function metaDate(document: Doc): string | null {
  for (const name of DATE_META) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const v = el?.getAttribute('content');
    const m = v && /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
    if (m) return m[1];
  }
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime');
  const m = time && /^(\d{4}-\d{2}-\d{2})/.exec(time.trim());
  return m ? m[1] : null;
}

/** Paragraph structure survives as line breaks, so the document model still sees blocks. */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: string[] = [];
  for (const el of document.querySelectorAll('h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption')) {
    if (el.querySelector('p,li')) continue; // containers: their children carry the text
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) lines.push(el.tagName === 'LI' ? `- ${t}` : t);
  }
  return lines.join('\n');
}

export function articleFromHtml(html: string): HtmlArticle {
  // bounded first: depth and element count are capped in one linear pass, before any DOM is built
  const bounded = boundHtml(html).html;
  // a fragment ("<p>…</p>", no <html>): its blocks are the article; Readability wants a page
  if (!looksLikeHtml(html))
    return { text: blockText(bounded) || fragmentText(bounded), title: null, publishedAt: null };
  const { document } = parseHTML(bounded);
  const title =
    document.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() ||
    document.querySelector('title')?.textContent?.trim() ||
    null;
  const publishedAt = metaDate(document);
  const parsed = new Readability(document as unknown as ReadabilityDoc).parse();
  let text = parsed?.content ? blockText(parsed.content) : '';
  if (!text)
    text = (document.body?.textContent ?? '')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n\s*\n+/g, '\n')
      .trim();
  return { text, title: parsed?.title?.trim() || title, publishedAt };
}

function fragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return (document.body?.textContent ?? '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** A whole page (doctype, <html>, <head> or <body>), not a fragment. */
export const looksLikeHtml = (s: string): boolean => /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(s);
