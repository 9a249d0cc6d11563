import { useEffect, useState } from 'react';
import { get } from './api';

let cached: Promise<Map<number, string>> | null = null;

/** Names of the unit's registered accounts (平台 · 名称), from the account registry when it answers. */
export function useAccountNames(): Map<number, string> {
  const [names, setNames] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    cached ??= get<{ items?: Array<{ id: number; name: string; platformLabel?: string }> }>('/api/accounts?pageSize=500')
      .then((answer) => new Map((answer.items ?? []).map((a) => [a.id, a.platformLabel ? `${a.platformLabel} · ${a.name}` : a.name])))
      .catch(() => {
        cached = null;
        return new Map<number, string>();
      });
    void cached.then(setNames);
  }, []);
  return names;
}

export function accountList(ids: number[], names: Map<number, string>): string {
  if (!ids.length) return '未指定';
  return ids.map((id) => names.get(id) ?? `账号 #${id}`).join('、');
}
