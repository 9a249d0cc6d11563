import { Router } from 'express';
import { publicationRecorder } from '../../commands/publicationRecorder';
import { notFound } from '../../errors';
import { actorOf } from '../../middlewares/requestContext';
import { validated } from '../../middlewares/validate';
import { Account, Draft } from '../../models';
import { canReadDraft } from '../../policies/draftPolicy';
import { registryScope } from '../../policies/registryPolicy';
import { presentPublication } from '../../presenters/presentPublication';
import { listPublications } from '../../queries/publicationList';
import { approvedRevision } from '../../registry/approvedRevision';
import { compareTexts } from '../../registry/publicationDiff';
import { gate, readers } from '../accounts/gates';
import { CompareSchema, PublicationListQuerySchema, PublicationSchema } from './schema';

/**
 * Publication records: after the last approval a unit's editor records where and when the approved
 * revision went out on each target account, optionally proving with the platform's text that it is
 * the approved one.
 */
export function publicationRoutes(): Router {
  const router = Router();

  router.get('/', readers, async (req, res) => {
    const scope = registryScope(req.user!)!;
    const filter = validated(PublicationListQuerySchema, req.query);
    const { items, total } = await listPublications(scope.unitId, filter);
    res.json({ items, total, page: filter.page, pageSize: filter.pageSize });
  });

  router.post('/', gate(['editor'], '只有本单位的编辑可以登记发布'), async (req, res) => {
    const input = validated(PublicationSchema, req.body);
    const publication = await publicationRecorder(req.user!, input, actorOf(req));
    const [draft, account] = await Promise.all([Draft.findByPk(publication.draftId), Account.findByPk(publication.accountId)]);
    res.status(201).json({ ...presentPublication(publication, { title: draft?.title, accountName: account?.name }), draftStatus: draft?.status });
  });

  // Compares the platform's text with the approved revision before recording (changes nothing).
  router.post('/compare', gate(['editor'], '只有本单位的编辑可以登记发布'), async (req, res) => {
    const input = validated(CompareSchema, req.body);
    const draft = await Draft.findByPk(input.draftId);
    if (!draft || !canReadDraft(req.user!, draft)) throw notFound('找不到该稿件');
    const { revision } = await approvedRevision(draft);
    const body = compareTexts(revision.bodyText, input.platformText);
    const title = input.platformTitle === undefined ? null : compareTexts(revision.title, input.platformTitle);
    res.json({ draftId: draft.id, revision: revision.number, identical: body.identical && (title?.identical ?? true), title, body });
  });

  return router;
}
