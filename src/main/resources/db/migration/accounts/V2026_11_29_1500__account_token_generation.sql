-- Tokens carry the account's generation; a password change moves it on, so every token issued
-- before the change stops working at once (whatever the second it was issued in).
ALTER TABLE account ADD COLUMN token_generation INT NOT NULL DEFAULT 0;
