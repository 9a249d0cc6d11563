import http from 'node:http';
import { JsonAnswer, readJsonAnswer } from '../../../scripts/bench-lib/jsonAnswer';
import type { ApiClient } from '../../support/apiClient';

export type OneShotAnswer = JsonAnswer;

/**
 * A JSON request on a connection of its own (no keep-alive), with a client's session: when a
 * server stops, each request either gets its whole answer or fails to connect at all, so a test
 * can tell requests the server accepted from those it did not.
 */
export function oneShotRequest(client: ApiClient, method: string, path: string, body: unknown): Promise<OneShotAnswer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = http.request(
      client.baseUrl + path,
      {
        method,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          connection: 'close',
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
        },
      },
      (response) => readJsonAnswer(response).then(resolve, reject),
    );
    request.on('error', reject);
    request.end(payload);
  });
}
