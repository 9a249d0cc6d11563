import assert from 'node:assert/strict';
import { prepareDraft, ScreeningEngine } from '../../workers/screening/engine';
import { privacyChecker } from '../../workers/screening/privacy';
import { classifyDigits, isResidentId15, isResidentId18, luhnValid } from '../../workers/lib/personalNumbers';
import { RuleData } from '../../workers/screening/types';
import { draft, engineWith, only, shippedRules } from './checkerHarness';

const ID = '430421199001011233'; // valid GB 11643 check character
const ID_X = '11010519491231002X';
const CARD = '6222021234567890128'; // Luhn-valid
const MOBILE = '13812345678';

describe('privacy checker', () => {
  let engine: ScreeningEngine;
  before(async () => {
    engine = await engineWith(privacyChecker);
  });
  const privacy = (body: string) => only(engine.screen(draft(body)), 'privacy').map((f) => [f.severity, f.text, f.suggestion]);

  describe('numbers', () => {
    it('validates resident IDs by check character and real birth date', () => {
      assert.equal(isResidentId18(ID), true);
      assert.equal(isResidentId18(ID_X), true);
      assert.equal(isResidentId18('430421199001011234'), false, 'wrong check character');
      assert.equal(isResidentId18('430421199002301230'), false, 'no 30 February');
      assert.equal(isResidentId18('990421199001011233'), false, 'no region 99');
      assert.equal(isResidentId15('430421900101123'), true);
      assert.equal(isResidentId15('430421901301123'), false, 'no month 13');
    });

    it('validates bank cards by Luhn and masks each kind', () => {
      assert.equal(luhnValid(CARD), true);
      assert.equal(luhnValid('6222021234567890127'), false);
      assert.deepEqual(classifyDigits(ID), { type: 'id_card', masked: '4304**********1233' });
      assert.deepEqual(classifyDigits(MOBILE), { type: 'mobile', masked: '138****5678' });
      assert.deepEqual(classifyDigits(CARD), { type: 'bank_card', masked: '6222***********0128' });
      assert.equal(classifyDigits('12345678901'), null, 'not a mobile prefix');
    });
  });

  it('flags ID, mobile and card numbers with masking suggestions', () => {
    assert.deepEqual(privacy(`<p>身份证号${ID}。</p>`), [['block', ID, '4304**********1233']]);
    assert.deepEqual(privacy(`<p>手机${MOBILE}。</p>`), [['review', MOBILE, '138****5678']]);
    assert.deepEqual(privacy(`<p>卡号 6222 0212 3456 7890 128。</p>`), [['review', '6222 0212 3456 7890 128', '6222***********0128']]);
    assert.deepEqual(privacy('<p>电话 138-1234-5678。</p>'), [['review', '138-1234-5678', '138****5678']]);
    assert.deepEqual(privacy(`<p>旧身份证430421900101123。</p>`), [['block', '430421900101123', '4304*******1123']]);
    // With the country code, the suggestion writes it as +86, whatever the writing.
    for (const written of ['+86 138-1234-5678', '8613812345678']) {
      assert.deepEqual(privacy(`<p>手机${written}。</p>`).map(([, , suggestion]) => suggestion), ['+86 138****5678'], written);
    }
  });

  it('finds numbers written with full-width digits, pasted spaces, dots and other groupings', () => {
    const fullWidth = '４３０４２１１９９００１０１１２３３';
    assert.deepEqual(privacy(`<p>身份证号：${fullWidth}</p>`), [['block', fullWidth, '4304**********1233']]);
    assert.deepEqual(privacy('<p>身份证号：430421-19900101-1233</p>'), [['block', '430421-19900101-1233', '4304**********1233']]);
    assert.deepEqual(privacy('<p>身份证号：430421&nbsp;19900101&nbsp;1233</p>'), [['block', '430421\u00a019900101\u00a01233', '4304**********1233']]);
    for (const written of ['138 12345678', '1381234 5678', '138.1234.5678', '１３８１２３４５６７８', '138\u00a01234\u00a05678']) {
      assert.deepEqual(privacy(`<p>手机${written}。</p>`), [['review', written, '138****5678']], written);
    }
  });

  it('reads the unit after a number on its own line only: the next cell or line of a form is not a unit', () => {
    const table = `<table><tr><td>姓名</td><td>身份证号码</td><td>与户主关系</td></tr><tr><td>张三</td><td>${ID}</td><td>户主</td></tr></table>`;
    assert.deepEqual(privacy(table).map(([severity, text]) => [severity, text]), [['block', ID]]);
    assert.deepEqual(privacy(`<p>申请人：张三 身份证号：${ID}<br>户籍地址：城关镇解放路</p>`), [['block', ID, '4304**********1233']]);
    assert.deepEqual(privacy(`<p>身份证号：${ID}<br>年龄：35岁</p>`), [['block', ID, '4304**********1233']]);
    assert.deepEqual(privacy(`<p>联系人：张三<br>手机：${MOBILE}<br>人数：3</p>`).length, 1);
    // An 18-digit number with a right check character is an ID even with a unit after it.
    assert.deepEqual(privacy(`<p>身份证${ID}年满十八周岁</p>`), [['block', ID, '4304**********1233']]);
    assert.deepEqual(privacy(`<p>身份证编号：${ID}</p>`), [['block', ID, '4304**********1233']]);
  });

  it('flags a labelled or named ID whose check character is miscopied, and leaves bare look-alikes alone', () => {
    const miscopied = '430421199001011234'; // ID's region and birth date, wrong check character
    assert.deepEqual(classifyDigits(miscopied), { type: 'id_card', masked: '4304**********1234', miscopied: true });
    assert.equal(classifyDigits('990421199001011234'), null, 'no region 99: not an ID at all');
    const labelled = only(engine.screen(draft(`<p>身份证号：${miscopied}</p>`)), 'privacy');
    assert.deepEqual(labelled.map((f) => [f.severity, f.text, f.suggestion]), [['block', miscopied, '4304**********1234']]);
    assert.match(labelled[0]!.reason!, /校验位不符/);
    assert.deepEqual(privacy(`<p>王五，${miscopied}，家住城关镇。</p>`), [['block', miscopied, '4304**********1234']]);
    // Region, date and serial also make case and certificate numbers: without a label or a name, nothing.
    assert.deepEqual(privacy(`<p>受理回执${miscopied}已发出。</p>`), []);
    assert.deepEqual(privacy(`<p>案件编号：${miscopied}</p>`), []);
    // A Luhn-valid number with an ID's shape and a wrong check character is a card first.
    const cardLike = '620102199001010000';
    assert.equal(luhnValid(cardLike), true);
    assert.equal(isResidentId18(cardLike), false);
    assert.deepEqual(classifyDigits(cardLike), { type: 'bank_card', masked: '6201**********0000' });
  });

  it('finds the full resident ID inside a 残疾证号 (ID and two digits) or a 全国学籍号 (G, L or J and the ID)', () => {
    const disability = '36232219850312001842'; // ID 362322198503120018 with a valid check digit, then kind and grade
    const found = only(engine.screen(draft(`<p>胡某明，残疾证号：${disability}，肢体二级，享受重度残疾人护理补贴。</p>`)), 'privacy');
    assert.deepEqual(found.map((f) => [f.severity, f.text, f.suggestion, f.category]), [['block', disability, '3623**********001842', 'personal_id_card']]);
    assert.match(found[0]!.reason!, /身份证号码/);
    assert.deepEqual(privacy('<p>邹某轩，全国学籍号G36232220080101001X，资助档次一档。</p>'), [['block', 'G36232220080101001X', 'G3623**********001X']]);
    assert.deepEqual(privacy(`<p>学籍号：L${ID}</p>`), [['block', `L${ID}`, 'L4304**********1233']]);
    assert.deepEqual(privacy(`<p>残疾人证编号：${ID}11</p>`), [['block', `${ID}11`, '4304**********123311']], 'a 编号 of a 残疾证 is still the ID');
    // Alone, without a name beside it, it is what the plain ID gets.
    assert.deepEqual(privacy(`<p>残疾证号${disability}</p>`), privacy('<p>身份证号362322198503120018</p>').map(([severity]) => [severity, disability, '3623**********001842']));
    const table =
      '<table><tr><th>姓名</th><th>残疾证号</th><th>全国学籍号</th><th>资助金额</th></tr>' +
      `<tr><td>胡某明</td><td>${disability}</td><td>G36232220080101001X</td><td>1000</td></tr></table>`;
    assert.deepEqual(privacy(table).map(([severity, text]) => [severity, text]), [['block', disability], ['block', 'G36232220080101001X']]);
    // The ID part must pass its check digit and date: order and serial numbers of 20 digits are no IDs.
    for (const other of ['20261127000012345678', '36232219850312001942', '36232219851332001842', 'G362322198503120019', 'G20261127000012345']) {
      assert.deepEqual(privacy(`<p>张三，订单号码${other}。</p>`), [], other);
      assert.deepEqual(privacy(`<p>残疾证号：${other}</p>`), [], other);
    }
  });

  describe('bank accounts that fail Luhn', () => {
    const ACCOUNT = '6217001234567890124'; // 19 digits, as a 对私账户 is written; fails Luhn
    const masked = '6217***********0124';

    it('flags a private person\'s account next to a bank word, at the policy for names', () => {
      assert.equal(luhnValid(ACCOUNT), false);
      assert.equal(classifyDigits(ACCOUNT), null, 'the digits alone are nothing');
      const labelled = only(engine.screen(draft(`<p>户名：张三，账号：${ACCOUNT}，开户行：中国建设银行城关支行</p>`)), 'privacy');
      assert.deepEqual(labelled.map((f) => [f.severity, f.text, f.suggestion, f.category]), [['block', ACCOUNT, masked, 'personal_bank_card']]);
      assert.match(labelled[0]!.reason!, /私人银行账号（未通过校验位/);
      assert.deepEqual(privacy(`<p>张三 建行 ${ACCOUNT}</p>`), [['block', ACCOUNT, masked]]);
      assert.deepEqual(privacy(`<p>补助对象：李四，邮储账号${ACCOUNT}。</p>`), [['block', ACCOUNT, masked]]);
      assert.deepEqual(privacy(`<p>低保对象张三，一卡通账号${ACCOUNT}，本月发放300元。</p>`), [['block', ACCOUNT, masked]]);
      assert.deepEqual(privacy(`<p>账号：${ACCOUNT}，户名：王五，开户行：农商行</p>`), [['block', ACCOUNT, masked]]);
    });

    it('flags an account grouped in fours with spaces or hyphens', () => {
      const spaced = '6217 0012 3456 7890 124';
      assert.deepEqual(privacy(`<p>户名：张三，工行卡号 ${spaced}。</p>`), [['block', spaced, masked]]);
      const hyphens = '6230-0112-3456';
      assert.deepEqual(privacy(`<p>赵六 信用社账号 ${hyphens}</p>`), [['block', hyphens, '6230****3456']]);
    });

    it('leaves a unit\'s public account alone', () => {
      for (const holder of ['某某县财政局', '某某县红十字会', '某某建筑工程有限公司', '中共某某县委组织部', '城关镇人民政府', '县国库', '中国电信']) {
        assert.deepEqual(privacy(`<p>户名：${holder}，账号：${ACCOUNT}，开户行：中国建设银行城关支行</p>`), [], holder);
      }
      assert.deepEqual(privacy(`<p>党费请汇入县委组织部 建行 ${ACCOUNT}。</p>`), []);
      assert.deepEqual(privacy(`<p>开户行：邮政储蓄银行，账号：${ACCOUNT}，户名：某某县慈善总会</p>`), []);
      assert.deepEqual(privacy(`<p>收款单位：城关镇，账号：${ACCOUNT}</p>`), [], 'the label says unit, whatever the name');
    });

    it('leaves long numbers without a bank word or a private holder as they were', () => {
      assert.deepEqual(privacy(`<p>${ACCOUNT}</p>`), []);
      assert.deepEqual(privacy(`<p>张三反映的问题已登记，回执${ACCOUNT}。</p>`), [], 'a name without a bank word');
      assert.deepEqual(privacy(`<p>户名：张三，订单号：${ACCOUNT}</p>`), [], 'an order number');
      assert.deepEqual(privacy(`<p>张三通过建行缴纳${ACCOUNT}元。</p>`), [], 'an amount');
    });

    it('sends an account whose holder the sentence does not name to review', () => {
      // A 低保 list or a rent notice gives the account without 户名; a unit's public account names its unit.
      for (const body of [`<p>账号：${ACCOUNT}</p>`, `<p>请将房租转入李四建行卡${ACCOUNT}。</p>`]) {
        const found = only(engine.screen(draft(body)), 'privacy');
        assert.deepEqual(found.map((f) => [f.severity, f.text, f.suggestion]), [['review', ACCOUNT, masked]], body);
        assert.match(found[0]!.reason!, /疑似银行账号（旁有银行或账号字样，未写明户名）/);
      }
    });

    it('does not take a person for a unit because of how the name or the address ends', () => {
      // 园, 科, 镇 end names as well as units; 区 is a surname; where someone lives is no holder.
      for (const body of [
        `<p>户名：王园园，工商银行卡号：${CARD}</p>`,
        `<p>户名：张文科，账号：${CARD}，开户行：建设银行。</p>`,
        `<p>户名：刘镇，账号：${CARD}。</p>`,
        `<p>户名：区志强，账号：${CARD}。</p>`,
        `<p>李某某，家住城关镇，建行卡号${CARD}</p>`,
        `<p>帮扶对象：张三（脱贫户），农商银行卡号：${CARD}</p>`,
      ]) {
        assert.deepEqual(privacy(body), [['block', CARD, '6222***********0128']], body);
      }
      assert.deepEqual(privacy(`<p>户名：王园园，工商银行卡号：${ACCOUNT}</p>`), [['block', ACCOUNT, masked]]);
      assert.deepEqual(privacy(`<p>李某某，家住城关镇，建行卡号${ACCOUNT}</p>`), [['block', ACCOUNT, masked]]);
    });

    it('leaves a receipt or project number beside a bank alone when no label says it is an account', () => {
      assert.deepEqual(privacy('<p>中标金额已通过农商银行转账，交易凭证号 202611270000123456，请供应商查收。</p>'), []);
      assert.deepEqual(privacy('<p>中标公告：项目 3607 2120 2611 0001 已在邮政储蓄银行完成保证金退还。</p>'), []);
    });

    it('keeps judging a Luhn-valid card as before', () => {
      assert.deepEqual(privacy(`<p>卡号${CARD}</p>`), [['review', CARD, '6222***********0128']]);
      const named = only(engine.screen(draft(`<p>户名：张三，账号：${CARD}</p>`)), 'privacy');
      assert.deepEqual(named.map((f) => [f.severity, f.text, f.suggestion]), [['block', CARD, '6222***********0128']]);
      assert.equal(named[0]!.reason, '个人银行卡号与姓名同时出现，属于个人信息，发布前须去除或打码');
    });

    it('only notes a Luhn-valid number that a unit holds: its public account, not a person\'s card', () => {
      const unit = only(engine.screen(draft(`<p>户名：某某县财政局，账号：${CARD}，开户行：中国建设银行城关支行</p>`)), 'privacy');
      assert.deepEqual(unit.map((f) => [f.severity, f.text, f.suggestion]), [['notice', CARD, '6222***********0128']]);
      assert.match(unit[0]!.reason!, /单位银行账号/);
      assert.deepEqual(privacy(`<p>县红十字会 工行 ${CARD}</p>`), [['notice', CARD, '6222***********0128']]);
    });
  });

  describe('numbers in tables', () => {
    const ACCOUNT = '6230901234567890123'; // fails Luhn, as many 对私账户 do
    const CARD_IN_TABLE = '6230901234567890456'; // Luhn-valid
    const subsidyTable = (holder: string, account: string) =>
      '<table><tr><th>姓名</th><th>开户银行</th><th>银行账号</th><th>补贴金额（元）</th></tr>' +
      `<tr><td>${holder}</td><td>××农商银行</td><td>${account}</td><td>1260.50</td></tr></table>`;

    it('reads a named person\'s account under its column header as running text reads 户名：张三，账号：…', () => {
      const body = subsidyTable('张铁柱', ACCOUNT);
      const found = only(engine.screen(draft(body)), 'privacy');
      assert.deepEqual(found.map((f) => [f.severity, f.text, f.suggestion]), [['block', ACCOUNT, '6230***********0123']]);
      assert.match(found[0]!.reason!, /私人银行账号/);
      // The finding points at the number in the plain text, not in the sentence the row was read as.
      assert.equal(prepareDraft(draft(body)).texts.body.slice(found[0]!.start, found[0]!.end), ACCOUNT);
      assert.deepEqual(privacy(subsidyTable('张铁柱', CARD_IN_TABLE)), [['block', CARD_IN_TABLE, '6230***********0456']]);
    });

    it('finds the headers below a title row, in td cells, and a holder merged down over several rows', () => {
      const body =
        '<table><tr><td colspan="4">2024年城乡低保资金发放公示</td></tr>' +
        '<tr><td>户主姓名</td><td>家庭成员</td><td>一卡通账号</td><td>金额</td></tr>' +
        `<tr><td rowspan="2">李四</td><td>王芳</td><td>${ACCOUNT}</td><td>300</td></tr>` +
        `<tr><td>李小明</td><td>6217001234567890124</td><td>300</td></tr></table>`;
      assert.deepEqual(privacy(body).map(([severity, text]) => [severity, text]), [['block', ACCOUNT], ['block', '6217001234567890124']]);
    });

    it('leaves a unit\'s account in a table as a unit\'s', () => {
      const unitTable = (account: string) =>
        '<table><tr><th>户名</th><th>开户行</th><th>账号</th></tr>' + `<tr><td>某某县财政局</td><td>建行城关支行</td><td>${account}</td></tr></table>`;
      assert.deepEqual(privacy(unitTable(ACCOUNT)), []);
      assert.deepEqual(privacy(unitTable(CARD)), [['notice', CARD, '6222***********0128']]);
      // A 单位 column names a unit however its name reads; beside a person's column it is where the person works.
      const byUnit = `<table><tr><th>单位</th><th>联系人</th><th>账号</th></tr><tr><td>城关镇</td><td>王科长</td><td>${ACCOUNT}</td></tr></table>`;
      assert.deepEqual(privacy(byUnit), []);
      const worker = `<table><tr><th>姓名</th><th>单位</th><th>账号</th></tr><tr><td>张三</td><td>城关镇</td><td>${ACCOUNT}</td></tr></table>`;
      assert.deepEqual(privacy(worker).map(([severity, text]) => [severity, text]), [['block', ACCOUNT]]);
    });

    it('reads a form, the label left of its value, as label and value in running text', () => {
      const form = (holder: string, account: string) =>
        `<table><tr><td>户名</td><td>${holder}</td></tr><tr><td>账号</td><td>${account}</td></tr><tr><td>开户行</td><td>农商银行</td></tr></table>`;
      assert.deepEqual(privacy(form('张三', ACCOUNT)).map(([severity, text]) => [severity, text]), [['block', ACCOUNT]]);
      assert.deepEqual(privacy(form('某某县财政局', ACCOUNT)), []);
      assert.deepEqual(privacy(form('某某县财政局', CARD)), [['notice', CARD, '6222***********0128']]);
      // A value that ends like a label (个人账户 under 账户类型) does not make a list a form.
      const typed =
        '<table><tr><th>序号</th><th>户名</th><th>开户银行</th><th>账户类型</th><th>账号</th></tr>' +
        `<tr><td>1</td><td>张铁柱</td><td>县农商银行</td><td>个人账户</td><td>${ACCOUNT}</td></tr></table>`;
      assert.deepEqual(privacy(typed).map(([severity, text]) => [severity, text]), [['block', ACCOUNT]]);
      const office = `<table><tr><td>单位</td><td>县民政局</td></tr><tr><td>联系电话</td><td>${MOBILE}</td></tr></table>`;
      assert.deepEqual(privacy(office), [['notice', MOBILE, '138****5678']]);
    });

    it('reads a number under another kind of number\'s header (考号, 学号, 车牌号) as that number, not an account', () => {
      const listed = (header: string, number: string) =>
        `<table><tr><th>姓名</th><th>${header}</th><th>报考岗位</th></tr><tr><td>刘晓燕</td><td>${number}</td><td>县人民医院护理岗</td></tr></table>`;
      for (const header of ['准考证号', '考号', '学号', '考生号', '报名号', '住院号', '车牌号', '证号']) {
        assert.deepEqual(privacy(listed(header, '2036010100123')), [], header);
        assert.deepEqual(privacy(listed(header, CARD_IN_TABLE)), [], `${header}, Luhn-valid`);
      }
      // Under a header that names an account or a card the number is one, whatever else the row holds.
      for (const header of ['银行账号', '社保卡号', '存折号', '一卡通', '开户账户', '卡号']) {
        assert.deepEqual(privacy(listed(header, ACCOUNT)).map(([severity, text]) => [severity, text]), [['block', ACCOUNT]], header);
        assert.deepEqual(privacy(listed(header, CARD_IN_TABLE)).map(([severity, text]) => [severity, text]), [['block', CARD_IN_TABLE]], header);
      }
      // A personal number's label is no other kind of number: a miscopied ID that passes Luhn is still flagged there.
      for (const header of ['身份证号', '证件号', '手机号']) {
        assert.deepEqual(privacy(listed(header, '620102199001010000')).map(([severity, text]) => [severity, text]), [['block', '620102199001010000']], header);
      }
      const besideBank = `<table><tr><th>姓名</th><th>开户银行</th><th>号码</th></tr><tr><td>刘晓燕</td><td>农商银行</td><td>${ACCOUNT}</td></tr></table>`;
      assert.deepEqual(privacy(besideBank).map(([severity, text]) => [severity, text]), [['block', ACCOUNT]], 'a bank\'s column beside a plain 号码');
      // A form labels its value as a header does: 考号 | … is no account, 账号 | … is one.
      const form = (label: string) => `<table><tr><td>姓名</td><td>刘晓燕</td></tr><tr><td>${label}</td><td>${ACCOUNT}</td></tr></table>`;
      assert.deepEqual(privacy(form('考号')), []);
      assert.deepEqual(privacy(form('账号')).map(([severity, text]) => [severity, text]), [['block', ACCOUNT]]);
    });

    it('keeps finding IDs and phones in a table, and leaves amounts alone', () => {
      const body =
        '<table><tr><th>姓名</th><th>身份证号码</th><th>联系电话</th><th>补助金额（元）</th></tr>' +
        `<tr><td>张三</td><td>${ID}</td><td>${MOBILE}</td><td>12000</td></tr></table>`;
      assert.deepEqual(privacy(body).map(([severity, text]) => [severity, text]), [['block', ID], ['review', MOBILE]]);
      // Without a row of labels a table is read as its plain text.
      assert.deepEqual(privacy(`<table><tr><td>张三</td><td>${ACCOUNT}</td></tr></table>`), []);
    });
  });

  it('raises numbers next to a private person\'s name to the policy for names', () => {
    assert.deepEqual(privacy(`<p>张三，身份证号${ID}，银行卡${CARD}。</p>`), [
      ['block', ID, '4304**********1233'],
      ['block', CARD, '6222***********0128'],
    ]);
    assert.deepEqual(privacy(`<p>户主：李四 卡号${CARD}</p>`), [['block', CARD, '6222***********0128']]);
  });

  it('only notes a mobile behind a hotline label', () => {
    assert.deepEqual(privacy(`<p>咨询电话：${MOBILE}</p>`), [['notice', MOBILE, '138****5678']]);
    assert.deepEqual(privacy(`<p>县民政局联系电话：${MOBILE}</p>`), [['notice', MOBILE, '138****5678']]);
    assert.deepEqual(privacy(`<p>报名请与县文化馆联系，联系方式：${MOBILE}。</p>`), [['notice', MOBILE, '138****5678']]);
  });

  it('reviews a private person\'s own mobile behind a contact label, with a role word before the name', () => {
    for (const body of [
      `<p>低保对象张三，联系电话${MOBILE}，家住城关镇。</p>`,
      `<p>获奖者：李小红，联系方式：${MOBILE}。</p>`,
      `<p>救助对象王小明联系电话：${MOBILE}</p>`,
      `<p>五保户赵大山，联系方式${MOBILE}。</p>`,
    ]) {
      const found = only(engine.screen(draft(body)), 'privacy');
      assert.deepEqual(found.map((f) => [f.severity, f.text]), [['review', MOBILE]], body);
      assert.match(found[0]!.reason!, /个人的号码发布前须去除或打码/, body);
    }
    // A role word with no name after it says nothing about whose number the hotline is, nor does a common word there.
    assert.deepEqual(privacy(`<p>困难群众可拨打咨询电话${MOBILE}。</p>`), [['notice', MOBILE, '138****5678']]);
    assert.deepEqual(privacy(`<p>救助对象范围：城乡低保户，咨询电话：${MOBILE}。</p>`), [['notice', MOBILE, '138****5678']]);
  });

  it('only reviews a fugitive\'s ID in a 悬赏通告 or 通缉令, which publish it lawfully', () => {
    const fugitive = `<p>犯罪嫌疑人张某，男，身份证号：${ID}，户籍地城关镇。</p>`;
    const inNotice = only(engine.screen(draft(fugitive, { title: '某某县公安局悬赏通告' })), 'privacy');
    assert.deepEqual(inNotice.map((f) => [f.severity, f.text, f.suggestion]), [['review', ID, '4304**********1233']]);
    assert.match(inNotice[0]!.reason!, /公安机关/);
    const byLine = only(engine.screen(draft(`<p>通缉令：在逃人员李某，身份证号${ID}。</p>`)), 'privacy');
    assert.deepEqual(byLine.map((f) => [f.severity, f.text]), [['review', ID]]);
    // Anywhere else the ID is blocked as before, a 通缉令 named on another line included.
    assert.deepEqual(only(engine.screen(draft(fugitive, { title: '关于2026年城乡低保对象的公示' })), 'privacy').map((f) => f.severity), ['block']);
    const elsewhere = `<p>县公安局发布悬赏通告后，群众踊跃提供线索。</p><p>低保对象王某，身份证号：${ID}。</p>`;
    assert.deepEqual(only(engine.screen(draft(elsewhere)), 'privacy').map((f) => f.severity), ['block']);
  });

  describe('home addresses', () => {
    const address = (body: string) => only(engine.screen(draft(body)), 'privacy').map((f) => [f.severity, f.text, f.category]);

    it('reviews a private person\'s door-level address, after a name or a role word', () => {
      const found = only(engine.screen(draft('<p>新增低保对象：张桂林，住城关镇建设路18号3栋2单元501室，保障人数2人。</p>')), 'privacy');
      assert.deepEqual(found.map((f) => [f.severity, f.text, f.category]), [['review', '城关镇建设路18号3栋2单元501室', 'personal_address']]);
      assert.match(found[0]!.reason!, /住址/);
      assert.equal(found[0]!.suggestion, '城关镇建设路', 'the address without its door');
      for (const [body, text] of [
        ['<p>李某某家住城关镇解放路6号楼3单元402室，系我县特困人员。</p>', '城关镇解放路6号楼3单元402室'],
        ['<p>申请人王小明，家庭住址：城关镇人民路22号301室。</p>', '城关镇人民路22号301室'],
        ['<p>五保户赵大山现住幸福小区二栋1单元101室。</p>', '幸福小区二栋1单元101室'],
        ['<p>姓名：刘芳 住址：城南社区金桂园8幢2单元602室</p>', '城南社区金桂园8幢2单元602室'],
      ]) {
        assert.deepEqual(address(body!), [['review', text, 'personal_address']], body);
      }
      const table =
        '<table><tr><th>姓名</th><th>家庭住址</th><th>保障人数</th></tr>' +
        '<tr><td>张桂林</td><td>城关镇建设路18号3栋2单元501室</td><td>2</td></tr></table>';
      assert.deepEqual(address(table), [['review', '城关镇建设路18号3栋2单元501室', 'personal_address']]);
    });

    it('reads an anonymised name with a remark before 住 as a private person, and a village house number as a door', () => {
      for (const [body, text] of [
        ['<p>王某某（女），住XX县XX镇XX村3组12号，系独居老人。</p>', 'XX县XX镇XX村3组12号'],
        ['<p>当事人李某（男，45岁），家住城关镇建设路18号3栋2单元501室。</p>', '城关镇建设路18号3栋2单元501室'],
        ['<p>张某某（68岁），现住幸福村三组七号。</p>', '幸福村三组七号'],
        ['<p>赵某，住青山村15号。</p>', '青山村15号'],
      ]) {
        assert.deepEqual(address(body!), [['review', text, 'personal_address']], body);
      }
      const found = only(engine.screen(draft('<p>王某某（女），住XX县XX镇XX村3组12号。</p>')), 'privacy');
      assert.equal(found[0]!.suggestion, 'XX县XX镇XX村', 'the address without its house number');
    });

    it('leaves office addresses, addresses without a door and addresses of nobody named alone', () => {
      for (const body of [
        '<p>县政府地址：城关镇人民路1号。</p>',
        '<p>办公地址：城关镇建设路18号3栋2单元501室，联系电话0791-1234567。</p>',
        '<p>县政务服务大厅位于城关镇人民路22号301室。</p>',
        '<p>张桂林，住城关镇建设路，保障人数2人。</p>',
        '<p>低保对象张桂林，家住城关镇幸福村三组。</p>',
        '<p>王某某（女），住XX县XX镇XX村3组。</p>',
        '<p>李某（男，45岁），家住城关镇建设路。</p>',
        '<p>村委会办公地址：XX县XX镇XX村3组12号。</p>',
        '<p>王某某（女），到XX村3组12号的村便民服务点办理。</p>',
        '<p>张某某住XX村8号楼附近。</p>',
        '<p>本次共走访住城关镇建设路18号3栋2单元501室的困难家庭。</p>',
        '<p>住建局办公地点：行政中心5号楼3单元201室。</p>',
        '<table><tr><th>单位</th><th>办公地址</th></tr><tr><td>县民政局</td><td>城关镇建设路18号3栋2单元501室</td></tr></table>',
      ]) {
        assert.deepEqual(address(body), [], body);
      }
    });
  });

  it('leaves document numbers, landlines, dates, amounts and statistics alone', () => {
    for (const body of [
      '<p>根据《关于印发某办法的通知》（湘政务发〔2019〕1号）执行。</p>',
      '<p>县政务服务中心办公电话：0731-84567890，传真0731-84567891。</p>',
      '<p>2019年10月1日，20191001期。</p>',
      '<p>全年完成投资13812345678元，惠及6222021234567890128人次。</p>',
      '<p>统一社会信用代码：430421199001011233。</p>',
      '<p>订单号13812345678。</p>',
      '<p>全县常住人口为1234567人，增长3.5%。</p>',
      '<p>项目编号6222021234567890128。</p>',
    ]) {
      assert.deepEqual(privacy(body), [], body);
    }
  });

  it('follows the admins\' policy: severities and disabled kinds', async () => {
    const rules: RuleData = await shippedRules();
    rules.privacy = {
      version: 7,
      data: [{ dataType: 'mobile', severity: 'block', severityNearName: 'block', note: null, ruleId: 'privacy-3' }],
    };
    const strict = new ScreeningEngine([privacyChecker], rules);
    const findings = only(strict.screen(draft(`<p>手机${MOBILE}，身份证${ID}</p>`)), 'privacy');
    assert.deepEqual(findings.map((f) => [f.severity, f.text, f.ruleId, f.listVersion]), [['block', MOBILE, 'privacy-3', 7]]);
  });
});
