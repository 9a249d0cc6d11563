import { Migration, runStatements, TABLE_OPTIONS } from './types';

/**
 * The account registry (备案) and what is measured against it:
 * - accounts gain every field of the county's registration form and two statuses before 正常:
 *   `pending` (an opening application awaiting the supervising office) and `refused`;
 * - the management team, the menu structure (three levels) and the QR code of an account;
 * - lifecycle records (opening, approval, suspension, …) and change records (name, id, team,
 *   maintenance), the latter with the date the change took effect, for the 7-working-day rule;
 * - the county's working-day exceptions (holidays on weekdays, weekend make-up days);
 * - publication records (which approved revision went out on which account, when, where);
 * - monthly interaction figures entered by hand, and the last freshness level pushed per account.
 */
export const registrySchema: Migration = {
  name: '0005-registry',
  async up({ context }) {
    await runStatements(context, [
      `ALTER TABLE accounts MODIFY COLUMN status
        ENUM('pending','normal','suspended','deregistered','shutdown','refused') NOT NULL DEFAULT 'normal'`,
      `ALTER TABLE accounts
        ADD COLUMN IF NOT EXISTS platform_other VARCHAR(50) NULL AFTER platform_account_id,
        ADD COLUMN IF NOT EXISTS opened_on DATE NULL,
        ADD COLUMN IF NOT EXISTS certified TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS certified_subject VARCHAR(200) NULL,
        ADD COLUMN IF NOT EXISTS news_licence TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS news_licence_no VARCHAR(64) NULL,
        ADD COLUMN IF NOT EXISTS supervisor_unit VARCHAR(200) NULL,
        ADD COLUMN IF NOT EXISTS owner_unit VARCHAR(200) NULL,
        ADD COLUMN IF NOT EXISTS owner_leader VARCHAR(50) NULL,
        ADD COLUMN IF NOT EXISTS owner_leader_title VARCHAR(50) NULL,
        ADD COLUMN IF NOT EXISTS owner_contact VARCHAR(100) NULL,
        ADD COLUMN IF NOT EXISTS operator_unit VARCHAR(200) NULL,
        ADD COLUMN IF NOT EXISTS operator_leader VARCHAR(50) NULL,
        ADD COLUMN IF NOT EXISTS operator_leader_title VARCHAR(50) NULL,
        ADD COLUMN IF NOT EXISTS operator_contact VARCHAR(100) NULL,
        ADD COLUMN IF NOT EXISTS access_url VARCHAR(500) NULL,
        ADD COLUMN IF NOT EXISTS description TEXT NULL,
        ADD COLUMN IF NOT EXISTS opening_reason TEXT NULL,
        ADD COLUMN IF NOT EXISTS owner_opinion TEXT NULL,
        ADD COLUMN IF NOT EXISTS supervisor_opinion TEXT NULL,
        ADD COLUMN IF NOT EXISTS operation_started_on DATE NULL,
        ADD COLUMN IF NOT EXISTS followers BIGINT UNSIGNED NULL,
        ADD COLUMN IF NOT EXISTS read_count BIGINT UNSIGNED NULL,
        ADD COLUMN IF NOT EXISTS posting_frequency VARCHAR(50) NULL,
        ADD COLUMN IF NOT EXISTS operation_mode ENUM('self','purchased') NULL,
        ADD COLUMN IF NOT EXISTS yearly_budget DECIMAL(12,2) NULL,
        ADD COLUMN IF NOT EXISTS staff_count SMALLINT UNSIGNED NULL,
        ADD COLUMN IF NOT EXISTS basic_functions VARCHAR(500) NULL,
        ADD COLUMN IF NOT EXISTS remedial_measure ENUM('keep','change','shutdown','deregister') NULL,
        ADD COLUMN IF NOT EXISTS registered_at DATETIME(3) NULL,
        ADD COLUMN IF NOT EXISTS merged_into_account_id INT UNSIGNED NULL`,
      'CREATE INDEX IF NOT EXISTS accounts_platform_id ON accounts (platform, platform_account_id)',

      `CREATE TABLE IF NOT EXISTS account_qr_codes (
        account_id INT UNSIGNED NOT NULL PRIMARY KEY,
        content_type VARCHAR(32) NOT NULL,
        image MEDIUMBLOB NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        CONSTRAINT account_qr_codes_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS account_team_members (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        account_id INT UNSIGNED NOT NULL,
        position SMALLINT UNSIGNED NOT NULL,
        name VARCHAR(50) NOT NULL,
        unit VARCHAR(200) NULL,
        post VARCHAR(100) NULL,
        office_phone VARCHAR(50) NULL,
        mobile VARCHAR(20) NULL,
        qq VARCHAR(20) NULL,
        wechat VARCHAR(50) NULL,
        KEY account_team_members_account (account_id, position),
        CONSTRAINT account_team_members_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS account_menu_items (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        account_id INT UNSIGNED NOT NULL,
        parent_id INT UNSIGNED NULL,
        level TINYINT UNSIGNED NOT NULL,
        position SMALLINT UNSIGNED NOT NULL,
        name VARCHAR(60) NOT NULL,
        note VARCHAR(500) NULL,
        KEY account_menu_items_account (account_id, position),
        CONSTRAINT account_menu_items_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS account_lifecycle (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        account_id INT UNSIGNED NOT NULL,
        kind ENUM('opening','approval','refusal','registration','suspension','resumption','deregistration','shutdown') NOT NULL,
        from_status VARCHAR(16) NULL,
        to_status VARCHAR(16) NOT NULL,
        reason TEXT NULL,
        opinion TEXT NULL,
        publication_id BIGINT UNSIGNED NULL,
        merged_into_account_id INT UNSIGNED NULL,
        actor_id INT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL,
        KEY account_lifecycle_account (account_id, id),
        CONSTRAINT account_lifecycle_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS account_changes (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        account_id INT UNSIGNED NOT NULL,
        kinds VARCHAR(100) NOT NULL,
        state ENUM('pending','filed') NOT NULL,
        changed_on DATE NOT NULL,
        reason TEXT NULL,
        owner_opinion TEXT NULL,
        before_values TEXT NULL,
        after_values TEXT NULL,
        reported_by INT UNSIGNED NULL,
        reported_at DATETIME(3) NOT NULL,
        filed_by INT UNSIGNED NULL,
        filed_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY account_changes_account (account_id, id),
        KEY account_changes_state (state, changed_on),
        CONSTRAINT account_changes_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS working_calendar (
        day DATE NOT NULL PRIMARY KEY,
        working TINYINT(1) NOT NULL,
        note VARCHAR(100) NULL,
        updated_at DATETIME(3) NOT NULL
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS publications (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        draft_id BIGINT UNSIGNED NOT NULL,
        revision_id BIGINT UNSIGNED NOT NULL,
        revision INT UNSIGNED NOT NULL,
        account_id INT UNSIGNED NOT NULL,
        unit_id INT UNSIGNED NOT NULL,
        kind ENUM('post','closing_notice') NOT NULL DEFAULT 'post',
        published_at DATETIME(3) NOT NULL,
        url VARCHAR(2000) NOT NULL,
        text_checked TINYINT(1) NOT NULL DEFAULT 0,
        recorded_by INT UNSIGNED NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY publications_once (draft_id, account_id),
        KEY publications_account (account_id, published_at),
        KEY publications_unit (unit_id, published_at),
        KEY publications_time (published_at),
        CONSTRAINT publications_draft_fk FOREIGN KEY (draft_id) REFERENCES drafts (id),
        CONSTRAINT publications_revision_fk FOREIGN KEY (revision_id) REFERENCES revisions (id),
        CONSTRAINT publications_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS account_interactions (
        account_id INT UNSIGNED NOT NULL,
        period CHAR(7) NOT NULL,
        received INT UNSIGNED NOT NULL,
        answered INT UNSIGNED NOT NULL,
        answered_late INT UNSIGNED NOT NULL DEFAULT 0,
        note VARCHAR(500) NULL,
        updated_by INT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (account_id, period),
        CONSTRAINT account_interactions_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
      ) ${TABLE_OPTIONS}`,

      // The freshness level last announced per account: a conditional update on it lets exactly one
      // monitoring process announce each crossing, however many run.
      `CREATE TABLE IF NOT EXISTS account_freshness (
        account_id INT UNSIGNED NOT NULL PRIMARY KEY,
        level ENUM('ok','warning','alert','overdue') NOT NULL,
        days INT NOT NULL,
        checked_at DATETIME(3) NOT NULL
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ context }) {
    await runStatements(context, [
      'DROP TABLE IF EXISTS account_freshness',
      'DROP TABLE IF EXISTS account_interactions',
      'DROP TABLE IF EXISTS publications',
      'DROP TABLE IF EXISTS working_calendar',
      'DROP TABLE IF EXISTS account_changes',
      'DROP TABLE IF EXISTS account_lifecycle',
      'DROP TABLE IF EXISTS account_menu_items',
      'DROP TABLE IF EXISTS account_team_members',
      'DROP TABLE IF EXISTS account_qr_codes',
      'DROP INDEX IF EXISTS accounts_platform_id ON accounts',
      `ALTER TABLE accounts
        DROP COLUMN IF EXISTS platform_other, DROP COLUMN IF EXISTS opened_on, DROP COLUMN IF EXISTS certified,
        DROP COLUMN IF EXISTS certified_subject, DROP COLUMN IF EXISTS news_licence, DROP COLUMN IF EXISTS news_licence_no,
        DROP COLUMN IF EXISTS supervisor_unit, DROP COLUMN IF EXISTS owner_unit, DROP COLUMN IF EXISTS owner_leader,
        DROP COLUMN IF EXISTS owner_leader_title, DROP COLUMN IF EXISTS owner_contact, DROP COLUMN IF EXISTS operator_unit,
        DROP COLUMN IF EXISTS operator_leader, DROP COLUMN IF EXISTS operator_leader_title, DROP COLUMN IF EXISTS operator_contact,
        DROP COLUMN IF EXISTS access_url, DROP COLUMN IF EXISTS description, DROP COLUMN IF EXISTS opening_reason,
        DROP COLUMN IF EXISTS owner_opinion, DROP COLUMN IF EXISTS supervisor_opinion, DROP COLUMN IF EXISTS operation_started_on,
        DROP COLUMN IF EXISTS followers, DROP COLUMN IF EXISTS read_count, DROP COLUMN IF EXISTS posting_frequency,
        DROP COLUMN IF EXISTS operation_mode, DROP COLUMN IF EXISTS yearly_budget, DROP COLUMN IF EXISTS staff_count,
        DROP COLUMN IF EXISTS basic_functions, DROP COLUMN IF EXISTS remedial_measure, DROP COLUMN IF EXISTS registered_at,
        DROP COLUMN IF EXISTS merged_into_account_id`,
      `UPDATE accounts SET status = 'suspended' WHERE status IN ('pending','refused')`,
      `ALTER TABLE accounts MODIFY COLUMN status ENUM('normal','suspended','deregistered','shutdown') NOT NULL DEFAULT 'normal'`,
    ]);
  },
};
