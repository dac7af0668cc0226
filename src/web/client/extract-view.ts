// The article view shared by the Extract page and a stored article: the text with every fact highlighted in
// place, a legend that toggles each type, and the side panels (entities, timeline, quotes, figures).
import type { FactSheet } from '../../core/factsheet';
import { escapeHtml, highlight } from '../highlight';
import { sheetSpans } from '../sheet-spans';

export const LEGEND: [type: string, label: string][] = [
  ['person', 'Person'],
  ['organization', 'Organisation'],
  ['place', 'Place'],
  ['date', 'Date'],
  ['figure', 'Figure'],
  ['quote', 'Quote'],
  ['event', 'Event'],
  ['boilerplate', 'Not article text'],
];

type Sheet = Partial<FactSheet> & { text?: string };

const $ = <T extends Element>(root: ParentNode, sel: string): T => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`missing ${sel}`);
  return el;
};

/** Scrolls to the first piece of a fact (or of an offset) and flashes it. */
export function focusFact(article: HTMLElement, key: string | null, at?: number): void {
  const pieces = [...article.querySelectorAll<HTMLElement>('mark[data-facts]')];
  const target = key
    ? pieces.find((p) => p.dataset.facts?.split(' ').includes(key) && (at === undefined || Number(p.dataset.at) >= at))
    : pieces.find((p) => Number(p.dataset.at) >= (at ?? 0));
  if (!target) return;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.classList.remove('flash');
  void target.offsetWidth; // restart the animation
  target.classList.add('flash');
  target.focus({ preventScroll: true });
}

function legend(root: HTMLElement, article: HTMLElement): void {
  const box = $<HTMLElement>(root, '.legend');
  box.innerHTML = LEGEND.map(
    ([t, label]) => `<label class="chip f-${t}"><input type="checkbox" data-type="${t}" checked> ${label}</label>`,
  ).join('');
  box.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    article.classList.toggle(`hide-${input.dataset.type}`, !input.checked);
  });
}

const item = (key: string, at: number, html: string): string =>
  `<li><button type="button" class="fact-link" data-key="${escapeHtml(key)}" data-at="${at}">${html}</button></li>`;

function panels(sheet: Sheet): string {
  const ents = (sheet.entities ?? [])
    .filter((e) => e.type !== 'group' || e.mentions.length > 1)
    .sort((a, b) => b.mentions.length - a.mentions.length);
  const entities = ents
    .map((e) =>
      item(
        e.id,
        e.mentions[0]?.start ?? 0,
        `<span class="dot f-${e.type}"></span><strong>${escapeHtml(e.name)}</strong> <small>${e.type}` +
          `${e.roles.length ? ` · ${escapeHtml(e.roles.map((r) => r.title + (r.of ? ` of ${r.of}` : '')).join('; '))}` : ''}` +
          ` · ${e.mentions.length}×</small>`,
      ),
    )
    .join('');
  const timeline = (sheet.events ?? [])
    .filter((v) => v.date)
    .sort((a, b) => String(a.date?.value).localeCompare(String(b.date?.value)))
    .map((v) => item(v.id, v.trigger.start, `<time>${escapeHtml(v.date?.value ?? '')}</time> ${escapeHtml(v.summary)}`))
    .join('');
  const quotes = (sheet.quotes ?? [])
    .filter((q) => q.kind !== 'scare' && q.kind !== 'title')
    .map((q) =>
      item(
        q.id,
        q.start,
        `“${escapeHtml(q.text.length > 160 ? `${q.text.slice(0, 160)}…` : q.text)}”` +
          ` <small>— ${escapeHtml(q.speaker?.name ?? 'speaker unknown')} · ${q.kind}</small>`,
      ),
    )
    .join('');
  const figures = (sheet.figures ?? [])
    .map((f) =>
      item(
        f.id,
        f.start,
        `<strong>${escapeHtml(f.text)}</strong> <small>${f.kind}${f.value != null ? ` = ${f.value}` : ''}` +
          `${f.unit ? ` ${escapeHtml(f.unit)}` : ''}${f.subject ? ` · ${escapeHtml(f.subject.text)}` : ''}</small>`,
      ),
    )
    .join('');
  const section = (id: string, title: string, body: string, empty: string) =>
    `<section aria-labelledby="h-${id}"><h2 id="h-${id}">${title}</h2>${body ? `<ul class="facts" id="${id}">${body}</ul>` : `<p class="none">${empty}</p>`}</section>`;
  return (
    section('entities', 'Entities', entities, 'No named entities.') +
    section('timeline', 'Timeline', timeline, 'No dated events.') +
    section('quotes', 'Quotes', quotes, 'No statements.') +
    section('figures', 'Figures', figures, 'No figures.')
  );
}

/** Renders a sheet into a view element (`.legend`, `.article`, `.panels` inside it). */
export function renderSheet(root: HTMLElement, text: string, sheet: Sheet): void {
  const article = $<HTMLElement>(root, '.article');
  article.innerHTML = highlight(text, sheetSpans(sheet));
  article.querySelectorAll<HTMLElement>('mark[data-starts]').forEach((m) => {
    m.tabIndex = -1;
  });
  legend(root, article);
  const side = $<HTMLElement>(root, '.panels');
  side.innerHTML = panels(sheet);
  side.onclick = (e) => {
    const btn = (e.target as HTMLElement).closest<HTMLButtonElement>('button.fact-link');
    if (btn) focusFact(article, btn.dataset.key ?? null, Number(btn.dataset.at));
  };
  root.hidden = false;
}
