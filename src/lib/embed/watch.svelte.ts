/** Runs `fn` whenever the state it reads changes, outside any component (used by the host bridge). */
export function watch(fn: () => void): () => void {
  return $effect.root(() => {
    $effect(fn);
  });
}
