import os from 'node:os';
import { AuditActor, SYSTEM_ACTOR } from '../audit/auditRecorder';

/** The audit_log column that holds a request's address holds this too (VARCHAR(64)). */
const ORIGIN_LENGTH = 64;

/**
 * Who runs an operator command: the fixed name `operator-cli`, and in place of the web's client
 * address the operating-system account and host (`root@web01`), so that a record says which login
 * on which server did it.
 */
export function operatorActor(): AuditActor {
  return { ...SYSTEM_ACTOR, username: 'operator-cli', ip: `${osUserName()}@${os.hostname()}`.slice(0, ORIGIN_LENGTH) };
}

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    // A uid without a passwd entry (some containers): the number still says who.
    return process.env.USER || `uid ${process.getuid?.() ?? '?'}`;
  }
}
