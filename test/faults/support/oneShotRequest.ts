import http from 'node:http';
import type { ApiClient } from '../../support/apiClient';

export interface OneShotAnswer {
  status: number;
  body: any;
}

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
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // keep the text
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
