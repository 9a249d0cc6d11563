import { Job, UnrecoverableError } from 'bullmq';
import { screeningRecorder } from '../../server/commands/screeningRecorder';
import { Draft, RescreenBatch, Revision } from '../../server/models';
import { ScreeningJobData } from '../../server/queues/screeningQueue';
import { DraftChange } from '../../server/realtime/draftBroadcaster';
import { RuleVersions, Screener } from '../threads/Screener';

/** What a finished job hands to the servers (through the queue's event stream) to broadcast. */
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
    const revision = await Revision.findByPk(revisionId);
    if (!revision || revision.draftId !== draftId) {
      throw new UnrecoverableError(`revision ${revisionId} of draft ${draftId} does not exist`);
    }
    if (trigger === 'submit') {
      const draft = await Draft.findByPk(draftId, { attributes: ['id', 'status', 'currentRevisionId'] });
      if (!draft || draft.status !== 'screening' || draft.currentRevisionId !== revision.id) {
        return { recorded: false, verdict: 'pass', change: null, draftId, trigger };
      }
    }
    const input = {
      title: revision.title,
      body: revision.body,
      sourceType: revision.sourceType,
      sourceName: revision.sourceName,
      sourceUrl: revision.sourceUrl,
    };
    const result = await this.screener.screen(input, await this.requiredVersions(trigger));
    const recorded = await screeningRecorder(draftId, revisionId, trigger, result);
    return { ...recorded, draftId, trigger };
  }
}
