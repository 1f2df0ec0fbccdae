/**
 * The language the atlas speaks: the reader's choice once its messages have loaded (until then,
 * the previous one). A failed load leaves the previous language and says so (`failed`); choosing
 * the language again retries. Also sets the page's lang, dir and title.
 * Create it during a component's initialisation (it creates effects tied to the component).
 */
import { untrack } from 'svelte';
import { hasLanguage, translator, type Lang, type Translator } from '../i18n/i18n.ts';
import { loadLanguage } from '../i18n/load.ts';
import type { AtlasData } from '../records/types.ts';
import type { AtlasState } from './app.svelte.ts';
import { retried } from '../net/lazy.ts';

export class LanguageLoader {
  shown = $state<Lang>('en');
  /** The language that could not be loaded, if the last attempt failed. */
  failed = $state<Lang | null>(null);
  /** Bumped by retry(): a new attempt for the same language. */
  #attempt = $state(0);
  readonly tr: Translator = $derived(translator(this.shown));

  constructor(atlas: AtlasState, data: Pick<AtlasData, 'events' | 'control' | 'presence'>) {
    this.shown = untrack(() => (hasLanguage(atlas.lang) ? atlas.lang : 'en'));
    $effect(() => {
      const want = atlas.lang;
      void this.#attempt;
      if (hasLanguage(want)) {
        this.shown = want;
        this.failed = null;
        return;
      }
      let live = true;
      // A retry of a language that failed: a browser keeping the failed chunk needs a reload (lazy.ts).
      const retry = untrack(() => this.failed === want);
      (retry ? retried(loadLanguage(want, data)) : loadLanguage(want, data)).then(
        () => {
          if (!live) return;
          this.shown = want;
          this.failed = null;
        },
        () => void (live && (this.failed = want)),
      );
      return () => void (live = false);
    });
    $effect(() => {
      document.documentElement.lang = this.tr.lang;
      document.documentElement.dir = this.tr.dir;
      document.title = this.tr.t('app.title');
    });
  }

  retry(): void {
    this.#attempt++;
  }
}
