import { normaliseHost } from './urls';

/**
 * Domain suffix rules: a rule for `gov.cn` covers gov.cn itself and every host under it
 * (www.hunan.gov.cn), but not `notgov.cn`. The most specific rule wins, so `mp.weixin.qq.com`
 * can be treated differently from the rest of `qq.com`.
 */
export class DomainMatcher<T> {
  private readonly rules = new Map<string, T>();

  constructor(entries: ReadonlyArray<{ domain: string; value: T }> = []) {
    for (const { domain, value } of entries) this.add(domain, value);
  }

  add(domain: string, value: T): void {
    const key = normaliseHost(domain.replace(/^\*\./, ''));
    if (key && !this.rules.has(key)) this.rules.set(key, value);
  }

  /** The rule of the longest matching suffix of `host`, with the domain it was written for. */
  match(host: string): { domain: string; value: T } | undefined {
    let candidate = normaliseHost(host);
    while (candidate) {
      const value = this.rules.get(candidate);
      if (value !== undefined) return { domain: candidate, value };
      const dot = candidate.indexOf('.');
      if (dot < 0) return undefined;
      candidate = candidate.slice(dot + 1);
    }
    return undefined;
  }
}

/** Whether a string is a plausible domain to write a rule for (letters, digits, dots and hyphens). */
export function isDomainPattern(domain: string): boolean {
  const ascii = normaliseHost(domain);
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{2,63}$/.test(ascii);
}
