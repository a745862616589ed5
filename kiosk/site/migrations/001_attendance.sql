-- The attendance store of a site: the same tables as a kiosk's attendance.db, shared.
-- Times are the kiosks' local wall-clock times (as in SQLite), to the second.
CREATE TABLE employees (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    mobile      text,
    enrolled_at timestamp(0) NOT NULL,
    active      boolean NOT NULL DEFAULT true
);

CREATE TABLE attendance (
    id          bigserial PRIMARY KEY,
    employee_id text NOT NULL REFERENCES employees (id),
    timestamp   timestamp(0) NOT NULL,
    status      text NOT NULL DEFAULT 'Present',
    score       double precision,
    masked      boolean,
    kiosk_id    text NOT NULL,
    method      text NOT NULL DEFAULT 'face'
);
CREATE INDEX attendance_employee_time ON attendance (employee_id, timestamp);
CREATE INDEX attendance_time ON attendance (timestamp);

-- No foreign key: the access log outlives a deleted employee.
CREATE TABLE access_log (
    id          bigserial PRIMARY KEY,
    timestamp   timestamp(0) NOT NULL,
    employee_id text,
    name        text NOT NULL DEFAULT '',
    outcome     text NOT NULL,
    score       double precision,
    masked      boolean,
    source      text,
    kiosk_id    text NOT NULL,
    detail      text
);
CREATE INDEX access_log_time ON access_log (timestamp);

-- Every event a kiosk writes carries a key; a key seen before is written nothing (the outbox
-- delivers exactly once, and a retry after a lost COMMIT reply cannot double a check-in).
CREATE TABLE delivered_keys (
    key        text PRIMARY KEY,
    kiosk_id   text NOT NULL,
    written_at timestamp(0) NOT NULL DEFAULT localtimestamp(0)
);

-- Personal check-in PINs (kiosk.attendance.pins), with their lockout, shared by every door.
CREATE TABLE employee_pins (
    employee_id  text PRIMARY KEY,
    pin_hash     text NOT NULL,
    set_at       timestamp(0) NOT NULL,
    failures     integer NOT NULL DEFAULT 0,
    lockouts     integer NOT NULL DEFAULT 0,
    locked_until timestamp(0)
);
