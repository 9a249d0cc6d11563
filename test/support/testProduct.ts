import { startHttpServer, HttpServerHandle } from '../../server/httpServer';
import { initModels } from '../../server/models';
import { startScreeningWorker, ScreeningWorkerHandle } from '../../workers/screeningWorker';
import { createScreener } from '../../workers/threads/createScreener';
import { prepareTestDatabase } from './testStores';

export interface TestProduct {
  url: string;
  http: HttpServerHandle;
  workers: ScreeningWorkerHandle;
}

let running: Promise<TestProduct> | undefined;
let closeScreener: (() => Promise<void>) | undefined;

/** The whole product in this process (HTTP API, socket.io, screening workers) on a free port; once per run. */
export function startTestProduct(): Promise<TestProduct> {
  running ??= (async () => {
    await prepareTestDatabase();
    initModels();
    const screener = createScreener(4);
    const http = await startHttpServer({ port: 0, screener });
    const workers = await startScreeningWorker({ concurrency: 4, screener: await screener });
    closeScreener = async () => (await screener).close();
    return { url: http.url, http, workers };
  })();
  return running;
}

export async function stopTestProduct(): Promise<void> {
  if (!running) return;
  const product = await running;
  running = undefined;
  await product.http.close();
  await product.workers.close();
  await closeScreener?.();
}
