import { useState } from 'react';
import { ALLOW_WORD_SPEC, TERM_SPEC } from '../../lib/ruleSpecs';
import { EntryTable } from '../../components/EntryTable';
import { RescreenOffer } from '../../components/RescreenOffer';

/**
 * The security admin's word lists: sensitive terms (by category and severity) and allow-words
 * (innocent longer words that contain a term). Both are searched and paged on the server, so a
 * list of 100,000 terms answers as fast as a short one.
 */
export function WordListPage() {
  const [tab, setTab] = useState<'terms' | 'allow'>('terms');
  const [changes, setChanges] = useState<string[]>([]);
  const spec = tab === 'terms' ? TERM_SPEC : ALLOW_WORD_SPEC;
  return (
    <section>
      <div className="page-head">
        <h1>词库管理</h1>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'terms'} className={tab === 'terms' ? 'tab active' : 'tab'} onClick={() => setTab('terms')}>
            敏感词
          </button>
          <button type="button" role="tab" aria-selected={tab === 'allow'} className={tab === 'allow' ? 'tab active' : 'tab'} onClick={() => setTab('allow')}>
            白名单
          </button>
        </div>
      </div>
      <p className="muted small">
        {tab === 'terms'
          ? '级别：拦截（稿件退回作者）、需审核（提醒审核员重点看）、提示（仅提示核对）。公文常用词（如 政府、人民、管理）不要收为敏感词，否则每篇稿件都会命中。'
          : '白名单词是包含敏感词的正常词语（如“路口交通”包含某个敏感词），命中在白名单词之内时不再提示。'}
      </p>
      <RescreenOffer changes={changes} />
      <EntryTable key={spec.path} spec={spec} onChanged={(summary) => setChanges((list) => [...list, summary])} />
    </section>
  );
}
