// The figures tables are data: check they agree with each other, so a unit or currency cannot be listed twice
// with two meanings, or point at a code the table does not know.
import { lexicons } from '../../src/core/lexicons';

describe('figures lexicons', () => {
  test('every unit form belongs to one unit', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [dim, units] of Object.entries(lexicons.units.dimensions)) {
      for (const [unit, forms] of Object.entries(units)) {
        for (const f of forms) {
          const key = f.length <= 3 ? f : f.toLowerCase();
          if (seen.has(key) && seen.get(key) !== `${dim}/${unit}`)
            clashes.push(`${f}: ${seen.get(key)} and ${dim}/${unit}`);
          seen.set(key, `${dim}/${unit}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  test('currency names, symbols and subunits point at known codes', () => {
    const codes = new Set(Object.values(lexicons.currencies.codes));
    const unknown = [
      ...Object.entries(lexicons.currencies.words).filter(([, c]) => c !== null && !codes.has(c)),
      ...Object.entries(lexicons.currencies.symbols).filter(([, c]) => !codes.has(c)),
      ...Object.entries(lexicons.currencies.subunits).filter(([, s]) => s.of !== null && !codes.has(s.of)),
    ].map(([k, c]) => `${k} → ${JSON.stringify(c)}`);
    expect(unknown).toEqual([]);
  });

  test('compound units name units the table has', () => {
    const units = new Set(Object.values(lexicons.units.dimensions).flatMap((u) => Object.keys(u)));
    const compounds = Object.keys(lexicons.units.compounds).filter((k) => k !== 'comment');
    expect(compounds.filter((u) => !units.has(u))).toEqual([]);
  });

  test('a qualifier is not both a lower and an upper bound unless it is a rough one', () => {
    const { lower, upper } = lexicons.figures.qualifiers;
    expect(lower.filter((w) => upper.includes(w) && !/little/.test(w))).toEqual([]);
  });
});
