/**
 * The database schema, as an ordered list of migrations: append, never edit one that has shipped.
 * Engines record the applied versions in `schema_migrations`. The SQL is kept portable (TEXT,
 * INTEGER, CHECK, REFERENCES; times as ISO 8601 text in UTC) so a PostgreSQL engine runs it as is.
 *
 * A log is kept whole as canonical JSON (`log`), and the fields that reports add up are copied
 * into their own columns: date, place, setting and every count of the attendance.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * After the SQL, fill the derived columns and `session_log_materials` again from each stored
   * log's JSON (`logColumns` and `logMaterials` in log-columns.ts): how a migration that adds figures for reports
   * reaches the logs stored before it, the same way on every engine.
   */
  rederive?: boolean;
  /**
   * After every migration of the run, recompute the summary tables from the logs (summary-sql.ts).
   * A `rederive` migration does too: the summaries add up the columns it writes again.
   */
  summaries?: boolean;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'teams, devices, enrolment codes and session logs',
    sql: `
      CREATE TABLE teams (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('team', 'coordinator')),
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL REFERENCES teams (id),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE INDEX devices_team ON devices (team_id);
      CREATE TABLE enrolment_codes (
        code_hash TEXT PRIMARY KEY,
        team_id TEXT NOT NULL REFERENCES teams (id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        device_id TEXT REFERENCES devices (id)
      );
      CREATE TABLE session_logs (
        client_id TEXT NOT NULL,
        team_id TEXT NOT NULL REFERENCES teams (id),
        device_id TEXT NOT NULL REFERENCES devices (id),
        received_at TEXT NOT NULL,
        log TEXT NOT NULL,
        session_date TEXT NOT NULL,
        commune_id TEXT NOT NULL,
        area_id TEXT NOT NULL,
        setting TEXT NOT NULL,
        total INTEGER NOT NULL,
        sex_female INTEGER NOT NULL,
        sex_male INTEGER NOT NULL,
        sex_not_stated INTEGER NOT NULL,
        age_under_12 INTEGER NOT NULL,
        age_12_15 INTEGER NOT NULL,
        age_16_17 INTEGER NOT NULL,
        age_18_24 INTEGER NOT NULL,
        age_25_plus INTEGER NOT NULL,
        ethnicity_hmong INTEGER NOT NULL,
        ethnicity_dao INTEGER NOT NULL,
        ethnicity_thai INTEGER NOT NULL,
        ethnicity_kinh INTEGER NOT NULL,
        ethnicity_other INTEGER NOT NULL,
        ethnicity_not_stated INTEGER NOT NULL,
        referred_hotline_111 INTEGER NOT NULL,
        referred_social_work_centre INTEGER NOT NULL,
        referred_police INTEGER NOT NULL
      );
      -- The client id is the log's identity: this index is what makes a resend never a second row,
      -- even when two requests race (INSERT ... ON CONFLICT (client_id) DO NOTHING).
      CREATE UNIQUE INDEX session_logs_client_id ON session_logs (client_id);
      CREATE INDEX session_logs_date ON session_logs (session_date);
      CREATE INDEX session_logs_device ON session_logs (device_id, received_at);
      CREATE INDEX session_logs_team ON session_logs (team_id, received_at);
    `,
  },
  {
    version: 2,
    name: 'quiz figures and the lesson packs of each log, for reports',
    sql: `
      -- Answers given (people who answered × questions) and answers right, before and after.
      ALTER TABLE session_logs ADD COLUMN quiz_pre_answers INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE session_logs ADD COLUMN quiz_pre_right INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE session_logs ADD COLUMN quiz_post_answers INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE session_logs ADD COLUMN quiz_post_right INTEGER NOT NULL DEFAULT 0;
      -- One row per lesson pack a session used, so reports count packs with GROUP BY.
      CREATE TABLE session_log_materials (
        client_id TEXT NOT NULL,
        material TEXT NOT NULL,
        PRIMARY KEY (client_id, material)
      );
      -- Reports read the figures of many logs at once: one index that holds them all (and the key
      -- to the pack rows) lets the engine add them up without reading each log's JSON. It starts
      -- with the date, so it also serves the date filters the old date index served.
      DROP INDEX session_logs_date;
      CREATE INDEX session_logs_report ON session_logs (
        session_date, area_id, setting, total,
        sex_female, sex_male, sex_not_stated,
        age_under_12, age_12_15, age_16_17, age_18_24, age_25_plus,
        ethnicity_hmong, ethnicity_dao, ethnicity_thai, ethnicity_kinh, ethnicity_other, ethnicity_not_stated,
        referred_hotline_111, referred_social_work_centre, referred_police,
        quiz_pre_answers, quiz_pre_right, quiz_post_answers, quiz_post_right,
        client_id
      );
    `,
    rederive: true,
  },
  // migration added for issue 13 (part A: sessions, attempt counts, webhook replay memory)
  {
    version: 3,
    name: 'browser sessions, shared attempt counts and accepted webhook deliveries',
    sql: `
      -- A signed-in browser holds a random session id; only its SHA-256 is stored. Sign-out deletes
      -- the row, revoking the device deletes its rows, and a row past expires_at is refused.
      CREATE TABLE browser_sessions (
        id_hash TEXT PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices (id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX browser_sessions_device ON browser_sessions (device_id);
      -- Attempts (e.g. enrolment), one row each, counted over a sliding window before the attempt is
      -- made (under a lock on its key), so requests in flight and servers sharing the database all count.
      CREATE TABLE attempts (
        id TEXT PRIMARY KEY,
        attempt_key TEXT NOT NULL,
        attempted_at TEXT NOT NULL
      );
      CREATE INDEX attempts_key ON attempts (attempt_key, attempted_at);
      CREATE INDEX attempts_time ON attempts (attempted_at);
      -- The webhook deliveries accepted, until their signature would be too old to replay anyway.
      CREATE TABLE webhook_deliveries (
        delivery_key TEXT PRIMARY KEY,
        keep_until TEXT NOT NULL
      );
    `,
  },
  // migration added for issue 13 (part B: quarantine)
  {
    version: 4,
    name: "quarantine of a device's logs",
    sql: `
      -- When a coordinator took the device's logs out of every report and export (kept for audit;
      -- NULL again when released).
      ALTER TABLE devices ADD COLUMN quarantined_at TEXT;
      -- Every report now leaves out the logs of quarantined devices (device_id NOT IN …): the report
      -- index holds the device too, so the engine still adds up from the index alone.
      DROP INDEX session_logs_report;
      CREATE INDEX session_logs_report ON session_logs (
        session_date, area_id, setting, total,
        sex_female, sex_male, sex_not_stated,
        age_under_12, age_12_15, age_16_17, age_18_24, age_25_plus,
        ethnicity_hmong, ethnicity_dao, ethnicity_thai, ethnicity_kinh, ethnicity_other, ethnicity_not_stated,
        referred_hotline_111, referred_social_work_centre, referred_police,
        quiz_pre_answers, quiz_pre_right, quiz_post_answers, quiz_post_right,
        client_id, device_id
      );
    `,
  },
  // migration added for issue 19 (reports at national scale)
  {
    version: 5,
    name: 'summary tables the reports read, kept current with every log',
    sql: `
      -- What the logs of devices not quarantined add up to, per period (a day, YYYY-MM-DD, and its
      -- whole month, YYYY-MM: each log is in both rows), former district and setting; kept current
      -- in the transaction of each insert, quarantine and release (summary-sql.ts). The quiz sums
      -- count only the logs with both rounds.
      CREATE TABLE report_sums (
        period TEXT NOT NULL,
        area_id TEXT NOT NULL,
        setting TEXT NOT NULL,
        sessions INTEGER NOT NULL,
        total INTEGER NOT NULL,
        sex_female INTEGER NOT NULL,
        sex_male INTEGER NOT NULL,
        sex_not_stated INTEGER NOT NULL,
        age_under_12 INTEGER NOT NULL,
        age_12_15 INTEGER NOT NULL,
        age_16_17 INTEGER NOT NULL,
        age_18_24 INTEGER NOT NULL,
        age_25_plus INTEGER NOT NULL,
        ethnicity_hmong INTEGER NOT NULL,
        ethnicity_dao INTEGER NOT NULL,
        ethnicity_thai INTEGER NOT NULL,
        ethnicity_kinh INTEGER NOT NULL,
        ethnicity_other INTEGER NOT NULL,
        ethnicity_not_stated INTEGER NOT NULL,
        referred_hotline_111 INTEGER NOT NULL,
        referred_social_work_centre INTEGER NOT NULL,
        referred_police INTEGER NOT NULL,
        quiz_sessions INTEGER NOT NULL,
        quiz_pre_answers INTEGER NOT NULL,
        quiz_pre_right INTEGER NOT NULL,
        quiz_post_answers INTEGER NOT NULL,
        quiz_post_right INTEGER NOT NULL,
        PRIMARY KEY (period, area_id, setting)
      );
      -- The same per lesson pack a session used (a session with two packs counts for both).
      CREATE TABLE report_pack_sums (
        period TEXT NOT NULL,
        area_id TEXT NOT NULL,
        setting TEXT NOT NULL,
        material TEXT NOT NULL,
        sessions INTEGER NOT NULL,
        total INTEGER NOT NULL,
        quiz_sessions INTEGER NOT NULL,
        quiz_pre_answers INTEGER NOT NULL,
        quiz_pre_right INTEGER NOT NULL,
        quiz_post_answers INTEGER NOT NULL,
        quiz_post_right INTEGER NOT NULL,
        PRIMARY KEY (period, area_id, setting, material)
      );
      -- (Quarantine and release add up one device's logs through session_logs_device.)
    `,
    summaries: true,
  },
  // migration added for issue 19 (the review list at national scale)
  {
    version: 6,
    name: 'the attendance totals the review list reads, kept current with every log',
    sql: `
      -- How many logs each device sent of each attendance total, quarantined or not (the review
      -- leaves quarantined devices out as it reads, so quarantine and release change nothing here);
      -- kept current in the transaction of each insert (summary-sql.ts). The review's weighted
      -- quartiles and flagged counts read these rows instead of every log.
      CREATE TABLE review_totals (
        device_id TEXT NOT NULL,
        total INTEGER NOT NULL,
        logs INTEGER NOT NULL,
        PRIMARY KEY (device_id, total)
      );
      INSERT INTO review_totals (device_id, total, logs)
        SELECT device_id, total, COUNT(*) FROM session_logs GROUP BY device_id, total;
      -- The flagged logs, highest attendance first (ORDER BY total DESC, client_id LIMIT 50): read
      -- in this order from the top, no sort and no scan of the logs below the fence.
      CREATE INDEX session_logs_review ON session_logs (total DESC, client_id);
    `,
  },
];
