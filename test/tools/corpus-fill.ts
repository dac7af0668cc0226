// `npm run corpus:fill` (CORPUS_FILES=a.json,b.json to choose files; CORPUS_ADOPT=1 to also write the facts a
// row does not list, for review): writes the rule (and, where a text repeats, the start) of each expected
// fact into corpus rows, from what the extractor produces now. Review the diff: it records, it does not judge.
import fs from 'node:fs';
import path from 'node:path';
import { extract } from '../../src/core';
import { fillRow, type Corpus } from '../support/corpus';

const dir = path.join(__dirname, '..', 'corpus');
const files =
  process.env.CORPUS_FILES?.split(',').filter(Boolean) ??
  [dir, path.join(dir, 'backlog')].flatMap((d) =>
    (fs.existsSync(d) ? fs.readdirSync(d) : []).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f)),
  );

const adopt = process.env.CORPUS_ADOPT === '1';

test('fill corpus rows', () => {
  for (const file of files) {
    const corpus = JSON.parse(fs.readFileSync(file, 'utf8')) as Corpus;
    corpus.positive = corpus.positive.map((row) =>
      fillRow(corpus.section, row, extract(row.text, { publishedAt: row.publishedAt ?? corpus.publishedAt }), adopt),
    );
    fs.writeFileSync(file, `${JSON.stringify(corpus, null, 1)}\n`);
  }
});
