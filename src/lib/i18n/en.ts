/** English messages. Every string a reader sees comes from a catalog like this one. */
export const en = {
  'app.title': 'Libya–Russia Atlas',
  'app.subtitle': 'Who controlled Libya, where Soviet, Russian and other foreign forces were, and Libya’s diplomacy with Moscow, 1943 to today',
  'app.mapLabel': 'Map of Libya showing control, foreign forces and diplomacy in {date}',
  'app.loading': 'Loading the map…',
  'app.noWebgl': 'This browser cannot draw the interactive map (WebGL is unavailable). The places list, the status text and the events below still work.',

  'time.label': 'Time',
  'time.play': 'Play',
  'time.pause': 'Pause',
  'time.keys': 'Arrow keys: a month; Page Up / Page Down: a year; Home / End: the first and last month',
  'time.circa': 'c. {date}',

  'status.heading': 'At this date',
  'status.control': '{place}: {holder}.',
  'status.contested': '{place}: contested ({holders}).',
  'status.changed': '{place}: {from} until {to} took over this month.',
  'status.none': '{place}: no record.',
  'status.uncertain': '(date uncertain)',
  'status.noForces': 'No foreign forces recorded in Libya.',
  'status.forces': 'Foreign forces: {list}.',
  'status.force': '{actor} at {place}',
  'status.forceClaim': '{actor} at {place} ({status})',
  'status.diplomacy': 'Diplomacy: {list}.',
  'status.listSep': '; ',
  'status.and': ' and ',

  'layers.heading': 'Show',
  'layers.control': 'Control',
  'layers.presence': 'Foreign forces',
  'layers.diplomacy': 'Diplomacy with Moscow',

  'legend.heading': 'Who controls',
  'legend.contested': 'Contested (hatched)',
  'legend.uncertain': 'Uncertain date (faded, dashed outline)',
  'legend.presence': 'Foreign force (hollow: alleged)',
  'legend.diplomacy': 'Diplomatic event (arc to the counterpart city; dashed: not confirmed)',

  'places.heading': 'Places',
  'places.regions': 'Regions',
  'places.cities': 'Cities and bases',

  'panel.close': 'Close',
  'panel.control': 'Control at this date',
  'panel.forces': 'Foreign forces recorded here',
  'panel.events': 'Events',
  'panel.noEvents': 'No events recorded for this place yet.',
  'panel.later': 'after the selected date',
  'panel.sources': 'Sources',
  'panel.showPassage': 'Show the passage',
  'panel.hidePassage': 'Hide the passage',
  'panel.paraphrase': 'Summary of the source, not a quotation',
  'panel.quoteLang': 'Quoted in {language}',
  'panel.claimedBy': 'Claimed by {who}',
  'panel.response': 'Response',
  'panel.respondsTo': 'In response to: {title}',
  'panel.strength': 'Strength: {strength}',
  'panel.from': 'from {start}',
  'panel.fromTo': '{start} – {end}',
  'panel.contestedBy': 'contested with {actors}',

  'status.confirmed': 'confirmed',
  'status.reported': 'reported',
  'status.alleged': 'alleged',
  'status.denied': 'denied',

  'category.diplomatic': 'Diplomatic',
  'category.military': 'Military',
  'category.economic': 'Economic',
  'category.control': 'Control',

  'lang.en': 'English',
  'lang.ar': 'Arabic',
  'lang.ru': 'Russian',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
