import { Migration } from './types';
import { initialSchema } from './0001-initial-schema';
import { rescreenBatches } from './0002-rescreen-batches';
import { screeningRules } from './0003-screening-rules';
import { securitySchema } from './0004-security';
import { registrySchema } from './0005-registry';
import { dashboardSchema } from './0006-dashboard';
import { reliabilitySchema } from './0007-reliability';
import { scaleIndexes } from './0008-scale-indexes';
import { wordListIndexes } from './0010-word-list-indexes';
import { rescreenFailures } from './0011-rescreen-failures';
import { draftEventTypes } from './0012-draft-event-types';
import { adEarningContext } from './0013-ad-earning-context';
import { shippedState } from './0014-shipped-state';
import { signalRules } from './0015-signal-rules';
import { deletedDefaults } from './0016-deleted-defaults';
import { revisionAuthorIndex } from './0017-revision-author-index';
import { recountReturns } from './0018-recount-returns';
import { longerRulePatterns } from './0019-longer-rule-patterns';
import { termCategoryCodes } from './0020-term-category-codes';

/** Every migration, in order. New migrations are appended here explicitly. */
export const migrations: Migration[] = [initialSchema, rescreenBatches, screeningRules, securitySchema, registrySchema, dashboardSchema, reliabilitySchema, scaleIndexes, wordListIndexes, rescreenFailures, draftEventTypes, adEarningContext, shippedState, signalRules, deletedDefaults, revisionAuthorIndex, recountReturns, longerRulePatterns, termCategoryCodes];
