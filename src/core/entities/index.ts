// The entity pass: rules find mention candidates, refiners fix them up, then mentions are
// clustered into entities with roles and salience. Order matters and is all here.
import { runPipeline, type Context, type Refiner, type Rule } from '../context';
import type { Entity } from '../factsheet';
import { acronymDefinitions } from './acronym-definitions';
import type { MentionCandidate } from './candidate';
import { cluster } from './cluster';
import { headingNames } from './heading-names';
import { nameRuns } from './name-runs';
import { assignRoles } from './roles';
import { scoreSalience } from './salience';

export const rules: Rule<MentionCandidate>[] = [nameRuns];
export const refiners: Refiner<MentionCandidate>[] = [headingNames, acronymDefinitions];

export function extractEntities(ctx: Context): Entity[] {
  const candidates = runPipeline(ctx, rules, refiners);
  const entities = cluster(ctx, candidates);
  assignRoles(ctx, entities, candidates);
  scoreSalience(ctx, entities);
  entities.sort((a, b) => b.salience - a.salience || a.mentions[0].start - b.mentions[0].start);
  entities.forEach((e, i) => {
    e.id = `E${i + 1}`;
  });
  return entities;
}
