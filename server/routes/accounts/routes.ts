import { Router } from 'express';
import { recordAudit } from '../../audit/auditRecorder';
import { accountApplicant } from '../../commands/accountApplicant';
import { accountApprover } from '../../commands/accountApprover';
import { accountChangeCompleter } from '../../commands/accountChangeCompleter';
import { accountChangeFiler } from '../../commands/accountChangeFiler';
import { accountMenuSetter } from '../../commands/accountMenuSetter';
import { accountQrCodeSetter } from '../../commands/accountQrCodeSetter';
import { accountRegistrar } from '../../commands/accountRegistrar';
import { accountStatusChanger } from '../../commands/accountStatusChanger';
import { accountUpdater } from '../../commands/accountUpdater';
import { notFound } from '../../errors';
import { actorOf } from '../../middlewares/requestContext';
import { idParam, validated } from '../../middlewares/validate';
import { Account, AccountQrCode, User } from '../../models';
import { canReadAccount, registryScope } from '../../policies/registryPolicy';
import { presentAccount, presentAccountSummary } from '../../presenters/presentAccount';
import { presentAccountChange } from '../../presenters/presentAccountChange';
import { loadAccountDetail } from '../../queries/accountDetail';
import { listAccounts } from '../../queries/accountList';
import { changeTimings } from '../../registry/changeDeadlines';
import { buildRegistrationForm } from '../../registry/registrationFormWorkbook';
import { gate, keepers, readers } from './gates';
import {
  AccountListQuerySchema,
  AccountUpdateSchema,
  ApplicationSchema,
  ApprovalSchema,
  ChangeFilingSchema,
  ChangeReportSchema,
  MenusSchema,
  QrCodeSchema,
  RegistrationSchema,
  StatusChangeSchema,
} from './schema';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Loads an account the user may read, or answers 404 (accounts of other units are not revealed). */
export async function readableAccount(user: User, rawId: unknown): Promise<Account> {
  const id = idParam.safeParse(rawId);
  const account = id.success ? await Account.findByPk(id.data) : null;
  if (!account || !canReadAccount(user, account)) throw notFound('找不到该账号');
  return account;
}

async function detailOf(account: Account) {
  return presentAccount(await loadAccountDetail(account));
}

/**
 * The account registry (备案): registration records, opening applications and their approval,
 * change records, status changes, and the registration form as .xlsx. Who may do what is in
 * policies/registryPolicy.ts.
 */
export function accountRoutes(): Router {
  const router = Router();
  router.get('/', readers, async (req, res) => {
    const filter = validated(AccountListQuerySchema, req.query);
    const { rows, total, units } = await listAccounts(registryScope(req.user!)!.unitId, filter);
    res.json({ items: rows.map((a) => presentAccountSummary(a, units.get(a.unitId))), total, page: filter.page, pageSize: filter.pageSize });
  });

  router.post('/', gate(['sysadmin'], '只有系统管理员可以直接备案账号；单位开设账号请提交开设申请'), async (req, res) => {
    const input = validated(RegistrationSchema, req.body);
    res.status(201).json(await detailOf(await accountRegistrar(req.user!, input, actorOf(req))));
  });

  router.post('/applications', gate(['editor'], '开设申请由本单位的编辑提交'), async (req, res) => {
    const input = validated(ApplicationSchema, req.body);
    res.status(201).json(await detailOf(await accountApplicant(req.user!, input, actorOf(req))));
  });

  router.get('/:id', readers, async (req, res) => {
    res.json(await detailOf(await readableAccount(req.user!, req.params.id)));
  });

  router.patch('/:id', keepers, async (req, res) => {
    const account = await readableAccount(req.user!, req.params.id);
    const input = validated(AccountUpdateSchema, req.body);
    res.json(await detailOf(await accountUpdater(req.user!, account.id, input, actorOf(req))));
  });

  router.put('/:id/menus', keepers, async (req, res) => {
    const account = await readableAccount(req.user!, req.params.id);
    const { items } = validated(MenusSchema, req.body);
    await accountMenuSetter(req.user!, account.id, items, actorOf(req));
    res.json(await detailOf(account));
  });

  router.get('/:id/qr-code', readers, async (req, res) => {
    const account = await readableAccount(req.user!, req.params.id);
    const qr = await AccountQrCode.findByPk(account.id);
    if (!qr) throw notFound('该账号没有上传二维码');
    res.type(qr.contentType).set('Cache-Control', 'private, no-cache').send(qr.image);
  });

  router.put('/:id/qr-code', keepers, async (req, res) => {
    const account = await readableAccount(req.user!, req.params.id);
    const { image } = validated(QrCodeSchema, req.body);
    await accountQrCodeSetter(req.user!, account.id, image, actorOf(req));
    res.json(await detailOf(account));
  });

  router.post('/:id/approval', gate(['sysadmin'], '开设申请由系统管理员（主管单位）审批'), async (req, res) => {
    const account = await readableAccount(req.user!, req.params.id);
    const input = validated(ApprovalSchema, req.body);
    res.json(await detailOf(await accountApprover(req.user!, account.id, input, actorOf(req))));
  });

  router.post('/:id/status', gate(['sysadmin'], '账号的暂停、恢复、注销和关停由系统管理员（主管单位）登记'), async (req, res) => {
    const account = await readableAccount(req.user!, req.params.id);
    const input = validated(StatusChangeSchema, req.body);
    res.json(await detailOf(await accountStatusChanger(req.user!, account.id, input, actorOf(req))));
  });

  router.post('/:id/changes', keepers, async (req, res) => {
    const account = await readableAccount(req.user!, req.params.id);
    const input = validated(ChangeReportSchema, req.body);
    const change = await accountChangeFiler(req.user!, account.id, input, actorOf(req));
    const timing = (await changeTimings([change])).get(change.id)!;
    res.status(201).json(presentAccountChange(change, timing, account));
  });

  router.post('/:id/changes/:changeId/filing', keepers, async (req, res) => {
    const account = await readableAccount(req.user!, req.params.id);
    const changeId = idParam.safeParse(req.params.changeId);
    if (!changeId.success) throw notFound('找不到该变更记录');
    const input = validated(ChangeFilingSchema, req.body);
    const change = await accountChangeCompleter(req.user!, account.id, changeId.data, input, actorOf(req));
    const timing = (await changeTimings([change])).get(change.id)!;
    res.json(presentAccountChange(change, timing, account));
  });

  router.get('/:id/form', readers, async (req, res) => {
    const account = await readableAccount(req.user!, req.params.id);
    const record = await detailOf(account);
    const qr = await AccountQrCode.findByPk(account.id);
    const file = await buildRegistrationForm(record, qr ? { image: qr.image, contentType: qr.contentType } : null);
    // The form carries the team's phone numbers: who took a copy is on record before it is sent.
    await recordAudit(actorOf(req), { eventType: 'registry.export', objectType: 'account', objectId: account.id, outcome: 'success', detail: { kind: 'registration_form' } });
    res.type(XLSX_TYPE).attachment(`备案登记表-${account.name}.xlsx`).send(file);
  });

  return router;
}
