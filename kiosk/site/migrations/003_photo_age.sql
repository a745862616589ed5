-- When each stored file arrived, kept across re-sends of the same content: the site's photo
-- retention (retention_photos_days) counts from it, as a single kiosk counts from the file's age.
ALTER TABLE person_files ADD COLUMN stored_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX person_files_photo_age ON person_files (stored_at) WHERE path LIKE 'photos/%';
