import { createHash } from 'node:crypto';

export interface HashedContent {
  title: string;
  body: string;
  sourceType: string;
  sourceName: string | null;
  sourceUrl: string | null;
  accountIds: number[];
}

/** The hash an approval binds to: any change of what would be published changes it. */
export function contentHash(content: HashedContent): string {
  const canonical = JSON.stringify([
    content.title,
    content.body,
    content.sourceType,
    content.sourceName ?? '',
    content.sourceUrl ?? '',
    [...content.accountIds].sort((a, b) => a - b),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
