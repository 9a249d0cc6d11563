// Express's own reading of "trust proxy" (express/lib/utils has no types): a value it compiles is a
// value the server will accept, so the start-up check neither refuses a good one nor lets a bad one crash.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileTrust } = require('express/lib/utils') as { compileTrust(value: unknown): unknown };

export type TrustProxySetting = boolean | number | string;

/** TRUST_PROXY as Express wants it: true/false and hop counts as such, anything else as addresses. */
export function trustProxySetting(raw: string): TrustProxySetting {
  const value = raw.trim();
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Whether Express would take the setting (it throws on an address it cannot read). */
export function expressAcceptsTrustProxy(setting: TrustProxySetting): boolean {
  try {
    compileTrust(setting);
    return true;
  } catch {
    return false;
  }
}
