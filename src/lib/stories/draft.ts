/**
 * A story drafted in the Share dialog, as the files a journalist copies: the story file for the
 * atlas's stories/ folder and the marked-up article. Each step rests on the records the atlas
 * shows for it (the month's events at the place, else who held it), so the file validates as is.
 */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import { areaIn, viewAt } from '../records/view.ts';
import type { Story, StoryStep } from '../records/types.ts';
import type { LayerGroup } from '../state/layers.ts';
import { parseMonthKey } from '../time/months.ts';

export interface DraftStep {
  date: string;
  place: string | null;
  layers?: LayerGroup[];
  caption: string;
}

/** A story's first step and the story's title: what the picture for readers without JavaScript shows. */
export interface FirstStep {
  step: DraftStep;
  title: string;
}

/** "Russia in Libya, 1945–2025" → "russia-in-libya-1945-2025" (the story's id and file name). */
export function slug(title: string): string {
  const s = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'story';
}

/** The records a step's view rests on: the month's events at its place, or who held the place (or each region). */
export function recordsOf(index: AtlasIndex, step: DraftStep): string[] {
  const t = parseMonthKey(step.date);
  if (t === null) return [];
  const view = viewAt(index, t);
  const inside = step.place ? new Set([step.place, ...(index.placesIn.get(step.place) ?? [])]) : null;
  const events = view.events.filter((e) => !inside || e.places.some((p) => inside.has(p))).map((e) => e.id);
  if (events.length > 0) return events.slice(0, 5);
  const areas = step.place ? [areaIn(view, step.place)] : view.regions;
  return [...new Set(areas.flatMap((a) => (a?.shown ? [a.shown.id] : (a?.zones ?? []).flatMap((z) => (z.shown ? [z.shown.id] : [])))))];
}

export function storyFile(index: AtlasIndex, title: string, steps: DraftStep[]): Story {
  const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f<>]/g, ' ').replace(/\s+/g, ' ').trim();
  const name = clean(title);
  return {
    id: slug(name),
    title: { en: name },
    description: { en: clean(steps[0]?.caption ?? '') || name },
    steps: steps.map((s): StoryStep => ({
      date: s.date,
      ...(s.place ? { place: s.place } : {}),
      ...(s.layers ? { layers: s.layers } : {}),
      caption: { en: clean(s.caption) || s.date },
      records: recordsOf(index, s),
    })),
  };
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article: the embed snippet, then one marked-up paragraph per step (embed.js moves the map to each as it is read). */
export function storyArticle(story: Story, snippet: string): string {
  const paragraphs = story.steps.map((s) => {
    const place = s.place ? ` data-place="${attr(s.place)}"` : ' data-place=""';
    const layers = s.layers ? ` data-layers="${attr(s.layers.join(','))}"` : '';
    return `<p data-atlas-step data-date="${attr(s.until ?? s.date)}"${place}${layers}>${text(s.caption.en)}</p>`;
  });
  return `${snippet}\n\n${paragraphs.join('\n\n')}\n`;
}
