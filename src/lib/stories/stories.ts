/**
 * Guided stories (stories/<id>.json, validated by `npm run validate`), loaded on demand: a reader
 * who never opens one downloads none. A step sets the month, the place and the layers.
 */
import type { Story } from '../records/types.ts';

const files = import.meta.glob<Story>('../../../stories/*.json', { import: 'default' });

/** The ids of the stories the build ships. */
export const STORY_IDS: readonly string[] = Object.keys(files).map((k) => k.replace(/^.*\/([^/]+)\.json$/, '$1'));

/** Loads a story; rejects for an id the build does not ship. */
export function loadStory(id: string): Promise<Story> {
  const file = files[`../../../stories/${id}.json`];
  return file ? file() : Promise.reject(new Error(`No story "${id}"`));
}

export { stepView } from './step.ts';
