// brat standoff: one .txt and one .ann per article, plus annotation.conf for the collection.
// brat counts offsets in Unicode code points, JavaScript in UTF-16 units: converted here.
import type { PartialFactSheet as FactSheet } from '../../core/factsheet';
import { ALL_LABELS, labeledSpans } from './labels';

export const BRAT_CONF = `[entities]
${ALL_LABELS.join('\n')}

[relations]
SaidBy	Arg1:QUOTE, Arg2:PERSON|ORG|PLACE|GROUP|MISC|SPEAKER

[events]

[attributes]
`;

/** UTF-16 offset → code-point offset. */
function codePointOffsets(text: string): (i: number) => number {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff))
      cp++;
  }
  map[text.length] = cp;
  return (i) => map[i];
}

export function toBrat(sheet: FactSheet, text: string): string {
  const { spans, links } = labeledSpans(sheet);
  const cp = codePointOffsets(text);
  const ids = new Map<string, string>();
  const lines: string[] = [];
  spans.forEach((s, i) => {
    const t = `T${i + 1}`;
    ids.set(s.key, t);
    // a span across a line break becomes fragments, as brat wants
    const frags: string[] = [];
    let from = s.start;
    for (const part of text.slice(s.start, s.end).split('\n')) {
      if (part.length) frags.push(`${cp(from)} ${cp(from + part.length)}`);
      from += part.length + 1;
    }
    lines.push(`${t}\t${s.label} ${frags.join(';')}\t${text.slice(s.start, s.end).replace(/\n/g, ' ')}`);
  });
  links.forEach((l, i) => lines.push(`R${i + 1}\tSaidBy Arg1:${ids.get(l.quote)} Arg2:${ids.get(l.speaker)}`));
  spans.forEach((s, i) => {
    if (s.note) lines.push(`#${i + 1}\tAnnotatorNotes T${i + 1}\t${s.note.replace(/[\t\n]/g, ' ')}`);
  });
  return lines.join('\n') + '\n';
}

/** A safe file name for an article id ("news/2025/a.html" → "news_2025_a.html"). */
export const bratName = (id: string): string => id.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_');
