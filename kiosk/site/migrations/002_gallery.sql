-- The gallery of a site: people, one row per template (float32 little-endian bytes), the
-- enrolment photos and learned-mask crops, and the site's settings. Every change takes the next
-- revision (writers take one lock, so revisions commit in order) and notifies `kiosk_site`;
-- a kiosk asks for what is newer than the last revision it applied. A deletion leaves a
-- tombstone row so kiosks that were offline still remove the person.
CREATE SEQUENCE site_revision;

CREATE TABLE people (
    user_id    text PRIMARY KEY,
    name       text NOT NULL,
    mobile     text NOT NULL DEFAULT '',
    embedder   text NOT NULL,
    metadata   jsonb NOT NULL,
    revision   bigint NOT NULL,
    deleted    boolean NOT NULL DEFAULT false,
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL
);
CREATE INDEX people_revision ON people (revision);

CREATE TABLE templates (
    user_id text NOT NULL REFERENCES people (user_id) ON DELETE CASCADE,
    path    text NOT NULL,  -- where the kiosk keeps it: originals/original_1.npy, masked/img_1/gas.npy, ...
    dim     integer NOT NULL,
    vector  bytea NOT NULL CHECK (length(vector) = 4 * dim),
    PRIMARY KEY (user_id, path)
);

CREATE TABLE person_files (
    user_id text NOT NULL REFERENCES people (user_id) ON DELETE CASCADE,
    path    text NOT NULL,  -- photos/photo_1.jpg, masked/learned/real_1.jpg
    data    bytea NOT NULL,
    PRIMARY KEY (user_id, path)
);

CREATE TABLE site_settings (
    key        text PRIMARY KEY,
    value      jsonb NOT NULL,
    revision   bigint NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL
);

-- Which site this is: a kiosk moved to another server starts its cache over.
CREATE TABLE site_identity (
    one     boolean PRIMARY KEY DEFAULT true CHECK (one),
    site_id uuid NOT NULL DEFAULT gen_random_uuid()
);
INSERT INTO site_identity DEFAULT VALUES;
