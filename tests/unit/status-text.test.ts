/**
 * The map in words says a claim as a claim and a contest as a contest (issue 20, "claimed is not
 * contested"): on the view fixtures' world, a period held by the GNU and claimed by the GNS reads
 * "GNU; GNS claims authority …", never "contested".
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { viewAt } from '../../src/lib/records/view.ts';
import { parseMonthKey } from '../../src/lib/time/months.ts';
import { translator } from '../../src/lib/i18n/i18n.ts';
import { statusSentences } from '../../src/lib/words/statusText.ts';
import { summarySentences } from '../../src/lib/words/summary.ts';
import type { AtlasData } from '../../src/lib/records/types.ts';

const dir = resolve(import.meta.dirname, '../fixtures/view');
const world = JSON.parse(readFileSync(join(dir, 'world.json'), 'utf8')) as Omit<AtlasData, 'control' | 'presence' | 'events'>;
const claimed = JSON.parse(readFileSync(join(dir, 'in', 'claimed-not-contested.json'), 'utf8')) as Pick<AtlasData, 'control' | 'presence' | 'events'>;
const index = indexData({ ...world, ...claimed });
const tr = translator('en');
const at = (key: string) => viewAt(index, parseMonthKey(key)!);

describe('a claim in words', () => {
  it('says the holder holds it and the claimant claims it, without the word "contested"', () => {
    const lines = statusSentences(index, tr, at('2022-05'));
    const north = lines.find((l) => l.startsWith('North'))!;
    expect(north).toMatch(/^North: gnu; gns claims authority there, without fighting for it\.$/);
    expect(lines.join(' ')).not.toMatch(/contested/i);
  });

  it('the short summary says it too', () => {
    expect(summarySentences(index, tr, at('2022-05'))[0]).toMatch(/gnu \(gns claims authority\) holds North/);
  });

  it('before the claim and after it ends, the holder alone', () => {
    expect(statusSentences(index, tr, at('2022-02')).find((l) => l.startsWith('North'))).toBe('North: gna.');
    expect(statusSentences(index, tr, at('2023-01')).find((l) => l.startsWith('North'))).toBe('North: gnu.');
  });
});
