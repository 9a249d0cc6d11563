import { Migration, runStatements, TABLE_OPTIONS } from './types';

/**
 * The review pipeline's core tables. Statements use IF NOT EXISTS so that a migration
 * interrupted half-way can simply run again.
 */
export const initialSchema: Migration = {
  name: '0001-initial-schema',
  async up({ context }) {
    await runStatements(context, [
      `CREATE TABLE IF NOT EXISTS units (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        code VARCHAR(64) NOT NULL,
        name VARCHAR(100) NOT NULL,
        review_levels TINYINT UNSIGNED NOT NULL DEFAULT 3,
        block_policy ENUM('return','review') NOT NULL DEFAULT 'return',
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY units_code (code)
      ) ${TABLE_OPTIONS}`,

      // Installation-wide values that every process must share (the session secret, the audit anchor).
      `CREATE TABLE IF NOT EXISTS app_settings (
        name VARCHAR(64) NOT NULL PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at DATETIME(3) NOT NULL
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS users (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        username VARCHAR(64) NOT NULL,
        display_name VARCHAR(100) NULL,
        password_hash VARCHAR(255) NOT NULL,
        role ENUM('editor','reviewer','sysadmin','secadmin','auditor') NOT NULL,
        level TINYINT UNSIGNED NULL,
        unit_id INT UNSIGNED NOT NULL,
        status ENUM('active','disabled') NOT NULL DEFAULT 'active',
        must_change_password TINYINT(1) NOT NULL DEFAULT 0,
        password_changed_at DATETIME(3) NOT NULL,
        totp_secret VARCHAR(128) NULL,
        last_login_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY users_username (username),
        KEY users_unit_role (unit_id, role, level),
        CONSTRAINT users_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS accounts (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        unit_id INT UNSIGNED NOT NULL,
        name VARCHAR(100) NOT NULL,
        platform VARCHAR(32) NOT NULL,
        platform_account_id VARCHAR(100) NULL,
        status ENUM('normal','suspended','deregistered','shutdown') NOT NULL DEFAULT 'normal',
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY accounts_unit (unit_id, status),
        CONSTRAINT accounts_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS drafts (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        unit_id INT UNSIGNED NOT NULL,
        author_id INT UNSIGNED NOT NULL,
        title VARCHAR(500) NOT NULL,
        status ENUM('screening','returned','in_review','approved','rejected','published') NOT NULL,
        level TINYINT UNSIGNED NULL,
        revision INT UNSIGNED NOT NULL,
        current_revision_id BIGINT UNSIGNED NULL,
        verdict ENUM('pass','review','block') NULL,
        returned_by ENUM('machine','reviewer') NULL,
        status_changed_at DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY drafts_queue (unit_id, status, level, status_changed_at),
        KEY drafts_author (author_id, updated_at),
        KEY drafts_status (status, status_changed_at),
        CONSTRAINT drafts_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
        CONSTRAINT drafts_author_fk FOREIGN KEY (author_id) REFERENCES users (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS draft_accounts (
        draft_id BIGINT UNSIGNED NOT NULL,
        account_id INT UNSIGNED NOT NULL,
        PRIMARY KEY (draft_id, account_id),
        KEY draft_accounts_account (account_id),
        CONSTRAINT draft_accounts_draft_fk FOREIGN KEY (draft_id) REFERENCES drafts (id),
        CONSTRAINT draft_accounts_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS revisions (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        draft_id BIGINT UNSIGNED NOT NULL,
        number INT UNSIGNED NOT NULL,
        title VARCHAR(500) NOT NULL,
        body MEDIUMTEXT NOT NULL,
        body_text MEDIUMTEXT NOT NULL,
        source_type ENUM('original','repost') NOT NULL,
        source_name VARCHAR(200) NULL,
        source_url VARCHAR(2000) NULL,
        content_hash CHAR(64) NOT NULL,
        author_id INT UNSIGNED NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY revisions_draft_number (draft_id, number),
        CONSTRAINT revisions_draft_fk FOREIGN KEY (draft_id) REFERENCES drafts (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS screenings (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        draft_id BIGINT UNSIGNED NOT NULL,
        revision_id BIGINT UNSIGNED NOT NULL,
        revision INT UNSIGNED NOT NULL,
        \`trigger\` VARCHAR(64) NOT NULL,
        verdict ENUM('pass','review','block') NOT NULL,
        list_versions VARCHAR(500) NOT NULL,
        finding_count INT UNSIGNED NOT NULL,
        duration_ms DECIMAL(10,3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY screenings_once (revision_id, \`trigger\`),
        KEY screenings_draft (draft_id),
        KEY screenings_created (created_at, verdict),
        CONSTRAINT screenings_revision_fk FOREIGN KEY (revision_id) REFERENCES revisions (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS findings (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        screening_id BIGINT UNSIGNED NOT NULL,
        draft_id BIGINT UNSIGNED NOT NULL,
        checker VARCHAR(16) NOT NULL,
        severity ENUM('block','review','notice') NOT NULL,
        category VARCHAR(32) NULL,
        field VARCHAR(16) NOT NULL,
        start_offset INT UNSIGNED NOT NULL,
        end_offset INT UNSIGNED NOT NULL,
        text VARCHAR(1000) NOT NULL,
        term VARCHAR(500) NULL,
        rule_id VARCHAR(64) NULL,
        suggestion VARCHAR(1000) NULL,
        reason VARCHAR(500) NULL,
        list_version INT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL,
        KEY findings_screening (screening_id),
        KEY findings_over_time (created_at, checker, category),
        CONSTRAINT findings_screening_fk FOREIGN KEY (screening_id) REFERENCES screenings (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS reviews (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        draft_id BIGINT UNSIGNED NOT NULL,
        revision_id BIGINT UNSIGNED NOT NULL,
        revision INT UNSIGNED NOT NULL,
        level TINYINT UNSIGNED NOT NULL,
        reviewer_id INT UNSIGNED NOT NULL,
        decision ENUM('approve','return','reject') NOT NULL,
        check_political TINYINT(1) NOT NULL,
        check_legal TINYINT(1) NOT NULL,
        check_policy TINYINT(1) NOT NULL,
        check_secrecy TINYINT(1) NOT NULL,
        check_wording TINYINT(1) NOT NULL,
        comment TEXT NOT NULL,
        content_hash CHAR(64) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY reviews_one_per_level (revision_id, level),
        UNIQUE KEY reviews_one_per_person (revision_id, reviewer_id),
        KEY reviews_draft (draft_id, id),
        KEY reviews_reviewer (reviewer_id, created_at),
        CONSTRAINT reviews_revision_fk FOREIGN KEY (revision_id) REFERENCES revisions (id),
        CONSTRAINT reviews_reviewer_fk FOREIGN KEY (reviewer_id) REFERENCES users (id)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS draft_events (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        draft_id BIGINT UNSIGNED NOT NULL,
        revision INT UNSIGNED NOT NULL,
        actor_id INT UNSIGNED NULL,
        type VARCHAR(32) NOT NULL,
        from_status VARCHAR(16) NULL,
        to_status VARCHAR(16) NOT NULL,
        from_level TINYINT UNSIGNED NULL,
        to_level TINYINT UNSIGNED NULL,
        detail TEXT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY draft_events_draft (draft_id, id),
        KEY draft_events_created (created_at, type)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS outbox (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        topic VARCHAR(32) NOT NULL,
        job_id VARCHAR(100) NOT NULL,
        payload VARCHAR(1000) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        dispatched_at DATETIME(3) NULL,
        UNIQUE KEY outbox_job (topic, job_id),
        KEY outbox_pending (dispatched_at, created_at)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS idempotency_keys (
        user_id INT UNSIGNED NOT NULL,
        idem_key VARCHAR(128) NOT NULL,
        request_hash CHAR(64) NOT NULL,
        status_code SMALLINT UNSIGNED NOT NULL,
        response TEXT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (user_id, idem_key),
        KEY idempotency_created (created_at)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS audit_log (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        created_at DATETIME(3) NOT NULL,
        user_id INT UNSIGNED NULL,
        username VARCHAR(64) NULL,
        role VARCHAR(16) NULL,
        ip VARCHAR(64) NULL,
        event_type VARCHAR(64) NOT NULL,
        object_type VARCHAR(32) NULL,
        object_id VARCHAR(64) NULL,
        outcome ENUM('success','denied','failure') NOT NULL,
        request_id VARCHAR(64) NULL,
        detail TEXT NULL,
        prev_hash CHAR(64) NOT NULL,
        hash CHAR(64) NOT NULL,
        KEY audit_created (created_at),
        KEY audit_user (user_id, created_at),
        KEY audit_event (event_type, created_at),
        KEY audit_object (object_type, object_id)
      ) ${TABLE_OPTIONS}`,

      // The head of the hash chain: one row, locked by every audit insert so the chain stays linear.
      `CREATE TABLE IF NOT EXISTS audit_chain (
        id TINYINT UNSIGNED PRIMARY KEY,
        last_id BIGINT UNSIGNED NOT NULL,
        last_hash CHAR(64) NOT NULL
      ) ${TABLE_OPTIONS}`,
      `INSERT IGNORE INTO audit_chain (id, last_id, last_hash) VALUES (1, 0, SHA2('gov-review audit log genesis', 256))`,

      // Append-only for the application: updates and deletes are refused by the database itself.
      `CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`,
      `CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`,

      `CREATE TABLE IF NOT EXISTS terms (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        term VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        category VARCHAR(32) NOT NULL,
        severity ENUM('block','review','notice') NOT NULL,
        note VARCHAR(300) NULL,
        origin VARCHAR(32) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY terms_term (term),
        KEY terms_category (category, severity),
        KEY terms_updated (updated_at)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS allow_words (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        word VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        note VARCHAR(300) NULL,
        origin VARCHAR(32) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY allow_words_word (word)
      ) ${TABLE_OPTIONS}`,

      // One counter per rule set; a change bumps it and screenings record the versions they used.
      `CREATE TABLE IF NOT EXISTS rule_versions (
        kind VARCHAR(32) NOT NULL PRIMARY KEY,
        version INT UNSIGNED NOT NULL,
        updated_at DATETIME(3) NOT NULL
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ context }) {
    await runStatements(context, [
      'DROP TABLE IF EXISTS rule_versions',
      'DROP TABLE IF EXISTS allow_words',
      'DROP TABLE IF EXISTS terms',
      'DROP TABLE IF EXISTS audit_chain',
      'DROP TABLE IF EXISTS audit_log',
      'DROP TABLE IF EXISTS idempotency_keys',
      'DROP TABLE IF EXISTS outbox',
      'DROP TABLE IF EXISTS draft_events',
      'DROP TABLE IF EXISTS reviews',
      'DROP TABLE IF EXISTS findings',
      'DROP TABLE IF EXISTS screenings',
      'DROP TABLE IF EXISTS revisions',
      'DROP TABLE IF EXISTS draft_accounts',
      'DROP TABLE IF EXISTS drafts',
      'DROP TABLE IF EXISTS accounts',
      'DROP TABLE IF EXISTS users',
      'DROP TABLE IF EXISTS app_settings',
      'DROP TABLE IF EXISTS units',
    ]);
  },
};
