/**
 * Loads the atlas's stylesheets without CORS, so that it is styled inside `sandbox="allow-scripts"`
 * without `allow-same-origin`. There the frame's origin is opaque ("null"), every request marked
 * `crossorigin` becomes a cross-origin CORS request, and a host that sends no
 * `Access-Control-Allow-Origin` for its .css files gets them refused: the atlas rendered unstyled.
 * A stylesheet needs no CORS to apply, so Vite's `crossorigin` goes, from index.html's tags and from
 * the stylesheets its preload helper adds when a lazy chunk (the map) loads. Module scripts are always
 * fetched with CORS; in an opaque origin the host must allow that (docs/embedding.md, the sandbox tokens).
 */
import type { Plugin } from 'vite';

/** `<link … crossorigin>` → `<link …>`, for every link and script tag of the page. */
export function stripCrossorigin(html: string): string {
  return html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => tag.replace(/\s+crossorigin(?:=(?:""|"anonymous"))?(?=[\s>/])/g, ''));
}

/**
 * In Vite's preload helper (minified): `if(L.rel=C?`stylesheet`:X,C||(L.as=`script`),L.crossOrigin=``,` (X a
 * name, or the literal `modulepreload`, as the minifier chooses)
 * becomes `…,C||(L.crossOrigin=``),`: scripts keep CORS (module scripts need it), stylesheets do not.
 * (When the helper has a chunk of its own, the other `rel` is written out: `…?`stylesheet`:`modulepreload`,…`.)
 */
const PRELOAD = /(\w+)\.rel=(\w+)\?`stylesheet`:([\w$]+|`[\w-]+`),\2\|\|\(\1\.as=`script`\),\1\.crossOrigin=``,/;

export function patchPreloadHelper(code: string): string | null {
  if (!code.includes('Unable to preload CSS')) return code;
  if (!PRELOAD.test(code)) return null;
  return code.replace(PRELOAD, (_m, link: string, css: string, rel: string) => `${link}.rel=${css}?\`stylesheet\`:${rel},${css}||(${link}.as=\`script\`),${css}||(${link}.crossOrigin=\`\`),`);
}

export function sameOriginAssets(): Plugin {
  return {
    name: 'atlas-same-origin-assets',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: { order: 'post', handler: stripCrossorigin },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const code = patchPreloadHelper(chunk.code);
        // Fail the build by name when a Vite upgrade changes the helper, rather than ship unstyled embeds.
        if (code === null) this.error(`Vite's CSS preload helper changed shape in ${chunk.fileName}: update scripts/lib/vite-same-origin-assets.ts`);
        chunk.code = code;
      }
    },
  };
}
