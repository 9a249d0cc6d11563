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
import { SourceRule } from './SourceRule';
import { WordingRule } from './WordingRule';

export { Account, AllowWord, AuditRecord, Draft, DraftAccount, DraftEvent, FindingRecord, IdempotencyKey };
export { OutboxEntry, RescreenBatch, Review, Revision, RuleVersion, Screening, Term, Unit, User };
export { AdRule, Formulation, LinkRule, PrivacyPolicy, SecrecyRule, SourceRule, WordingRule };

let boundTo: unknown;

/** Binds every model to the process's Sequelize instance (again, if that instance was replaced). */
export function initModels(): void {
  const db = sequelize();
  if (boundTo === db) return;
  boundTo = db;
  for (const model of [Unit, User, Account, Draft, DraftAccount, Revision, Screening, FindingRecord, Review]) {
    model.initModel(db);
  }
  for (const model of [RescreenBatch, DraftEvent, OutboxEntry, IdempotencyKey, AuditRecord, Term, AllowWord, RuleVersion, SourceRule, LinkRule, AdRule, SecrecyRule, PrivacyPolicy, WordingRule, Formulation]) {
    model.initModel(db);
  }
}
