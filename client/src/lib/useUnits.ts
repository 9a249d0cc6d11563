import { useEffect, useState } from 'react';
import { get } from './api';
import { useSession } from './session';
import type { Unit } from './types';

/**
 * Every unit, for the two roles that may read them (system and security admin); empty for the
 * others, who are not asked at all (a refused request would be an audited denial).
 */
export function useUnits(version = 0): Unit[] {
  const { user } = useSession();
  const allowed = user?.role === 'sysadmin' || user?.role === 'secadmin';
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => {
    if (!allowed) return;
    get<{ items: Unit[] }>('/api/units')
      .then((answer) => setUnits(answer.items))
      .catch(() => setUnits([]));
  }, [version, allowed]);
  return units;
}
