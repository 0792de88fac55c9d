-- The area tree (county > town > village > grid) as a materialised path, and the "3+N" grid
-- staff. See docs/architecture.md for why a materialised path.
CREATE TABLE area
(
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  code       VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name       VARCHAR(100) NOT NULL,
  level      VARCHAR(10)  CHARACTER SET ascii NOT NULL,
  parent_id  BIGINT       NULL,
  -- ids from the root down to this area, e.g. /1/3/57/; everything under area X is
  -- path LIKE 'X.path%', one range scan of ix_area_path whatever the depth
  path       VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
  households INT          NOT NULL DEFAULT 0,
  residents  INT          NOT NULL DEFAULT 0,
  status     VARCHAR(10)  CHARACTER SET ascii NOT NULL,
  version    INT          NOT NULL,
  created_at TIMESTAMP(6) NOT NULL,
  updated_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_area_code UNIQUE (code),
  CONSTRAINT fk_area_parent FOREIGN KEY (parent_id) REFERENCES area (id),
  CONSTRAINT ck_area_households CHECK (households >= 0),
  CONSTRAINT ck_area_residents CHECK (residents >= 0),
  CONSTRAINT ck_area_level CHECK (level IN ('COUNTY', 'TOWN', 'VILLAGE', 'GRID')),
  CONSTRAINT ck_area_status CHECK (status IN ('ACTIVE', 'RETIRED')),
  INDEX ix_area_path (path),
  INDEX ix_area_parent_code (parent_id, code),
  INDEX ix_area_level_code (level, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE grid_staff
(
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  grid_id        BIGINT       NOT NULL,
  role           VARCHAR(16)  CHARACTER SET ascii NOT NULL,
  person_kind    VARCHAR(16)  CHARACTER SET ascii NOT NULL,
  person_ref     VARCHAR(64)  NULL,
  display_name   VARCHAR(50)  NOT NULL,
  phone          VARCHAR(20)  NULL,
  started_on     DATE         NOT NULL,
  ended_on       DATE         NULL,
  end_reason     VARCHAR(200) NULL,
  version        INT          NOT NULL,
  created_at     TIMESTAMP(6) NOT NULL,
  -- CHIEF or DEPUTY_CHIEF while the assignment is active, otherwise NULL: the unique key below
  -- then admits one active chief and one active deputy per grid, and any number of ended ones,
  -- so two concurrent assignments cannot both win.
  exclusive_role VARCHAR(16)  CHARACTER SET ascii
    AS (CASE WHEN ended_on IS NULL AND role IN ('CHIEF', 'DEPUTY_CHIEF') THEN role END) STORED,
  PRIMARY KEY (id),
  CONSTRAINT fk_grid_staff_grid FOREIGN KEY (grid_id) REFERENCES area (id),
  CONSTRAINT uk_grid_staff_exclusive_role UNIQUE (grid_id, exclusive_role),
  CONSTRAINT ck_grid_staff_role CHECK (role IN ('CHIEF', 'DEPUTY_CHIEF', 'MEMBER', 'EXTRA')),
  CONSTRAINT ck_grid_staff_dates CHECK (ended_on IS NULL OR ended_on >= started_on),
  INDEX ix_grid_staff_grid (grid_id, ended_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
