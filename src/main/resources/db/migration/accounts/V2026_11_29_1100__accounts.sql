-- Who may sign in, where, and what they did.
CREATE TABLE account
(
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  -- case-insensitive collation: "Admin" and "admin" are the same account
  username            VARCHAR(64)  NOT NULL,
  password_hash       VARCHAR(100) NOT NULL,
  role                VARCHAR(20)  CHARACTER SET ascii NOT NULL,
  enabled             BOOLEAN      NOT NULL,
  person_kind         VARCHAR(16)  CHARACTER SET ascii NULL,
  person_ref          VARCHAR(64)  NULL,
  version             INT          NOT NULL,
  created_at          TIMESTAMP(6) NOT NULL,
  updated_at          TIMESTAMP(6) NOT NULL,
  password_changed_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_account_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The roots of the area subtrees an account may see (one for most, a few villages for a
-- community officer).
CREATE TABLE account_scope
(
  account_id BIGINT NOT NULL,
  area_id    BIGINT NOT NULL,
  -- the area's materialised path (immutable), so that "accounts inside my jurisdiction" needs
  -- no join into the grid network's tables
  area_path  VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (account_id, area_id),
  CONSTRAINT fk_account_scope_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT fk_account_scope_area FOREIGN KEY (area_id) REFERENCES area (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Failed sign-ins per username (known or not, so that a lock reveals nothing).
CREATE TABLE login_throttle
(
  username       VARCHAR(64)  NOT NULL,
  failures       INT          NOT NULL,
  locked_until   TIMESTAMP(6) NULL,
  last_failed_at TIMESTAMP(6) NULL,
  PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: the application never updates or deletes a row.
CREATE TABLE audit_event
(
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at TIMESTAMP(6)  NOT NULL,
  kind        VARCHAR(20)   CHARACTER SET ascii NOT NULL,
  subject     VARCHAR(100)  NULL,
  username    VARCHAR(64)   NULL,
  role        VARCHAR(20)   CHARACTER SET ascii NULL,
  operation   VARCHAR(64)   NOT NULL,
  target_ids  VARCHAR(1000) NULL,
  outcome     VARCHAR(20)   CHARACTER SET ascii NOT NULL,
  detail      VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  INDEX ix_audit_event_subject (subject, id),
  INDEX ix_audit_event_operation (operation, id),
  INDEX ix_audit_event_occurred (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
