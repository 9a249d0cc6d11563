import { Transaction } from 'sequelize';
import { announceRuleChange } from '../../workers/rules/ruleProvider';
import { bumpRuleVersion, readRuleVersions, unbumpRuleVersion } from '../../workers/rules/ruleVersions';
import { AuditActor, AuditEvent, recordAudit } from '../audit/auditRecorder';
import { logger } from '../logger';
import { sequelize } from '../storage/database';
import { httpRedis, whenReady } from '../storage/redis';

/** What a change of a rule set did: its result, and one audit event per change (none: nothing changed). */
export interface RuleChangeOutcome<T> {
  result: T;
  audit: AuditEvent[];
  /**
   * false: the change wrote only what no checker reads (a merge that renewed the record of the
   * release and nothing else), so the rule set keeps its version and no worker reloads.
   */
  screening?: boolean;
}

/** Thrown inside the transaction when nothing changed, to roll back the version bump taken first. */
class NothingChanged<T> extends Error {
  constructor(readonly result: T) {
    super('nothing changed');
  }
}

/**
 * One change of a versioned rule set (sources, wording, terms …), the same way for every kind:
 * in one transaction the version is bumped first (which also locks the kind's counter, so changes
 * of one kind run one after another and duplicate or overlap checks see every committed entry),
 * then the change, then its audit records, last, each carrying the new version. Once committed,
 * the change is announced on Redis so that running workers rebuild their rules within seconds; a
 * lost announcement (Redis down) is caught by the workers' poll of the version table within
 * seconds too, so it does not fail the change.
 * A change that turns out to change nothing rolls back: no new version, no audit record, and the
 * answer carries the current version. One that changed only what no checker reads (`screening:
 * false`) commits and is audited under the current version, with nothing announced.
 */
export async function versionedRuleChange<T>(
  kind: string,
  actor: AuditActor,
  change: (transaction: Transaction) => Promise<RuleChangeOutcome<T>>,
): Promise<{ result: T; version: number; changed: boolean }> {
  let outcome: { result: T; version: number; changed: boolean; announce: boolean };
  try {
    outcome = await sequelize().transaction(async (transaction) => {
      const bumped = await bumpRuleVersion(kind, transaction);
      const { result, audit, screening } = await change(transaction);
      if (audit.length === 0) throw new NothingChanged(result);
      const version = screening === false ? await unbumpRuleVersion(kind, bumped, transaction) : bumped;
      for (const event of audit) {
        await recordAudit(actor, { ...event, detail: { kind, version, ...event.detail } }, transaction);
      }
      return { result, version, changed: true, announce: version === bumped };
    });
  } catch (error) {
    if (error instanceof NothingChanged) return { result: error.result as T, version: (await readRuleVersions())[kind] ?? 0, changed: false };
    throw error;
  }
  if (!outcome.announce) return { result: outcome.result, version: outcome.version, changed: true };
  // Announced after the commit and before the answer, so a client that got its answer can count on
  // the workers having been told.
  const publisher = httpRedis();
  await whenReady(publisher, 1000)
    .then(() => announceRuleChange(publisher, kind, outcome.version))
    .catch((error: Error) =>
      logger.warn({ err: error.message, kind, version: outcome.version }, 'rule change not announced; workers will notice it by polling'),
    );
  return outcome;
}
