/**
 * Runs tasks one at a time, in the order given: the next starts when the previous has
 * settled (fulfilled or rejected). A failed task does not stop the queue.
 */
export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      waiting += 1;
      const result = tail.then(() => task());
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      void tail.then(() => {
        waiting -= 1;
      });
      return result;
    },
    /** Tasks queued or running. */
    get size() {
      return waiting;
    },
  };
}
