/** A small HTTP client for tests: JSON in and out, one session cookie, the CSRF token sent back. */
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  user: { id: number; username: string; role: string; level: number | null } | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      // Bytes as they are: a file in another encoding than UTF-8.
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body ?? {}, headers);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async login(username: string, password: string): Promise<ApiAnswer> {
    const answer = await this.post('/api/session', { username, password });
    if (answer.status === 200) {
      this.csrfToken = answer.body.csrfToken;
      this.user = answer.body.user;
    }
    return answer;
  }

  /** Polls a draft until the predicate holds; fails with the last state seen. */
  async waitForDraft(id: number, predicate: (draft: any) => boolean, timeoutMs = 20_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    let last: ApiAnswer | undefined;
    while (Date.now() < deadline) {
      last = await this.get(`/api/drafts/${id}`);
      if (last.status === 200 && predicate(last.body)) return last.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`draft ${id} did not reach the expected state; last: ${last?.status} ${JSON.stringify(last?.body).slice(0, 300)}`);
  }
}
