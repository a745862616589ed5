-- Punches with a direction (issue 23, the SQLite store's schema 5): each check-in is a UTC
-- instant plus the zone and offset it was taken in (`timestamp` stays the local wall time there),
-- IN / OUT / break, and how the direction was decided. HR's corrections are punches of method
-- 'correction' with a reason and who added them; a wrong punch is voided, never deleted.
-- People gain the department, the leaving date and the shift a kiosk's database holds.
ALTER TABLE employees
    ADD COLUMN department text,
    ADD COLUMN left_at    timestamp(0),
    ADD COLUMN shift      text;

ALTER TABLE attendance
    ADD COLUMN utc              timestamptz(0),
    ADD COLUMN tz               text,
    ADD COLUMN utc_offset       integer,
    ADD COLUMN direction        text CHECK (direction IN ('in', 'out', 'break_out', 'break_in')),
    ADD COLUMN direction_source text CHECK (direction_source IN ('auto', 'window', 'chosen', 'correction',
                                                                 'migrated')),
    ADD COLUMN reason           text,
    ADD COLUMN added_by         text,
    ADD COLUMN voided_at        timestamptz(0),
    ADD COLUMN void_reason      text,
    ADD COLUMN voided_by        text;

-- The rows already there, as the SQLite store's schema 5 (kiosk.attendance.punches.migrate_v5):
-- their wall time read in the site's zone (the shared time_zone setting, else the zone of the
-- kiosk migrating, which kiosk.site.migrate sets on its session), and a direction by the "auto"
-- rule: IN, then the next one (IN <-> OUT) while the gap to the previous punch is at most
-- max_session_hours (the migrating kiosk's, else 16), IN again after a longer gap.
DO $$
DECLARE
    zone text := coalesce(nullif((SELECT value #>> '{}' FROM site_settings WHERE key = 'time_zone'), ''),
                          current_setting('TimeZone'));
    session interval := make_interval(secs => 3600 * coalesce(
        nullif(current_setting('kiosk.max_session_hours', true), '')::double precision, 16));
    r record;
    person text := NULL;
    previous text := NULL;
    previous_at timestamptz := NULL;
BEGIN
    UPDATE attendance SET utc = timestamp AT TIME ZONE zone, tz = zone;
    UPDATE attendance SET utc_offset = round(extract(epoch FROM timestamp - (utc AT TIME ZONE 'UTC')) / 60);
    FOR r IN SELECT id, employee_id, utc FROM attendance ORDER BY employee_id, timestamp, id LOOP
        IF r.employee_id IS DISTINCT FROM person THEN
            person := r.employee_id;
            previous := NULL;
        END IF;
        IF previous IS NOT NULL AND r.utc - previous_at <= session THEN
            previous := CASE previous WHEN 'in' THEN 'out' ELSE 'in' END;
        ELSE
            previous := 'in';
        END IF;
        previous_at := r.utc;
        UPDATE attendance SET direction = previous, direction_source = 'migrated' WHERE id = r.id;
    END LOOP;
END $$;

ALTER TABLE attendance
    ALTER COLUMN utc SET NOT NULL,
    ALTER COLUMN tz SET NOT NULL,
    ALTER COLUMN utc_offset SET NOT NULL;
CREATE INDEX attendance_employee_utc ON attendance (employee_id, utc);
CREATE INDEX attendance_utc ON attendance (utc);
-- a door's latest punch, read before each live one (a clock set back is refused)
CREATE INDEX attendance_kiosk_utc ON attendance (kiosk_id, utc);
