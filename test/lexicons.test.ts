// The word lists are data, so they are checked as data (compromise's data/validate.js): no entry twice, no
// file the loaders ignore, no list no code reads, no word that two lists file under contradicting types.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const dir = path.join(root, 'data', 'lexicons');
const META = new Set(['comment', 'source', 'licence', 'license', 'generated', 'generatedBy', 'note', 'notes']);

const walk = (d: string): string[] =>
  fs
    .readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const files = walk(dir).filter((f) => f.endsWith('.json'));
// Readers: the core's loaders, and the scripts that generate lexicons from their curated sources.
const sources = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'scripts'))]
  .filter((f) => /\.(ts|mjs|js)$/.test(f))
  .map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }));

/** Duplicate keys inside one JSON object: JSON.parse keeps the last silently, so scan the text itself. */
function duplicateKeys(json: string): string[] {
  const dups: string[] = [];
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i];
    if (ch === '"') {
      let j = i + 1;
      while (json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      const str = JSON.parse(json.slice(i, j + 1)) as string;
      const top = stack[stack.length - 1];
      if (top && expectKey) {
        if (top.has(str)) dups.push(str);
        top.add(str);
        expectKey = false;
      }
      i = j;
    } else if (ch === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === '[') stack.push(null);
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',') expectKey = stack[stack.length - 1] != null;
  }
  return dups;
}

/** Every array of strings in a JSON value, with its path. */
function stringLists(v: unknown, at: string, out: { at: string; list: string[] }[] = []): typeof out {
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) out.push({ at, list: v as string[] });
    else v.forEach((x, i) => stringLists(x, `${at}[${i}]`, out));
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) stringLists(x, `${at}.${k}`, out);
  }
  return out;
}

describe.each(files.map((f) => [path.relative(dir, f), f]))('lexicon %s', (_name, file) => {
  const raw = fs.readFileSync(file, 'utf8');
  const data = JSON.parse(raw) as unknown;

  test('no key twice in one object', () => expect(duplicateKeys(raw)).toEqual([]));

  test('no entry twice in one list', () => {
    const dups = stringLists(data, '$').flatMap(({ at, list }) =>
      list.filter((w, i) => list.indexOf(w) !== i).map((w) => `${at}: ${w}`),
    );
    expect(dups).toEqual([]);
  });

  test('a loader reads the file', () => {
    const base = path.basename(file);
    const named = new RegExp(`[/'"]${base.replace(/[.]/g, '\\.')}['"]`);
    expect(sources.filter((s) => named.test(s.text)).map((s) => s.file)).not.toEqual([]);
  });

  test('code reads every list in it', () => {
    if (Array.isArray(data) || !data || typeof data !== 'object') return;
    // A list is read when its key is used in code other than the loader's type declaration of it.
    const code = sources.map((s) => s.text.replace(/load<[^;]*?>\(/gs, 'load(')).join('\n');
    const unread = Object.keys(data)
      .filter((k) => !META.has(k))
      .filter((k) => !new RegExp(`(\\.${k}\\b|\\b${k}\\s*[,}]|\\['${k}'\\])`).test(code));
    expect(unread).toEqual([]);
  });
});

test('no surface form is filed under two different entity types', async () => {
  const { lexicons } = await import('../src/core/lexicons');
  const typeOf = new Map<string, Set<string>>();
  const add = (surface: string, type: string) => {
    const set = typeOf.get(surface) ?? new Set<string>();
    set.add(type);
    typeOf.set(surface, set);
  };
  for (const k of lexicons.known) {
    add(k.name, k.type);
    for (const a of k.aliases ?? []) add(a, k.type);
  }
  for (const [acr, e] of Object.entries(lexicons.acronyms)) add(acr, e.type);
  const clashes = [...typeOf].filter(([, types]) => types.size > 1).map(([s, t]) => `${s}: ${[...t].join('/')}`);
  expect(clashes).toEqual([]);
});
