// The browser side of the three pages; the server sends each page's shell with `data-page` on <body>.
import type { FactSheet } from '../../core/factsheet';
import { escapeHtml } from '../highlight';
import { focusFact, renderSheet } from './extract-view';

interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  errors?: { field: string; message: string }[];
}

/** An API error as a person would want it: what went wrong with which field, not a status code. */
export function describeProblem(p: Problem, status: number): string {
  const fields = (p.errors ?? []).map((e) => `${e.field === '(body)' ? '' : `${e.field}: `}${e.message}`);
  const text = [
    p.detail ?? p.title ?? `The server answered ${status}`,
    ...fields.filter((f) => !(p.detail ?? '').includes(f)),
  ];
  if (status === 413) text.unshift('This article is over the size limit.');
  if (status === 503 || status === 504) text.unshift('The server is busy or the extraction took too long; try again.');
  return text.join(' — ');
}

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  if (!res.ok)
    throw new Error(
      describeProblem(typeof body === 'object' ? (body as Problem) : { detail: String(body) }, res.status),
    );
  return body as T;
}

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function showError(message: string | null): void {
  const box = byId<HTMLElement>('error');
  box.textContent = message ?? '';
  box.hidden = !message;
}

function exportButtons(sheet: unknown): void {
  const json = JSON.stringify(sheet, null, 2);
  byId<HTMLButtonElement>('copy-json').onclick = async () => {
    await navigator.clipboard?.writeText(json).catch(() => undefined);
    byId('status').textContent = 'JSON copied.';
  };
  byId<HTMLButtonElement>('download-json').onclick = () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    a.download = 'factsheet.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
}

function extractPage(): void {
  const form = byId<HTMLFormElement>('extract-form');
  const textArea = byId<HTMLTextAreaElement>('text');
  const published = byId<HTMLInputElement>('published');
  const view = byId<HTMLElement>('view');
  let html: string | null = null; // a dropped .html page goes to the server as HTML

  byId<HTMLButtonElement>('load-sample').onclick = async () => {
    const sample = await api<{ text: string; publishedAt: string }>('/ui/sample');
    textArea.value = sample.text;
    published.value = sample.publishedAt;
    html = null;
  };
  const takeFile = async (file: File) => {
    const content = await file.text();
    if (/\.html?$/i.test(file.name) || file.type === 'text/html') {
      html = content;
      textArea.value = `(HTML page: ${file.name})`;
    } else {
      html = null;
      textArea.value = content;
    }
  };
  byId<HTMLInputElement>('file').onchange = (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) void takeFile(f);
  };
  textArea.ondragover = (e) => e.preventDefault();
  textArea.ondrop = (e) => {
    e.preventDefault();
    const f = e.dataTransfer?.files[0];
    if (f) void takeFile(f);
  };
  textArea.oninput = () => {
    html = null;
  };

  form.onsubmit = async (e) => {
    e.preventDefault();
    showError(null);
    const status = byId('status');
    const text = textArea.value;
    if (!html && !text.trim()) {
      showError('The text is empty: paste an article or load the sample.');
      return;
    }
    status.textContent = 'Extracting…';
    const t0 = performance.now();
    try {
      const qs = published.value ? `?publishedAt=${encodeURIComponent(published.value)}` : '';
      const sheet = html
        ? await api<FactSheet & { text: string }>(`/v1/extract${qs}`, {
            method: 'POST',
            headers: { 'content-type': 'text/html' },
            body: html,
          })
        : await api<FactSheet>('/v1/extract', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(published.value ? { text, publishedAt: published.value } : { text }),
          });
      const shown = (sheet as { text?: string }).text ?? text;
      renderSheet(view, shown, sheet);
      exportButtons(sheet);
      status.textContent =
        `${sheet.entities.length} entities, ${sheet.dates.length} dates, ${sheet.quotes.length} quotes, ` +
        `${sheet.figures.length} figures in ${Math.round(performance.now() - t0)} ms.`;
    } catch (err) {
      status.textContent = '';
      showError((err as Error).message);
    }
  };
}

interface Stored {
  article: { id: string; version: number; versions: number[]; title: string | null; publishedAt: string | null };
  text: string;
  sheet: FactSheet;
}

