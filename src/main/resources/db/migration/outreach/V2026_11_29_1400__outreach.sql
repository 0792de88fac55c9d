-- Outreach: campaigns and their talks, with the correction history of each talk. Area paths are
-- copied from grids (they never change) next to every area id, so reach over a subtree is one
-- `area_path LIKE prefix%` range scan on this module's own tables.
CREATE TABLE campaign
(
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  name         VARCHAR(100)  NOT NULL,
  -- comma-separated theme names, sorted (FIND_IN_SET filters)
  themes       VARCHAR(300)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  area_id      BIGINT        NOT NULL,
  area_path    VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  starts_on    DATE          NOT NULL,
  ends_on      DATE          NOT NULL,
  reach_target INT           NULL,
  description  VARCHAR(2000) NULL,
  status       VARCHAR(10)   CHARACTER SET ascii NOT NULL,
  activated_at TIMESTAMP(6)  NULL,
  closed_at    TIMESTAMP(6)  NULL,
  version      INT           NOT NULL,
  created_at   TIMESTAMP(6)  NOT NULL,
  updated_at   TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_campaign_area FOREIGN KEY (area_id) REFERENCES area (id),
  CONSTRAINT ck_campaign_status CHECK (status IN ('PLANNED', 'ACTIVE', 'CLOSED')),
  CONSTRAINT ck_campaign_dates CHECK (ends_on >= starts_on),
  CONSTRAINT ck_campaign_target CHECK (reach_target IS NULL OR reach_target > 0),
  INDEX ix_campaign_area (area_path, id),
  INDEX ix_campaign_status (status, starts_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE talk
(
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  campaign_id     BIGINT        NOT NULL,
  area_id         BIGINT        NOT NULL,
  area_path       VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  held_at         TIMESTAMP(6)  NOT NULL,
  -- the day of held_at in the bureau's zone (Asia/Shanghai): periods and months are counted on it
  held_on         DATE          NOT NULL,
  venue_kind      VARCHAR(20)   CHARACTER SET ascii NOT NULL,
  venue_name      VARCHAR(100)  NOT NULL,
  format          VARCHAR(20)   CHARACTER SET ascii NOT NULL,
  audience_count  INT           NOT NULL,
  audience_kind   VARCHAR(20)   CHARACTER SET ascii NOT NULL,
  materials       INT           NOT NULL,
  app_installs    INT           NOT NULL,
  notes           VARCHAR(1000) NULL,
  -- COUNTED, or WITHDRAWN (kept, never counted again)
  status          VARCHAR(10)   CHARACTER SET ascii NOT NULL,
  withdrawn_reason VARCHAR(500) NULL,
  withdrawn_by    VARCHAR(100)  NULL,
  withdrawn_at    TIMESTAMP(6)  NULL,
  -- the account (subject) that logged it, and its optional idempotency key: a re-sent talk with
  -- the same key from the same account finds the first one through this unique key
  logged_by       VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  logged_by_name  VARCHAR(100)  NOT NULL,
  idempotency_key VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
  version         INT           NOT NULL,
  created_at      TIMESTAMP(6)  NOT NULL,
  updated_at      TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_talk_idempotency UNIQUE (logged_by, idempotency_key),
  CONSTRAINT fk_talk_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
  CONSTRAINT fk_talk_area FOREIGN KEY (area_id) REFERENCES area (id),
  CONSTRAINT ck_talk_audience CHECK (audience_count BETWEEN 0 AND 100000),
  CONSTRAINT ck_talk_materials CHECK (materials BETWEEN 0 AND 1000000),
  CONSTRAINT ck_talk_installs CHECK (app_installs BETWEEN 0 AND 100000),
  CONSTRAINT ck_talk_status CHECK (status IN ('COUNTED', 'WITHDRAWN')),
  CONSTRAINT ck_talk_venue CHECK (venue_kind IN ('VILLAGE_SQUARE', 'SCHOOL', 'ENTERPRISE', 'FIELD', 'NIGHT_MARKET',
                                                 'COMMUNITY_CENTRE', 'ONLINE', 'OTHER')),
  CONSTRAINT ck_talk_format CHECK (format IN ('LECTURE', 'LOUDSPEAKER', 'DOOR_TO_DOOR', 'WECHAT_GROUP', 'FLYERS',
                                             'PERFORMANCE')),
  CONSTRAINT ck_talk_audience_kind CHECK (audience_kind IN ('RESIDENTS', 'STUDENTS', 'ENTERPRISE_STAFF', 'ELDERLY',
                                                           'MERCHANTS', 'MIXED')),
  -- reach over a subtree and period: one range scan
  INDEX ix_talk_area (area_path, held_on),
  INDEX ix_talk_campaign (campaign_id, held_at, id),
  INDEX ix_talk_held (held_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The themes a talk covered (a subset of its campaign's): a talk counts once in each theme's row.
CREATE TABLE talk_theme
(
  talk_id BIGINT      NOT NULL,
  theme   VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (talk_id, theme),
  CONSTRAINT fk_talk_theme_talk FOREIGN KEY (talk_id) REFERENCES talk (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Speakers: officers (officers module) and volunteer teams (teams module), by id.
CREATE TABLE talk_officer
(
  talk_id    BIGINT NOT NULL,
  officer_id BIGINT NOT NULL,
  PRIMARY KEY (talk_id, officer_id),
  CONSTRAINT fk_talk_officer_talk FOREIGN KEY (talk_id) REFERENCES talk (id),
  CONSTRAINT fk_talk_officer_officer FOREIGN KEY (officer_id) REFERENCES officer (id),
  INDEX ix_talk_officer (officer_id, talk_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE talk_team
(
  talk_id BIGINT NOT NULL,
  team_id BIGINT NOT NULL,
  PRIMARY KEY (talk_id, team_id),
  CONSTRAINT fk_talk_team_talk FOREIGN KEY (talk_id) REFERENCES talk (id),
  CONSTRAINT fk_talk_team_team FOREIGN KEY (team_id) REFERENCES team (id),
  INDEX ix_talk_team (team_id, talk_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Corrections of a talk, one row per changed fact: who, when, why, the value before and after.
CREATE TABLE talk_correction
(
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  talk_id       BIGINT        NOT NULL,
  -- the talk's version the correction produced: the rows of one correction share it
  talk_version  INT           NOT NULL,
  field         VARCHAR(30)   CHARACTER SET ascii NOT NULL,
  before_value  VARCHAR(1000) NULL,
  after_value   VARCHAR(1000) NULL,
  reason        VARCHAR(500)  NOT NULL,
  corrected_by  VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  corrected_by_name VARCHAR(100) NOT NULL,
  corrected_at  TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_talk_correction_talk FOREIGN KEY (talk_id) REFERENCES talk (id),
  INDEX ix_talk_correction (talk_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
