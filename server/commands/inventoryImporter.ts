import { Transaction } from 'sequelize';
import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, forbidden, HttpError } from '../errors';
import { now } from '../lib/clock';
import { Account, AccountLifecycleRecord, Unit, User } from '../models';
import { accountStatusLabel, CLOSED_STATUSES } from '../models/Account';
import { isRegistrar } from '../policies/registryPolicy';
import { InventoryFileError, InventoryRow, readInventory, RowError } from '../registry/inventoryReader';
import { accountLabel, columnsOf, inventoryRowChanges } from '../registry/inventoryRowChanges';
import { sequelize } from '../storage/database';

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

/** Units by the name or code a row gives for its 主办单位 (names need not be unique; codes are). */
function unitFinder(units: Unit[]) {
  return (text: string): Unit[] => {
    const byCode = units.filter((u) => u.code === text);
    return byCode.length ? byCode : units.filter((u) => u.name === text);
  };
}

/**
 * The registered account a row speaks of: by platform and account id when the row has one, else by
 * platform and name within the unit(s) its 主办单位 names, else by platform and name if that is unique.
 * A row whose id nobody holds still finds a live account by name, so that a changed id is refused rather
 * than registered again; and the form's 主办单位 may name another unit than the account's own (an
 * export writes it as it is), so an account whose record says that 主办单位 is found wherever it is kept.
 */
async function findExisting(row: InventoryRow, units: Unit[], transaction: Transaction): Promise<Account | null> {
  if (row.platformAccountId) {
    // An id may have been held by a closed account before: the live one, or the one of that name, is meant.
    const holders = await Account.findAll({ where: { platform: row.platform, platformAccountId: row.platformAccountId }, order: [['id', 'DESC']], transaction, lock: transaction.LOCK.UPDATE });
    const holder = holders.find((a) => a.name === row.name) ?? holders.find((a) => ['pending', 'normal', 'suspended'].includes(a.status)) ?? holders[0];
    if (holder) return holder;
  }
  // An id nobody holds is a new account's unless a live account of that name is changing its id: a
  // closed account keeps its id for ever, so a new id beside its name is another account.
  const live = row.platformAccountId ? { status: LIVE_STATUSES } : {};
  const named = async (where: object) => {
    const found = await Account.findAll({ where: { platform: row.platform, name: row.name, ...live, ...where }, transaction, lock: transaction.LOCK.UPDATE, limit: 2 });
    return found.length === 1 ? found[0]! : null;
  };
  if (!units.length) return named({});
  // Outside the units it names, only the record that itself says this 主办单位 (an export read back),
  // not another unit's account that happens to share the name.
  return (await named({ unitId: units.map((u) => u.id) })) ?? named({ ownerUnit: row.ownerUnit });
}

const LIVE_STATUSES = ['pending', 'normal', 'suspended'];

/**
 * Imports the county's inventory table (排查及清理整合情况表). Every row is checked first and all
 * problems are answered together, row by row; only a file without any error is written, in one
 * transaction, so an import never stops half-way. A row either updates the inventory fields of the
 * account it matches (by platform and account id, else by platform and name) or registers a new
 * account in the unit its 主办单位 names (by unit name or code). What the registry changes only by
 * its own procedures (status, name, account id, maintenance arrangement) must agree with it, and a
 * closed account's row with everything it holds.
 */
