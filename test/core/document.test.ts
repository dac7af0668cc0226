import fs from 'node:fs';
import path from 'node:path';
import { splitBlocks } from '../../src/core/document/blocks';
import { findBoilerplate } from '../../src/core/document/boilerplate';
import { buildDocument } from '../../src/core/document/model';
import { splitSentences } from '../../src/core/document/sentences';

const seed = fs.readFileSync(path.join(__dirname, '../../data/samples/seed-article.txt'), 'utf8');

describe('blocks', () => {
  test('title, headings, paragraphs and list items keep their offsets', () => {
    const text =
      'Storm Hits Coast\n\nThe storm hit the coast on Monday. Thousands fled.\nWhat Comes Next\nOfficials listed:\n- Roads closed\n- Schools shut\n';
    const blocks = splitBlocks(text);
    expect(blocks.map((b) => b.type)).toEqual(['title', 'paragraph', 'heading', 'paragraph', 'list-item', 'list-item']);
    for (const b of blocks) expect(text.slice(b.start, b.end).trim()).toBe(text.slice(b.start, b.end));
    expect(text.slice(blocks[4].start, blocks[4].end)).toBe('- Roads closed');
  });
});

describe('sentences', () => {
  test('abbreviations, initials and decimals do not end sentences', () => {
    const text =
      'Dr. Jane F. Smith paid $3.5 million to the U.S. firm on Jan. 5. It was a record. “Is it over?” she asked.';
    const blocks = splitBlocks(text);
    const s = splitSentences(text, blocks).map((x) => text.slice(x.start, x.end));
    expect(s).toEqual([
      'Dr. Jane F. Smith paid $3.5 million to the U.S. firm on Jan. 5.',
      'It was a record.',
      '“Is it over?” she asked.',
    ]);
  });
});

describe('boilerplate', () => {
  test('teaser headlines of other stories are found; the article’s own headings are not', () => {
    const doc = buildDocument(seed);
    const bp = doc.boilerplate.map((b) => b.text);
    expect(bp).toContain('The Rise of Crypto Paying Apps: Revolutionizing Digital Transactions');
    expect(bp.filter((t) => t === 'The curious case of the British jet stuck in India')).toHaveLength(2);
    expect(bp).toContain('Deadly Russian Attack on Kyiv: Search for Survivors');
    for (const heading of [
      'What Russia’s Recognition Means',
      'Taliban Rule: Global Condemnation Continues',
      'A Complex History and a New Era',
      'Russia Formalizes Recognition of Taliban Rule',
    ]) {
      expect(bp).not.toContain(heading);
    }
  });

  test('on text written for the test: a repeated line and an off-topic teaser', () => {
    const text = [
      'Council Approves New Budget',
      'The city council approved a new budget on Tuesday after a long debate about schools and roads.',
      'Ten Celebrity Diets That Actually Work',
      'Budget Details',
      'The budget adds money for schools, roads and parks, council members said.',
      'Sign Up For Our Weekly Newsletter Today',
      'Sign Up For Our Weekly Newsletter Today',
      'Reactions From Residents',
      'Residents welcomed the budget but asked for more parks.',
    ].join('\n');
    const bp = findBoilerplate(text, splitBlocks(text)).map((b) => b.text);
    expect(bp).toEqual([
      'Ten Celebrity Diets That Actually Work',
      'Sign Up For Our Weekly Newsletter Today',
      'Sign Up For Our Weekly Newsletter Today',
    ]);
  });

  test('tokens align with the original text', () => {
    const doc = buildDocument(seed);
    for (const t of doc.tokens) expect(seed.slice(t.start, t.end)).toBe(t.text);
  });
});

test('page furniture lines are boilerplate whatever their words', () => {
  const text =
    'Council approves budget\nThe city council approved the budget on Tuesday after a long debate.\nRead more: Mayor Ana Costa resigns over scandal\nAdvertisement\nThe budget adds money for schools, council members said.';
  const bp = findBoilerplate(text, splitBlocks(text)).map((b) => b.text);
  expect(bp).toEqual(['Read more: Mayor Ana Costa resigns over scandal', 'Advertisement']);
});
