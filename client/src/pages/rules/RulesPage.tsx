import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../../lib/api';
import { RULE_SPECS } from '../../lib/ruleSpecs';
import { useFetch } from '../../lib/useFetch';
import { ErrorNote } from '../../components/Badges';
import { EntryTable } from '../../components/EntryTable';
import { RescreenOffer } from '../../components/RescreenOffer';

interface RuleSet {
  kind: string;
  label: string;
  version: number;
  total: number;
  enabled: number;
}

const DESCRIPTIONS: Record<string, string> = {
  sources: '转载稿件的来源须在白名单内：按来源名称、名称结尾（如“人民政府”）或原文网址的域名。',
  links: '正文中链接的域名：允许的（政府网站等）和商业链接（电商、短链接等）。',
  ads: '广告法禁止的绝对化用语、招揽购买、价格促销和联系方式；辅助分类只用于判断语境。',
  signals: '单独出现不算广告的推销信号：同一行 80 字以内凑齐推销、优惠赠送、邀约联系、商品服务中的三类，才送人工审核；旁边有政务语境的词时只作提示。',
  secrecy: '密级标志和保密提示语，如“机密★”“内部资料 注意保存”。',
  privacy: '身份证号、手机号码、银行卡号的处理级别，以及紧挨人名时的级别。',
  wording: '错误写法及其正确写法（规范表述、错别字），可设生效和失效日期。',
  formulations: '必须一字不差的重要表述：写错一字即提示。',
};

/** The rule tables of the checkers beyond word lists, one tab per kind. */
export function RulesPage() {
  const kind = useParams().kind ?? 'sources';
  const sets = useFetch(() => get<{ items: RuleSet[] }>('/api/rules'), []);
  const [changes, setChanges] = useState<string[]>([]);
  const current = sets.data?.items.find((s) => s.kind === kind);
  const spec = RULE_SPECS[kind];
  return (
    <section>
      <div className="page-head">
        <h1>筛查规则</h1>
      </div>
      <ErrorNote message={sets.error} />
      <nav className="tabs" aria-label="规则集">
        {(sets.data?.items ?? []).map((set) => (
          <Link key={set.kind} to={`/rules/${set.kind}`} className={set.kind === kind ? 'tab active' : 'tab'}>
            {set.label}（{set.enabled}/{set.total}）
          </Link>
        ))}
      </nav>
      {current && spec ? (
        <>
          <p className="muted small">
            {DESCRIPTIONS[kind]} 当前版本 {current.version}。
          </p>
          <RescreenOffer changes={changes} />
          <EntryTable
            key={kind}
            spec={{ ...spec, path: `/api/rules/${kind}`, label: current.label }}
            onChanged={(summary) => {
              setChanges((list) => [...list, `${current.label}：${summary}`]);
              void sets.refetch();
            }}
          />
        </>
      ) : sets.data ? (
        <p className="muted">没有这个规则集。</p>
      ) : null}
    </section>
  );
}
