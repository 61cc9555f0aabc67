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
  worker: (item: T) => Promise<void>
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
