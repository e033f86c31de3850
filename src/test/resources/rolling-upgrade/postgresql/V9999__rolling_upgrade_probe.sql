-- Numbered above every real migration: Flyway refuses a new one below the newest applied.
-- The "new build" of RollingUpgradeTests: an expand-only migration (a nullable column) that the
-- instances still running the previous build neither read nor write.
ALTER TABLE complaints ADD COLUMN upgrade_probe TEXT;
