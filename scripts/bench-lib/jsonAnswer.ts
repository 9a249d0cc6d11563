import type { IncomingMessage } from 'node:http';

/** An HTTP answer as the benchmarks and the fault tests read it: the status, and the body parsed as JSON when it is JSON. */
export interface JsonAnswer {
  status: number;
  body: any;
}

/** Reads a node:http response to its end (for clients that use node:http rather than fetch). */
export function readJsonAnswer(response: IncomingMessage): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      resolve({ status: response.statusCode ?? 0, body });
    });
  });
}
