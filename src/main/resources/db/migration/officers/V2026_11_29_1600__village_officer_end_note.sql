-- An assignment's end reason is a code (REPLACED, TRANSFERRED, RETIRED, ENDED, TOWN_MOVED); the
-- free text given to villageOfficerEnd is kept apart, so a client branching on the code is never
-- misled by a note that happens to read like one.
ALTER TABLE village_officer ADD COLUMN end_note VARCHAR(100) NULL AFTER end_reason;

-- Rows ended with a free-text reason before the split: the text becomes the note.
UPDATE village_officer
SET end_note = end_reason, end_reason = 'ENDED'
WHERE end_reason IS NOT NULL
  AND end_reason COLLATE utf8mb4_bin NOT IN ('REPLACED', 'TRANSFERRED', 'RETIRED', 'ENDED', 'TOWN_MOVED');
