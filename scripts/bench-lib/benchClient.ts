import http from 'node:http';
import { io, Socket } from 'socket.io-client';
import { JsonAnswer, readJsonAnswer } from './jsonAnswer';

/** A console user as the benchmarks drive one: a session cookie, its CSRF token, JSON over HTTP. */
export class BenchClient {
  private cookie = '';
  private csrfToken = '';
  private readonly agent = new http.Agent({ keepAlive: true });

  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<void> {
    const answer = await this.request('POST', '/api/session', { username, password });
    if (answer.status !== 200) throw new Error(`login of ${username} on ${this.baseUrl} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.csrfToken = (answer.body as { csrfToken: string }).csrfToken;
  }

  /**
   * One JSON request. Node's http client on a keep-alive agent rather than fetch: the benchmark's
   * client shares the machine's cores with the product it measures, and fetch cost two to three
   * times the CPU (0.9-1.4 ms per draft in bench:pipeline, against about 0.45 ms this way).
   */
  request(method: string, path: string, body?: unknown): Promise<JsonAnswer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    return new Promise((resolve, reject) => {
      const request = http.request(this.baseUrl + path, { method, headers, agent: this.agent }, (response) => {
        const setCookie = response.headers['set-cookie']?.[0];
        if (setCookie) this.cookie = setCookie.split(';')[0]!;
        readJsonAnswer(response).then(resolve, reject);
      });
      request.on('error', reject);
      request.end(payload);
    });
  }

  /** A socket.io connection with this session, as the console opens it. */
  async connectSocket(): Promise<Socket> {
    const socket = io(this.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: this.cookie },
      reconnection: true,
      timeout: 10_000,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    return socket;
  }
}
