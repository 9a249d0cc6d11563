import { extractHtmlText } from '../../workers/lib/htmlText';
import { Draft, FindingRecord, Review, Revision, Screening, User } from '../models';
import { authorCanRevise } from '../policies/draftPolicy';
import { presentAddresses } from './presentAddresses';
import { presentFinding } from './presentFinding';
import { presentReview } from './presentReview';
import { presentTextUrls } from './presentTextUrls';

/** A draft in lists: its state, no content. */
export function presentDraftSummary(draft: Draft, author?: User | null) {
  return {
    id: draft.id,
    unitId: draft.unitId,
    authorId: draft.authorId,
    author: author ? { id: author.id, username: author.username, displayName: author.displayName } : undefined,
    title: draft.title,
    status: draft.status,
    level: draft.level,
    revision: draft.revision,
    verdict: draft.verdict,
    returnedBy: draft.returnedBy,
    statusChangedAt: draft.statusChangedAt,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  };
}

export interface DraftDetailParts {
  draft: Draft;
  revision: Revision;
  author: User | null;
  accountIds: number[];
  reviewLevels: number;
  screening: Screening | null;
  findings: FindingRecord[];
  reviews: Array<{ review: Review; reviewer: User | null }>;
  revisions: Revision[];
}

/** A draft with its current revision, the findings of its latest screening, and every review. */
export function presentDraft(parts: DraftDetailParts) {
  const { draft, revision } = parts;
  const { links } = extractHtmlText(revision.body);
  const textUrls = presentTextUrls(revision, links);
  return {
    ...presentDraftSummary(draft, parts.author),
    reviewLevels: parts.reviewLevels,
    /** False when the author was moved, disabled or made a reviewer: any editor of the unit may revise a returned draft. */
    authorCanRevise: authorCanRevise(parts.author, draft),
    body: revision.body,
    /** The plain texts that findings' offsets point into. */
    text: { title: revision.title, body: revision.bodyText, sourceName: revision.sourceName ?? '', sourceUrl: revision.sourceUrl ?? '' },
    /** Addresses written as plain text in the title, the body and the source's name. */
    textUrls,
    /** Every address of the draft once, for the reviewer to open and check. */
    addresses: presentAddresses(revision, links, textUrls),
    sourceType: revision.sourceType,
    sourceName: revision.sourceName,
    sourceUrl: revision.sourceUrl,
    accountIds: parts.accountIds,
    contentHash: revision.contentHash,
    screening: parts.screening
      ? {
          id: parts.screening.id,
          trigger: parts.screening.trigger,
          verdict: parts.screening.verdict,
          listVersions: JSON.parse(parts.screening.listVersions) as Record<string, number>,
          screenedAt: parts.screening.createdAt,
          durationMs: Number(parts.screening.durationMs),
          /** Findings found; more than `findings` holds when the screening stored only the most severe. */
          findingCount: parts.screening.findingCount,
        }
      : null,
    findings: parts.findings.map(presentFinding),
    reviews: parts.reviews.map(({ review, reviewer }) => presentReview(review, reviewer)),
    revisions: parts.revisions.map((r) => ({ number: r.number, title: r.title, contentHash: r.contentHash, createdAt: r.createdAt })),
  };
}
