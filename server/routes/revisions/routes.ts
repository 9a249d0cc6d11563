import { Router } from 'express';
import { notFound } from '../../errors';
import { idParam, validated } from '../../middlewares/validate';
import { Draft, Revision, User } from '../../models';
import { canReadDraft } from '../../policies/draftPolicy';
import { loadDraftEvents, loadRevision } from '../../queries/draftHistory';
import { diffRevisions } from '../../queries/revisionDiff';
import { DIFF_QUERY_LABELS, DiffQuerySchema, RevisionNumberSchema } from './schema';

async function readableDraft(user: User, rawId: unknown): Promise<Draft> {
  const id = idParam.safeParse(rawId);
  const draft = id.success ? await Draft.findByPk(id.data) : null;
  if (!draft || !canReadDraft(user, draft)) throw notFound('找不到该稿件');
  return draft;
}

/** A draft's history: earlier revisions, what changed between two of them, and its state changes. */
export function revisionRoutes(): Router {
  const router = Router();

  router.get('/:id/revisions/:number', async (req, res) => {
    const draft = await readableDraft(req.user!, req.params.id);
    const number = RevisionNumberSchema.safeParse(req.params.number);
    const revision = number.success ? await loadRevision(draft.id, number.data) : null;
    if (!revision) throw notFound('找不到该版本');
    res.json(revision);
  });

  router.get('/:id/diff', async (req, res) => {
    const draft = await readableDraft(req.user!, req.params.id);
    const query = validated(DiffQuerySchema, req.query, DIFF_QUERY_LABELS);
    const [older, newer] = await Promise.all([
      Revision.findOne({ where: { draftId: draft.id, number: query.from } }),
      Revision.findOne({ where: { draftId: draft.id, number: query.to ?? draft.revision } }),
    ]);
    if (!older || !newer) throw notFound('找不到要比较的版本');
    res.json(diffRevisions(older, newer));
  });

  router.get('/:id/events', async (req, res) => {
    const draft = await readableDraft(req.user!, req.params.id);
    res.json({ items: await loadDraftEvents(draft.id) });
  });

  return router;
}
