import { Migration } from './types';
import { initialSchema } from './0001-initial-schema';
import { rescreenBatches } from './0002-rescreen-batches';
import { screeningRules } from './0003-screening-rules';

/** Every migration, in order. New migrations are appended here explicitly. */
export const migrations: Migration[] = [initialSchema, rescreenBatches, screeningRules];
