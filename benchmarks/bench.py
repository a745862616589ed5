"""Full benchmark run (`kiosk bench` without --quick), saved for docs/benchmarks.md.

    python benchmarks/bench.py [--quick]

Writes benchmarks/results/bench.json and prints the table. Run it on an otherwise idle machine:
the JSON records the load average at the start so contended runs can be recognised."""
from __future__ import annotations

import argparse
import json
import sys

import _common

_common.setup()

from kiosk.app.settings import load_settings  # noqa: E402
from kiosk.commands.bench import format_table, run_bench  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    _common.require_faces()
    import tempfile

    settings = load_settings(tempfile.mkdtemp(prefix="kiosk-bench-"))
    result = run_bench(settings, _common.FACES, quick=args.quick,
                       progress=lambda m: print(f"... {m}", file=sys.stderr, flush=True))
    out = _common.REPO / "benchmarks" / "results" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(format_table(result))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
