import { Router } from 'express';
import { draftClaimer, draftClaimReleaser } from '../../commands/draftClaimer';
import { notFound } from '../../errors';
import { rolesOnly } from '../../middlewares/authenticate';
import { actorOf } from '../../middlewares/requestContext';
import { idParam, validated } from '../../middlewares/validate';
import { ClaimBodySchema } from './schema';

function draftIdOf(raw: unknown): number {
  const id = idParam.safeParse(raw);
  if (!id.success) throw notFound('找不到该稿件');
  return id.data;
}

/** Reviewers claim the draft they open, so that others of the same level see it is taken. */
export function claimRoutes(): Router {
  const router = Router();
  router.use('/:id/claim', rolesOnly(['reviewer'], '只有审核员可以领取稿件'));

  router.post('/:id/claim', async (req, res) => {
    validated(ClaimBodySchema, req.body);
    const claim = await draftClaimer(req.user!, draftIdOf(req.params.id), actorOf(req));
    res.json({ claim });
  });

  router.delete('/:id/claim', async (req, res) => {
    await draftClaimReleaser(req.user!, draftIdOf(req.params.id), actorOf(req));
    res.status(204).end();
  });

  return router;
}
