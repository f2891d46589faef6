"""Time `convert` of one filing to every output format (XBRL, xBRL-JSON, Turtle, findings).

Usage: python benchmarks/bench_convert.py [FILE] [--repeat N]
Reports the best and median wall time of N runs in one process (after one warm-up run that
loads the taxonomy), plus a cold run that includes loading the taxonomy.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from xbrlify.converters.pipeline import convert
from xbrlify.export.write import write_filing
from xbrlify.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent


def run(path: Path, out: Path) -> int:
    filing = convert(path, load_taxonomy())
    write_filing(filing, out, path.stem)
    return len(filing.facts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", default=str(ROOT / "examples/seeds/004_41771b5226e85674.txt"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = Path(args.file)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        facts = run(path, Path(tmp))
        cold = time.perf_counter() - t0
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            run(path, Path(tmp))
            times.append(time.perf_counter() - t0)
    print(
        f"{path.name}: {facts} facts; cold (incl. taxonomy load) {cold:.3f} s; "
        f"warm best {min(times):.3f} s, median {statistics.median(times):.3f} s over {args.repeat} runs"
    )


if __name__ == "__main__":
    main()
