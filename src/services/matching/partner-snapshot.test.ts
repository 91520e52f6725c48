import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PartnerProfile } from '../../repositories/match.repository.js';
import { ORGANISATION_KINDS } from '../../shared/domain.js';
import { SnapshotFormatError, SnapshotReader, SnapshotWriter } from '../search/snapshot/codec.js';
import { random } from '../synthetic-organisations.js';
import { organisationProfile, RevisionLog } from '../../test/profiles.js';
import { tempDir } from '../../test/temp-dir.js';
import { PartnerIndex } from './partner-index.js';
import { candidateFilter } from './partner-ranking.js';
import { matchingWeights } from './scoring.js';

const rnd = random(11);
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
const some = (codes: string[]) => codes.filter(() => rnd() < 0.35);
const profileOf = (id: string, published = true): PartnerProfile =>
  organisationProfile(id, {
    published,
    kind: pick(ORGANISATION_KINDS),
    regionCode: pick(['FR-87', 'RU-KLU', 'IT-25']),
    areaCodes: some(['a1', 'a2', 'a3']),
    naceClasses: some(['23.44', '28.29', '72.19']),
    conceptCodes: some(['c1', 'c2', 'c3', 'c4']),
    productCodes: some(['hs:848210', 'hs:848220', 'cpa:23.44.12']),
  });

/** What the index suggests for each of `sources`, with weights read off the index itself. */
function answers(index: PartnerIndex, sources: PartnerProfile[]) {
  return sources.map((source) => {
    const context = {
      conceptWeights: index.conceptWeights(source.conceptCodes),
      rarity: index.rarities(source),
      pairedRegions: new Set(['FR-87']),
    };
    return index.best(matchingWeights(source, context), candidateFilter(source.id), 15);
  });
}

async function snapshotOf(index: PartnerIndex, dir: string): Promise<SnapshotReader> {
  const path = join(dir, 'partners.snapshot');
  const writer = new SnapshotWriter();
  index.writeSnapshot(writer);
  await writer.save(path);
  return (await SnapshotReader.open(path))!;
}

describe('PartnerIndex snapshot', () => {
  it('restores into a new index that answers as the first did, and takes writes after it', async () => {
    const log = new RevisionLog<PartnerProfile>();
    let profiles = Array.from({ length: 300 }, (_, i) => profileOf(`p${String(i).padStart(3, '0')}`));
    for (const p of profiles) log.write(p);
    const first = new PartnerIndex({ profilesSince: (h, page) => log.since(h, page) }, 50);
    await first.refresh();
    // rewrites and unpublished ones: dead slots in the snapshot, skipped as in the index it came from
    profiles = profiles.map((p, i) => (i % 3 === 0 ? profileOf(p.id, i % 9 !== 0) : p));
    for (const p of profiles.filter((_, i) => i % 3 === 0)) log.write(p);
    await first.refresh();

    const reader = await snapshotOf(first, tempDir('partner-snapshot-'));
    const restored = new PartnerIndex({ profilesSince: (h, page) => log.since(h, page) }, 50);
    restored.readSnapshot(reader);
    restored.resume(first.position);
    expect(reader.done).toBe(true);
    expect(restored.size).toBe(first.size);
    const sources = profiles.filter((p) => p.published).slice(0, 60);
    expect(answers(restored, sources)).toEqual(answers(first, sources));

    // writes after the restore: a new organisation, one unpublished, one rewritten and one back again
    const added = { ...profileOf('new'), areaCodes: ['a1', 'a2', 'a3'], naceClasses: ['23.44'] };
    const gone = sources[0]!;
    const changed = { ...sources[1]!, areaCodes: ['a1', 'a2', 'a3'], naceClasses: ['23.44', '28.29'] };
    for (const p of [added, { ...gone, published: false }, changed]) log.write(p);
    await Promise.all([first.refresh(), restored.refresh()]);
    const probe = { ...sources[2]!, areaCodes: ['a1', 'a2', 'a3'], naceClasses: ['23.44', '28.29'] };
    const after = answers(restored, [probe, ...sources.slice(3)]);
    expect(after).toEqual(answers(first, [probe, ...sources.slice(3)]));
    expect(after[0]!.map((c) => c.id)).toEqual(expect.arrayContaining(['new', changed.id]));
    expect(after.flat().map((c) => c.id)).not.toContain(gone.id);
    log.write(gone);
    await restored.refresh();
    expect(answers(restored, [probe])[0]!.length).toBeGreaterThan(0);
    expect(restored.size).toBe(first.size + 1);
    // and it is the whole index: snapshotted again, it restores once more
    const again = new PartnerIndex({ profilesSince: (h, page) => log.since(h, page) });
    again.readSnapshot(await snapshotOf(restored, tempDir('partner-snapshot-')));
    expect(answers(again, sources.slice(3))).toEqual(answers(restored, sources.slice(3)));
  });

  it('restores an empty index, which then takes its first organisations', async () => {
    const log = new RevisionLog<PartnerProfile>();
    const restored = new PartnerIndex({ profilesSince: (h, page) => log.since(h, page) });
    restored.readSnapshot(
      await snapshotOf(new PartnerIndex({ profilesSince: (h, page) => log.since(h, page) }), tempDir('partner-snapshot-')),
    );
    for (const p of [organisationProfile('a', { areaCodes: ['a1'] }), organisationProfile('b', { areaCodes: ['a1'] })]) log.write(p);
    await restored.refresh();
    const source = organisationProfile('a', { areaCodes: ['a1'] });
    expect(answers(restored, [source])[0]!.map((c) => c.id)).toEqual(['b']);
  });

  it('refuses a snapshot of another format', async () => {
    const path = join(tempDir('partner-snapshot-'), 'other.snapshot');
    await new SnapshotWriter().json({ format: 99 }).save(path);
    const index = new PartnerIndex({ profilesSince: async () => ({ items: [], gone: [], position: { seq: 0, holes: [] }, more: false }) });
    const reader = (await SnapshotReader.open(path))!;
    expect(() => index.readSnapshot(reader)).toThrow(SnapshotFormatError);
  });
});
