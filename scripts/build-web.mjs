// Bundles the pages' browser script (src/web/client → dist/web/assets/app.js) and copies their stylesheet.
// Run by `npm run build` after tsc; esbuild needs no browser and no network.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'web', 'assets');
fs.mkdirSync(out, { recursive: true });
await build({
  entryPoints: [path.join(root, 'src', 'web', 'client', 'app.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
  outfile: path.join(out, 'app.js'),
});
for (const f of fs.readdirSync(path.join(root, 'src', 'web', 'assets'))) {
  fs.copyFileSync(path.join(root, 'src', 'web', 'assets', f), path.join(out, f));
}
