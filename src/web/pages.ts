// The pages for people: `/` (paste an article, see its facts), `/ui/articles/{id}` (a stored article) and
// `/ui/search` (the fact-checker's desk). Each is a small server-rendered shell; the script bundled by
// scripts/build-web.mjs fills it in from the JSON API, so the pages hold no logic the API does not have.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { escapeHtml } from './highlight';

const ASSETS = path.resolve(__dirname, 'assets');
const SAMPLE = path.resolve(__dirname, '../../data/samples/seed-article.txt');
const SAMPLE_PUBLISHED = '2025-07-04';

type PageName = 'extract' | 'article' | 'search';

function shell(page: PageName, title: string, body: string): string {
  const nav = (
    [
      ['extract', '/', 'Extract'],
      ['search', '/ui/search', 'Search the store'],
      ['docs', '/docs', 'API'],
    ] as const
  )
    .map(([p, href, label]) => `<a href="${href}"${p === page ? ' aria-current="page"' : ''}>${label}</a>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Factsheet</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/ui/assets/style.css"></head>
<body data-page="${page}"><header class="top"><span class="brand">Factsheet</span><nav aria-label="Pages">${nav}</nav></header>
<main>${body}</main><script type="module" src="/ui/assets/app.js"></script></body></html>`;
}

const VIEW = `<div id="view" class="view" hidden>
  <div><div class="legend" role="group" aria-label="Fact types shown"></div>
  <div class="row"><button type="button" id="copy-json" class="secondary">Copy JSON</button>
  <button type="button" id="download-json" class="secondary">Download JSON</button></div>
  <article class="article" aria-label="Article with facts highlighted"></article></div>
  <aside class="panels" aria-label="Facts"></aside></div>`;

const EXTRACT = shell(
  'extract',
  'Extract',
  `<h1>Extract the facts of an article</h1>
<form id="extract-form">
  <label for="text">Article text</label>
  <p class="note" id="text-help">Paste the text, or drop a .txt or .html file on the box.</p>
  <textarea id="text" name="text" aria-describedby="text-help" spellcheck="false"></textarea>
  <div class="row">
    <div><label for="published">Publication date</label><br><input type="date" id="published" name="published"
      aria-describedby="published-help"></div>
    <div><label for="file">Or open a file</label><br><input type="file" id="file" accept=".txt,.html,.htm,text/plain,text/html"></div>
    <button type="submit">Extract facts</button>
    <button type="button" id="load-sample" class="secondary">Load the sample article</button>
  </div>
  <p class="note" id="published-help">Without a publication date, relative dates ("Thursday", "last year") stay
    unresolved: the sheet says what they are but not which day.</p>
</form>
<p id="status" role="status" aria-live="polite"></p>
<div id="error" class="error" role="alert" hidden></div>
${VIEW}`,
);

const ARTICLE = shell(
  'article',
  'Stored article',
  `<h1 id="article-title">Stored article</h1>
<p class="note" id="article-meta"></p><p id="status" role="status" aria-live="polite"></p>
<div id="error" class="error" role="alert" hidden></div>${VIEW}`,
);

const field = (name: string, label: string, hint = '') =>
  `<label for="${name}-$F">${label}</label><br><input type="search" id="${name}-$F" name="${name}" placeholder="${hint}">`;
const form = (kind: string, title: string, fields: string) =>
  `<form class="search" data-search="${kind}" aria-label="${title}"><h2>${title}</h2><div class="row">${fields.replaceAll('$F', kind)}
  <button type="submit">Search</button></div></form>`;

const SEARCH = shell(
  'search',
  'Search the store',
  `<h1>Who said what, which figure, when</h1>
<div class="searches">
${form('quotes', 'Quotes', field('speaker', 'Speaker', 'Putin') + field('about', 'About', 'Taliban') + field('q', 'Words', 'recognition'))}
${form('figures', 'Figures', field('subject', 'Subject', 'assets'))}
${form('events', 'Timeline of an entity', field('entity', 'Entity', 'Russia'))}
</div>
<div id="error" class="error" role="alert" hidden></div>
<section id="results" aria-live="polite"></section>`,
);

/** `headers` sets the HTML pages' security headers (a content security policy allowing this origin only). */
export function webRoutes(headers: express.RequestHandler = (_q, _s, next) => next()): Router {
  const r = Router();
  const html = (page: string) => (_req: express.Request, res: express.Response) => {
    res.set('Cache-Control', 'no-cache').type('html').send(page);
  };
  r.get('/', headers, html(EXTRACT));
  r.get('/ui/articles/:id', headers, html(ARTICLE));
  r.get('/ui/search', headers, html(SEARCH));
  r.get('/ui/sample', (_req, res) => {
    res.json({ text: fs.readFileSync(SAMPLE, 'utf8'), publishedAt: SAMPLE_PUBLISHED });
  });
  r.use('/ui/assets', express.static(ASSETS, { fallthrough: false, maxAge: '1h' }));
  return r;
}
