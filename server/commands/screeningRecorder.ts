import { Transaction } from 'sequelize';
import { ScreeningResult } from '../../workers/screening/types';
import { recordDraftEvent } from '../events/recordDraftEvent';
import { Draft, FindingRecord, Revision, Screening, Unit } from '../models';
import { DraftChange } from '../realtime/draftBroadcaster';
import { sequelize } from '../storage/database';

export interface RecordedScreening {
  /** False when nothing was written: the revision was already screened, or the draft moved on. */
  recorded: boolean;
  verdict: ScreeningResult['verdict'];
  /** The draft's change to broadcast, when the screening moved it. */
  change: DraftChange | null;
  /** For re-screenings: the draft's verdict before, to show which drafts changed verdict. */
  previousVerdict?: string | null;
}

async function insertScreening(draft: Draft, revision: Revision, trigger: string, result: ScreeningResult, transaction: Transaction) {
  const screening = await Screening.create(
    {
      draftId: draft.id,
      revisionId: revision.id,
      revision: revision.number,
      trigger,
      verdict: result.verdict,
      previousVerdict: trigger === 'submit' ? null : draft.verdict,
      listVersions: JSON.stringify(result.listVersions),
      findingCount: result.findings.length,
      durationMs: Math.round(result.durationMs * 1000) / 1000,
    },
    { transaction },
  );
  if (result.findings.length) {
    await FindingRecord.bulkCreate(
      result.findings.map((f) => ({
        screeningId: screening.id,
        draftId: draft.id,
        checker: f.checker,
        severity: f.severity,
        category: f.category ?? null,
        field: f.field,
        startOffset: f.start,
        endOffset: f.end,
        text: f.text.slice(0, 1000),
        term: f.term?.slice(0, 500) ?? null,
        ruleId: f.ruleId?.slice(0, 64) ?? null,
        suggestion: f.suggestion?.slice(0, 1000) ?? null,
        reason: f.reason?.slice(0, 500) ?? null,
        listVersion: f.listVersion ?? null,
      })),
      { transaction },
    );
  }
}

/**
 * Stores the machine pre-screen of a revision and moves the draft on, in one transaction.
 * Safe to run twice for the same job (at-least-once delivery): the draft row is locked, a
 * revision that already has its screening or a draft that moved on is left as it is, and the
 * unique key (revision, trigger) holds the same rule in the database.
 */
export async function screeningRecorder(draftId: number, revisionId: number, trigger: string, result: ScreeningResult): Promise<RecordedScreening> {
  return sequelize().transaction(async (transaction) => {
    const draft = await Draft.findByPk(draftId, { transaction, lock: transaction.LOCK.UPDATE });
    const revision = await Revision.findByPk(revisionId, { transaction });
    if (!draft || !revision || revision.draftId !== draft.id) return { recorded: false, verdict: result.verdict, change: null };
    const already = await Screening.findOne({ where: { revisionId, trigger }, attributes: ['id'], transaction });
    if (already) return { recorded: false, verdict: result.verdict, change: null };

    if (trigger !== 'submit') {
      // A re-screening after a rule change: record it, and refresh the verdict of the current revision.
      await insertScreening(draft, revision, trigger, result, transaction);
      const previousVerdict = draft.verdict;
      if (draft.currentRevisionId === revision.id && draft.status !== 'screening') {
        await draft.update({ verdict: result.verdict }, { transaction });
      }
      return { recorded: true, verdict: result.verdict, change: null, previousVerdict };
    }

    if (draft.status !== 'screening' || draft.currentRevisionId !== revision.id) {
      return { recorded: false, verdict: result.verdict, change: null };
    }
    await insertScreening(draft, revision, trigger, result, transaction);
    const unit = await Unit.findByPk(draft.unitId, { transaction });
    const sendToHumans = result.verdict !== 'block' || unit?.blockPolicy === 'review';
    const from = { fromStatus: draft.status, fromLevel: draft.level };
    await draft.update(
      sendToHumans
        ? { status: 'in_review', level: 1, verdict: result.verdict, returnedBy: null, statusChangedAt: new Date() }
        : { status: 'returned', level: null, verdict: result.verdict, returnedBy: 'machine', statusChangedAt: new Date() },
      { transaction },
    );
    const change = await recordDraftEvent(
      draft,
      { type: 'screened', actorId: null, ...from, detail: { verdict: result.verdict, findings: result.findings.length, listVersions: result.listVersions } },
      transaction,
    );
    return { recorded: true, verdict: result.verdict, change };
  });
}
