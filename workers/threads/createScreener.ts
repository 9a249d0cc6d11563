import { InProcessScreener } from './InProcessScreener';
import { Screener } from './Screener';
import { screeningThreadCount } from './screeningThreadCount';
import { ThreadPoolScreener } from './ThreadPoolScreener';

/** The screener of a worker process: a thread pool, or the event loop itself when SCREENING_THREADS=0. */
export async function createScreener(concurrency: number, threads = screeningThreadCount(concurrency)): Promise<Screener> {
  return threads === 0 ? InProcessScreener.start() : ThreadPoolScreener.start(threads);
}
