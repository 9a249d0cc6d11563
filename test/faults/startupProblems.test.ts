import assert from 'node:assert/strict';
import net from 'node:net';
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
});
