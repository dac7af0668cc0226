// The benchmark corpus: the seed article and, when ../shared/eval is present beside the project,
// the dev-set texts — read at run time, never copied into the project.
import fs from 'node:fs';
import path from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

export function benchTexts() {
  const texts = [fs.readFileSync(path.join(root, 'data/samples/seed-article.txt'), 'utf8')];
  const dev = path.join(root, '../shared/eval/gold/dev');
  if (fs.existsSync(dev))
    for (const f of fs.readdirSync(dev).filter((f) => f.startsWith('meantime')))
      texts.push(JSON.parse(fs.readFileSync(path.join(dev, f), 'utf8')).text);
  return texts;
}
