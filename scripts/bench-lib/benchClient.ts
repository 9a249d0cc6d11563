import { io, Socket } from 'socket.io-client';

/** A console user as the benchmarks drive one: a session cookie, its CSRF token, JSON over HTTP. */
export class BenchClient {
  private cookie = '';
  private csrfToken = '';

  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<void> {
    const answer = await this.request('POST', '/api/session', { username, password });
    if (answer.status !== 200) throw new Error(`login of ${username} on ${this.baseUrl} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.csrfToken = (answer.body as { csrfToken: string }).csrfToken;
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed };
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
