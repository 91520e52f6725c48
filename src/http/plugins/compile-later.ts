/**
 * Route validators and response serializers compiled at their first use (or in the background some seconds
 * after the start), not when their route is registered: compiling every route's schemas (Ajv for requests,
 * fast-json-stringify for responses) took 1–2.5 s of each server's start, before the first reader could be
 * answered. Under the tests everything is compiled at once, so a broken schema fails the build of the app,
 * not a request.
 */

/** What is made but not compiled yet, compiled a few at a time once the start is over. */
const pending: (() => unknown)[] = [];
let draining = false;
/**
 * The background compiles begin this long after the first was asked for, and come one at a time with a
 * pause between: a few seconds of work in all (a response serializer builds an Ajv of its own, 5–30 ms
 * each), which, begun as the server listened eight at a turn, held a restored index's first searches and
 * the refreshes after writes for a tenth of a second at a time.
 */
const BACKGROUND_AFTER_MS = 10_000;
const BACKGROUND_PAUSE_MS = 10;

function drainSoon(): void {
  if (draining) return;
  draining = true;
  const turn = () => {
    const ready = pending.shift();
    try {
      ready?.();
    } catch (error) {
      // the route's first request meets the same error (a 500): said here first, with the schema's fault
      console.error('a route schema does not compile:', error);
    }
    if (pending.length > 0) setTimeout(turn, BACKGROUND_PAUSE_MS).unref();
    else draining = false;
  };
  setTimeout(turn, BACKGROUND_AFTER_MS).unref();
}

/**
 * `make`'s result, compiled at the first call of what `stand` returns or in the background, whichever
 * comes first; `stand(ready)` is the stand-in that calls `ready()` to get the compiled function.
 */
export function compileLater<F>(make: () => F, stand: (ready: () => F) => F): F {
  // the tests compile at once
  if (process.env.VITEST) return make();
  let compiled: F | undefined;
  const ready = () => (compiled ??= make());
  pending.push(ready);
  drainSoon();
  return stand(ready);
}
