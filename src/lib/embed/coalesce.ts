/**
 * Host messages coalesced: however many arrive, at most one merged request is applied per animation
 * frame, fields merged in arrival order (the last value of each field wins). Browsers pause
 * requestAnimationFrame in hidden or off-screen iframes, so a timer applies it too: whichever fires first.
 */

/** Runs `run` soon, once; returns a function that cancels it. */
export type Scheduler = (run: () => void) => () => void;

/** The next animation frame, or `ms` later, whichever comes first. */
export function frameOrTimer(ms = 50): Scheduler {
  return (run) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      run();
    };
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(once) : 0;
    const timer = setTimeout(once, ms);
    return () => {
      done = true;
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  };
}

export interface Coalescer<T extends object> {
  /** Merges `value` into the pending request and schedules it. */
  push(value: T): void;
  /** Applies the pending request now, if any. */
  flush(): void;
  /** Drops the pending request. */
  cancel(): void;
}

/**
 * @example
 * const c = coalesce<{ t?: number; place?: string | null }>(apply, frameOrTimer());
 * c.push({ t: 1 }); c.push({ place: 'tripoli' }); c.push({ t: 2 }); // apply({ t: 2, place: 'tripoli' }) once, next frame
 */
export function coalesce<T extends object>(apply: (value: T) => void, schedule: Scheduler): Coalescer<T> {
  let pending: T | null = null;
  let cancelRun: (() => void) | null = null;
  const flush = () => {
    cancelRun?.();
    cancelRun = null;
    const value = pending;
    pending = null;
    if (value) apply(value);
  };
  return {
    push(value) {
      pending = { ...pending, ...value } as T;
      cancelRun ??= schedule(flush);
    },
    flush,
    cancel() {
      cancelRun?.();
      cancelRun = null;
      pending = null;
    },
  };
}
