import { sequelize } from '../storage/database';
import { Account } from './Account';
import { AllowWord } from './AllowWord';
import { AuditRecord } from './AuditRecord';
import { Draft } from './Draft';
import { DraftAccount } from './DraftAccount';
import { DraftEvent } from './DraftEvent';
import { FindingRecord } from './FindingRecord';
import { IdempotencyKey } from './IdempotencyKey';
import { OutboxEntry } from './OutboxEntry';
import { PasswordHistory } from './PasswordHistory';
import { RescreenBatch } from './RescreenBatch';
import { Review } from './Review';
import { Revision } from './Revision';
import { RuleVersion } from './RuleVersion';
import { Screening } from './Screening';
import { Term } from './Term';
import { Unit } from './Unit';
import { User } from './User';
import { AdRule } from './AdRule';
import { Formulation } from './Formulation';
import { LinkRule } from './LinkRule';
import { PrivacyPolicy } from './PrivacyPolicy';
import { SecrecyRule } from './SecrecyRule';
import { SignalRule } from './SignalRule';
import { SourceRule } from './SourceRule';
import { WordingRule } from './WordingRule';
import { AccountChange } from './AccountChange';
import { AccountFreshness } from './AccountFreshness';
import { AccountInteraction } from './AccountInteraction';
import { AccountLifecycleRecord } from './AccountLifecycleRecord';
import { AccountMenuItem } from './AccountMenuItem';
import { AccountQrCode } from './AccountQrCode';
import { AccountTeamMember } from './AccountTeamMember';
import { Publication } from './Publication';
import { WorkingCalendarDay } from './WorkingCalendarDay';

export { Account, AllowWord, AuditRecord, Draft, DraftAccount, DraftEvent, FindingRecord, IdempotencyKey };
export { OutboxEntry, PasswordHistory, RescreenBatch, Review, Revision, RuleVersion, Screening, Term, Unit, User };
export { AdRule, Formulation, LinkRule, PrivacyPolicy, SecrecyRule, SignalRule, SourceRule, WordingRule };
export { AccountChange, AccountFreshness, AccountInteraction, AccountLifecycleRecord, AccountMenuItem, AccountQrCode, AccountTeamMember, Publication, WorkingCalendarDay };

let boundTo: unknown;

/** Binds every model to the process's Sequelize instance (again, if that instance was replaced). */
export function initModels(): void {
  const db = sequelize();
  if (boundTo === db) return;
  boundTo = db;
  for (const model of [Unit, User, Account, Draft, DraftAccount, Revision, Screening, FindingRecord, Review]) {
    model.initModel(db);
  }
  for (const model of [RescreenBatch, DraftEvent, OutboxEntry, IdempotencyKey, AuditRecord, PasswordHistory, Term, AllowWord, RuleVersion, SourceRule, LinkRule, AdRule, SignalRule, SecrecyRule, PrivacyPolicy, WordingRule, Formulation]) {
    model.initModel(db);
  }
  for (const model of [AccountTeamMember, AccountMenuItem, AccountQrCode, AccountLifecycleRecord, AccountChange, AccountInteraction, AccountFreshness, Publication, WorkingCalendarDay]) {
    model.initModel(db);
  }
}
