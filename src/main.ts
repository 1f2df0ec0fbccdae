// First: keeps the host page's messages that arrive while the atlas starts (see inbox.ts).
import './lib/embed/inbox.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import StoryGraphic from './lib/ui/StoryGraphic.svelte';
import 'virtual:atlas-tokens.css';
import './app.css';
import { atlasData } from './lib/records/data.ts';
import { indexData } from './lib/records/atlasIndex.ts';
import { openingMonth } from './lib/records/view.ts';
import { currentMonth } from './lib/time/months.ts';
import { AtlasState } from './lib/state/app.svelte.ts';
import { isLang, type Lang } from './lib/i18n/i18n.ts';
import { connectHost } from './lib/embed/bridge.ts';
import { loadLanguage, pinTranslations } from './lib/i18n/load.ts';
import { resolveRelease } from './lib/state/release.ts';
import { lazy } from './lib/net/lazy.ts';
import releaseStamp from 'virtual:atlas-release';
import { NO_OPTIONS, parseEmbedOptions } from './lib/embed/options.ts';
import dataAsOf from 'virtual:atlas-data-as-of';
import labels from '../geo/labels.geojson';

/** The reader's language as theme.js chose it before the first paint (lang=, else the browser's): the page's first look and the atlas agree. */
function firstLang(): Lang {
  const lang = document.documentElement.lang;
  return isLang(lang) ? lang : 'en';
}

// The no-JavaScript preview (its alt text is English) is not part of the page a script reads.
for (const n of document.querySelectorAll('noscript')) n.remove();

// The release the URL asks for (release=…): the first view's records, or an older release fetched now.
const release = await resolveRelease(location.search, {
  stamp: releaseStamp,
  data: atlasData,
  dataAsOf,
  citations: lazy(() => import('virtual:atlas-citations')),
  fetchFile: (path, signal) => fetch(new URL(path, document.baseURI), { signal }),
});
pinTranslations(release.translations);
const index = indexData(release.data, release.dataAsOf);
const state = new AtlasState([...index.regionIds, ...index.placeIds], firstLang(), new Date(), openingMonth(index, currentMonth()));
state.readUrl(location.search);

// An Arabic or Russian reader waits for that language (two small chunks) rather than seeing English first.
await loadLanguage(state.lang, release.data).catch(() => undefined);
const options = state.embed ? parseEmbedOptions(location.search) : NO_OPTIONS;
// The first paint of index.html (vite-shell.ts) gives way to the atlas.
document.querySelector('#app > .shell')?.remove();
// A scrolling story's graphic (layout=story, set by embed.js) is a page of its own: map, date and words.
mount(options.story ? StoryGraphic : App, { target: document.getElementById('app')!, props: { index, atlas: state, labels, options, release } });
connectHost(state);
