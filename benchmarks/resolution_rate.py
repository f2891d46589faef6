"""Share of rows recovered exactly vs flagged ambiguous on random glued statements (never wrong).

Usage: python benchmarks/resolution_rate.py [N]   (N random statements, default 200, seeded)
"""

from __future__ import annotations

import random
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_resolve_property import DETAIL, HEADER, TAXONOMY, TOTAL, money

from xbrlify.converters.pipeline import convert


def main(n: int) -> None:
    recovered = flagged = wrong = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(n):
            r = random.Random(seed)
            vals = [(r.randint(0, 10**11), r.randint(0, 10**11)) for _ in DETAIL]
            notes = [r.choice([None, r.randint(1, 60)]) for _ in DETAIL]
            lines = [HEADER] + [
                f"{lab}{nt or ''}{money(a)}{money(b)}\n"
                for (_, lab), (a, b), nt in zip(DETAIL, vals, notes, strict=True)
            ]
            lines.append(f"{TOTAL[1]}{money(sum(a for a, _ in vals))}{money(sum(b for _, b in vals))}\n")
            path = Path(tmp) / f"s{seed}.txt"
            path.write_text("".join(lines), encoding="utf-8")
            filing = convert(path, TAXONOMY)
            got = {(f.concept, f.context.period.key): f.value for f in filing.facts}
            for (concept, _), (a, _b) in zip(DETAIL, vals, strict=True):
                value = got.get((concept, "2024-06-30"))
                if value is None:
                    flagged += 1
                elif value == Decimal(a) / 100:
                    recovered += 1
                else:
                    wrong += 1
    total = recovered + flagged + wrong
    print(
        f"{n} statements, {total} rows: recovered {recovered} ({recovered / total:.1%}), "
        f"flagged {flagged} ({flagged / total:.1%}), wrong {wrong}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
