-- Worker-ID renames (`kiosk rename-id`, kiosk.attendance.renames): a check-in made under an ID
-- renamed meanwhile (a door that was offline, a frame recognised just before) is written under
-- the new ID.
CREATE TABLE worker_id_renames (
    old_id     text PRIMARY KEY,
    new_id     text NOT NULL,
    renamed_at timestamp(0) NOT NULL
);
