-- Village officers: stations and their towns, police offices, officers with their transfers,
-- the one-village-one-officer assignments, and visits. Area ids come with their materialised
-- paths (immutable, see docs/architecture.md), so jurisdiction filters are `path LIKE 'prefix%'`
-- without joining the grid network's tables.
CREATE TABLE station
(
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  code               VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name               VARCHAR(50)  NOT NULL,
  has_party_branch   BOOLEAN      NOT NULL,
  -- the bureau committee member (局党委委员) who supervises the station
  supervising_member VARCHAR(50)  NULL,
  version            INT          NOT NULL,
  created_at         TIMESTAMP(6) NOT NULL,
  updated_at         TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_station_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The towns a station covers. A town belongs to at most one station: the unique key holds even
-- when two stations claim the same town at the same moment.
CREATE TABLE station_town
(
  station_id BIGINT       NOT NULL,
  town_id    BIGINT       NOT NULL,
  town_path  VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (station_id, town_id),
  CONSTRAINT uk_station_town_town UNIQUE (town_id),
  CONSTRAINT fk_station_town_station FOREIGN KEY (station_id) REFERENCES station (id),
  CONSTRAINT fk_station_town_area FOREIGN KEY (town_id) REFERENCES area (id),
  INDEX ix_station_town_path (town_path)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE police_office
(
  id                   BIGINT       NOT NULL AUTO_INCREMENT,
  station_id           BIGINT       NOT NULL,
  name                 VARCHAR(50)  NOT NULL,
  area_id              BIGINT       NOT NULL,
  area_path            VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  mode                 VARCHAR(12)  CHARACTER SET ascii NOT NULL,
  address              VARCHAR(200) NOT NULL,
  open_24x7            BOOLEAN      NOT NULL,
  partner_organisation VARCHAR(100) NULL,
  version              INT          NOT NULL,
  created_at           TIMESTAMP(6) NOT NULL,
  updated_at           TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_police_office_name UNIQUE (station_id, name),
  CONSTRAINT fk_police_office_station FOREIGN KEY (station_id) REFERENCES station (id),
  CONSTRAINT fk_police_office_area FOREIGN KEY (area_id) REFERENCES area (id),
  CONSTRAINT ck_police_office_mode CHECK (mode IN ('VILLAGE', 'ENTERPRISE', 'COMMERCIAL', 'HOSPITAL', 'SCHOOL'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE officer
(
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  name              VARCHAR(50)  NOT NULL,
  badge_number      VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  kind              VARCHAR(10)  CHARACTER SET ascii NOT NULL,
  -- `rank` is a reserved word in MySQL 8
  rank_title        VARCHAR(30)  NULL,
  phone             VARCHAR(20)  NULL,
  -- NULL: serves in a bureau department, not in a station
  station_id        BIGINT       NULL,
  police_office_id  BIGINT       NULL,
  community_officer BOOLEAN      NOT NULL,
  -- the day the officer joined their current station (or department)
  joined_on         DATE         NOT NULL,
  -- the day the officer was registered with the bureau; never changes (staffing: new officers)
  registered_on     DATE         NOT NULL,
  status            VARCHAR(12)  CHARACTER SET ascii NOT NULL,
  -- path of the bureau's county: who sees department officers, who have no station towns
  bureau_path       VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version           INT          NOT NULL,
  created_at        TIMESTAMP(6) NOT NULL,
  updated_at        TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_officer_badge UNIQUE (badge_number),
  CONSTRAINT fk_officer_station FOREIGN KEY (station_id) REFERENCES station (id),
  CONSTRAINT fk_officer_office FOREIGN KEY (police_office_id) REFERENCES police_office (id),
  CONSTRAINT ck_officer_kind CHECK (kind IN ('POLICE', 'AUXILIARY')),
  CONSTRAINT ck_officer_status CHECK (status IN ('ACTIVE', 'TRANSFERRED', 'RETIRED')),
  INDEX ix_officer_station (station_id, status),
  INDEX ix_officer_bureau (bureau_path)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only history of transfers; a NULL station is a bureau department.
CREATE TABLE officer_transfer
(
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  officer_id      BIGINT       NOT NULL,
  from_station_id BIGINT       NULL,
  to_station_id   BIGINT       NULL,
  transferred_on  DATE         NOT NULL,
  reason          VARCHAR(200) NULL,
  created_at      TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_officer_transfer_officer FOREIGN KEY (officer_id) REFERENCES officer (id),
  CONSTRAINT fk_officer_transfer_from FOREIGN KEY (from_station_id) REFERENCES station (id),
  CONSTRAINT fk_officer_transfer_to FOREIGN KEY (to_station_id) REFERENCES station (id),
  INDEX ix_officer_transfer_officer (officer_id, transferred_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One village, one officer (一村一警), with its history.
CREATE TABLE village_officer
(
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  village_id        BIGINT       NOT NULL,
  village_path      VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  officer_id        BIGINT       NOT NULL,
  started_on        DATE         NOT NULL,
  ended_on          DATE         NULL,
  end_reason        VARCHAR(100) NULL,
  version           INT          NOT NULL,
  created_at        TIMESTAMP(6) NOT NULL,
  -- the village while the assignment is active, NULL once it has ended: the unique key below
  -- then admits one active assignment per village and any number of ended ones, so of two
  -- concurrent assignments only one can commit (same technique as grid_staff.exclusive_role).
  active_village_id BIGINT AS (CASE WHEN ended_on IS NULL THEN village_id END) STORED,
  PRIMARY KEY (id),
  CONSTRAINT uk_village_officer_active UNIQUE (active_village_id),
  CONSTRAINT fk_village_officer_village FOREIGN KEY (village_id) REFERENCES area (id),
  CONSTRAINT fk_village_officer_officer FOREIGN KEY (officer_id) REFERENCES officer (id),
  CONSTRAINT ck_village_officer_dates CHECK (ended_on IS NULL OR ended_on >= started_on),
  INDEX ix_village_officer_village (village_id, started_on),
  INDEX ix_village_officer_officer (officer_id, ended_on),
  INDEX ix_village_officer_path (village_path)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE visit
(
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  officer_id      BIGINT        NOT NULL,
  village_id      BIGINT        NOT NULL,
  grid_id         BIGINT        NULL,
  -- the grid's path when a grid is given, otherwise the village's: what jurisdiction filters see
  area_path       VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  visited_on      DATE          NOT NULL,
  -- a household's address or a place's name: one of the two
  address         VARCHAR(200)  NULL,
  place_name      VARCHAR(100)  NULL,
  purpose         VARCHAR(20)   CHARACTER SET ascii NOT NULL,
  contact_cards   INT           NOT NULL,
  satisfaction    VARCHAR(16)   CHARACTER SET ascii NULL,
  suggestions     VARCHAR(500)  NULL,
  notes           VARCHAR(1000) NULL,
  -- the account (subject) that logged it, and its optional idempotency key: a re-sent visit
  -- with the same key from the same account finds the first one through this unique key
  logged_by       VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  idempotency_key VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
  version         INT           NOT NULL,
  created_at      TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_visit_idempotency UNIQUE (logged_by, idempotency_key),
  CONSTRAINT fk_visit_officer FOREIGN KEY (officer_id) REFERENCES officer (id),
  CONSTRAINT fk_visit_village FOREIGN KEY (village_id) REFERENCES area (id),
  CONSTRAINT fk_visit_grid FOREIGN KEY (grid_id) REFERENCES area (id),
  CONSTRAINT ck_visit_cards CHECK (contact_cards BETWEEN 0 AND 50),
  CONSTRAINT ck_visit_what CHECK (address IS NOT NULL OR place_name IS NOT NULL),
  CONSTRAINT ck_visit_purpose CHECK (purpose IN ('ROUTINE', 'CONTACT_CARD', 'DISPUTE_FOLLOW_UP', 'HAZARD_CHECK',
                                                 'SATISFACTION_SURVEY', 'OTHER')),
  CONSTRAINT ck_visit_satisfaction CHECK (satisfaction IS NULL OR satisfaction IN ('VERY_SATISFIED', 'SATISFIED',
                                                                                   'NEUTRAL', 'DISSATISFIED')),
  INDEX ix_visit_area (area_path, visited_on),
  INDEX ix_visit_officer (officer_id, visited_on),
  INDEX ix_visit_date (visited_on, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
