import { useEffect, useState } from 'react';
import { get } from './api';

export interface NormalAccount {
  id: number;
  name: string;
  platformLabel?: string;
  status?: string;
}

/** The unit's accounts in normal standing (正常), from the account registry; null when it is not there. */
export function useNormalAccounts(): NormalAccount[] | null {
  const [accounts, setAccounts] = useState<NormalAccount[] | null>(null);
  useEffect(() => {
    get<{ items?: NormalAccount[] }>('/api/accounts?status=normal&pageSize=500')
      .then((answer) => setAccounts((answer.items ?? []).filter((a) => !a.status || a.status === 'normal')))
      .catch(() => setAccounts(null));
  }, []);
  return accounts;
}
