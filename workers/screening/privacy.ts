import { holderBesideBankWord } from '../lib/bankAccountContext';
import { findHomeAddresses, withoutDoor } from '../lib/homeAddresses';
import { afterIdLabel, isOfficeLine, looksNotPersonal, nearPersonName } from '../lib/personalContext';
import { findPersonalNumbers } from '../lib/personalNumbers';
import { inWantedNotice } from '../lib/wantedNotice';
import { rulesOf } from '../lib/tableRuleKind';
import { tableRowClause } from '../lib/tableRowClause';
import { TableRows } from '../lib/tableRows';
import { privacyRuleKind } from '../rules/privacyRules';
import { PersonalDataType, PrivacyPolicyEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { Checker, Finding } from './types';

interface CompiledPrivacy {
  policies: Map<PersonalDataType, WithRuleId<PrivacyPolicyEntry>>;
  version: number;
}

/** A private person's door-level address: no policy row, a reviewer decides (a 低保 公示 may lawfully name the village). */
function homeAddressFinding(field: Finding['field'], address: string, start: number, version: number): Finding {
  const street = withoutDoor(address);
  return {
    checker: 'privacy', severity: 'review', field, start, end: start + address.length, text: address,
    category: 'personal_address', ...(street ? { suggestion: street } : {}), listVersion: version,
    reason: `个人家庭住址具体到门牌房号，属于个人信息，发布前请删去门牌房号${street ? `（如只写“${street}”）` : ''}或确认确需公开`,
  };
}

const TYPE_NAMES: Record<PersonalDataType, string> = { id_card: '居民身份证号码', mobile: '手机号码', bank_card: '银行卡号' };

/**
 * Personal data: resident ID, mobile and bank card numbers, each with a masked form, at the
 * severity the admins' policy sets (higher next to a private person's name). An account number that
 * fails Luhn counts only beside a bank word (see bankAccountContext): a person's at the policy for
 * names, one labelled as an account whose holder the sentence does not name at the plain policy; a
 * unit's public account is left alone, and one that passes Luhn is only noted. Document numbers,
 * amounts, dates and office hotlines are left alone or, for a mobile behind a hotline label, only noted,
 * unless a person's name stands before the label (低保对象张三，联系电话…). A private person's home address
 * down to the door (see homeAddresses) goes to review.
 */
export const privacyChecker: Checker<CompiledPrivacy> = {
  name: 'privacy',
  ruleKinds: [privacyRuleKind.kind],

  compile(data) {
    const { version, entries } = rulesOf(data, privacyRuleKind);
    return { policies: new Map(entries.map((entry) => [entry.dataType, entry])), version };
  },

  check(draft, { policies, version }) {
    const findings: Finding[] = [];
    for (const field of ['title', 'body'] as const) {
      const text = draft.texts[field];
      const rows = field === 'body' && draft.tableCells.length > 0 ? new TableRows(text, draft.tableCells) : null;
      for (const number of findPersonalNumbers(text)) {
        const policy = policies.get(number.type);
        // A number in a table is read in the sentence its row makes; the finding still points at the number.
        const row = rows && tableRowClause(rows, number.start, number.end);
        const at = row ?? { text, start: number.start, end: number.end };
        if (!policy || looksNotPersonal(at.text, at.start, at.end, number.checked)) continue;
        // The row's name column reads as 户名, a bank word: only the number's own header may make it an account (not 考号, 学号).
        if (number.type === 'bank_card' && row && !row.labelNamesAccount && (number.unverifiedAccount || row.labelNamesOtherNumber)) continue;
        const holder = number.type === 'bank_card' ? holderBesideBankWord(at.text, at.start, at.end) : null;
        // Without Luhn the digits say nothing: a bank word must say it is an account, and not a unit's.
        if (number.unverifiedAccount && (holder === null || holder === 'unit')) continue;
        const name = TYPE_NAMES[number.type];
        const nearName = nearPersonName(at.text, at.start);
        // Region, date and serial is also how some case and certificate numbers are made: a
        // miscopied ID counts only where a label or a name says whose number it is.
        if (number.miscopied && !nearName && !afterIdLabel(at.text, at.start)) continue;
        const office = number.type === 'mobile' && isOfficeLine(at.text, at.start);
        // A unit's account that happens to pass Luhn is still the account a post publishes for fees and donations.
        const unitAccount = holder === 'unit';
        // A name under a contact label (联系人：张三) is the office's contact person: the plain policy applies.
        const usual = unitAccount
          ? 'notice'
          : office ? (nearName ? policy.severity : 'notice') : nearName || holder === 'person' ? policy.severityNearName : policy.severity;
        // A fugitive's ID in a police notice is lawful to publish: a reviewer confirms the notice, rather than a block.
        const wanted = number.type === 'id_card' && usual === 'block' && inWantedNotice(draft.texts.title, text, number.start);
        const severity = wanted ? 'review' : usual;
        const reason = wanted
          ? `悬赏通告、通缉令中的${name}：公安机关依法公布的在逃人员信息可以发布，请确认发布主体为公安机关、内容与原通告一致，否则须去除或打码`
          : number.unverifiedAccount
          ? holder === 'person' || nearName
            ? '私人银行账号（未通过校验位，按户名/银行判断），属于个人信息，发布前须去除或打码'
            : `疑似银行账号（旁有银行或账号字样，未写明户名），如是个人账号须去除或打码为 ${number.masked}；单位公开的收款账户请写明户名`
          : unitAccount
          ? `公布的单位银行账号（户名为单位），请确认是单位公开的收款账户而非个人银行卡；如为个人卡号须打码为 ${number.masked}`
          : office && nearName
          ? `联系${name}与姓名同时出现：办理对象、获奖者等个人的号码发布前须去除或打码为 ${number.masked}，单位联系人的工作号码请确认`
          : office
          ? `公布的联系${name}（建议打码为 ${number.masked}），请确认是单位公开的工作号码而非个人隐私`
          : number.idWithin
          ? `号码中含完整的${name}（残疾证号、全国学籍号由身份证号加前后缀组成），属于个人信息，发布前须去除或打码`
          : number.miscopied
            ? `疑似个人${name}（校验位不符，可能抄错了一位，但仍是个人信息），发布前须去除或打码`
            : nearName
            ? `个人${name}与姓名同时出现，属于个人信息，发布前须去除或打码`
            : `疑似个人${name}，发布前须去除或打码`;
        findings.push({
          checker: 'privacy', severity, field, start: number.start, end: number.end, text: number.text,
          term: number.masked, category: `personal_${number.type}`, ruleId: policy.ruleId,
          suggestion: number.masked, reason, listVersion: version,
        });
      }
      for (const address of findHomeAddresses(text, field === 'body' ? draft.tableCells : [])) {
        findings.push(homeAddressFinding(field, text.slice(address.start, address.end), address.start, version));
      }
    }
    return findings;
  },
};
