/** ALLOWED_ORIGINS split into its entries (commas, spaces around them ignored). */
export function originList(raw: string): string[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** An entry a browser could send as its Origin header: http(s)://host[:port], nothing after it. */
export function isOrigin(entry: string): boolean {
  try {
    const url = new URL(entry);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry.replace(/\/$/, '');
  } catch {
    return false;
  }
}
