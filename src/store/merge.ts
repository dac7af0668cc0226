// The cross-article entity merge: a sheet's entity is the stored entity of the same type that
// shares its full name or an alias. One look-up for the whole sheet, one insert for the new
// entities and one for their names, whatever the number of entities.
import type { Entity } from '../core/factsheet';
import { normName } from './cursor';
import type { Engine, Trx } from './engine';
import { slices } from './rows';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** The normalised names an entity may be merged by: a bare surname is too weak to merge two people, unless it is all we have. */
export function mergeKeys(e: Entity): string[] {
  const names = [...new Set([e.name, ...e.aliases])];
  return (e.type === 'person' && words(e.name).length > 1 ? names.filter((n) => words(n).length > 1) : names).map(
    normName,
  );
}

/** A known entity: stored (`id`) or created earlier in this sheet (`pending`). */
interface Known {
  id?: number;
  pending?: number;
  type: string;
  name: string;
  renamed?: boolean;
}

const order = (k: Known) => k.id ?? Number.MAX_SAFE_INTEGER / 2 + k.pending!;

/** Maps each local entity id of the sheet to a global entity id, creating and renaming entities as needed. */
export async function resolveEntities(trx: Trx, engine: Engine, entities: Entity[]): Promise<Map<string, number>> {
  if (!entities.length) return new Map();
  const allNames = [...new Set(entities.flatMap((e) => [e.name, ...e.aliases].map((n) => `${e.type}:${normName(n)}`)))];
  await engine.lockNames(trx, allNames);
  const keys = [...new Set(entities.flatMap(mergeKeys))];
  const hits = await trx
    .selectFrom('entity_names as n')
    .innerJoin('entities as e', 'e.id', 'n.entity_id')
    .select(['n.entity_id as id', 'n.type', 'n.name_norm', 'e.name'])
    .where('n.name_norm', 'in', keys)
    .execute();

  // type:name_norm → the entities carrying that name, stored first (lowest id first), then this sheet's
  const byName = new Map<string, Known[]>();
  const known = new Map<number, Known>();
  const add = (key: string, k: Known) => {
    const xs = byName.get(key) ?? [];
    if (!xs.includes(k)) xs.push(k);
    byName.set(key, xs);
  };
  for (const h of [...hits].sort((a, b) => a.id - b.id)) {
    const k = known.get(h.id) ?? { id: h.id, type: h.type, name: h.name };
    known.set(h.id, k);
    add(`${h.type}:${h.name_norm}`, k);
  }

  const pending: Known[] = [];
  const chosen: Known[] = [];
  const names: { k: Known; type: string; name: string; name_norm: string }[] = [];
  for (const e of entities) {
    const ks = mergeKeys(e);
    const own = normName(e.name);
    const candidates = [...new Set(ks.flatMap((n) => byName.get(`${e.type}:${n}`) ?? []))].sort(
      (a, b) => order(a) - order(b),
    );
    // prefer the entity whose name matches the canonical name, then the oldest
    const hit = candidates.find((c) => byName.get(`${e.type}:${own}`)?.includes(c)) ?? candidates[0];
    let k: Known;
    if (hit) {
      k = hit;
      if (words(e.name).length > words(k.name).length) {
        k.name = e.name;
        k.renamed = true;
      }
    } else {
      k = { pending: pending.length, type: e.type, name: e.name };
      pending.push(k);
    }
    chosen.push(k);
    for (const n of new Set([e.name, ...e.aliases])) {
      names.push({ k, type: e.type, name: n, name_norm: normName(n) });
      add(`${e.type}:${normName(n)}`, k);
    }
  }

  let next = 0;
  for (const part of slices(pending.map((k) => ({ type: k.type, name: k.name })))) {
    for (const r of await trx.insertInto('entities').values(part).returning('id').execute())
      pending[next++].id = Number(r.id);
  }
  for (const k of known.values()) {
    if (k.renamed) await trx.updateTable('entities').set({ name: k.name }).where('id', '=', k.id!).execute();
  }
  const seen = new Set<string>();
  const nameRows = names
    .filter((n) => {
      const key = `${n.k.id}:${n.name_norm}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((n) => ({ entity_id: n.k.id!, type: n.type, name: n.name, name_norm: n.name_norm }));
  for (const part of slices(nameRows)) {
    await trx
      .insertInto('entity_names')
      .values(part)
      .onConflict((oc) => oc.columns(['entity_id', 'name_norm']).doNothing())
      .execute();
  }
  return new Map(entities.map((e, i) => [e.id, chosen[i].id!]));
}
