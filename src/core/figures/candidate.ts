import type { Figure } from '../factsheet';
export type FigureCandidate = Omit<Figure, 'id' | 'sentence'>;
