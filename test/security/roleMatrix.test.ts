import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Unit, User } from '../../server/models';
import { Role } from '../../server/models/User';
import { projectRoot } from '../../workers/lib/projectRoot';
import { ApiAnswer, ApiClient } from '../support/apiClient';
import { buildAccount, buildUnit, buildUser, CLEAN_DRAFT, loggedIn, PASSWORD, unique } from '../support/factories';
import { connectSocket } from '../support/socketClient';
import { startTestProduct } from '../support/testProduct';
import { auditRowsAfter, auditRowsOf, lastAuditId, requestIdOf } from './helpers';

/**
 * Every role against every endpoint of docs/openapi.yaml, and every socket event the server
 * listens to, with the expected answer: allowed (anything but 401/403), refused (403) or, without
 * a session, 401. An endpoint or event without an entry here fails the test, so a new one cannot
 * slip in unreviewed. Each call is also checked against the audit log through its request id: a
 * refusal leaves exactly one `access.denied` record, a successful change exactly one record, a read none.
 */

type Who = Role | 'anonymous' | 'pending';
const ROLES: Role[] = ['editor', 'reviewer', 'sysadmin', 'secadmin', 'auditor'];
const EVERYONE: Who[] = ['anonymous', ...ROLES, 'pending'];
/** Signed in, whatever the role, including a user who must change the password first. */
const SIGNED_IN: Who[] = [...ROLES, 'pending'];

interface Context {
  url: string;
  unit: Unit;
  users: Record<Role | 'pending', User>;
  clients: Record<Who, ApiClient>;
  draftId: number;
  accountId: number;
}

interface Call {
  path?: string;
  body?: unknown;
  /** A client of its own for this call (logging in or out must not end the shared client's session). */
  client?: ApiClient;
}

interface Entry {
  /** Who may: `public` includes callers without a session. */
  allow: Who[];
  call?: (ctx: Context, who: Who) => Promise<Call> | Call;
  /** Successful non-GET calls leave one audit record, unless the call changes nothing that is stored (say why). */
  unaudited?: string;
  /** GET calls leave no record, except the ones that must (exports). */
  auditedRead?: boolean;
}

/** A body every schema refuses (strict objects name the unknown field): authorization is still decided first. */
const REFUSED_BODY = { notAField: true };
const refused = () => ({ body: REFUSED_BODY });
const REGISTRY_READERS: Who[] = ['editor', 'reviewer', 'sysadmin', 'auditor'];
const ACCOUNT_KEEPERS: Who[] = ['editor', 'sysadmin'];


async function freshClient(ctx: Context, who: Who): Promise<ApiClient | undefined> {
  if (who === 'anonymous') return new ApiClient(ctx.url);
  return loggedIn(ctx.url, ctx.users[who]);
}

/** An account for the system admin to change (a new one each time); the others are refused before it matters. */
async function staffTarget(ctx: Context, who: Who): Promise<User> {
  return who === 'sysadmin' ? buildUser('editor', { unit: ctx.unit }) : ctx.users.editor;
}

