-- The account owner: the account created on the first start, the only one with a password, the way
-- into the Admin Center. It cannot be deleted, suspended or demoted (see Users). Existing databases:
-- the first user given a password, which is the one the first start created.
ALTER TABLE users ADD COLUMN account_owner BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE users SET account_owner = TRUE
 WHERE id = (SELECT MIN(id) FROM users WHERE password_hash IS NOT NULL);

-- Bumped whenever the user's sessions must end: deleted, suspended, role changed, password reset. A
-- session remembers the number it signed in under and ends when it moved (see SessionCheck).
ALTER TABLE users ADD COLUMN session_generation BIGINT DEFAULT 0 NOT NULL;
