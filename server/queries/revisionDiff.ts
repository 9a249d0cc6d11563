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

function sourceLine(revision: Revision): string {
  const kind = revision.sourceType === 'repost' ? '转载' : '原创';
  return [kind, revision.sourceName, revision.sourceUrl].filter(Boolean).join(' · ');
}

/** What changed between two revisions of a draft, in their plain texts (what the findings and reviewers read). */
export function diffRevisions(older: Revision, newer: Revision): RevisionDiff {
  const title = diffTexts(older.title, newer.title);
  const body = diffTexts(older.bodyText, newer.bodyText);
  const source = diffTexts(sourceLine(older), sourceLine(newer));
  return {
    from: older.number,
    to: newer.number,
    title: title.parts,
    body: body.parts,
    source: source.parts,
    approximate: title.approximate || body.approximate || source.approximate,
  };
}
