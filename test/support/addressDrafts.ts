/** The original's address of the repost drafts, as the source name, the source URL, the body's text and a link write it. */
export const ORIGINAL = 'www.xinhuanet.com/politics/2026-11/20/c_1.htm';

/** A repost whose source name writes an address that the source URL does not point to. */
export const REPOST_WITH_AN_ADDRESS_IN_ITS_SOURCE_NAME = {
  title: '转载：县政务服务中心延长办事时间',
  body: '<p>县政务服务中心自下月起延长办事时间。</p>',
  sourceType: 'repost' as const,
  sourceName: `新华网 ${ORIGINAL}`,
  sourceUrl: 'https://www.gov.cn/zhengce/2026-11/20/content_1.htm',
};
