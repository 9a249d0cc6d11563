import { asDateString } from '../lib/countyDate';
import { Account, AccountLifecycleRecord, Unit } from '../models';
import { accountStatusLabel, OPERATION_MODE_LABELS, OperationMode, platformLabel, REMEDIAL_MEASURE_LABELS, RemedialMeasure } from '../models/Account';
import { LIFECYCLE_LABELS } from '../models/AccountLifecycleRecord';
import type { MenuNode, TeamMember } from '../registry/accountParts';

const numberOrNull = (value: string | number | null | undefined) => (value === null || value === undefined ? null : Number(value));

/** An account in lists: who owns it, where it is, its status. */
export function presentAccountSummary(account: Account, unit?: Unit | null) {
  return {
    id: account.id,
    unitId: account.unitId,
    unitName: unit?.name ?? null,
    name: account.name,
    platform: account.platform,
    platformLabel: platformLabel(account),
    platformAccountId: account.platformAccountId ?? null,
    status: account.status,
    statusLabel: accountStatusLabel(account.status),
    ownerUnit: account.ownerUnit ?? null,
    operatorUnit: account.operatorUnit ?? null,
    followers: numberOrNull(account.followers),
    registeredAt: account.registeredAt ?? null,
    updatedAt: account.updatedAt,
  };
}

/** The fields of the registration form as the API reads and writes them. */
export function presentAccountFields(account: Account) {
  return {
    platformOther: account.platformOther ?? null,
    openedOn: asDateString(account.openedOn),
    certified: Boolean(account.certified),
    certifiedSubject: account.certifiedSubject ?? null,
    newsLicence: Boolean(account.newsLicence),
    newsLicenceNo: account.newsLicenceNo ?? null,
    supervisorUnit: account.supervisorUnit ?? null,
    ownerUnit: account.ownerUnit ?? null,
    ownerLeader: account.ownerLeader ?? null,
    ownerLeaderTitle: account.ownerLeaderTitle ?? null,
    ownerContact: account.ownerContact ?? null,
    operatorUnit: account.operatorUnit ?? null,
    operatorLeader: account.operatorLeader ?? null,
    operatorLeaderTitle: account.operatorLeaderTitle ?? null,
    operatorContact: account.operatorContact ?? null,
    accessUrl: account.accessUrl ?? null,
    description: account.description ?? null,
    openingReason: account.openingReason ?? null,
    ownerOpinion: account.ownerOpinion ?? null,
    supervisorOpinion: account.supervisorOpinion ?? null,
    operationStartedOn: asDateString(account.operationStartedOn),
    followers: numberOrNull(account.followers),
    readCount: numberOrNull(account.readCount),
    postingFrequency: account.postingFrequency ?? null,
    operationMode: account.operationMode ?? null,
    operationModeLabel: account.operationMode ? OPERATION_MODE_LABELS[account.operationMode as OperationMode] : null,
    yearlyBudget: numberOrNull(account.yearlyBudget),
    staffCount: numberOrNull(account.staffCount),
    basicFunctions: account.basicFunctions ?? null,
    remedialMeasure: account.remedialMeasure ?? null,
    remedialMeasureLabel: account.remedialMeasure ? REMEDIAL_MEASURE_LABELS[account.remedialMeasure as RemedialMeasure] : null,
    mergedIntoAccountId: account.mergedIntoAccountId ?? null,
  };
}

export function presentLifecycleRecord(record: AccountLifecycleRecord) {
  return {
    id: record.id,
    kind: record.kind,
    kindLabel: LIFECYCLE_LABELS[record.kind],
    fromStatus: record.fromStatus,
    toStatus: record.toStatus,
    reason: record.reason,
    opinion: record.opinion,
    publicationId: record.publicationId,
    mergedIntoAccountId: record.mergedIntoAccountId,
    actorId: record.actorId,
    createdAt: record.createdAt,
  };
}

export interface AccountDetailParts {
  account: Account;
  unit: Unit | null;
  team: TeamMember[];
  menus: MenuNode[];
  hasQrCode: boolean;
  lifecycle: AccountLifecycleRecord[];
  changes: unknown[];
  lastPublishedAt: Date | null;
  closingNoticePublishedAt: Date | null;
}

/** The whole registration record: form fields, team, menu, lifecycle and change records. */
export function presentAccount(parts: AccountDetailParts) {
  return {
    ...presentAccountSummary(parts.account, parts.unit),
    ...presentAccountFields(parts.account),
    createdAt: parts.account.createdAt,
    team: parts.team,
    menus: parts.menus,
    hasQrCode: parts.hasQrCode,
    lifecycle: parts.lifecycle.map(presentLifecycleRecord),
    changes: parts.changes,
    lastPublishedAt: parts.lastPublishedAt,
    closingNoticePublishedAt: parts.closingNoticePublishedAt,
  };
}
