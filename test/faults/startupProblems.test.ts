import assert from 'node:assert/strict';
import net from 'node:net';
import { projectRoot } from '../../workers/lib/projectRoot';
import { ManagedProcess } from './support/ManagedProcess';
import { ProductStack } from './support/ProductStack';

/** A stack trace tells a county operator nothing: what stops a process at start is said in one plain line. */
const STACK_LINE = /^\s+at /m;

describe('faults: problems at start-up', function () {
  this.timeout(180_000);
  const stack = new ProductStack('startup');

  before(() => stack.choosePort());
  after(() => stack.cleanup());

  it('says the port is in use, without a stack trace', async () => {
    const occupant = net.createServer();
    await new Promise<void>((resolve) => occupant.listen(stack.port, '127.0.0.1', resolve));
    try {
      const child = stack.spawn('server');
      const exit = await child.exited;
      assert.equal(exit.code, 1, child.text);
      assert.match(child.text, new RegExp(`端口 ${stack.port} 已被占用`));
      assert.match(child.text, /^审核网页服务无法启动：$/m, 'the header is in Chinese, like the message under it');
      assert.doesNotMatch(child.text, /cannot start/);
      assert.doesNotMatch(child.text, STACK_LINE);
    } finally {
      occupant.close();
    }
  });

  it('says a HOST that is no address of this machine is wrong, without a stack trace', async () => {
    const child = stack.spawn('server', { HOST: '999.1.1.1' });
    const exit = await child.exited;
    assert.equal(exit.code, 1, child.text);
    assert.match(child.text, /HOST/);
    assert.doesNotMatch(child.text, STACK_LINE);
  });

  it('refuses a Redis database index out of range, in every process, naming the index', async () => {
    const url = new URL(stack.redisUrl);
    url.pathname = '/99';
    const entryPoints = ['dist/server/index.js', 'dist/workers/index.js', 'dist/workers/monitor.js', 'dist/server/cli/admin.js'];
    const headers = ['审核网页服务无法启动：', '预审进程无法启动：', '账号监测进程无法启动：', undefined];
    const children = entryPoints.map(
      (entry, i) =>
        new ManagedProcess(`startup-db99-${i}`, process.execPath, entry.endsWith('admin.js') ? [entry, 'migrate'] : [entry], {
          cwd: projectRoot(),
          env: stack.env({ REDIS_URL: url.toString() }),
        }),
    );
    stack.processes.push(...children);
    for (const [i, child] of children.entries()) {
      const exit = await Promise.race([child.exited, new Promise<never>((_, reject) => setTimeout(() => reject(child.failure('still running after 60 s')), 60_000))]);
      assert.equal(exit.code, 1, `${entryPoints[i]}: ${child.text}`);
      assert.match(child.text, /99/, entryPoints[i]);
      assert.match(child.text, /16/, entryPoints[i]);
      assert.doesNotMatch(child.text, /DB index is out of range[\s\S]*\{"level"/, entryPoints[i]);
      assert.doesNotMatch(child.text, STACK_LINE, entryPoints[i]);
      assert.doesNotMatch(child.text, /cannot start/, entryPoints[i]);
      if (headers[i]) assert.ok(child.text.split('\n').includes(headers[i]!), `${entryPoints[i]}: ${child.text}`);
    }
  });
});
