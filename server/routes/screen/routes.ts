import { Router } from 'express';
import { Screener } from '../../../workers/threads/Screener';
import { prepareDraft } from '../../../workers/screening/engine';
import { forbidden } from '../../errors';
import { sanitizeDraftHtml } from '../../lib/draftHtml';
import { validated } from '../../middlewares/validate';
import { DraftContentSchema } from '../drafts/schema';

const PRE_CHECK_ROLES = new Set(['editor', 'reviewer', 'secadmin']);

/**
 * The editor's pre-check (预检): the same engine and rules as the workers, nothing saved.
 * The answer includes the plain texts the findings point into, for highlighting.
 */
export function screenRoutes(screener: () => Promise<Screener>): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    if (!PRE_CHECK_ROLES.has(req.user!.role)) throw forbidden('只有编辑、审核员和安全管理员可以使用预检');
    const content = validated(DraftContentSchema, req.body);
    const input = { ...content, body: sanitizeDraftHtml(content.body) };
    const result = await (await screener()).screen(input, {});
    res.json({ ...result, text: prepareDraft(input).texts });
  });
  return router;
}
