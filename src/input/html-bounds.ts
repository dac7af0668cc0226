// Bounds a page before it reaches a DOM and Readability, whose cost grows with nesting depth
// (2,000 nested <div>s took 48 s; 50,000 overflowed the stack) and with element count. One
// linear pass over the tags: beyond MAX_DEPTH open elements, or past MAX_ELEMENTS elements,
// tags are dropped and their text kept (a dropped paragraph-level tag leaves a <br>).

export const MAX_DEPTH = 64;
export const MAX_ELEMENTS = 20_000;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'command',
]);
/** Opening one of these closes an open one of the same name, as HTML parsers do ("<p>a<p>b"). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);
const BLOCK = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'figcaption',
  'div',
  'section',
  'article',
  'tr',
]);

// Attributes stop at the next "<": "<a <a <a …" without a ">" must not rescan to the end each time.
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^<>]*)?(\/?)>/g;

export interface Bounded {
  html: string;
  dropped: number;
  depth: number;
  elements: number;
}

export function boundHtml(html: string, maxDepth = MAX_DEPTH, maxElements = MAX_ELEMENTS): Bounded {
  const out: string[] = [];
  const stack: { name: string; kept: boolean }[] = [];
  const open = new Map<string, number>(); // how many of each name the stack holds: O(1) "is it open?"
  let kept = 0,
    elements = 0,
    dropped = 0,
    depth = 0,
    from = 0;
  const pop = () => {
    const e = stack.pop()!;
    open.set(e.name, open.get(e.name)! - 1);
    if (e.kept) {
      kept--;
      return `</${e.name}>`;
    }
    return '';
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (!m[2]) continue; // a comment: left as it is
    const [whole, closing, rawName, selfClose] = m;
    const name = rawName.toLowerCase();
    out.push(html.slice(from, m.index));
    from = m.index + whole.length;
    if (closing) {
      if (!open.get(name)) {
        dropped++;
        continue;
      } // a stray end tag: parsers ignore it too
      while (stack.length && stack[stack.length - 1].name !== name) out.push(pop());
      out.push(pop());
      continue;
    }
    if (VOID.has(name) || selfClose) {
      out.push(whole);
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && stack.length && stack[stack.length - 1].name === name) out.push(pop());
    elements++;
    const keep = kept < maxDepth && elements <= maxElements;
    if (keep) {
      out.push(whole);
      kept++;
      depth = Math.max(depth, kept);
    } else {
      dropped++;
      if (BLOCK.has(name)) out.push('<br>');
    }
    if (RAW_TEXT.has(name)) {
      // its content is text up to its end tag, not markup
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = from;
      const end = endTag.exec(html);
      const stop = end ? end.index : html.length;
      if (keep) out.push(html.slice(from, stop));
      from = stop;
      if (keep) {
        stack.push({ name, kept: true });
        open.set(name, (open.get(name) ?? 0) + 1);
      }
      continue;
    }
    stack.push({ name, kept: keep });
    open.set(name, (open.get(name) ?? 0) + 1);
  }
  out.push(html.slice(from));
  while (stack.length) out.push(pop());
  return { html: dropped ? out.join('') : html, dropped, depth, elements };
}
