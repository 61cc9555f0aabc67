/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */

/**
 * Runs `worker` over `items` with at most `limit` calls in flight. After the first failure no
 * new item starts; the calls already running are awaited, then that first error is thrown.
 * Items start in order, so a queue sorted by id is worked from the low end.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  worker: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const item = items[next++];
      try {
        // Lanes must run one item at a time: this await is the point of the function.
        // eslint-disable-next-line no-await-in-loop
        await worker(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const lanes = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure) {
    throw failure.error;
  }
}

/**
 * A counting semaphore: at most `limit` holders at once, served in arrival order. The extractor
 * holds one slot per HTTP request, so every step together stays within the per-tenant limit.
 */
export class Slots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  public constructor(private readonly limit: number) {}

  /** Runs `work` once a slot is free, and frees it when `work` settles. */
  public async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` only drops when nobody waits.
      if (next) next();
      else this.active--;
    }
  }

  /** Iterates an async iterable, holding a slot only while each `next()` (one page request) runs. */
  public async *pages<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = source[Symbol.asyncIterator]();
    for (;;) {
      // Pages come one after another by nature; the slot is what spreads requests across steps.
      // eslint-disable-next-line no-await-in-loop
      const step = await this.run(() => iterator.next());
      if (step.done) return;
      yield step.value;
    }
  }
}
