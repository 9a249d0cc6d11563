import assert from 'node:assert/strict';
import { ScreeningEngine } from '../../workers/screening/engine';
import { secrecyChecker } from '../../workers/screening/secrecy';
import { draft, engineWith, only, pairs } from './checkerHarness';

describe('secrecy checker', () => {
  let engine: ScreeningEngine;
  before(async () => {
    engine = await engineWith(secrecyChecker);
  });
  const secrecy = (body: string, title = '通知') => pairs(engine.screen(draft(body, { title })), 'secrecy');

  it('blocks classification markings with ★ and a period, once per marking', () => {
    assert.deepEqual(secrecy('<p>机密★10年</p>'), [['block', '机密★10年']]);
    assert.deepEqual(secrecy('<p>绝密★长期</p><p>秘密★ 五年</p><p>机密☆</p>'), [
      ['block', '绝密★长期'],
      ['block', '秘密★ 五年'],
      ['block', '机密☆'],
    ]);
  });

  it('blocks a marking copied from a PDF with spaces or another star', () => {
    assert.deepEqual(secrecy('<p>机 密★5年</p>'), [['block', '机 密★5年']]);
    assert.deepEqual(secrecy('<p>秘密⭐1年</p><p>秘密✭一年</p>'), [
      ['block', '秘密⭐1年'],
      ['block', '秘密✭一年'],
    ]);
  });

  it('reads labels spaced out, in traditional characters or with invisible characters', () => {
    assert.deepEqual(secrecy('<p>内 部 资 料</p><p>不得外傳</p>'), [
      ['block', '内 部 资 料'],
      ['block', '不得外傳'],
    ]);
    assert.deepEqual(secrecy('<p>【機密】</p><p>内\u200b部\u200b传\u200b阅</p>'), [
      ['block', '【機密】'],
      ['block', '内\u200b部\u200b传\u200b阅'],
    ]);
    assert.deepEqual(secrecy('<p>密 级：秘 密</p>'), [['block', '密 级：秘 密']]);
  });

  it('blocks a classification standing alone on a line, in brackets or after 密级', () => {
    assert.deepEqual(secrecy('<p>机密</p><p>关于某事项的通知</p>'), [['block', '机密']]);
    assert.deepEqual(secrecy('<p>【秘密】关于某事项的通知</p>'), [['block', '【秘密】']]);
    assert.deepEqual(secrecy('<p>密级：机密 保密期限：十年</p>'), [
      ['block', '密级：机密'],
      ['block', '保密期限：十年'],
    ]);
  });

  it('reads a plain-text body by its own lines: a classification alone on the first line blocks', () => {
    assert.deepEqual(secrecy('秘密\n关于近期全县信访工作情况的通报'), [['block', '秘密']]);
    assert.deepEqual(secrecy('  绝密 \r\n\r\n关于某事项的通知'), [['block', '绝密']]);
    assert.deepEqual(secrecy('内部文件\n关于某事项的通知'), [['block', '内部文件']]);
    // In HTML a line break in the source is only a space, as the browser shows it.
    assert.deepEqual(secrecy('<p>秘密\n关于某事项的通知</p>'), []);
  });

  it('blocks the labels of material for leaders only: 仅供领导参阅, 领导参阅件', () => {
    assert.deepEqual(secrecy('<p>仅供领导参阅</p><p>县委办公室 领导参阅件 第5期</p>'), [
      ['block', '仅供领导参阅'],
      ['block', '领导参阅件'],
    ]);
    assert.deepEqual(secrecy('<p>本报告可供有关部门参阅借鉴。</p>'), []);
    assert.deepEqual(secrecy('<p>以上解读仅供参阅，具体以正式文件为准。</p>'), []);
  });

  it('blocks internal-material labels and handling notes', () => {
    assert.deepEqual(secrecy('<p>内部资料 注意保存</p><p>本文件不得外传，仅供内部参考。</p><p>内部文件</p>'), [
      ['block', '内部资料'],
      ['block', '注意保存'],
      ['block', '不得外传'],
      ['block', '仅供内部参考'],
      ['block', '内部文件'],
    ]);
  });

  it('blocks every marking of a header line that holds three or more, with a classification and its period', () => {
    assert.deepEqual(secrecy('<p>内部资料　注意保存　不得外传</p><p>关于做好年终工作的通知</p>'), [
      ['block', '内部资料'],
      ['block', '注意保存'],
      ['block', '不得外传'],
    ]);
    assert.deepEqual(secrecy('<p>秘密★1年　内部资料　注意保存</p>'), [
      ['block', '秘密★1年'],
      ['block', '内部资料'],
      ['block', '注意保存'],
    ]);
    assert.deepEqual(secrecy('<p>密级：秘密　保密期限：一年　会后收回</p>'), [
      ['block', '密级：秘密'],
      ['block', '保密期限：一年'],
      ['block', '会后收回'],
    ]);
    // A sentence of advice that lists the same words is still prose.
    assert.ok(secrecy('<p>内部资料、注意保存、不得外传的文件，一律不得在政务新媒体发布。</p>').every(([severity]) => severity === 'notice'));
  });

  it('reads 内部文件, 内部使用, 注意保存 and 严禁复制 in ordinary prose as a notice at most', () => {
    for (const text of [
      '缴费成功后，请注意保存缴费凭证。',
      '近日网传一份所谓县政府“内部文件”，经核实，系伪造。',
      '新建综合楼内部使用面积3200平方米。',
      '严禁复制、伪造、变造残疾人证。',
    ]) {
      assert.equal(engine.screen(draft(`<p>${text}</p>`)).verdict, 'pass', text);
      assert.ok(secrecy(`<p>${text}</p>`).every(([severity]) => severity === 'notice'), text);
    }
  });

  it('still blocks those words where they stand as a marking', () => {
    assert.deepEqual(secrecy('<p>内部文件 注意保存</p>'), [
      ['block', '内部文件'],
      ['block', '注意保存'],
    ]);
    assert.deepEqual(secrecy('<p>关于某事项的通知（内部使用）</p>'), [['block', '内部使用']]);
    assert.deepEqual(secrecy('<p>内部资料，严禁复制</p>'), [
      ['block', '内部资料'],
      ['block', '严禁复制'],
    ]);
    assert.deepEqual(secrecy('<p>秘密★一年 注意保存</p>'), [
      ['block', '秘密★一年'],
      ['block', '注意保存'],
    ]);
    assert.deepEqual(secrecy('<p>密级：秘密 内部使用</p>'), [
      ['block', '密级：秘密'],
      ['block', '内部使用'],
    ]);
  });

  it('reads 内部资料, 不得外传, 严禁外传 and 用后收回 in advice about secrets as a notice at most', () => {
    for (const body of [
      '<p>保密宣传教育周期间，县委保密办提醒：不得在微信群、朋友圈发布内部资料，会议材料用后收回，涉密文件严禁外传。</p>',
      '<p>国家秘密的密级分为绝密、机密、秘密三级。工作秘密是指机关、单位在公务活动和内部管理中产生的，不属于国家秘密，但泄露后会对工作造成不利影响的事项。涉密文件、资料要妥善保管，不得外传。</p>',
      '<p>不得外传内部资料，不得在互联网上处理工作秘密。</p>',
    ]) {
      assert.equal(engine.screen(draft(body)).verdict, 'pass', body);
      assert.ok(secrecy(body).every(([severity]) => severity === 'notice'), body);
    }
    const [notice] = only(engine.screen(draft('<p>不得在朋友圈发布内部资料。</p>')), 'secrecy');
    assert.match(notice!.reason!, /^“内部资料”：行文中常见.*请确认不是内部材料的标注$/);
    assert.equal(engine.screen(draft('<p>正文</p>', { title: '保密知识：国家秘密与工作秘密' })).verdict, 'pass');
    assert.equal(engine.screen(draft('<p>正文</p>', { title: '保密提醒：涉密文件严禁外传' })).verdict, 'pass');
  });

  it('still blocks those words as a marking: at a line start, at its end after a bracket, in brackets, alone, beside ★ or said of the document itself', () => {
    assert.deepEqual(secrecy('<p>内部资料，请妥善保管</p>'), [['block', '内部资料']]);
    assert.deepEqual(secrecy('<p>不得外传。</p><p>关于某事项的通知</p>'), [['block', '不得外传']]);
    assert.deepEqual(secrecy('<p>关于某事项的通报【内部资料】</p>'), [['block', '内部资料']]);
    assert.deepEqual(secrecy('<p>会议纪要（用后收回）</p>'), [['block', '用后收回']]);
    assert.deepEqual(secrecy('<p>［严禁外传］关于某事项的报告</p>'), [['block', '严禁外传']]);
    assert.deepEqual(secrecy('<p>内部资料 严禁外传</p>'), [
      ['block', '内部资料'],
      ['block', '严禁外传'],
    ]);
    assert.deepEqual(secrecy('<p>机密★一年 用后收回</p>'), [
      ['block', '机密★一年'],
      ['block', '用后收回'],
    ]);
    assert.deepEqual(secrecy('<p>此件用后收回。</p>'), [['block', '用后收回']]);
    assert.deepEqual(secrecy('<p>正文</p>', '内部资料：某某会议讲话'), [['block', '内部资料']]);
    assert.deepEqual(secrecy('<p>●内部资料，请妥善保管</p>'), [['block', '内部资料']]);
    assert.deepEqual(secrecy('<p>“内部资料”一词不宜出现在公开发布的稿件中。</p>'), [['notice', '内部资料']]);
    assert.deepEqual(secrecy('内部资料\n关于某事项的通知'), [['block', '内部资料']]);
  });

  it('reads 注意保存, 不得复制 and 严禁复制 after 内部资料 in prose as a notice at most, like 不得外传', () => {
    for (const body of [
      '<p>保密办提醒各单位：对内部资料，不得复制，要注意保存，用完及时交回。</p>',
      '<p>会上强调，收到的内部资料，严禁复制、拍照，严禁转发到微信群。</p>',
    ]) {
      assert.equal(engine.screen(draft(body)).verdict, 'pass', body);
      assert.ok(secrecy(body).every(([severity]) => severity === 'notice'), body);
    }
  });

  it('still blocks 注意保存, 不得复制 and 严禁复制 as a marking: alone, in brackets, beside ★, at a line start, said of the document', () => {
    assert.deepEqual(secrecy('<p>内部资料，不得复制</p>'), [
      ['block', '内部资料'],
      ['block', '不得复制'],
    ]);
    assert.deepEqual(secrecy('<p>严禁复制 注意保存</p>'), [
      ['block', '严禁复制'],
      ['block', '注意保存'],
    ]);
    assert.deepEqual(secrecy('<p>关于某事项的报告（严禁复制）</p>'), [['block', '严禁复制']]);
    assert.deepEqual(secrecy('<p>秘密★一年，不得复制。关于某事项的报告</p>'), [
      ['block', '秘密★一年'],
      ['block', '不得复制'],
    ]);
    assert.deepEqual(secrecy('<p>严禁复制，违者追究责任。</p>'), [['block', '严禁复制']]);
    assert.deepEqual(secrecy('<p>此件不得复制。</p>'), [['block', '不得复制']]);
    assert.deepEqual(secrecy('<p>本文件注意保存，阅后交回。</p>'), [['block', '注意保存']]);
    // Everyday advice opening a line is no marking.
    assert.deepEqual(secrecy('<p>注意保存：购物小票是维权的凭证。</p>'), [['notice', '注意保存']]);
  });

  it('reads (内部资料) after a book title as the kind of the publication cited, a notice', () => {
    assert.deepEqual(secrecy('<p>县文联主办的《某某文艺》（内部资料）第3期出版。</p>'), [['notice', '内部资料']]);
    assert.deepEqual(secrecy('<p>关于某事项的报告（内部资料）</p>'), [['block', '内部资料']]);
    assert.deepEqual(secrecy('<p>【内部资料】《某某会议讲话汇编》</p>'), [['block', '内部资料']]);
  });

  it('blocks 工作秘密 as a marking and reads it in prose as a notice at most', () => {
    assert.deepEqual(secrecy('<p>【工作秘密】</p><p>关于某某问题的调查报告</p>'), [['block', '工作秘密']]);
    assert.deepEqual(secrecy('工作秘密\n关于某某问题的调查报告'), [['block', '工作秘密']]);
    assert.deepEqual(secrecy('<p>工作秘密 注意保存</p>'), [
      ['block', '工作秘密'],
      ['block', '注意保存'],
    ]);
    assert.equal(engine.screen(draft('<p>工作秘密是指机关、单位在公务活动中产生的事项。</p>')).verdict, 'pass');
  });

  it('checks the title as well', () => {
    assert.deepEqual(secrecy('<p>正文</p>', '（机密）会议纪要'), [['block', '（机密）']]);
  });

  it('does not raise ordinary secrecy words above a notice', () => {
    assert.deepEqual(secrecy('<p>切实做好保密工作，加强保密教育。</p>'), []);
    assert.deepEqual(secrecy('<p>科学家正在揭开宇宙的秘密。</p>'), []);
    assert.deepEqual(secrecy('<p>严禁在涉密计算机上连接互联网，严禁在非涉密计算机上处理机密信息。</p>'), [
      ['notice', '涉密'],
      ['notice', '机密'],
    ]);
  });

  it('says nothing of 涉密 where the text names what is not secret (非涉密, 除涉密…外)', () => {
    assert.deepEqual(secrecy('<p>非涉密政务信息系统应当接入全县政务云。</p>'), []);
    assert.deepEqual(secrecy('<p>除涉密事项外，各类政务服务事项均应网上可办。</p>'), []);
    assert.deepEqual(secrecy('<p>涉密人员出境应当经过批准。</p>'), [['notice', '涉密']]);
  });

  it('passes the verdict when only notices remain', () => {
    assert.equal(engine.screen(draft('<p>严禁泄露国家机密。</p>')).verdict, 'pass');
    assert.equal(engine.screen(draft('<p>机密★5年</p>')).verdict, 'block');
  });
});
