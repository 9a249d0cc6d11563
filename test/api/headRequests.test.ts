import assert from 'node:assert/strict';
import { startTestProduct } from '../support/testProduct';

/** Uptime checks send HEAD: it answers as GET does, without a body. */
describe('HEAD requests', function () {
  this.timeout(120_000);
  let url: string;

  before(async () => {
    url = (await startTestProduct()).url;
  });

  for (const path of ['/', '/login', '/api/health']) {
    it(`HEAD ${path} answers as GET does, without a body`, async () => {
      const get = await fetch(`${url}${path}`);
      await get.arrayBuffer();
      const head = await fetch(`${url}${path}`, { method: 'HEAD' });
      assert.equal(head.status, get.status);
      assert.equal(head.headers.get('content-type'), get.headers.get('content-type'));
      assert.equal((await head.arrayBuffer()).byteLength, 0);
    });
  }
});