async function articlePage(): Promise<void> {
  const id = decodeURIComponent(location.pathname.replace(/^\/ui\/articles\//, ''));
  const version = new URLSearchParams(location.search).get('version');
  try {
    const a = await api<Stored>(`/v1/articles/${encodeURIComponent(id)}${version ? `?version=${version}` : ''}`);
    byId('article-title').textContent = a.article.title ?? a.article.id;
    byId('article-meta').innerHTML =
      `published ${escapeHtml(a.article.publishedAt ?? 'unknown')} · version ${a.article.version} of ` +
      a.article.versions.map((v) => `<a href="?version=${v}">${v}</a>`).join(' ');
    const view = byId<HTMLElement>('view');
    renderSheet(view, a.text, a.sheet);
    exportButtons(a.sheet);
    const at = /^#at=(\d+)/.exec(location.hash);
    if (at) focusFact(view.querySelector('.article') as HTMLElement, null, Number(at[1]));
  } catch (err) {
    showError((err as Error).message);
  }
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Hit {
  articleId: string;
  title: string | null;
  publishedAt: string | null;
  start: number;
  sentence: { text: string } | null;
}

const source = (h: Hit): string =>
  `<a href="/ui/articles/${encodeURIComponent(h.articleId)}#at=${h.start}">${escapeHtml(h.title ?? h.articleId)}</a>` +
  ` <small>${escapeHtml(h.publishedAt ?? '')}</small>`;

function searchPage(): void {
  const results = byId<HTMLElement>('results');
  const run = async (what: string, params: Record<string, string>) => {
    showError(null);
    const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v.trim())).toString();
    try {
      if (what === 'quotes') {
        const page = await api<Page<Hit & { text: string; speaker: { name: string | null } | null }>>(
          `/v1/quotes?${qs}`,
        );
        results.innerHTML = list(
          page.items.map(
            (q) =>
              `“${escapeHtml(q.text)}” <small>— ${escapeHtml(q.speaker?.name ?? 'unknown')}</small><br>${source(q)}`,
          ),
        );
      } else if (what === 'figures') {
        const [page, conflicts] = await Promise.all([
          api<Page<Hit & { text: string; value: number | null; unit: string | null; subject: string | null }>>(
            `/v1/figures?${qs}`,
          ),
          api<{ items?: unknown[] } | unknown[]>(
            `/v1/figures/conflicts?${new URLSearchParams({ subject: params.subject ?? '' })}`,
          ),
        ]);
        const items = (Array.isArray(conflicts) ? conflicts : (conflicts.items ?? [])) as {
          subject: string;
          reason: string;
          figures: (Hit & { text: string })[];
        }[];
        results.innerHTML =
          (items.length
            ? `<h2>Conflicts</h2>${items
                .map(
                  (c) =>
                    `<div class="conflict"><strong>${escapeHtml(c.subject)}</strong>: ${escapeHtml(c.reason)}` +
                    `<div class="side-by-side">${c.figures.map((f) => `<div><strong>${escapeHtml(f.text)}</strong><br>${source(f)}</div>`).join('')}</div></div>`,
                )
                .join('')}`
            : '') +
          `<h2>Figures</h2>${list(page.items.map((f) => `<strong>${escapeHtml(f.text)}</strong> <small>${escapeHtml(f.subject ?? '')}</small><br>${source(f)}`))}`;
      } else {
        const page = await api<Page<Hit & { date: string | null; summary: string }>>(`/v1/events?${qs}`);
        results.innerHTML = list(
          page.items.map((v) => `<time>${escapeHtml(v.date ?? '')}</time> ${escapeHtml(v.summary)}<br>${source(v)}`),
        );
      }
    } catch (err) {
      results.innerHTML = '';
      showError((err as Error).message);
    }
  };
  document.querySelectorAll<HTMLFormElement>('form[data-search]').forEach((form) => {
    form.onsubmit = (e) => {
      e.preventDefault();
      const params = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
      void run(form.dataset.search ?? 'quotes', params);
    };
  });
}

const list = (rows: string[]): string =>
  rows.length
    ? `<ol class="hits">${rows.map((r) => `<li>${r}</li>`).join('')}</ol>`
    : '<p class="none">Nothing found.</p>';

const page = document.body.dataset.page;
if (page === 'extract') extractPage();
else if (page === 'article') void articlePage();
else if (page === 'search') searchPage();
