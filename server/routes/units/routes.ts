import { Router } from 'express';
import { reviewPolicyChanger } from '../../commands/reviewPolicyChanger';
import { unitCreator } from '../../commands/unitCreator';
import { unitUpdater } from '../../commands/unitUpdater';
import { notFound } from '../../errors';
import { rolesOnly } from '../../middlewares/authenticate';
import { actorOf } from '../../middlewares/requestContext';
import { idParam, validated } from '../../middlewares/validate';
import { Unit } from '../../models';
import { presentUnit } from '../../presenters/presentUnit';
import { splitExpectedUpdatedAt } from '../expectedUpdatedAt';
import { NewUnitSchema, ReviewPolicySchema, UnitChangesSchema } from './schema';

function unitId(raw: unknown): number {
  const id = idParam.safeParse(raw);
  if (!id.success) throw notFound('找不到该单位');
  return id.data;
}

/**
 * Units: the system admin creates and renames them; the security admin owns their review policy
 * (two or three levels, what a machine `block` does), as the product brief splits the admin duties.
 * Both read the list; nobody else needs it.
 */
export function unitRoutes(): Router {
  const router = Router();
  const readers = rolesOnly(['sysadmin', 'secadmin'], '只有系统管理员和安全管理员可以查看单位设置');
  const sysadmin = rolesOnly(['sysadmin'], '只有系统管理员可以创建或修改单位');
  const secadmin = rolesOnly(['secadmin'], '审核策略由安全管理员设置');

  router.get('/', readers, async (_req, res) => {
    const units = await Unit.findAll({ order: [['id', 'ASC']] });
    res.json({ items: units.map(presentUnit) });
  });

  router.post('/', sysadmin, async (req, res) => {
    const input = validated(NewUnitSchema, req.body);
    res.status(201).json(presentUnit(await unitCreator(input, actorOf(req))));
  });

  router.get('/:id', readers, async (req, res) => {
    const unit = await Unit.findByPk(unitId(req.params.id));
    if (!unit) throw notFound('找不到该单位');
    res.json(presentUnit(unit));
  });

  router.put('/:id', sysadmin, async (req, res) => {
    const id = unitId(req.params.id);
    const { expectedUpdatedAt, fields } = splitExpectedUpdatedAt(req.body);
    const input = validated(UnitChangesSchema, fields);
    res.json(presentUnit(await unitUpdater(id, input, actorOf(req), expectedUpdatedAt)));
  });

  router.put('/:id/review-policy', secadmin, async (req, res) => {
    const id = unitId(req.params.id);
    const policy = validated(ReviewPolicySchema, req.body);
    res.json(presentUnit(await reviewPolicyChanger(id, policy, actorOf(req))));
  });

  return router;
}
