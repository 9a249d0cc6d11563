/** The shapes the API answers with (see docs/openapi.yaml). */

export type Role = 'editor' | 'reviewer' | 'sysadmin' | 'secadmin' | 'auditor';
export type DraftStatus = 'screening' | 'returned' | 'in_review' | 'approved' | 'rejected' | 'published';
export type Verdict = 'pass' | 'review' | 'block';
export type Severity = 'block' | 'review' | 'notice';
export type Field = 'title' | 'body' | 'sourceName' | 'sourceUrl';

export interface User {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  level: number | null;
  unitId: number;
  mustChangePassword: boolean;
}

export interface SessionAnswer {
  user: User;
  csrfToken: string;
  pendingStep?: 'change_password' | 'enrol_totp' | null;
}

export interface Finding {
  checker: string;
  severity: Severity;
  field: Field;
  start: number;
  end: number;
  text: string;
  term?: string | null;
  category?: string | null;
  ruleId?: string | null;
  suggestion?: string | null;
  reason?: string | null;
}

export interface PersonRef {
  id: number;
  username: string | null;
  displayName: string | null;
}

export interface Review {
  id: number;
  revision: number;
  level: number;
  reviewer: PersonRef;
  decision: 'approve' | 'return' | 'reject';
  checks: Record<string, boolean>;
  comment: string;
  createdAt: string;
}

export interface DraftSummary {
  id: number;
  title: string;
  status: DraftStatus;
  level: number | null;
  revision: number;
  verdict: Verdict | null;
  returnedBy: 'machine' | 'reviewer' | null;
  author?: PersonRef;
  authorId: number;
  statusChangedAt: string;
  updatedAt: string;
}

export type Texts = Record<Field, string>;

export interface Draft extends DraftSummary {
  reviewLevels: number;
  body: string;
  text: Texts;
  sourceType: 'original' | 'repost';
  sourceName: string | null;
  sourceUrl: string | null;
  accountIds: number[];
  contentHash: string;
  screening: { verdict: Verdict; screenedAt: string } | null;
  findings: Finding[];
  reviews: Review[];
  revisions: Array<{ number: number; title: string; createdAt: string }>;
}

export interface ScreeningAnswer {
  verdict: Verdict;
  findings: Finding[];
  text: Texts;
}

export interface Claim {
  draftId: number;
  userId: number;
  username: string;
  displayName: string | null;
  level: number;
  revision: number;
  claimedAt: string;
  expiresAt: string;
}

export interface DraftChange {
  id: number;
  title: string;
  status: DraftStatus;
  level: number | null;
  revision: number;
  verdict: Verdict | null;
  previousStatus: DraftStatus | null;
  previousLevel: number | null;
  at: string;
}

export interface ClaimChange {
  draftId: number;
  level: number;
  revision: number;
  holder: { id: number; username: string; displayName: string | null } | null;
  expiresAt: string | null;
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}
