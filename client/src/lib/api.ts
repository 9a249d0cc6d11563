/** The console's one way to the server: JSON, the session cookie, and the CSRF token on every change. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
const signedOutListeners = new Set<() => void>();

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (timed out, logged out elsewhere). */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/**
 * Asks whether the session still holds (the server dropped the live connection): false, after
 * telling the listeners, when it has ended; true when it holds or the server cannot be reached now.
 */
export async function sessionStillHolds(): Promise<boolean> {
  try {
    const response = await fetch('/api/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (response.status !== 401) return true;
  } catch {
    return true;
  }
  signedOutListeners.forEach((listener) => listener());
  return false;
}

const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试';

interface RequestOptions {
  keepalive?: boolean;
  /** A body sent as it is (a file), with its own content type, instead of JSON. */
  raw?: { body: Blob | string; contentType: string };
}

async function send(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const contentType = options.raw ? options.raw.contentType : body === undefined ? undefined : 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      keepalive: options.keepalive,
      headers: {
        accept: 'application/json',
        ...(contentType ? { 'content-type': contentType } : {}),
        ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: options.raw ? options.raw.body : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (!response.ok) await refuse(response, path);
  return response;
}

/** Turns an error answer into an ApiError with the server's Chinese message. */
async function refuse(response: Response, path: string): Promise<never> {
  let parsed: any = null;
  try {
    parsed = JSON.parse(await response.text());
  } catch {
    parsed = null;
  }
  const error = parsed?.error;
  if (response.status === 401 && path !== '/api/session') signedOutListeners.forEach((listener) => listener());
  throw new ApiError(response.status, error?.id ?? 'error', error?.message ?? `请求失败（${response.status}）`, error?.details);
}

export async function api<T = unknown>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, body, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  try {
    return (text ? JSON.parse(text) : null) as T;
  } catch {
    return null as T;
  }
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const put = <T>(path: string, body: unknown = {}) => api<T>('PUT', path, body);
export const del = <T>(path: string, options?: { keepalive?: boolean }) => api<T>('DELETE', path, undefined, options);

/** Sends a file as the request body (a TSV list, an .xlsx table) and reads the JSON answer. */
export function upload<T>(path: string, body: Blob | string, contentType: string, method = 'POST'): Promise<T> {
  return api<T>(method, path, undefined, { raw: { body, contentType } });
}

/**
 * Fetches a file (an export) and hands it to the browser as a download. An error answer is shown
 * in words where the button is, instead of a page of JSON.
 */
export async function download(path: string, fallbackName: string): Promise<string> {
  const response = await send('GET', path, undefined, {});
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : plain ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** A query string from the filled-in filters (empty ones left out). */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