const MATRIX: Record<string, Entry> = {
  'GET /api/health': { allow: EVERYONE },
  'POST /api/session': {
    allow: EVERYONE,
    call: (ctx, who) => ({ client: new ApiClient(ctx.url), body: { username: ctx.users[who === 'anonymous' ? 'editor' : who].username, password: PASSWORD } }),
  },
  'GET /api/session': { allow: SIGNED_IN },
  'DELETE /api/session': { allow: SIGNED_IN, call: async (ctx, who) => ({ client: await freshClient(ctx, who) }) },
  'GET /api/session/password': { allow: SIGNED_IN },
  'PUT /api/session/password': { allow: SIGNED_IN, call: () => ({ body: { currentPassword: 'not-the-password', newPassword: 'Another#2026pass' } }) },
  'POST /api/session/totp': {
    allow: SIGNED_IN,
    call: () => ({ body: { currentPassword: PASSWORD } }),
    unaudited: 'the new secret waits in the session; enrolment is recorded when a code confirms it',
  },
  'PUT /api/session/totp': { allow: SIGNED_IN, call: () => ({ body: { code: '000000' } }) },
  'DELETE /api/session/totp': { allow: SIGNED_IN, call: () => ({ body: { currentPassword: PASSWORD, code: '000000' } }) },

  'POST /api/drafts': { allow: ['editor'], call: () => ({ body: CLEAN_DRAFT }) },
  'GET /api/drafts': { allow: ['editor', 'reviewer'] },
  'GET /api/drafts/{id}': { allow: ['editor', 'reviewer'] },
  'PUT /api/drafts/{id}': { allow: ['editor'], call: () => ({ body: CLEAN_DRAFT }) },
  'POST /api/drafts/{id}/reviews': { allow: ['reviewer'], call: () => ({ body: { revision: 1, decision: 'return' } }) },
  'POST /api/drafts/{id}/claim': { allow: ['reviewer'] },
  'DELETE /api/drafts/{id}/claim': { allow: ['reviewer'] },
  'GET /api/drafts/{id}/revisions/{number}': { allow: ['editor', 'reviewer'] },
  'GET /api/drafts/{id}/diff': { allow: ['editor', 'reviewer'] },
  'GET /api/drafts/{id}/events': { allow: ['editor', 'reviewer'] },
  'GET /api/queue': { allow: ['reviewer'] },
  // Figures only, never content: the auditor "reads the audit log and reports" (DESIGN.md), the other admins oversee.
  'GET /api/dashboard': { allow: ROLES },
  'POST /api/screen': { allow: ['editor', 'reviewer', 'secadmin'], call: () => ({ body: CLEAN_DRAFT }), unaudited: 'the pre-check saves nothing' },

  'POST /api/rescreens': { allow: ['secadmin'], call: () => ({ body: { scope: 'in_review', reason: '角色矩阵测试' } }) },
  'GET /api/rescreens': { allow: ['secadmin'] },
  'GET /api/rescreens/{id}': { allow: ['secadmin'] },
  'GET /api/rescreens/{id}/changes': { allow: ['secadmin'] },
  'GET /api/rescreens/{id}/failures': { allow: ['secadmin'] },

  'GET /api/users': { allow: ['sysadmin'] },
  'POST /api/users': { allow: ['sysadmin'], call: (ctx) => ({ body: { username: unique('mx'), role: 'editor', unitId: ctx.unit.id } }) },
  'GET /api/users/policy': { allow: ['sysadmin'] },
  // Refused with 409 for a system admin without a second factor of their own: nothing changes.
  'PUT /api/users/policy': { allow: ['sysadmin'], call: () => ({ body: { totpRequiredForAdmins: true } }) },
  'GET /api/users/{id}': { allow: ['sysadmin'], call: (ctx) => ({ path: `/api/users/${ctx.users.editor.id}` }) },
  'PUT /api/users/{id}': { allow: ['sysadmin'], call: async (ctx, who) => ({ path: `/api/users/${(await staffTarget(ctx, who)).id}`, body: { displayName: unique('名') } }) },
  'PUT /api/users/{id}/status': { allow: ['sysadmin'], call: async (ctx, who) => ({ path: `/api/users/${(await staffTarget(ctx, who)).id}/status`, body: { status: 'disabled' } }) },
  'POST /api/users/{id}/password-reset': { allow: ['sysadmin'], call: async (ctx, who) => ({ path: `/api/users/${(await staffTarget(ctx, who)).id}/password-reset` }) },

  'GET /api/units': { allow: ['sysadmin', 'secadmin'] },
  'POST /api/units': { allow: ['sysadmin'], call: () => ({ body: { code: unique('mx'), name: '矩阵测试单位' } }) },
  'GET /api/units/{id}': { allow: ['sysadmin', 'secadmin'] },
  'PUT /api/units/{id}': { allow: ['sysadmin'], call: async (ctx, who) => ({ path: `/api/units/${who === 'sysadmin' ? (await buildUnit()).id : ctx.unit.id}`, body: { name: unique('改名') } }) },
  'PUT /api/units/{id}/review-policy': { allow: ['secadmin'], call: async (ctx, who) => ({ path: `/api/units/${who === 'secadmin' ? (await buildUnit({ reviewLevels: 3 })).id : ctx.unit.id}/review-policy`, body: { reviewLevels: 2 } }) },

  'GET /api/rules': { allow: ['secadmin'] },
  'GET /api/rules/{kind}': { allow: ['secadmin'] },
  'POST /api/rules/{kind}': { allow: ['secadmin'], call: refused },
  'GET /api/rules/{kind}/export': { allow: ['secadmin'], auditedRead: true },
  'POST /api/rules/{kind}/import': { allow: ['secadmin'], call: refused },
  'POST /api/rules/{kind}/import-shipped': { allow: ['secadmin'], call: refused },
  'GET /api/rules/{kind}/{id}': { allow: ['secadmin'] },
  'PUT /api/rules/{kind}/{id}': { allow: ['secadmin'], call: refused },
  'PUT /api/rules/{kind}/{id}/enabled': { allow: ['secadmin'], call: refused },
  'DELETE /api/rules/{kind}/{id}': { allow: ['secadmin'], call: () => ({ path: '/api/rules/sources/999999999' }) },
  'GET /api/terms': { allow: ['secadmin'] },
  'POST /api/terms': { allow: ['secadmin'], call: refused },
  'GET /api/terms/export': { allow: ['secadmin'], call: () => ({ path: '/api/terms/export?category=cult' }), auditedRead: true },
  'POST /api/terms/import': { allow: ['secadmin'], call: refused },
  'POST /api/terms/import-shipped': { allow: ['secadmin'], call: refused },
  'GET /api/terms/{id}': { allow: ['secadmin'] },
  'PUT /api/terms/{id}': { allow: ['secadmin'], call: refused },
  'PUT /api/terms/{id}/enabled': { allow: ['secadmin'], call: refused },
  'DELETE /api/terms/{id}': { allow: ['secadmin'], call: () => ({ path: '/api/terms/999999999' }) },
  'GET /api/allow-words': { allow: ['secadmin'] },
  'POST /api/allow-words': { allow: ['secadmin'], call: refused },
  'GET /api/allow-words/export': { allow: ['secadmin'], auditedRead: true },
  'POST /api/allow-words/import': { allow: ['secadmin'], call: refused },
  'POST /api/allow-words/import-shipped': { allow: ['secadmin'], call: refused },
  'GET /api/allow-words/{id}': { allow: ['secadmin'] },
  'PUT /api/allow-words/{id}': { allow: ['secadmin'], call: refused },
  'PUT /api/allow-words/{id}/enabled': { allow: ['secadmin'], call: refused },
  'DELETE /api/allow-words/{id}': { allow: ['secadmin'], call: () => ({ path: '/api/allow-words/999999999' }) },

  // The registry: the security admin has no business there (registryPolicy.ts).
  'GET /api/accounts': { allow: REGISTRY_READERS },
  'POST /api/accounts': { allow: ['sysadmin'], call: refused },
  'POST /api/accounts/applications': { allow: ['editor'], call: refused },
  'GET /api/accounts/{id}': { allow: REGISTRY_READERS },
  'PATCH /api/accounts/{id}': { allow: ACCOUNT_KEEPERS, call: refused },
  'PUT /api/accounts/{id}/menus': { allow: ACCOUNT_KEEPERS, call: refused },
  'GET /api/accounts/{id}/qr-code': { allow: REGISTRY_READERS },
  'PUT /api/accounts/{id}/qr-code': { allow: ACCOUNT_KEEPERS, call: refused },
  'POST /api/accounts/{id}/approval': { allow: ['sysadmin'], call: refused },
  'POST /api/accounts/{id}/status': { allow: ['sysadmin'], call: refused },
  'POST /api/accounts/{id}/changes': { allow: ACCOUNT_KEEPERS, call: refused },
  'POST /api/accounts/{id}/changes/{changeId}/filing': { allow: ACCOUNT_KEEPERS, call: refused },
  'GET /api/accounts/{id}/form': { allow: REGISTRY_READERS, auditedRead: true },
  'GET /api/registry/inventory': { allow: REGISTRY_READERS, auditedRead: true },
  'POST /api/registry/inventory': { allow: ['sysadmin'], call: refused },
  'GET /api/registry/changes': { allow: REGISTRY_READERS },
  'GET /api/registry/calendar/{year}': { allow: REGISTRY_READERS },
  'PUT /api/registry/calendar/{year}': { allow: ['sysadmin'], call: refused },
  'GET /api/publications': { allow: REGISTRY_READERS },
  'POST /api/publications': { allow: ['editor'], call: refused },
  'POST /api/publications/compare': { allow: ['editor'], call: refused },
  'GET /api/reports/freshness': { allow: REGISTRY_READERS },
  'PUT /api/reports/freshness/settings': { allow: ['sysadmin'], call: refused },
  'GET /api/reports/monthly': { allow: REGISTRY_READERS },
  'GET /api/reports/monthly/export': { allow: REGISTRY_READERS, auditedRead: true },
  'PUT /api/reports/monthly/accounts/{id}/interaction': { allow: ACCOUNT_KEEPERS, call: refused },

  'GET /api/audit': { allow: ['auditor'] },
  'GET /api/audit/event-types': { allow: ['auditor'] },
  'GET /api/audit/verification': { allow: ['auditor'] },
  'GET /api/audit/export': { allow: ['auditor'], call: () => ({ path: '/api/audit/export?format=csv&eventType=login.*' }), auditedRead: true },
};

