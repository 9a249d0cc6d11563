import { useEffect, useState } from 'react';
import { get } from './api';

export interface UnitAccount {
  id: number;
  name: string;
  platformLabel?: string;
  status?: string;
}

/** The unit's accounts in one status, from the account registry; null when it is not there. */
export function useAccountsInStatus(status: 'normal' | 'suspended'): UnitAccount[] | null {
  const [accounts, setAccounts] = useState<UnitAccount[] | null>(null);
  useEffect(() => {
    get<{ items?: UnitAccount[] }>(`/api/accounts?status=${status}&pageSize=500`)
      .then((answer) => setAccounts((answer.items ?? []).filter((a) => !a.status || a.status === status)))
      .catch(() => setAccounts(null));
  }, [status]);
  return accounts;
}

/** The unit's accounts in normal standing (正常): the ones that take drafts and publications. */
export function useNormalAccounts(): UnitAccount[] | null {
  return useAccountsInStatus('normal');
}
