import { Job, UnrecoverableError } from 'bullmq';
import { screeningRecorder } from '../../server/commands/screeningRecorder';
import { loadScreeningSubject } from '../../server/commands/screeningSubject';
import { RescreenBatch } from '../../server/models';
import { ScreeningJobData } from '../../server/queues/screeningQueue';
import { DraftChange } from '../../server/realtime/draftBroadcaster';
import { RuleVersions, Screener } from '../threads/Screener';

/** What a finished job reports, and what the worker announces to the browsers (see workers/screeningAnnouncer). */
export interface ScreeningJobResult {
  recorded: boolean;
  verdict: string;
  change: DraftChange | null;
  previousVerdict?: string | null;
  draftId: number;
  trigger: string;
}

/**
 * Screens one revision with the current rules and records the result. Runs at least once per
 * job; running it twice writes nothing the second time (see screeningRecorder).
 */
export class ScreeningProcessor {
  /** The rule versions each re-screening batch must use at least, by trigger. */
  private readonly batchVersions = new Map<string, Record<string, number>>();

  /** The screener does the CPU part (the matching) on a thread pool, or on this event loop with SCREENING_THREADS=0. */
  constructor(private readonly screener: Screener) {}

  /** A re-screening must not run on rules older than those in force when its batch started. */
  private async requiredVersions(trigger: string): Promise<RuleVersions> {
    if (trigger === 'submit') return {};
    let required = this.batchVersions.get(trigger);
    if (!required) {
      const batch = await RescreenBatch.findByPk(Number(trigger.replace('rescreen-', '')), { attributes: ['id', 'listVersions'] });
      required = batch ? (JSON.parse(batch.listVersions) as Record<string, number>) : {};
      this.batchVersions.set(trigger, required);
    }
    return required;
  }

  async process(job: Job<ScreeningJobData>): Promise<ScreeningJobResult> {
    const { draftId, revisionId, trigger } = job.data;
    // One read before the screening: the revision with its draft and the unit's policy.
    const subject = await loadScreeningSubject(draftId, revisionId);
    if (!subject) throw new UnrecoverableError(`revision ${revisionId} of draft ${draftId} does not exist`);
    if (trigger === 'submit' && (subject.draft.status !== 'screening' || subject.draft.currentRevisionId !== subject.revisionId)) {
      return { recorded: false, verdict: 'pass', change: null, draftId, trigger };
    }
    const input = {
      title: subject.title,
      body: subject.body,
      sourceType: subject.sourceType,
      sourceName: subject.sourceName,
      sourceUrl: subject.sourceUrl,
    };
    const result = await this.screener.screen(input, await this.requiredVersions(trigger));
    const recorded = await screeningRecorder(subject, trigger, result);
    return { ...recorded, draftId, trigger };
  }
}
