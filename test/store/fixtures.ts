// Articles written for the store tests (plus the seed): two quote the same person, two disagree
// on one figure, two agree on another within their approximation.
import fs from 'node:fs';
import path from 'node:path';

export const SEED = fs.readFileSync(path.join(__dirname, '../../data/samples/seed-article.txt'), 'utf8');

export const ARTICLES = [
  { id: 'seed', title: 'Russia Formalizes Recognition of Taliban Rule', publishedAt: '2025-07-04', text: SEED },
  {
    id: 'putin-interview',
    title: 'Putin defends Afghan policy',
    publishedAt: '2025-07-10',
    source: 'Example Wire',
    text: 'Russian President Vladimir Putin defended the decision on Wednesday. “The Taliban are our partners in the fight against terrorism,” Putin said in Moscow.\nAbout $7 billion in Afghan assets remain frozen, the central bank said.\n',
  },
  {
    id: 'putin-summit',
    title: 'Putin meets Central Asian leaders',
    publishedAt: '2025-08-02',
    text: 'Vladimir Putin hosted regional leaders in Sochi on Friday. “Trade with Kabul will double,” Putin told reporters.\nAnalysts estimate that exports grew 12% in 2024.\n',
  },
  {
    id: 'agreeing-figure',
    title: 'Frozen reserves',
    publishedAt: '2025-07-20',
    text: 'Donors met in Geneva on Monday. Some $9.4 billion in Afghan assets remain frozen abroad, according to officials.\n',
  },
];
