import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { BenchClient } from './benchClient';
import { benchDraft } from './benchDrafts';
import { LatencySummary, summarise } from './latencies';

/** A draft that has not entered the level-1 queue this long after its submission counts as an error. */
const EVENT_TIMEOUT_MS = 60_000;

/** A phase of requests that wait for no event (see PipelineDriver.requestLoop). */
export interface RequestLoopResult {
  /** Requests answered as expected. */
  answered: number;
  errors: number;
  firstErrors: string[];
}

export interface LoadResult {
  /** Drafts submitted during the phase. */
  submitted: number;
  /** Drafts whose queue:entered event arrived within the phase's window. */
  screenedInWindow: number;
  seconds: number;
  /** Drafts per second that went from submission to the level-1 queue within the window. */
  screenedPerSecond: number;
  /** Submission request to queue:entered event, for every draft of the phase. */
  latency: LatencySummary;
  errors: number;
  firstErrors: string[];
}

/**
 * Drives the product as editors and a level-1 reviewer do: editors submit drafts over HTTP,
 * the reviewer's console hears `queue:entered` over socket.io. The latency of a draft runs from
 * the start of its submit request to that event.
 */
export class PipelineDriver {
  private next = 0;
  /** Events that came before the submit request answered (the worker can be that quick). */
  private readonly early = new Map<number, number>();
  private readonly waiting = new Map<number, (arrivedAt: number) => void>();

  constructor(
    private readonly editors: BenchClient[],
    reviewerSocket: Socket,
    private readonly firstDraftNumber = 1,
  ) {
    reviewerSocket.on('queue:entered', (event: { id: number }) => {
      const arrivedAt = performance.now();
      const waiter = this.waiting.get(event.id);
      if (waiter) {
        this.waiting.delete(event.id);
        waiter(arrivedAt);
      } else {
        this.early.set(event.id, arrivedAt);
      }
    });
  }

  /** Submits one draft and resolves with its latency in ms (or rejects with why it failed). */
  private async submitOne(): Promise<{ latencyMs: number; arrivedAt: number }> {
    const n = this.firstDraftNumber + this.next++;
    const editor = this.editors[n % this.editors.length]!;
    const submittedAt = performance.now();
    const answer = await editor.request('POST', '/api/drafts', benchDraft(n));
    if (answer.status !== 201) throw new Error(`submit answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
    const id = (answer.body as { id: number }).id;
    const arrivedAt =
      this.early.get(id) ??
      (await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiting.delete(id);
          reject(new Error(`draft ${id}: no queue:entered within ${EVENT_TIMEOUT_MS / 1000} s`));
        }, EVENT_TIMEOUT_MS);
        this.waiting.set(id, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      }));
    this.early.delete(id);
    return { latencyMs: arrivedAt - submittedAt, arrivedAt };
  }

  /**
   * Closed loop: `inFlight` editors each submit, wait for their draft to enter the queue, and
   * submit the next, for `seconds`. Finds the rate the pipeline sustains.
   */
  async closedLoop(inFlight: number, seconds: number): Promise<LoadResult> {
    const tally = new Tally(seconds);
    const endAt = tally.startedAt + seconds * 1000;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (performance.now() < endAt) await tally.track(this.submitOne());
      }),
    );
    return tally.result();
  }

  /**
   * Closed loop of requests that wait for no event: `inFlight` editors each send one and the next
   * as soon as it is answered, for `seconds`. `submit` submits drafts as closedLoop does but does
   * not wait for their screening; `session` reads the signed-in user (GET /api/session), the
   * least an authenticated request does.
   */
  async requestLoop(kind: 'submit' | 'session', inFlight: number, seconds: number): Promise<RequestLoopResult> {
    const result: RequestLoopResult = { answered: 0, errors: 0, firstErrors: [] };
    const endAt = performance.now() + seconds * 1000;
    const one = async () => {
      const n = this.firstDraftNumber + this.next++;
      const editor = this.editors[n % this.editors.length]!;
      const answer = kind === 'submit' ? await editor.request('POST', '/api/drafts', benchDraft(n)) : await editor.request('GET', '/api/session');
      const expected = kind === 'submit' ? 201 : 200;
      if (answer.status !== expected) throw new Error(`${kind} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
    };
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (performance.now() < endAt) {
          try {
            await one();
            result.answered++;
          } catch (error) {
            countError(result, error);
          }
        }
      }),
    );
    return result;
  }

  /** Open loop: submissions at a fixed rate for `seconds`, whatever the pipeline does. Measures latency at that rate. */
  async openLoop(perSecond: number, seconds: number): Promise<LoadResult> {
    const tally = new Tally(seconds);
    const total = Math.max(1, Math.round(perSecond * seconds));
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const dueAt = tally.startedAt + (i * 1000) / perSecond;
      const wait = dueAt - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(tally.track(this.submitOne()));
    }
    await Promise.all(pending);
    return tally.result();
  }
}

/** Counts a failed request, keeping the messages of the first five to print. */
function countError(into: { errors: number; firstErrors: string[] }, error: unknown): void {
  into.errors++;
  if (into.firstErrors.length < 5) into.firstErrors.push((error as Error).message);
}

/** Counts one phase's drafts: latencies, those screened inside the window, errors. */
class Tally {
  readonly startedAt = performance.now();
  private readonly latencies: number[] = [];
  private submitted = 0;
  private screenedInWindow = 0;
  private readonly failures = { errors: 0, firstErrors: [] as string[] };

  constructor(private readonly seconds: number) {}

  async track(submission: Promise<{ latencyMs: number; arrivedAt: number }>): Promise<void> {
    this.submitted++;
    try {
      const { latencyMs, arrivedAt } = await submission;
      this.latencies.push(latencyMs);
      if (arrivedAt <= this.startedAt + this.seconds * 1000) this.screenedInWindow++;
    } catch (error) {
      countError(this.failures, error);
    }
  }

  result(): LoadResult {
    return {
      submitted: this.submitted,
      screenedInWindow: this.screenedInWindow,
      seconds: this.seconds,
      screenedPerSecond: this.screenedInWindow / this.seconds,
      latency: summarise(this.latencies),
      errors: this.failures.errors,
      firstErrors: this.failures.firstErrors,
    };
  }
}
