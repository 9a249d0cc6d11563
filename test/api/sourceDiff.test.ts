import assert from 'node:assert/strict';
import { ComparedRevision, diffRevisions } from '../../server/queries/revisionDiff';

const REPOST: ComparedRevision = {
  number: 1,
  title: '我县蜜柚丰收',
  bodyText: '眼下正是蜜柚采摘季。',
  sourceType: 'repost',
  sourceName: '东山视点自媒体',
  sourceUrl: 'https://www.toutiao.com/article/7301234567/',
};

/** The source line as the reviewer reads it: removed parts struck, added parts underlined. */
function read(parts: Array<{ kind: string; text: string }>): string {
  return parts.map((p) => (p.kind === 'removed' ? `[-${p.text}-]` : p.kind === 'added' ? `{+${p.text}+}` : p.text)).join('');
}

describe('the diff of a revision’s source', () => {
  it('shows a replaced outlet and address whole, old then new, instead of interleaving their characters', () => {
    const revised = { ...REPOST, number: 2, sourceName: '县融媒体中心', sourceUrl: 'https://www.gov.cn/xinwen/2026-11/20/content_123.htm' };
    assert.equal(
      read(diffRevisions(REPOST, revised).source),
      '转载 · [-东山视点自媒体-]{+县融媒体中心+} · [-https://www.toutiao.com/article/7301234567/-]{+https://www.gov.cn/xinwen/2026-11/20/content_123.htm+}',
    );
  });

  it('keeps unchanged parts as they are and shows a repost made original', () => {
    assert.deepEqual(diffRevisions(REPOST, { ...REPOST, number: 2 }).source, [{ kind: 'same', text: '转载 · 东山视点自媒体 · https://www.toutiao.com/article/7301234567/' }]);
    const original = { ...REPOST, number: 2, sourceType: 'original' as const, sourceName: null, sourceUrl: null };
    assert.equal(
      read(diffRevisions(REPOST, original).source),
      '[-转载-]{+原创+} · [-东山视点自媒体-] · [-https://www.toutiao.com/article/7301234567/-]',
    );
  });
});
