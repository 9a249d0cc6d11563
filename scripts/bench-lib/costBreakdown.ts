import { CpuMeter, CpuPerUnit, cpuTotal } from './cpuMeter';
import { PipelineDriver } from './pipelineLoad';
import { SpawnedProcess, stopAll } from './spawnedProcess';

/** Requests in flight in each phase: as many as the sustained phase of one worker process with the default concurrency. */
const IN_FLIGHT = 16;
/** Longest wait for a worker to screen the drafts the submission phase left. */
const DRAIN_TIMEOUT_MS = 180_000;

export interface CostBreakdown {
  seconds: number;
  /** An authenticated GET /api/session: the least any request of the console costs. */
  session: CpuPerUnit;
  /** A submission up to its answer and its queued job, with no worker running. */
  submission: CpuPerUnit;
  errors: number;
  firstErrors: string[];
}

export interface BreakdownDeps {
  driver: PipelineDriver;
  servers: readonly SpawnedProcess[];
  startWorker(): Promise<SpawnedProcess>;
  draftsStillScreening(): Promise<number>;
  progress(line: string): void;
}

/**
 * Where a draft's CPU goes, measured with no worker process running: first the editors read their
 * session, then they submit drafts that nobody screens yet. What a screened draft costs beyond a
 * submission is then the screening and the events that announce it. A worker then screens the
 * drafts the second phase left, so that nothing stays waiting.
 */
export async function measureCostBreakdown(deps: BreakdownDeps, seconds: number): Promise<CostBreakdown> {
  deps.progress(`cost breakdown: GET /api/session for ${seconds} s, no worker running`);
  let meter = CpuMeter.start(deps.servers, []);
  const reads = await deps.driver.requestLoop('session', IN_FLIGHT, seconds);
  const session = meter.perUnit(reads.answered);

  deps.progress(`cost breakdown: submissions for ${seconds} s, no worker running`);
  meter = CpuMeter.start(deps.servers, []);
  const submissions = await deps.driver.requestLoop('submit', IN_FLIGHT, seconds);
  const submission = meter.perUnit(submissions.answered);

  deps.progress(`cost breakdown: a worker screens the ${submissions.answered} drafts just submitted`);
  const firstErrors = [...reads.firstErrors, ...submissions.firstErrors];
  let errors = reads.errors + submissions.errors;
  const worker = await deps.startWorker();
  try {
    const giveUpAt = Date.now() + DRAIN_TIMEOUT_MS;
    let left = await deps.draftsStillScreening();
    while (left > 0 && Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      left = await deps.draftsStillScreening();
    }
    if (left > 0) {
      errors += left;
      firstErrors.push(`${left} draft(s) of the breakdown still in screening after ${DRAIN_TIMEOUT_MS / 1000} s`);
    }
  } finally {
    await stopAll([worker]);
  }
  return { seconds, session, submission, errors, firstErrors };
}

/** A CPU breakdown as the report prints it: by kind of process, then the sum. */
export function describeCpu(cpu: CpuPerUnit, ms: (value: number) => string, withWorkers = true): string {
  const workers = withWorkers ? `workers ${ms(cpu.workers)}, ` : '';
  return (
    `servers ${ms(cpu.servers)}, ${workers}this benchmark's client ${ms(cpu.benchClient)}, ` +
    `MariaDB ${ms(cpu.mariadb)}, Redis ${ms(cpu.redis)}; ${ms(cpuTotal(cpu))} in all`
  );
}

/**
 * The breakdown's lines: each part of a draft's CPU, and as a multiple of a bare BullMQ job's.
 * `draft` is the CPU per screened draft of the sustained phase of `workers` worker process(es).
 */
export function reportCostBreakdown(
  breakdown: CostBreakdown,
  draft: { cpu: CpuPerUnit; workers: number },
  bareJobMs: number,
  goalRatio: number,
  ms: (value: number) => string,
): string[] {
  const jobs = (value: number) => `${(value / bareJobMs).toFixed(1)} bare jobs`;
  const sessionMs = cpuTotal(breakdown.session);
  const submissionMs = cpuTotal(breakdown.submission);
  const draftMs = cpuTotal(draft.cpu);
  const lines = [
    `Where a draft's CPU goes (${IN_FLIGHT} requests in flight, ${breakdown.seconds} s per part, no worker process running; ` +
      `one job of the baseline costs ${ms(bareJobMs)} in all):`,
    `  an authenticated GET /api/session, the least a request costs: ${describeCpu(breakdown.session, ms, false)} = ${jobs(sessionMs)}`,
    `  a submission, to its answer and its queued job: ${describeCpu(breakdown.submission, ms, false)} = ${jobs(submissionMs)}`,
    `  the screening and the events after it (a screened draft with ${draft.workers} worker process(es), less a submission): ` +
      `${ms(draftMs - submissionMs)} = ${jobs(draftMs - submissionMs)}`,
    `  the goal of ${goalRatio.toFixed(3)} of the baseline's rate leaves a draft ${jobs(bareJobMs / goalRatio)}' CPU: ${ms(bareJobMs / goalRatio)}`,
    `  errors: ${breakdown.errors}`,
  ];
  for (const message of breakdown.firstErrors.slice(0, 5)) lines.push(`    ${message}`);
  return lines;
}
