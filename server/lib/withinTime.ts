/**
 * Settles as `promise` does, or rejects with "no answer within N ms" when it has not settled by
 * then: for probes of MariaDB and Redis, which may hang rather than fail. The timer is cleared as
 * soon as the promise settles.
 */
export function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
