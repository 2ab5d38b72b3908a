-- 001_core.sql - emulator-wide tables.
CREATE TABLE emu_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
