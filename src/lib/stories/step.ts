/** What a story's step shows, as a pure function (the app and the build's previews share it). */
import type { StoryStep } from '../records/types.ts';
import { parseMonthKey } from '../time/months.ts';
import { ALL_LAYERS, type Layers } from '../state/layers.ts';

/** What a step shows: the month (a span's last), the place and the layers. */
export function stepView(step: Pick<StoryStep, 'date' | 'until' | 'place' | 'layers'>): { t: number; place: string | null; layers: Layers } {
  const t = parseMonthKey(step.until ?? step.date)!;
  const layers = step.layers ? { control: step.layers.includes('control'), presence: step.layers.includes('presence'), diplomacy: step.layers.includes('diplomacy') } : ALL_LAYERS;
  return { t, place: step.place ?? null, layers };
}
