// The layers, checked on the imports: the core imports no shell; the shells (http, cli, batch)
// share input/errors/services/store/config, never each other (the CLI's `serve` starts the server).
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '../src');
const files = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );

/** Top-level folder (or file) of every relative import of a file, e.g. "http", "core", "config.ts". */
function importedLayers(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const specs = [...src.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => m[1]);
  return specs.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).split(path.sep)[0]);
}

const FORBIDDEN: Record<string, string[]> = {
  core: ['http', 'cli', 'batch', 'store', 'input', 'errors', 'services', 'eval', 'config', 'logger'],
  http: ['cli', 'batch'],
  batch: ['http', 'cli'],
  input: ['http', 'cli', 'batch', 'store', 'services'],
  errors: ['http', 'cli', 'batch', 'store', 'input', 'services', 'core'],
  services: ['http', 'cli', 'batch'],
  store: ['http', 'cli', 'batch'],
  eval: ['http', 'cli'],
};

test.each(Object.entries(FORBIDDEN))('src/%s imports none of %j', (layer, forbidden) => {
  const bad = files(path.join(SRC, layer)).flatMap((f) =>
    importedLayers(f)
      .filter((l) => forbidden.includes(l))
      .map((l) => `${path.relative(SRC, f)} → ${l}`),
  );
  expect(bad).toEqual([]);
});

test('the CLI reaches HTTP only to start the server', () => {
  const bad = files(path.join(SRC, 'cli')).flatMap((f) => {
    const src = fs.readFileSync(f, 'utf8');
    return [...src.matchAll(/(?:from|import\()\s*'(\.\.\/http\/[^']+)'/g)]
      .map((m) => m[1])
      .filter((s) => s !== '../http/server')
      .map((s) => `${f}: ${s}`);
  });
  expect(bad).toEqual([]);
});

test('the import scan sees imports (the checks above can fail)', () => {
  expect(importedLayers(path.join(SRC, 'http/jobs.ts'))).toEqual(
    expect.arrayContaining(['core', 'errors', 'input', 'services']),
  );
  expect(importedLayers(path.join(SRC, 'http/routes/extract.ts'))).toEqual(
    expect.arrayContaining(['core', 'errors', 'input', 'config']),
  );
});
