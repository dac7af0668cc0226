// The figures pass: amounts and ordinals, then filters and subjects. Runs after dates, whose
// spans it must not reuse.
import { longestNonOverlapping, runPipeline, type Context, type Refiner, type Rule } from '../context';
import type { Figure } from '../factsheet';
import { amounts } from './amounts';
import type { FigureCandidate } from './candidate';
import { notAFigure, ordinalOverlap } from './filters';
import { ordinals } from './ordinals';
import { subjects } from './subjects';

export const rules: Rule<FigureCandidate>[] = [amounts, ordinals];
const overlap: Refiner<FigureCandidate> = { name: 'overlap', refine: (_ctx, fs) => longestNonOverlapping(fs) };
export const refiners: Refiner<FigureCandidate>[] = [ordinalOverlap, notAFigure, overlap, subjects];

export function extractFigures(ctx: Context): Figure[] {
  return runPipeline(ctx, rules, refiners).map((f, i) => ({
    id: `F${i + 1}`,
    ...f,
    sentence: ctx.doc.sentenceOf(f.start),
  }));
}
