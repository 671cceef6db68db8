/**
 * Runs tasks one at a time, in the order given: the next starts when the previous has
 * settled (fulfilled or rejected). A failed task does not stop the queue. `onSize` hears
 * every change of the number of tasks queued or running (a metric).
 */
export function serialQueue(options: { onSize?: (size: number) => void } = {}) {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      waiting += 1;
      options.onSize?.(waiting);
      const result = tail.then(() => task());
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      void tail.then(() => {
        waiting -= 1;
        options.onSize?.(waiting);
      });
      return result;
    },
    /** Tasks queued or running. */
    get size() {
      return waiting;
    },
  };
}
