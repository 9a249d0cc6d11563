import { normalizeTerm } from '../../workers/lib/normalizer';
import { AuditActor } from '../audit/auditRecorder';
import { conflict } from '../errors';
import { allowWordCheck } from './allowWordShadows';
import { forgetDeleted } from './deletedDefaults';
import { normalizedTwinOf, rememberCreated } from './normalizedWordIndex';
import { versionedRuleChange } from './ruleChange';
import { invalidEntry, normalizationProblem, ParsedEntry } from './wordEntryValidation';
import { termWarnings, WordWarning } from './wordListWarnings';
import { apiFieldsOf, attributesOf, entryIdOf, WordList, WordRow, wordRowOf } from './wordLists';

/**
 * The security admin adds one term or allow-word, stored as written (the matcher normalises).
 * Refused: an entry that normalises to nothing or to one character (400), the same text as a
 * stored entry, or a text that reads the same as a stored one once normalised (409: the matcher
 * would treat them as one word), an allow-word that reads the same as an enabled term (409: it
 * would switch the term off). Allowed with a warning: a common word, an allow-word hiding a blocking term.
 */
export async function wordEntryCreator(
  list: WordList,
  entry: ParsedEntry,
  enabled: boolean,
  actor: AuditActor,
): Promise<{ row: WordRow; version: number; warnings: WordWarning[] }> {
  const tooShort = normalizationProblem(list, entry.text);
  if (tooShort) throw invalidEntry(list, [tooShort]);
  const fields = { ...entry, note: entry.note ?? null };
  const { result, version } = await versionedRuleChange(list.kind, actor, async (transaction) => {
    const model = list.model();
    const same = await model.findOne({ where: { [list.textField]: fields.text }, transaction });
    if (same) {
      const id = Number(same.get('id'));
      throw conflict(`${list.label}中已有“${fields.text}”（编号 ${id}${same.get('enabled') ? '' : '，已停用'}）；请修改那一条，不要重复添加`, { id });
    }
    const twin = await normalizedTwinOf(list, fields.text, transaction);
    if (twin) {
      throw conflict(
        `“${fields.text}”与${list.label}中已有的“${twin.text}”（编号 ${twin.id}${twin.enabled ? '' : '，已停用'}）归一化后相同（都读作“${normalizeTerm(fields.text)}”），` +
          '匹配时是同一个词，不必重复添加；请修改那一条',
        { id: twin.id },
      );
    }
    const shadows = enabled ? await allowWordCheck(list, fields.text, transaction) : [];
    const created = await model.create({ ...attributesOf(list, fields), origin: 'admin', enabled }, { transaction });
    const row = wordRowOf(list, created);
    // The entry is there again: should the admin delete this one, a merge may bring the release's back.
    const forgotten = (await forgetDeleted(list.name, [fields.text], transaction)).size > 0;
    return {
      result: { row, shadows },
      audit: [
        {
          eventType: `${list.objectType}.create`,
          objectType: list.objectType,
          objectId: entryIdOf(list, row.id),
          outcome: 'success',
          detail: { id: row.id, after: { ...apiFieldsOf(list, fields), enabled }, ...(forgotten ? { deletedDefault: 'forgotten' } : {}) },
        },
      ],
    };
  });
  rememberCreated(list, version, { id: result.row.id, text: result.row.text, enabled });
  return { row: result.row, version, warnings: enabled ? [...termWarnings(list, fields.text, fields.category, fields.severity), ...result.shadows] : [] };
}
