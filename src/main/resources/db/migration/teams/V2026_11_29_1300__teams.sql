-- Volunteer teams: teams, volunteers, memberships, the roster (shifts, sign-ups, attendance),
-- activities with hours per volunteer. Area paths are copied from grids (they never change) so
-- that scope filters are `area_path LIKE prefix%` without joining grids' tables.
CREATE TABLE team
(
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  name            VARCHAR(100)  NOT NULL,
  kind            VARCHAR(16)   CHARACTER SET ascii NOT NULL,
  area_id         BIGINT        NOT NULL,
  area_path       VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  messaging_group VARCHAR(100)  NULL,
  description     VARCHAR(1000) NULL,
  status          VARCHAR(10)   CHARACTER SET ascii NOT NULL,
  version         INT           NOT NULL,
  created_at      TIMESTAMP(6)  NOT NULL,
  updated_at      TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_team_area FOREIGN KEY (area_id) REFERENCES area (id),
  CONSTRAINT ck_team_kind CHECK (kind IN ('MEDIATION', 'PATROL', 'EMERGENCY_AID', 'INFORMATION', 'ONLINE')),
  CONSTRAINT ck_team_status CHECK (status IN ('ACTIVE', 'DISBANDED')),
  INDEX ix_team_area_path (area_path, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE volunteer
(
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  name       VARCHAR(50)  NOT NULL,
  -- personal data; one volunteer per phone
  phone      VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  gender     VARCHAR(10)  CHARACTER SET ascii NULL,
  birth_year INT          NULL,
  area_id    BIGINT       NOT NULL,
  area_path  VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  -- comma-separated enum names (FIND_IN_SET filters): background tags and skills
  tags       VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
  skills     VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
  status     VARCHAR(10)  CHARACTER SET ascii NOT NULL,
  version    INT          NOT NULL,
  created_at TIMESTAMP(6) NOT NULL,
  updated_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_volunteer_phone UNIQUE (phone),
  CONSTRAINT fk_volunteer_area FOREIGN KEY (area_id) REFERENCES area (id),
  CONSTRAINT ck_volunteer_status CHECK (status IN ('ACTIVE', 'INACTIVE')),
  INDEX ix_volunteer_area_path (area_path, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE team_membership
(
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  team_id          BIGINT       NOT NULL,
  volunteer_id     BIGINT       NOT NULL,
  role             VARCHAR(12)  CHARACTER SET ascii NOT NULL,
  joined_on        DATE         NOT NULL,
  left_on          DATE         NULL,
  version          INT          NOT NULL,
  created_at       TIMESTAMP(6) NOT NULL,
  -- the volunteer while the membership is active, NULL once left: the unique key admits one
  -- active membership per volunteer and team, and any number of former ones
  active_volunteer BIGINT AS (CASE WHEN left_on IS NULL THEN volunteer_id END) STORED,
  PRIMARY KEY (id),
  CONSTRAINT uk_membership_active UNIQUE (team_id, active_volunteer),
  CONSTRAINT fk_membership_team FOREIGN KEY (team_id) REFERENCES team (id),
  CONSTRAINT fk_membership_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id),
  CONSTRAINT ck_membership_role CHECK (role IN ('LEADER', 'COORDINATOR', 'MEMBER')),
  CONSTRAINT ck_membership_dates CHECK (left_on IS NULL OR left_on >= joined_on),
  INDEX ix_membership_team (team_id, left_on, id),
  INDEX ix_membership_volunteer (volunteer_id, left_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One call scheduling a weekly pattern creates a series; its occurrences are shift rows.
CREATE TABLE shift_series
(
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  team_id      BIGINT       NOT NULL,
  days_of_week VARCHAR(80)  CHARACTER SET ascii NOT NULL,
  start_time   TIME         NOT NULL,
  end_time     TIME         NOT NULL,
  from_date    DATE         NOT NULL,
  to_date      DATE         NOT NULL,
  version      INT          NOT NULL,
  created_at   TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_series_team FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE shift
(
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  team_id         BIGINT       NOT NULL,
  series_id       BIGINT       NULL,
  area_id         BIGINT       NOT NULL,
  area_path       VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  -- instants in UTC (the connection's zone)
  starts_at       TIMESTAMP(6) NOT NULL,
  ends_at         TIMESTAMP(6) NOT NULL,
  purpose         VARCHAR(16)  CHARACTER SET ascii NOT NULL,
  min_volunteers  INT          NOT NULL,
  max_volunteers  INT          NOT NULL,
  required_skills VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
  note            VARCHAR(500) NULL,
  -- places taken; only ever changed by one atomic UPDATE guarded by max_volunteers, so the last
  -- free place cannot be taken twice
  signed_up       INT          NOT NULL DEFAULT 0,
  status          VARCHAR(10)  CHARACTER SET ascii NOT NULL,
  version         INT          NOT NULL,
  created_at      TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_shift_team FOREIGN KEY (team_id) REFERENCES team (id),
  CONSTRAINT fk_shift_series FOREIGN KEY (series_id) REFERENCES shift_series (id),
  CONSTRAINT fk_shift_area FOREIGN KEY (area_id) REFERENCES area (id),
  CONSTRAINT ck_shift_times CHECK (ends_at > starts_at),
  CONSTRAINT ck_shift_places CHECK (min_volunteers >= 0 AND max_volunteers >= 1 AND min_volunteers <= max_volunteers
    AND signed_up >= 0 AND signed_up <= max_volunteers),
  CONSTRAINT ck_shift_status CHECK (status IN ('SCHEDULED', 'CANCELLED', 'COMPLETED')),
  INDEX ix_shift_team_start (team_id, starts_at),
  INDEX ix_shift_series_start (series_id, starts_at),
  INDEX ix_shift_area_start (area_path, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A volunteer on a shift: signed up (or a walk-in), then attendance.
CREATE TABLE shift_assignment
(
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  shift_id       BIGINT       NOT NULL,
  volunteer_id   BIGINT       NOT NULL,
  status         VARCHAR(10)  CHARACTER SET ascii NOT NULL,
  walk_in        BOOLEAN      NOT NULL DEFAULT FALSE,
  attendance     VARCHAR(10)  CHARACTER SET ascii NULL,
  checked_in_at  TIMESTAMP(6) NULL,
  checked_out_at TIMESTAMP(6) NULL,
  hours          DECIMAL(6, 2) NULL,
  signed_up_at   TIMESTAMP(6) NOT NULL,
  version        INT          NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_assignment_shift_volunteer UNIQUE (shift_id, volunteer_id),
  CONSTRAINT fk_assignment_shift FOREIGN KEY (shift_id) REFERENCES shift (id),
  CONSTRAINT fk_assignment_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id),
  CONSTRAINT ck_assignment_status CHECK (status IN ('SIGNED_UP', 'WITHDRAWN')),
  CONSTRAINT ck_assignment_attendance CHECK (attendance IS NULL OR attendance IN ('PRESENT', 'ABSENT')),
  INDEX ix_assignment_volunteer (volunteer_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE activity
(
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  team_id         BIGINT        NOT NULL,
  kind            VARCHAR(16)   CHARACTER SET ascii NOT NULL,
  occurred_on     DATE          NOT NULL,
  area_id         BIGINT        NOT NULL,
  area_path       VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  outcome         VARCHAR(1000) NULL,
  -- the shift this activity records, when it came from completing one
  shift_id        BIGINT        NULL,
  -- the caller's subject and the client's idempotency key: a re-sent log returns the first
  logged_by       VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  idempotency_key VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
  version         INT           NOT NULL,
  created_at      TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_activity_idempotency UNIQUE (logged_by, idempotency_key),
  CONSTRAINT uk_activity_shift UNIQUE (shift_id),
  CONSTRAINT fk_activity_team FOREIGN KEY (team_id) REFERENCES team (id),
  CONSTRAINT fk_activity_area FOREIGN KEY (area_id) REFERENCES area (id),
  CONSTRAINT fk_activity_shift FOREIGN KEY (shift_id) REFERENCES shift (id),
  INDEX ix_activity_team (team_id, occurred_on, id),
  INDEX ix_activity_area (area_path, occurred_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE activity_participant
(
  activity_id  BIGINT       NOT NULL,
  volunteer_id BIGINT       NOT NULL,
  hours        DECIMAL(6, 2) NOT NULL,
  PRIMARY KEY (activity_id, volunteer_id),
  CONSTRAINT fk_participant_activity FOREIGN KEY (activity_id) REFERENCES activity (id),
  CONSTRAINT fk_participant_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id),
  CONSTRAINT ck_participant_hours CHECK (hours >= 0 AND hours <= 24),
  INDEX ix_participant_volunteer (volunteer_id, activity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
