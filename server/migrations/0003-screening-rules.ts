import { Migration, runStatements, TABLE_OPTIONS } from './types';

/**
 * The rule tables of the pre-screen checkers beyond word lists: repost sources, link domains,
 * advertising language, secrecy markings, personal-data policies, wording rules and important
 * formulations. Security admins maintain them; each table's changes bump its kind in
 * `rule_versions`. Patterns use a binary collation so that 机密 and 機密, or `T.cn` and `t.cn`,
 * stay distinct rules exactly as written.
 */
export const screeningRules: Migration = {
  name: '0003-screening-rules',
  async up({ context }) {
    await runStatements(context, [
      `CREATE TABLE IF NOT EXISTS source_rules (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        unit VARCHAR(100) NOT NULL,
        match_type ENUM('name','name_suffix','domain') NOT NULL,
        pattern VARCHAR(253) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        note VARCHAR(300) NULL,
        origin VARCHAR(32) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY source_rules_pattern (match_type, pattern),
        KEY source_rules_unit (unit)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS link_rules (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        match_type ENUM('domain','scheme') NOT NULL,
        pattern VARCHAR(253) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        link_class ENUM('allow','commercial') NOT NULL,
        category VARCHAR(32) NOT NULL,
        note VARCHAR(300) NULL,
        origin VARCHAR(32) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY link_rules_pattern (match_type, pattern),
        KEY link_rules_class (link_class, category)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS ad_rules (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        category ENUM('absolute','call_to_action','price','contact','selling_context','warning_context','exception') NOT NULL,
        match_type ENUM('literal','regex') NOT NULL,
        pattern VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        severity ENUM('block','review','notice') NULL,
        needs_context TINYINT(1) NOT NULL DEFAULT 0,
        note VARCHAR(300) NULL,
        origin VARCHAR(32) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY ad_rules_pattern (category, match_type, pattern)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS secrecy_rules (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        category VARCHAR(32) NOT NULL,
        match_type ENUM('literal','regex') NOT NULL,
        pattern VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        severity ENUM('block','review','notice') NOT NULL,
        note VARCHAR(300) NULL,
        origin VARCHAR(32) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY secrecy_rules_pattern (match_type, pattern)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS privacy_policies (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        data_type ENUM('id_card','mobile','bank_card') NOT NULL,
        severity ENUM('block','review','notice') NOT NULL,
        severity_near_name ENUM('block','review','notice') NOT NULL,
        note VARCHAR(300) NULL,
        origin VARCHAR(32) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY privacy_policies_type (data_type)
      ) ${TABLE_OPTIONS}`,

      // Effective dates are whole days in China time, both ends inclusive; NULL means open-ended.
      `CREATE TABLE IF NOT EXISTS wording_rules (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        wrong VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        correct VARCHAR(200) NOT NULL,
        category VARCHAR(32) NOT NULL,
        severity ENUM('block','review','notice') NOT NULL,
        valid_from DATE NULL,
        valid_to DATE NULL,
        note VARCHAR(300) NULL,
        origin VARCHAR(32) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY wording_rules_wrong (wrong),
        KEY wording_rules_category (category, severity)
      ) ${TABLE_OPTIONS}`,

      `CREATE TABLE IF NOT EXISTS formulations (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        phrase VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        category VARCHAR(32) NOT NULL,
        severity ENUM('block','review','notice') NOT NULL,
        note VARCHAR(300) NULL,
        origin VARCHAR(32) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY formulations_phrase (phrase)
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ context }) {
    await runStatements(context, [
      'DROP TABLE IF EXISTS formulations',
      'DROP TABLE IF EXISTS wording_rules',
      'DROP TABLE IF EXISTS privacy_policies',
      'DROP TABLE IF EXISTS secrecy_rules',
      'DROP TABLE IF EXISTS ad_rules',
      'DROP TABLE IF EXISTS link_rules',
      'DROP TABLE IF EXISTS source_rules',
    ]);
  },
};
