import { Migration, runStatements } from './types';

/**
 * Events of one type over a period (the dashboard's drafts the machine could not pre-screen, see
 * server/queries/machineFailures.ts): with only (created_at, type), a month of 600,000 events took
 * 130 to 170 ms to count a type that hardly ever occurs; with (type, created_at) it reads one row.
 */
export const draftEventTypes: Migration = {
  name: '0012-draft-event-types',
  async up({ context }) {
    await runStatements(context, ['CREATE INDEX IF NOT EXISTS draft_events_type ON draft_events (type, created_at)']);
  },
  async down({ context }) {
    await runStatements(context, ['DROP INDEX IF EXISTS draft_events_type ON draft_events']);
  },
};
