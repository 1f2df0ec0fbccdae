/** Sources and passages load on demand; a failed load says so and can be retried. */
import { describe, expect, it } from 'vitest';
import { Citations } from '../../src/lib/state/citations.svelte.ts';

const chunk = { default: { citations: { 'a-record': [{ source: 'doc', passage: 'words' }] }, sources: [{ id: 'doc', publisher: 'P', title: 'T', date: '2020', language: 'en', kind: 'news' as const }] } };

describe('Citations', () => {
  it('is not ready until loaded, then gives each record its citations and the source documents', async () => {
    const c = new Citations(async () => chunk);
    expect(c.ready).toBe(false);
    expect(c.of('a-record')).toEqual([]);
    await c.load();
    expect(c.ready).toBe(true);
    expect(c.of('a-record')).toEqual([{ source: 'doc', passage: 'words' }]);
    expect(c.sources.get('doc')?.publisher).toBe('P');
  });

  it('says a failed load failed, and loads on the next try', async () => {
    let online = false;
    const c = new Citations(async () => {
      if (!online) throw new TypeError('Failed to fetch dynamically imported module');
      return chunk;
    });
    await expect(c.load()).rejects.toThrow(/Failed to fetch/);
    expect(c.failed).toBe(true);
    expect(c.ready).toBe(false);
    online = true;
    await c.load();
    expect(c.failed).toBe(false);
    expect(c.ready).toBe(true);
  });
});
