import assert from 'node:assert/strict';
import { addressKey, findTextUrls, urlTarget } from '../../workers/lib/urls';

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

describe('findTextUrls: addresses written in Chinese prose', () => {
  const urls = (text: string) => findTextUrls(text).map((u) => u.url);

  it('ends a web address at the Chinese text that follows it', () => {
    assert.deepEqual(urls('详见www.gov.cn/zhengce和国务院网站。'), ['www.gov.cn/zhengce']);
    assert.deepEqual(urls('请登录https://zwfw.example.gov.cn/apply办理，或拨打电话'), ['https://zwfw.example.gov.cn/apply']);
    assert.deepEqual(urls('扫码访问t.cn/A6abcd领取'), ['t.cn/A6abcd']);
    const [found] = findTextUrls('详见www.gov.cn/zhengce和国务院网站');
    assert.deepEqual([found!.start, found!.end], [2, 20]);
  });

  it('keeps the Chinese names of mini-program and app links', () => {
    assert.deepEqual(urls('打开#小程序://县政务服务/abc123办理'), ['#小程序://县政务服务/abc123办理']);
    assert.deepEqual(urls('weixin://dl/business/?t=abc'), ['weixin://dl/business/?t=abc']);
  });
});

describe('urlTarget: where an address points', () => {
  it('reads a bare host with a port as that host, not as an app scheme', () => {
    assert.deepEqual(urlTarget('taobao.com:8080/item'), { kind: 'host', host: 'taobao.com' });
    assert.deepEqual(urlTarget('www.gov.cn:443'), { kind: 'host', host: 'www.gov.cn' });
    assert.deepEqual(urlTarget('weixin://dl/business'), { kind: 'scheme', scheme: 'weixin' });
    assert.deepEqual(urlTarget('com.example.app://open'), { kind: 'scheme', scheme: 'com.example.app' });
  });
});
