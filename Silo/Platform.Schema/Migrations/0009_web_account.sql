-- 0009: the WebUI's local sign-in accounts (ASP.NET Core Identity over a small custom store). Owned by the
-- WebUI alone: grains never read it; a user's id here is the principal id the WebUI signs grain calls for.
CREATE TABLE IF NOT EXISTS web_account (
    id                 text        PRIMARY KEY,
    user_name          text        NOT NULL,
    normalized_name    text        NOT NULL,
    -- Identity's PBKDF2 hash (format v3); never the password.
    password_hash      text        NULL,
    -- Changes whenever credentials change, so cookies issued before are rejected on revalidation.
    security_stamp     text        NOT NULL,
    lockout_end        timestamptz NULL,
    access_failed_count integer    NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now()
);

-- Sign-in looks accounts up by normalised name; two accounts must never share one.
CREATE UNIQUE INDEX IF NOT EXISTS web_account_by_normalized_name ON web_account (normalized_name);
