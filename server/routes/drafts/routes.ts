import { Router } from 'express';
import { draftCreator } from '../../commands/draftCreator';
import { draftReviser } from '../../commands/draftReviser';
import { reviewRecorder } from '../../commands/reviewRecorder';
import { badRequest, forbidden, notFound } from '../../errors';
import { actorOf } from '../../middlewares/requestContext';
import { idParam, validated } from '../../middlewares/validate';
import { Draft, User } from '../../models';
import { canReadDraft, canSubmitDraft } from '../../policies/draftPolicy';
import { presentDraft, presentDraftSummary } from '../../presenters/presentDraft';
import { loadDraftDetail } from '../../queries/draftDetail';
import { listDrafts } from '../../queries/draftList';
import { DraftContentSchema, DraftListQuerySchema, ReviewSchema, RevisionContentSchema } from './schema';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) throw badRequest('Idempotency-Key 须为 1–128 个字母、数字或 . _ : -');
  return header;
}

/** Loads a draft the user may read, or answers 404 (a draft outside one's scope is not revealed). */
async function readableDraft(user: User, rawId: unknown): Promise<Draft> {
  const id = idParam.safeParse(rawId);
  if (!id.success) throw notFound('找不到该稿件');
  const draft = await Draft.findByPk(id.data);
  if (!draft || !canReadDraft(user, draft)) throw notFound('找不到该稿件');
  return draft;
}

export function draftRoutes(): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const user = req.user!;
    if (!canSubmitDraft(user)) throw forbidden('只有编辑可以提交稿件');
    const content = validated(DraftContentSchema, req.body);
    const answer = await draftCreator(user, content, actorOf(req), idempotencyKeyOf(req.get('idempotency-key')));
    res.status(answer.statusCode).json(answer.body);
  });

  router.get('/', async (req, res) => {
    const user = req.user!;
    if (user.role !== 'editor' && user.role !== 'reviewer') throw forbidden('管理员和审计员不能查看稿件内容');
    const filter = validated(DraftListQuerySchema, req.query);
    const { rows, total } = await listDrafts(user, filter);
    const authorIds = [...new Set(rows.map((d) => d.authorId))];
    const authors = authorIds.length ? await User.findAll({ where: { id: authorIds } }) : [];
    res.json({
      items: rows.map((draft) => presentDraftSummary(draft, authors.find((a) => a.id === draft.authorId))),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    });
  });

  router.get('/:id', async (req, res) => {
    const draft = await readableDraft(req.user!, req.params.id);
    const detail = await loadDraftDetail(draft);
    if (!detail) throw notFound('找不到该稿件的当前版本');
    res.json(presentDraft(detail));
  });

  router.put('/:id', async (req, res) => {
    const user = req.user!;
    const draft = await readableDraft(user, req.params.id);
    const content = validated(RevisionContentSchema, req.body);
    const answer = await draftReviser(user, draft.id, content, actorOf(req), idempotencyKeyOf(req.get('idempotency-key')));
    res.status(answer.statusCode).json(answer.body);
  });

  router.post('/:id/reviews', async (req, res) => {
    const user = req.user!;
    const id = idParam.safeParse(req.params.id);
    if (!id.success) throw notFound('找不到该稿件');
    if (user.role !== 'reviewer') throw forbidden('只有审核员可以审核稿件');
    const input = validated(ReviewSchema, req.body);
    const review = await reviewRecorder(user, id.data, input, actorOf(req));
    res.status(201).json(review);
  });

  return router;
}