export async function inventoryImporter(admin: User, file: Buffer, options: { dryRun: boolean }, actor: AuditActor): Promise<ImportResult> {
  if (!isRegistrar(admin)) throw forbidden('只有系统管理员可以导入排查及清理整合情况表');
  if (!file.length) throw badRequest('请上传 .xlsx 文件（请求体为文件内容）');
  let parsed: Awaited<ReturnType<typeof readInventory>>;
  try {
    parsed = await readInventory(file);
  } catch (error) {
    if (error instanceof InventoryFileError) throw badRequest(error.message);
    throw error;
  }
  const errors: RowError[] = [...parsed.errors];
  const refuse = () => {
    // Row by row, and within a row in the order of the sheet's columns, as the user reads the file.
    const position = (e: RowError) => (e.column ? parsed.columnOrder.get(e.column) ?? 999 : 0);
    errors.sort((a, b) => a.row - b.row || position(a) - position(b));
    const first = errors.slice(0, 3).map((e) => `第 ${e.row} 行${e.column ? `“${e.column}”` : ''}：${e.message}`).join('；');
    return new HttpError(422, 'import_rejected', `导入未执行：${errors.length} 处错误，请修改后重新上传。${first}${errors.length > 3 ? '…' : ''}`, { errors });
  };

  const transaction = await sequelize().transaction();
  try {
    const allUnits = await Unit.findAll({ transaction });
    const findUnit = unitFinder(allUnits);
    const unitById = new Map(allUnits.map((u) => [u.id, u]));
    const seen = new Map<string, number>();
    const result: ImportResult = { rows: parsed.rows.length + parsed.errors.length, created: 0, updated: 0, unchanged: 0, dryRun: options.dryRun };
    const createdIds: number[] = [];
    const updatedIds: number[] = [];
    for (const row of parsed.rows) {
      const fail = (column: string | null, message: string) => errors.push({ row: row.row, column, message });
      const units = findUnit(row.ownerUnit);
      const existing = await findExisting(row, units, transaction);
      const key = existing ? `account|${existing.id}` : `${row.platform}|${row.platformAccountId ?? row.name}|${units[0]?.id ?? row.ownerUnit}`;
      if (seen.has(key)) {
        fail(null, `与第 ${seen.get(key)} 行是同一账号`);
        continue;
      }
      seen.set(key, row.row);

      if (!existing) {
        if (!units.length) {
          fail('主办单位', `“${row.ownerUnit}”不是系统中的单位（填写单位管理中的单位名称或编码）`);
          continue;
        }
        if (units.length > 1) {
          fail('主办单位', `有多个单位名为“${row.ownerUnit}”，请改填单位代码`);
          continue;
        }
        const account = await Account.create(
          { ...columnsOf(row), unitId: units[0]!.id, name: row.name, platform: row.platform, platformAccountId: row.platformAccountId ?? null, operatorUnit: row.operatorUnit ?? null, operatorLeader: row.operatorLeader ?? null, operatorContact: row.operatorContact ?? null, status: row.status, registeredAt: now() },
          { transaction },
        );
        await AccountLifecycleRecord.create(
          { accountId: account.id, kind: 'registration', fromStatus: null, toStatus: row.status, reason: '由排查及清理整合情况表导入', opinion: null, publicationId: null, mergedIntoAccountId: null, actorId: admin.id },
          { transaction },
        );
        createdIds.push(account.id);
        seen.set(`account|${account.id}`, row.row);
        result.created++;
        continue;
      }

      const label = accountLabel(existing);
      if (existing.status === 'pending' || existing.status === 'refused') {
        fail('运营状态', `${label}尚在开设审批中或未通过，不能导入`);
        continue;
      }
      const { columns, refusals } = inventoryRowChanges(row, existing, units, unitById.get(existing.unitId)!);
      if (CLOSED_STATUSES.includes(existing.status)) {
        // A closed account's record is history: the account page refuses any change, and so does the import.
        if (refusals.length || Object.keys(columns).length) fail(null, `${label}已${accountStatusLabel(existing.status)}，备案信息不能再修改`);
        else result.unchanged++;
        continue;
      }
      for (const refusal of refusals) fail(refusal.column, refusal.message);
      if (!Object.keys(columns).length) {
        result.unchanged++;
        continue;
      }
      await existing.update(columns, { transaction });
      updatedIds.push(existing.id);
      result.updated++;
    }
    if (errors.length) throw refuse();
    if (options.dryRun) {
      await transaction.rollback();
      return result;
    }
    await recordAudit(actor, { eventType: 'account.import', objectType: 'account', outcome: 'success', detail: { ...result, createdIds: createdIds.slice(0, 500), updatedIds: updatedIds.slice(0, 500) } }, transaction);
    await transaction.commit();
    return result;
  } catch (error) {
    if (!(transaction as unknown as { finished?: string }).finished) await transaction.rollback();
    throw error;
  }
}
