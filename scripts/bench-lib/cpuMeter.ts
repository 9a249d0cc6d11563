import type { SpawnedProcess } from './spawnedProcess';
import { localServiceCpu, ServiceCpu, serviceCpuSince } from './processCpu';

/** CPU milliseconds per unit of work (a draft, a request), by kind of process. */
export interface CpuPerUnit {
  servers: number;
  workers: number;
  benchClient: number;
  mariadb: number;
  redis: number;
}

export function cpuTotal(cpu: CpuPerUnit): number {
  return cpu.servers + cpu.workers + cpu.benchClient + cpu.mariadb + cpu.redis;
}

const cpuSecondsOf = (processes: readonly SpawnedProcess[]) => processes.reduce((sum, p) => sum + p.cpuSeconds(), 0);

/**
 * What the product's processes, this benchmark's own process, MariaDB and Redis spend between
 * start() and perUnit(): CPU time, not rates, because CPU per unit of work changes little when
 * the machine is shared, where rates swing by a third from one minute to the next.
 */
export class CpuMeter {
  private constructor(
    private readonly servers: readonly SpawnedProcess[],
    private readonly workers: readonly SpawnedProcess[],
    private readonly before: { servers: number; workers: number; benchClient: NodeJS.CpuUsage; services: ServiceCpu },
  ) {}

  static start(servers: readonly SpawnedProcess[], workers: readonly SpawnedProcess[]): CpuMeter {
    return new CpuMeter(servers, workers, {
      servers: cpuSecondsOf(servers),
      workers: cpuSecondsOf(workers),
      benchClient: process.cpuUsage(),
      services: localServiceCpu(),
    });
  }

  /** Milliseconds per unit since start(), for `units` units of work (at least 1). */
  perUnit(units: number): CpuPerUnit {
    const n = Math.max(1, units);
    const client = process.cpuUsage(this.before.benchClient);
    const services = serviceCpuSince(this.before.services);
    return {
      servers: ((cpuSecondsOf(this.servers) - this.before.servers) * 1000) / n,
      workers: ((cpuSecondsOf(this.workers) - this.before.workers) * 1000) / n,
      benchClient: (client.user + client.system) / 1000 / n,
      mariadb: (services.mariadb * 1000) / n,
      redis: (services.redis * 1000) / n,
    };
  }
}
