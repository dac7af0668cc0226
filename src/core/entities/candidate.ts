import type { EntityType } from '../factsheet';

/** A mention before clustering. `canonical` is set when a lexicon knows the name. */
export interface MentionCandidate {
  start: number;
  end: number;
  text: string;
  type: EntityType | null;
  canonical?: string;
  /** the name an acronym stands for, from the lexicon or an in-text definition */
  expansion?: string;
  role?: { title: string; start: number; end: number; of: string | null };
  rule: string;
}
