import fs from 'node:fs';

/** USER_HZ of /proc/<pid>/stat: 100 on every Linux build Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

/** The process names MariaDB and Redis run under. */
const SERVICE_NAMES = { mariadb: ['mariadbd', 'mysqld'], redis: ['redis-server'] } as const;

export type ServiceCpu = Record<keyof typeof SERVICE_NAMES, number>;

/**
 * CPU time a process has used so far, in seconds (all its threads; Linux only, NaN elsewhere).
 * Unlike rates, CPU per unit of work changes little when other programs share the machine.
 */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds used so far by the MariaDB and Redis servers running on this machine, found by
 * process name (NaN for a service with no local process, or off Linux). Their work for anything
 * else that uses them at the same time counts too.
 */
export function localServiceCpu(): ServiceCpu {
  const totals: ServiceCpu = { mariadb: NaN, redis: NaN };
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return totals;
  }
  for (const pid of pids) {
    let name: string;
    try {
      name = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue; // the process ended while we looked
    }
    for (const service of Object.keys(SERVICE_NAMES) as Array<keyof ServiceCpu>) {
      if (!(SERVICE_NAMES[service] as readonly string[]).includes(name)) continue;
      const seconds = processCpuSeconds(Number(pid));
      if (Number.isFinite(seconds)) totals[service] = (Number.isNaN(totals[service]) ? 0 : totals[service]) + seconds;
    }
  }
  return totals;
}

/** What each service used between two readings of localServiceCpu, in seconds. */
export function serviceCpuSince(before: ServiceCpu): ServiceCpu {
  const now = localServiceCpu();
  return { mariadb: now.mariadb - before.mariadb, redis: now.redis - before.redis };
}
