/** The line `npm run validate` prints when all is well: how many of each kind the atlas holds. */
import type { FileSet } from './files.ts';
import { FILES, isSourceFile } from './records.ts';
import { plural } from './report.ts';
import { isObject } from './schema-messages.ts';

export interface Counts {
  regions: number;
  places: number;
  counterparts: number;
  actors: number;
  sources: number;
  control: number;
  presence: number;
  events: number;
  russiaEvents: number;
}

function lenientParse(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return undefined;
  }
}

export function countRecords(files: FileSet): Counts {
  const list = (file: string): unknown[] => {
    const data = lenientParse(files[file]);
    return Array.isArray(data) ? data : [];
  };
  const featureCount = (file: string): number => {
    const data = lenientParse(files[file]);
    return isObject(data) && Array.isArray(data.features) ? data.features.length : 0;
  };
  const events = list(FILES.events);
  return {
    regions: featureCount(FILES.regions),
    places: featureCount(FILES.places),
    counterparts: featureCount(FILES.counterparts),
    actors: list(FILES.actors).length,
    sources: Object.keys(files).filter(isSourceFile).length,
    control: list(FILES.control).length,
    presence: list(FILES.presence).length,
    events: events.length,
    russiaEvents: events.filter((e) => isObject(e) && e.russia === true).length,
  };
}

/** "3 regions, 16 places, …, 96 events (71 Libya–USSR/Russia)" */
export function formatCounts(c: Counts): string {
  return [
    plural(c.regions, 'region'),
    plural(c.places, 'place'),
    plural(c.counterparts, 'counterpart'),
    plural(c.actors, 'actor'),
    plural(c.sources, 'source'),
    plural(c.control, 'control period'),
    plural(c.presence, 'presence', 'presences'),
    `${plural(c.events, 'event')} (${c.russiaEvents} Libya–USSR/Russia)`,
  ].join(', ');
}
