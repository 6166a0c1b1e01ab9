-- The first schema: drafts and their hash-chained revisions, labels with
-- their chained event log, the serial register and clearances (each its own
-- chain), and the counters that number serials without gaps.
CREATE TABLE drafts (
	name      TEXT PRIMARY KEY,
	head      BIGINT NOT NULL,
	head_hash TEXT NOT NULL,
	sealed    BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE revisions (
	draft         TEXT NOT NULL,
	number        BIGINT NOT NULL,
	parent        BIGINT NOT NULL,
	author        TEXT NOT NULL,
	office        TEXT NOT NULL,
	time          TEXT NOT NULL,
	message       TEXT NOT NULL,
	commit_labels TEXT NOT NULL,
	sha256        TEXT NOT NULL,
	content       BYTEA NOT NULL,
	sent          TEXT,
	cable         BYTEA,
	reopened_from TEXT NOT NULL,
	parent_hash   TEXT NOT NULL,
	hash          TEXT NOT NULL,
	PRIMARY KEY (draft, number)
);
CREATE INDEX revisions_sent ON revisions (draft) WHERE sent IS NOT NULL;
CREATE TABLE labels (
	draft TEXT NOT NULL,
	label TEXT NOT NULL,
	rev   BIGINT NOT NULL,
	PRIMARY KEY (draft, label)
);
CREATE TABLE label_events (
	seq       BIGINT PRIMARY KEY,
	draft     TEXT NOT NULL,
	label     TEXT NOT NULL,
	rev       BIGINT NOT NULL,
	at        TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash      TEXT NOT NULL
);
CREATE INDEX label_events_draft ON label_events (draft, seq);
CREATE TABLE counters (
	series   TEXT NOT NULL,
	year_key BIGINT NOT NULL,
	last     BIGINT NOT NULL,
	PRIMARY KEY (series, year_key)
);
CREATE TABLE register (
	seq         BIGINT PRIMARY KEY,
	series      TEXT NOT NULL,
	year        BIGINT NOT NULL,
	year_key    BIGINT NOT NULL,
	number      BIGINT NOT NULL,
	suffix      TEXT NOT NULL,
	serial      TEXT NOT NULL,
	serial_fold TEXT NOT NULL,
	dtg         TEXT NOT NULL,
	dtg_time    BIGINT NOT NULL,
	originator  TEXT NOT NULL,
	draft       TEXT NOT NULL,
	rev         BIGINT NOT NULL,
	rev_hash    TEXT NOT NULL,
	backdated   TEXT NOT NULL,
	at          TEXT NOT NULL,
	prev_hash   TEXT NOT NULL,
	hash        TEXT NOT NULL,
	UNIQUE (series, year_key, number, suffix)
);
CREATE INDEX register_originator ON register (originator, dtg_time);
CREATE INDEX register_serial ON register (series, serial_fold);
CREATE TABLE clearances (
	seq       BIGINT PRIMARY KEY,
	draft     TEXT NOT NULL,
	rev       BIGINT NOT NULL,
	sha256    TEXT NOT NULL,
	kind      TEXT NOT NULL,
	office    TEXT NOT NULL,
	name      TEXT NOT NULL,
	note      TEXT NOT NULL,
	withdraws BIGINT NOT NULL,
	at        TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash      TEXT NOT NULL
);
CREATE INDEX clearances_draft ON clearances (draft, seq);
CREATE TABLE chains (
	name TEXT PRIMARY KEY,
	seq  BIGINT NOT NULL,
	hash TEXT NOT NULL
);
