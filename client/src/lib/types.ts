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
  /** Whether an authenticator is bound: sign-in asks for its code. */
  totpEnabled?: boolean;
  /** When the password reaches its maximum age (the session's answer carries it). */
  passwordExpiresAt?: string;
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

export interface TextUrl {
  field: 'title' | 'body' | 'sourceName';
  url: string;
  start: number;
  end: number;
  linked: boolean;
}

/** An address of the draft as 「来源与链接」 lists it: once, as the most telling of the ways it stands there. */
export interface DraftAddress {
  kind: 'source' | 'link' | 'image' | 'text';
  url: string;
  /** The source's name, a link's visible text or an image's alternative text. */
  text: string;
  /** Where an address written as text stands. */
  field: TextUrl['field'] | null;
}

export interface Draft extends DraftSummary {
  reviewLevels: number;
  /** False when the author was moved, disabled or made a reviewer: any editor of the unit may revise. */
  authorCanRevise: boolean;
  body: string;
  text: Texts;
  /** Addresses written in the plain text of the title, body and source name; `linked` when a link of the body (<a href>) points to the same one. */
  textUrls: TextUrl[];
  /** Every address of the draft once: the repost's source, links, images and addresses written as text. */
  addresses: DraftAddress[];
  sourceType: 'original' | 'repost';
  sourceName: string | null;
  sourceUrl: string | null;
  accountIds: number[];
  contentHash: string;
  screening: { verdict: Verdict; screenedAt: string; findingCount: number } | null;
  findings: Finding[];
  reviews: Review[];
  revisions: Array<{ number: number; title: string; createdAt: string }>;
}

/** What a re-screening that changed the draft's verdict or findings says in its history. */
export interface DraftRescreen {
  batchId: number;
  previousVerdict: Verdict | null;
  previousFindings: number;
  findings: number;
  added: number;
  removed: number;
}

/** One entry of a draft's history (GET /api/drafts/{id}/events). */
export interface DraftEvent {
  id: number;
  revision: number;
  type: string;
  actor: { username: string | null; displayName: string | null } | null;
  fromStatus: DraftStatus | null;
  toStatus: DraftStatus;
  toLevel: number | null;
  verdict: Verdict | null;
  rescreen: DraftRescreen | null;
  /** The editor's note on a revision, when they wrote one. */
  note?: string | null;
  createdAt: string;
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

export interface Unit {
  id: number;
  code: string;
  name: string;
  reviewLevels: number;
  blockPolicy: 'return' | 'review';
  createdAt: string;
  updatedAt: string;
}

export interface UserRecord extends User {
  status: 'active' | 'disabled';
  passwordExpiresAt: string;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string | null;
  /** The last change to the account: an edit sends it back as expectedUpdatedAt. */
  updatedAt: string | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AccountSummary {
  id: number;
  unitId: number;
  unitName: string | null;
  name: string;
  platform: string;
  platformLabel: string;
  platformAccountId: string | null;
  status: string;
  statusLabel: string;
  ownerUnit: string | null;
  operatorUnit: string | null;
  followers: number | null;
  registeredAt: string | null;
  updatedAt: string;
}

export interface TeamMember {
  name: string;
  unit?: string | null;
  post?: string | null;
  officePhone?: string | null;
  mobile?: string | null;
  qq?: string | null;
  wechat?: string | null;
}

export interface MenuItem {
  name: string;
  note?: string | null;
  children?: MenuItem[];
}

export interface AccountChange {
  id: number;
  accountId: number;
  accountName?: string;
  unitId?: number;
  kinds: string[];
  kindLabels: string[];
  state: 'pending' | 'filed';
  changedOn: string;
  dueOn: string;
  late: boolean;
  workingDaysLate: number;
  reason: string | null;
  ownerOpinion: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reportedAt: string;
  filedAt: string | null;
}

export interface Account extends AccountSummary {
  [field: string]: unknown;
  team: TeamMember[];
  menus: MenuItem[];
  hasQrCode: boolean;
  lifecycle: Array<{ id: number; kind: string; kindLabel: string; fromStatus: string | null; toStatus: string; reason: string | null; opinion: string | null; createdAt: string }>;
  changes: AccountChange[];
  lastPublishedAt: string | null;
  closingNoticePublishedAt: string | null;
}

export interface TextDifference {
  kind: 'missing' | 'extra' | 'changed';
  approved: string;
  platform: string;
  at: number;
  context: string;
}

export interface TextComparison {
  identical: boolean;
  tooDifferent: boolean;
  differences: TextDifference[];
}

export interface Publication {
  id: number;
  draftId: number;
  revision: number;
  title?: string;
  accountId: number;
  accountName?: string;
  kind: 'post' | 'closing_notice';
  kindLabel: string;
  publishedAt: string;
  url: string;
  textChecked: boolean;
  createdAt: string;
}
