"""installer/supervise.py, the restart-on-death supervisor used where there is no systemd: real
processes that die, exit cleanly, or are asked to stop."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

SUPERVISE = Path(__file__).resolve().parents[2] / "installer" / "supervise.py"
sys.path.insert(0, str(SUPERVISE.parent))
import supervise  # noqa: E402


def test_the_pause_doubles_after_quick_deaths_and_starts_over_after_a_long_run():
    pauses, pause = [], None
    for _ in range(8):
        pause = supervise.next_pause(pause, ran_s=2)
        pauses.append(pause)
    assert pauses == [1, 2, 4, 8, 16, 32, 60, 60]
    assert supervise.next_pause(60, ran_s=supervise.STABLE_AFTER_S) == 1


def supervised(tmp_path: Path, code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(SUPERVISE), "--state", str(tmp_path / "state"), "--",
                             sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_dying_program_is_restarted_with_backoff_and_logged(tmp_path):
    starts = tmp_path / "starts"
    code = f"import time; open({str(starts)!r}, 'a').write(f'{{time.monotonic()}}\\n'); print('hello'); raise SystemExit(3)"
    process = supervised(tmp_path, code)
    time.sleep(4.5)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) == 0
    times = [float(t) for t in starts.read_text().split()]
    assert len(times) == 3  # at 0, after 1 s, after 2 more
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert 0.9 < gaps[0] < 1.8 and 1.9 < gaps[1] < 2.8
    log = (tmp_path / "state" / "kiosk.log").read_text()
    assert sum(line.endswith(" hello") for line in log.splitlines()) == 3 and "died (exit 3)" in log and "restarting in 2 s" in log
    assert not (tmp_path / "state" / "supervisor.pid").exists()


def test_a_clean_exit_is_not_restarted_and_one_supervisor_runs_per_state_folder(tmp_path):
    sleeper = supervised(tmp_path, "import time; time.sleep(30)")
    deadline = time.monotonic() + 10
    while not (tmp_path / "state" / "kiosk.pid").exists():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    second = supervised(tmp_path, "raise SystemExit(0)")
    assert second.wait(timeout=10) == 0 and "already running" in second.stderr.read()
    child = int((tmp_path / "state" / "kiosk.pid").read_text())
    sleeper.send_signal(signal.SIGTERM)  # stopping the supervisor stops the program
    assert sleeper.wait(timeout=15) == 0 and not Path(f"/proc/{child}").exists()

    clean = supervised(tmp_path, "print('bye')")
    assert clean.wait(timeout=15) == 0
    assert "closed normally" in (tmp_path / "state" / "kiosk.log").read_text()
