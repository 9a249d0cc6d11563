import assert from 'node:assert/strict';
import { addressKey } from '../../workers/lib/urls';

describe('addressKey: one address however it is spelt', () => {
  it('a web address with or without its scheme, host case and final slash aside, is one address', () => {
    const key = addressKey('https://www.shop-example.com/buy');
    for (const spelling of ['www.shop-example.com/buy', 'http://www.shop-example.com/buy/', 'WWW.Shop-Example.COM/buy', '//www.shop-example.com/buy', ' www.shop-example.com/buy ']) {
      assert.equal(addressKey(spelling), key, spelling);
    }
    assert.equal(addressKey('http://例子.中国/a'), addressKey('xn--fsqu00a.xn--fiqs8s/a'), 'Unicode and punycode hosts');
    assert.equal(addressKey('www.gov.cn'), addressKey('https://www.gov.cn/'));
  });

  it('path, query, fragment and port still tell addresses apart', () => {
    assert.notEqual(addressKey('t.cn/A6abcd'), addressKey('t.cn/a6abcd'), 'paths are case-sensitive');
    assert.notEqual(addressKey('www.example.com/?a=1'), addressKey('www.example.com/?a=2'));
    assert.notEqual(addressKey('www.example.com/#one'), addressKey('www.example.com/#two'));
    assert.notEqual(addressKey('www.example.com:8080/a'), addressKey('www.example.com/a'));
    assert.notEqual(addressKey('www.example.com/a'), addressKey('www.example.org/a'));
  });

  it('other addresses are compared as written', () => {
    assert.equal(addressKey('#小程序://县政务服务/abc123'), '#小程序://县政务服务/abc123');
    assert.equal(addressKey('weixin://dl/business/?t=abc'), 'weixin://dl/business/?t=abc');
    assert.equal(addressKey('/zhengce/'), '/zhengce/');
    assert.notEqual(addressKey('ftp://files.example.com/a'), addressKey('files.example.com/a'));
  });
});
