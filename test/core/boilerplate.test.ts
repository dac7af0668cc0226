// Boilerplate: furniture rows, teasers wherever they stand, cleanText, and no fact from a boilerplate line.
import corpus from '../corpus/boilerplate-desks.json';
import { extract, FactSheet, sourceOffset } from '../../src/core';
import { furnitureRule } from '../../src/core/document/furniture';
import { runArticle } from '../../src/services/run-article';

describe('furniture', () => {
  test.each([
    ['Advertisement', 'furniture line'],
    ['SHARE', 'furniture line'],
    ['Read more: Storm closes ski resorts', 'furniture label'],
    ['Related | Why rents keep rising', 'furniture label'],
    ['Watch: Divers film the wreck', 'furniture label'],
    ['Click here to get our morning briefing', 'call to action'],
    ['Follow us on X and Threads', 'call to action'],
    ['Sign up for our newsletter', 'call to action'],
    ['This site uses cookies to give you a better experience.', 'call to action'],
    ['Already a subscriber? Log in', 'call to action'],
    ['You have 3 free articles remaining this month.', 'site notice'],
    ['Photo: Reuters', 'photo credit'],
    ['Photograph: Tom Hale/AFP via Getty Images', 'photo credit'],
    ['Firefighters tackle the blaze on Sunday. (AP Photo/Jane Doe)', 'photo caption'],
    ['Firefighters tackle the blaze on Sunday. Photograph: Jane Doe/Reuters', 'photo caption'],
  ])('%s → %s', (line, reason) => expect(furnitureRule(line)?.reason).toBe(reason));

  test.each([
    'Related party transactions rose 4% in the year.',
    'Photos show the bridge was already cracked, the inspector said.',
    'Watch the river, the farmers say, and you will know the weather.',
    'Subscribers to the service rose to two million.',
    'Share prices fell sharply on Monday.',
    'The picture: bleak for exporters',
    'Following us on the road were two police cars.',
  ])('not furniture: %s', (line) => expect(furnitureRule(line)).toBeNull());
});

describe('teasers on the corpus articles', () => {
  const sheets = corpus.positive.map((r) => extract(r.text, { publishedAt: corpus.publishedAt }));

  test('every entry says why and how sure; teasers list the signals weighed', () => {
    for (const s of sheets)
      for (const b of s.boilerplate) {
        expect(b.confidence).toBeGreaterThan(0.5);
        expect(b.confidence).toBeLessThanOrEqual(1);
        if (b.reason === 'teaser headline') expect(b.signals?.length).toBeGreaterThan(0);
      }
  });

  test('no fact of any section comes from a boilerplate line', () => {
    for (const s of sheets) {
      const spans = [
        ...s.entities.flatMap((e) => [...e.mentions, ...e.roles]),
        ...s.dates,
        ...s.quotes,
        ...s.figures,
        ...s.events.flatMap((e) => [e.trigger, e.sentenceSpan]),
        ...s.quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])),
      ];
      for (const x of spans) for (const b of s.boilerplate) expect(x.start >= b.end || x.end <= b.start).toBe(true);
      const names = s.entities.map((e) => e.name);
      for (const n of ['Dresden', 'Keukenhof', 'Germany', 'Instagram']) expect(names).not.toContain(n);
    }
  });
});

describe('cleanText (include=boilerplate)', () => {
  const text = corpus.positive[6].text; // cookie notice, a run of three teasers, a repeated one at the end
  const sheet = extract(text, { include: ['boilerplate'] });

  test('is absent unless asked for, and asking for it alone returns no facts', () => {
    expect(extract(text).cleanText).toBeUndefined();
    expect(sheet.entities).toEqual([]);
    expect(() => FactSheet.parse(sheet)).not.toThrow();
    expect(extract(text, { include: ['boilerplate', 'entities'] }).entities.length).toBeGreaterThan(0);
  });

  test('drops every boilerplate line with its line break and maps back to the input', () => {
    const clean = sheet.cleanText!;
    for (const b of sheet.boilerplate) expect(clean.text).not.toContain(b.text);
    expect(clean.text.startsWith('Rail strike called off after overnight talks\n')).toBe(true);
    expect(clean.text).not.toMatch(/\n\n/);
    for (const m of clean.map)
      expect(clean.text.slice(m.clean, m.clean + m.length)).toBe(text.slice(m.source, m.source + m.length));
    const at = clean.text.indexOf('Commuters');
    expect(text.slice(sourceOffset(clean, at), sourceOffset(clean, at) + 9)).toBe('Commuters');
  });

  test('the article input (CLI lines, HTTP bodies) accepts include=boilerplate', () => {
    const out = runArticle('a1', { text, include: ['boilerplate'] }, { maxTextChars: 200_000 });
    expect('cleanText' in out && out.cleanText?.text).toContain('Commuters had faced');
  });

  test('an unknown include value is an input error naming the field', () => {
    let err: unknown;
    try {
      extract(text, { include: ['teasers' as never] });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ field: 'include.0', message: expect.stringMatching(/boilerplate/) });
  });
});
