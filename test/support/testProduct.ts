import { startHttpServer, HttpServerHandle } from '../../server/httpServer';
import { initModels } from '../../server/models';
import { startScreeningWorker, ScreeningWorkerHandle } from '../../workers/screeningWorker';
import { prepareTestDatabase } from './testStores';

export interface TestProduct {
  url: string;
  http: HttpServerHandle;
  workers: ScreeningWorkerHandle;
}

let running: Promise<TestProduct> | undefined;

/** The whole product in this process (HTTP API, socket.io, screening workers) on a free port; once per run. */
export function startTestProduct(): Promise<TestProduct> {
  running ??= (async () => {
    await prepareTestDatabase();
    initModels();
    const http = await startHttpServer(0);
    const workers = await startScreeningWorker({ concurrency: 4 });
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
}
