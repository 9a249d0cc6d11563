import { DraftEvent, FindingRecord, Revision, Screening, User } from '../models';
import { presentFinding } from '../presenters/presentFinding';

/** One revision as it was submitted, with the findings of the screening that moved it on. */
export async function loadRevision(draftId: number, number: number) {
  const revision = await Revision.findOne({ where: { draftId, number } });
  if (!revision) return null;
  const screening =
    (await Screening.findOne({ where: { revisionId: revision.id, trigger: 'submit' } })) ??
    (await Screening.findOne({ where: { revisionId: revision.id }, order: [['id', 'DESC']] }));
  const findings = screening ? await FindingRecord.findAll({ where: { screeningId: screening.id }, order: [['id', 'ASC']] }) : [];
  return {
    number: revision.number,
    title: revision.title,
    body: revision.body,
    text: { title: revision.title, body: revision.bodyText, sourceName: revision.sourceName ?? '', sourceUrl: revision.sourceUrl ?? '' },
    sourceType: revision.sourceType,
    sourceName: revision.sourceName,
    sourceUrl: revision.sourceUrl,
    contentHash: revision.contentHash,
    createdAt: revision.createdAt,
    verdict: screening?.verdict ?? null,
    findings: findings.map(presentFinding),
  };
}

/** What a re-screening's entry says (see events/rescreenEvent): the batch, and the verdict and findings before and after. */
function rescreenOf(detail: Record<string, unknown> | null) {
  if (!detail) return null;
  const count = (value: unknown) => (typeof value === 'number' ? value : 0);
  return {
    batchId: count(detail.batchId),
    previousVerdict: typeof detail.previousVerdict === 'string' ? detail.previousVerdict : null,
    previousFindings: count(detail.previousFindings),
    findings: count(detail.findings),
    added: count(detail.added),
    removed: count(detail.removed),
  };
}

/**
 * The draft's state changes in order: the timeline editors watch (who, when, from, to), and the
 * re-screenings that changed its verdict or findings (who started the batch, which batch, from what to what).
 */
export async function loadDraftEvents(draftId: number) {
  const events = await DraftEvent.findAll({ where: { draftId }, order: [['id', 'ASC']], limit: 500 });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is number => id !== null))];
  const actors = actorIds.length ? await User.findAll({ where: { id: actorIds } }) : [];
  return events.map((event) => {
    const actor = actors.find((a) => a.id === event.actorId);
    let detail: Record<string, unknown> | null = null;
    try {
      detail = event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : null;
    } catch {
      detail = null;
    }
    return {
      id: event.id,
      revision: event.revision,
      type: event.type,
      actor: actor ? { id: actor.id, username: actor.username, displayName: actor.displayName } : null,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      fromLevel: event.fromLevel,
      toLevel: event.toLevel,
      verdict: typeof detail?.verdict === 'string' ? detail.verdict : null,
      rescreen: event.type === 'rescreened' ? rescreenOf(detail) : null,
      // The editor's note to the reviewers on a revision (why it was sent back unchanged, or what changed).
      note: event.type === 'revised' && typeof detail?.note === 'string' ? detail.note : null,
      createdAt: event.createdAt,
    };
  });
}
