import { diffChars } from 'diff';
import { Revision } from '../models';

export interface DiffPart {
  /** 'same', 'added' (only in the newer revision) or 'removed' (only in the older one). */
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface RevisionDiff {
  from: number;
  to: number;
  title: DiffPart[];
  body: DiffPart[];
  source: DiffPart[];
  /** True when the texts were too far apart to compare within the time limit: whole texts are shown instead. */
  approximate: boolean;
}

/** Character diffs suit Chinese (no spaces between words); a time limit keeps huge rewrites cheap. */
function diffTexts(older: string, newer: string): { parts: DiffPart[]; approximate: boolean } {
  if (older === newer) return { parts: older ? [{ kind: 'same', text: older }] : [], approximate: false };
  const changes = diffChars(older, newer, { timeout: 1500 });
  if (!changes) {
    return { parts: [{ kind: 'removed', text: older }, { kind: 'added', text: newer }], approximate: true };
  }
  return {
    parts: changes.map((change) => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value })),
    approximate: false,
  };
}

/** What a diff reads of a revision. */
export type ComparedRevision = Pick<Revision, 'number' | 'title' | 'bodyText' | 'sourceType' | 'sourceName' | 'sourceUrl'>;

function sourceParts(revision: ComparedRevision): Array<string | null> {
  return [revision.sourceType === 'repost' ? '转载' : '原创', revision.sourceName || null, revision.sourceUrl || null];
}

/**
 * The source line (kind · name · address), each part compared whole: a character diff of two
 * addresses or two outlets' names interleaves their letters into something that reads as neither.
 */
function diffSource(older: ComparedRevision, newer: ComparedRevision): DiffPart[] {
  const before = sourceParts(older);
  const after = sourceParts(newer);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  before.forEach((was, i) => {
    const now = after[i] ?? null;
    if (!was && !now) return;
    if (parts.length) push('same', ' · ');
    if (was === now) push('same', was!);
    else {
      if (was) push('removed', was);
      if (now) push('added', now);
    }
  });
  return parts;
}

/** What changed between two revisions of a draft, in their plain texts (what the findings and reviewers read). */
export function diffRevisions(older: ComparedRevision, newer: ComparedRevision): RevisionDiff {
  const title = diffTexts(older.title, newer.title);
  const body = diffTexts(older.bodyText, newer.bodyText);
  const source = diffSource(older, newer);
  return {
    from: older.number,
    to: newer.number,
    title: title.parts,
    body: body.parts,
    source,
    approximate: title.approximate || body.approximate,
  };
}
