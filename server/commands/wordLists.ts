import { Model, ModelStatic } from 'sequelize';
import { Severity } from '../../workers/screening/types';
import { AllowWord, Term } from '../models';

/** The two lists of the `terms` rule set that the security admin maintains through the API. */
export type WordListName = 'terms' | 'allow-words';

/** The fields of one entry, as the API and the list files name them. */
export type WordField = 'term' | 'word' | 'category' | 'severity' | 'note';

/**
 * What the word-list API needs to know about one list: its table and model, its fields (which are
 * also the columns of its file in `wordlists/`, see wordlists/README.md), which fields may change,
 * how its audit records are named, and the Chinese words for messages. Both lists belong to the
 * rule set "terms": a change of either bumps that one version, which the sensitive checker records.
 */
export interface WordList {
  name: WordListName;
  /** The rule set whose version every change bumps. */
  kind: 'terms';
  /** The list's name in messages and exports. */
  label: string;
  table: 'terms' | 'allow_words';
  /** The field that identifies an entry (stored as written, unique as written). */
  textField: 'term' | 'word';
  /** Every field in file-column order. */
  fields: readonly WordField[];
  /** Columns a file must have. */
  requiredColumns: readonly WordField[];
  /** Fields that PUT /{id} may change (the text itself never: delete and add instead). */
  editableFields: readonly WordField[];
  /** Fields the list filters by exact value. */
  filterFields: readonly WordField[];
  fieldLabels: Record<WordField | 'enabled', string>;
  /** Audit: object type and the prefix of event types (`term.create`, `allow_word.delete` …). */
  objectType: 'term' | 'allow_word';
  /** Where the shipped entries come from, for export headers. */
  shippedFiles: string;
  /** Whether a new entry is checked for being an ordinary word (terms: yes; allow-words are ordinary words on purpose). */
  warnsOfCommonWords: boolean;
  model(): ModelStatic<Model>;
}

const FIELD_LABELS: Record<WordField | 'enabled', string> = {
  term: '词语',
  word: '白名单词',
  category: '类别',
  severity: '级别',
  note: '备注',
  enabled: '启用',
};

export const TERM_LIST: WordList = {
  name: 'terms',
  kind: 'terms',
  label: '敏感词表',
  table: 'terms',
  textField: 'term',
  fields: ['term', 'category', 'severity', 'note'],
  requiredColumns: ['term', 'category', 'severity'],
  editableFields: ['category', 'severity', 'note'],
  filterFields: ['category', 'severity'],
  fieldLabels: FIELD_LABELS,
  objectType: 'term',
  shippedFiles: 'wordlists/terms/*.tsv',
  warnsOfCommonWords: true,
  model: () => Term as unknown as ModelStatic<Model>,
};

export const ALLOW_WORD_LIST: WordList = {
  name: 'allow-words',
  kind: 'terms',
  label: '白名单',
  table: 'allow_words',
  textField: 'word',
  fields: ['word', 'note'],
  requiredColumns: ['word'],
  editableFields: ['note'],
  filterFields: [],
  fieldLabels: FIELD_LABELS,
  objectType: 'allow_word',
  shippedFiles: 'wordlists/allow-words.tsv',
  warnsOfCommonWords: false,
  model: () => AllowWord as unknown as ModelStatic<Model>,
};

/** One entry's fields, validated: `text` is the term or the allow-word. */
export interface WordFields {
  text: string;
  category?: string;
  severity?: Severity;
  note: string | null;
}

/** One stored entry, whichever list it belongs to. */
export interface WordRow extends WordFields {
  id: number;
  origin: string;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The id an entry goes by in audit records (and, for terms, in findings: `terms-12`). */
export function entryIdOf(list: WordList, id: number): string {
  return `${list.name}-${id}`;
}

/** The fields of an entry under their API names ({ term, category, severity, note } or { word, note }). */
export function apiFieldsOf(list: WordList, fields: WordFields): Record<string, unknown> {
  const out: Record<string, unknown> = { [list.textField]: fields.text };
  if (list.fields.includes('category')) out.category = fields.category ?? null;
  if (list.fields.includes('severity')) out.severity = fields.severity ?? null;
  out.note = fields.note;
  return out;
}

/** The model attributes of validated fields. */
export function attributesOf(list: WordList, fields: WordFields): Record<string, unknown> {
  const { text, ...rest } = fields;
  const attributes: Record<string, unknown> = { [list.textField]: text, note: rest.note };
  if (list.fields.includes('category')) attributes.category = rest.category;
  if (list.fields.includes('severity')) attributes.severity = rest.severity;
  return attributes;
}

/** A model instance as a WordRow. */
export function wordRowOf(list: WordList, row: Model): WordRow {
  const get = (name: string) => row.get(name) as never;
  return {
    id: Number(get('id')),
    text: String(get(list.textField)),
    ...(list.fields.includes('category') ? { category: String(get('category')) } : {}),
    ...(list.fields.includes('severity') ? { severity: get('severity') as Severity } : {}),
    note: (get('note') as string | null) ?? null,
    origin: String(get('origin')),
    enabled: Boolean(get('enabled')),
    createdAt: get('createdAt') as Date,
    updatedAt: get('updatedAt') as Date,
  };
}

/** Whether two entries carry the same fields (the text aside, which identifies them). */
export function sameFields(a: WordFields, b: WordFields): boolean {
  return (a.category ?? null) === (b.category ?? null) && (a.severity ?? null) === (b.severity ?? null) && (a.note ?? null) === (b.note ?? null);
}

/** Only the fields that differ, under their API names, for the audit record. */
export function changedFields(list: WordList, before: WordFields, after: WordFields): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b = apiFieldsOf(list, before);
  const a = apiFieldsOf(list, after);
  const changed = Object.keys(a).filter((field) => (a[field] ?? null) !== (b[field] ?? null));
  return {
    before: Object.fromEntries(changed.map((field) => [field, b[field] ?? null])),
    after: Object.fromEntries(changed.map((field) => [field, a[field] ?? null])),
  };
}
