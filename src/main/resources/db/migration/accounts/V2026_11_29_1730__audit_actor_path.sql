-- The actor's jurisdiction, so that a reader sees the entries of actors inside their own: the
-- path of the deepest area containing all of the actor's scope areas when the entry was written
-- (paths are immutable). NULL when the actor's scope is unknown (a refused sign-in of an unknown
-- username). Earlier entries stay NULL: the log is append-only, and an account's scope today
-- need not be the one it acted under.
ALTER TABLE audit_event
  ADD COLUMN actor_path VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER role,
  ADD INDEX ix_audit_event_actor_path (actor_path, id);
