import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../server/audit/auditRecorder';
import { userCreator } from '../../server/commands/userCreator';
import { Unit, User } from '../../server/models';
import { Role } from '../../server/models/User';

/** One password for every benchmark account of a run, random, within the password policy. */
export const BENCH_PASSWORD = `Bench#${randomBytes(6).toString('hex')}-Aa1`;

const tag = randomBytes(3).toString('hex');

/** A unit of the benchmark: two review levels, and block verdicts go to the reviewers too (so every draft enters the queue). */
export async function createBenchUnit(name: string): Promise<Unit> {
  return Unit.create({ code: `bench-${name}-${tag}`, name: `压测单位（${name}）`, reviewLevels: 2, blockPolicy: 'review' });
}

export async function createBenchUser(unit: Unit, role: Role, name: string, level?: number): Promise<User> {
  return userCreator(
    { username: `bench-${name}-${tag}`, role, level: role === 'reviewer' ? level ?? 1 : undefined, unitId: unit.id, password: BENCH_PASSWORD, mustChangePassword: false },
    SYSTEM_ACTOR,
  );
}
