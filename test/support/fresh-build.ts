// Jest global setup: the CLI and worker tests run the compiled `dist/`, so rebuild it when any source is newer
// than the build (running `npx jest` alone must not test yesterday's CLI).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

export default function freshBuild(): void {
  const built = path.join(root, 'dist', 'cli', 'main.js');
  const stale = !fs.existsSync(built) || newest(path.join(root, 'src')) > fs.statSync(built).mtimeMs;
  if (stale) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}