/** Socket events a client may send, with who may: the others get `{ error: 'forbidden' }` and an audit record. */
const SOCKET_EVENTS: Record<string, { allow: Who[]; payload: (ctx: Context) => unknown }> = {
  'draft:watch': { allow: ['editor', 'reviewer'], payload: (ctx) => ({ id: ctx.draftId }) },
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function documentedRoutes(): string[] {
  const document = parse(fs.readFileSync(path.join(projectRoot(), 'docs', 'openapi.yaml'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.keys(item)
      .filter((method) => METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${route}`),
  );
}

/** The events the socket server listens to, read from its sources so that a new one needs an entry. */
function socketEvents(): string[] {
  const dir = path.join(projectRoot(), 'server', 'realtime');
  const events = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/socket\.on\(\s*'([^']+)'/g)) {
      if (!['disconnect', 'disconnecting', 'error'].includes(match[1]!)) events.add(match[1]!);
    }
  }
  return [...events];
}

function defaultPath(route: string, ctx: Context): string {
  return route
    .replace('/api/drafts/{id}', `/api/drafts/${ctx.draftId}`)
    .replace('/api/units/{id}', `/api/units/${ctx.unit.id}`)
    .replace('/accounts/{id}', `/accounts/${ctx.accountId}`)
    .replace('{kind}', 'sources')
    .replace('{year}', String(new Date().getFullYear()))
    .replace(/\{[^}]+\}/g, '1');
}

describe('the role matrix: every role against every endpoint and socket event', function () {
  this.timeout(180_000);
  let ctx: Context;

  before(async () => {
    const { url } = await startTestProduct();
    const unit = await buildUnit({ reviewLevels: 2 });
    const users = {
      editor: await buildUser('editor', { unit }),
      reviewer: await buildUser('reviewer', { unit, level: 1 }),
      sysadmin: await buildUser('sysadmin', { unit }),
      secadmin: await buildUser('secadmin', { unit }),
      auditor: await buildUser('auditor', { unit }),
      pending: await buildUser('editor', { unit, mustChangePassword: true }),
    };
    const clients = { anonymous: new ApiClient(url) } as Record<Who, ApiClient>;
    for (const who of SIGNED_IN) clients[who] = await loggedIn(url, users[who as Role | 'pending']);
    const submitted = await clients.editor.post('/api/drafts', CLEAN_DRAFT);
    assert.equal(submitted.status, 201);
    await clients.editor.waitForDraft(submitted.body.id, (d) => d.status === 'in_review');
    const account = await buildAccount(unit);
    ctx = { url, unit, users, clients, draftId: submitted.body.id, accountId: account.id };
  });

  it('has an entry for every documented endpoint, and none for endpoints that are gone', () => {
    const documented = documentedRoutes();
    assert.deepEqual(documented.filter((route) => !MATRIX[route]), [], 'endpoints without an entry in the role matrix');
    assert.deepEqual(Object.keys(MATRIX).filter((route) => !documented.includes(route)), [], 'matrix entries for endpoints that are not documented');
  });

  it('answers each role as the matrix says, and audits refusals and changes one record each', async () => {
    const problems: string[] = [];
    for (const route of documentedRoutes()) {
      const entry = MATRIX[route];
      if (!entry) continue;
      const [method, template] = route.split(' ') as [string, string];
      for (const who of EVERYONE) {
        const call = entry.call ? await entry.call(ctx, who) : {};
        const client = call.client ?? ctx.clients[who];
        const body = call.body ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
        const answer: ApiAnswer = await client.request(method, call.path ?? defaultPath(template, ctx), body);
        const requestId = requestIdOf(answer);
        const expected = entry.allow.includes(who) ? 'allowed' : who === 'anonymous' ? 401 : 403;
        const got = answer.status === 401 || answer.status === 403 ? answer.status : 'allowed';
        const where = `${route} as ${who}`;
        if (got !== expected) {
          problems.push(`${where}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
          continue;
        }
        if (answer.status >= 500) problems.push(`${where}: server error ${answer.status}`);
        const rows = await auditRowsOf(requestId);
        if (answer.status === 403) {
          if (rows.length !== 1 || rows[0]!.event_type !== 'access.denied' || rows[0]!.outcome !== 'denied') {
            problems.push(`${where}: a refusal should leave one access.denied record, found ${JSON.stringify(rows.map((r) => r.event_type))}`);
          }
        } else if (answer.status === 401) {
          if (rows.length) problems.push(`${where}: 401 without a session left records ${JSON.stringify(rows.map((r) => r.event_type))}`);
        } else if (answer.status < 300) {
          const want = method === 'GET' ? (entry.auditedRead ? 1 : 0) : entry.unaudited ? 0 : 1;
          if (rows.length !== want || rows.some((r) => r.outcome !== 'success')) {
            problems.push(`${where}: ${answer.status} should leave ${want} success record(s), found ${JSON.stringify(rows.map((r) => `${r.event_type}/${r.outcome}`))}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('lets every signed-in role open a socket, but not without a session or with a pending password change', async () => {
    await assert.rejects(connectSocket(ctx.clients.anonymous), 'no session, no socket');
    await assert.rejects(connectSocket(ctx.clients.pending), 'a user who must change the password first gets no live updates');
    for (const role of ROLES) {
      const socket = await connectSocket(ctx.clients[role]);
      socket.disconnect();
    }
  });

  it('has an entry for every socket event, and answers each role as it says (refusals audited)', async () => {
    const events = socketEvents();
    assert.deepEqual(events.filter((event) => !SOCKET_EVENTS[event]), [], 'socket events without an entry in the matrix');
    const problems: string[] = [];
    for (const event of events) {
      const entry = SOCKET_EVENTS[event]!;
      for (const role of ROLES) {
        const socket = await connectSocket(ctx.clients[role]);
        try {
          const before = await lastAuditId();
          const answer = (await socket.timeout(5000).emitWithAck(event, entry.payload(ctx))) as { ok?: boolean; error?: string };
          const allowed = entry.allow.includes(role);
          if (allowed ? answer.ok !== true : answer.error !== 'forbidden') problems.push(`${event} as ${role}: ${JSON.stringify(answer)}`);
          const denials = (await auditRowsAfter(before)).filter((r) => r.event_type === 'access.denied' && r.object_type === 'socket' && r.user_id === ctx.users[role].id);
          if (denials.length !== (allowed ? 0 : 1)) problems.push(`${event} as ${role}: ${denials.length} denial records`);
        } finally {
          socket.disconnect();
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
