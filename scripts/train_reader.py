#!/usr/bin/env python3
"""Learn the weights of the report reader's scoring stage; write data/reader_weights.json.

Usage (from the project's root):
    python scripts/train_reader.py            # train, write the weights, print the fit
    python scripts/train_reader.py --check    # train and compare with the committed weights
    python scripts/train_reader.py --halves tune   # learn without the held-out half, to
                                                   # score it honestly
    python scripts/train_reader.py --cv       # leave each batch out in turn, learn from the
                                              # rest and score it (to choose features, L2)

Training data: every report of ``tests/reports/`` (written for the reader, with expected
stops in YAML), the halves of ``tests/reports-dev/split.json`` named by ``--halves`` and the
batches of ``tests/reports-fresh/`` named by ``--fresh`` (real reports; a batch is the
letters its files begin with, before the number: ``c01_...`` is in batch ``c``, ``xa03_...`` in
``xa``). The rules of the reader are written against the ``tune`` half and the
fresh batches only; the weights are fitted here, with no hand-tuning. To score the
``held_out`` half honestly, learn without it (``--halves tune``), score, then learn from
everything again for the weights that ship. To score a new fresh batch as unseen data, score
it before any rule or weight has learned from it. For each report, the reader runs with
scoring switched off, and every mention it names becomes one row: its features
(``flightlegs.read.report.scoring.features``) and a label, 1 when its place matches one of
the report's expected stops (same IATA code; else same country and region and a name word in
common; a country or region matches any stop in it), else 0.

The model is an L2-regularised logistic regression fitted by Newton's method in numpy: small,
deterministic, and each weight is one readable feature.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys
from typing import Any

import numpy as np
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "reader_weights.json"
#: The dev halves the committed weights learn from. The held-out half's score in the closing
#: notes is measured with weights learned from "tune" alone (--halves tune); the weights that
#: ship then learn from both, as a model is refitted on all its data once it is evaluated.
HALVES = ("tune", "held_out")
#: The batches of tests/reports-fresh/ the committed weights learn from (every batch so far).
FRESH = (
    *"cdefghijklmnopqrstuvwxyz",
    *("xa", "xb", "xc", "xd", "xe", "xf", "xg", "xh", "xi", "xj", "xk", "xl", "xm", "xn"),
    *("xo", "xp", "xq", "xr", "xs", "xt", "xu", "xv", "xw", "xx", "xy", "xz"),
    *("ya", "yb", "yc", "yd", "ye", "yf", "yg", "yh"),
)
MIN_COUNT = 2  # a feature seen fewer times says nothing general
L2 = 3.0  # chosen by leaving each batch out in turn (1.0 and 10.0 read fewer stops)
_STOP = {"airport", "international", "air", "base", "force", "the", "city", "field", "joint"}


def _words(s: str | None) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", (s or "").lower())) - _STOP


def _matches(exp: dict[str, Any], got: dict[str, Any]) -> bool:
    if exp.get("iata") and got.get("iata"):
        return str(exp["iata"]).upper() == str(got["iata"]).upper()
    if exp.get("country") and got.get("country") and exp["country"] != got["country"]:
        return False
    if exp.get("kind") == "country":
        return True
    if exp.get("region") and got.get("region") and exp["region"] != got["region"]:
        return False
    if exp.get("kind") == "region":
        return True
    return bool(_words(exp.get("name")) & (_words(got.get("name")) | _words(got.get("city"))))


def _cases(halves: tuple[str, ...], fresh: str) -> list[tuple[str, str, list[dict[str, Any]]]]:
    cases = []
    for spec_path in sorted((ROOT / "tests" / "reports").glob("*.yaml")):
        text_path = spec_path.with_suffix(".txt")
        if not text_path.exists():  # the seed report lives outside the repository
            continue
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        stops = [
            {
                "name": s.get("place"),
                "kind": s.get("kind"),
                "country": s.get("country"),
                "region": s.get("region"),
                "iata": s.get("airport") if len(str(s.get("airport") or "")) == 3 else None,
            }
            for s in spec.get("stops", [])
        ]
        cases.append((spec_path.name, text_path.read_text(encoding="utf-8"), stops))
    dev = ROOT / "tests" / "reports-dev"
    split = json.loads((dev / "split.json").read_text(encoding="utf-8"))
    for name in (n for half in halves for n in split[half]):
        case = json.loads((dev / name).read_text(encoding="utf-8"))
        cases.append((name, case["text"], case["expected_stops"]))
    wanted = set(fresh.split(","))
    for path in sorted((ROOT / "tests" / "reports-fresh").glob("*.json")):
        if _fresh_batch(path.name) in wanted:
            case = json.loads(path.read_text(encoding="utf-8"))
            cases.append((path.name, case["text"], case["expected_stops"]))
    return cases


def _got(m: Any) -> dict[str, Any]:
    if m.stop is not None and m.stop.candidates:
        a = m.stop.candidates[0]
        return {"iata": a.iata, "name": a.name, "city": a.city, "country": a.country,
                "region": a.region}  # fmt: skip
    if not m.places:
        return {"name": m.text}
    p = m.places[0]
    a = p.airport
    return {
        "iata": a.iata if a is not None else None,
        "name": p.name,
        "city": a.city if a is not None else None,
        "country": p.country,
        "region": p.region,
    }


def case_rows(
    cases: list[tuple[str, str, list[dict[str, Any]]]],
) -> list[tuple[list[dict[str, float]], list[int]]]:
    """Features and labels of every mention the reader names, one list per case."""
    from flightlegs.read.report import reader, scoring

    captured: list[tuple[Any, dict[str, float]]] = []

    def capture(text: str, by_sentence: Any, weights: Any = None, **last_resort: Any) -> None:
        if not last_resort:  # the reader's second, lower-threshold pass adds no rows
            captured.extend(scoring.training_rows(text, by_sentence))

    out: list[tuple[list[dict[str, float]], list[int]]] = []
    original = reader.rescue
    reader.rescue = capture  # type: ignore[assignment]
    try:
        for _, text, expected in cases:
            captured.clear()
            reader.explain_report(text)
            out.append(
                (
                    [f for _, f in captured],
                    [int(any(_matches(e, _got(m)) for e in expected)) for m, _ in captured],
                )
            )
    finally:
        reader.rescue = original  # type: ignore[assignment]
    return out


def rows(
    halves: tuple[str, ...] = HALVES, fresh: str = ""
) -> tuple[list[dict[str, float]], list[int]]:
    """Features and labels of every mention in the training reports."""
    per_case = case_rows(_cases(halves, fresh))
    return [f for fs, _ in per_case for f in fs], [y for _, ys in per_case for y in ys]


def _fresh_batch(name: str) -> str:
    """The batch of a file of tests/reports-fresh/: the letters before its number."""
    m = re.match(r"([a-z]+)\d", name)
    return m.group(1) if m else ""


def _batch(name: str) -> str:
    """The group a case is left out with: its fresh batch, its dev half, or none."""
    if name.endswith(".yaml"):
        return ""  # written for the reader: always learned from
    batch = _fresh_batch(name)
    return batch if batch in FRESH else "dev"


def _found_in_order(expected: list[dict[str, Any]], stops: tuple[Any, ...]) -> int:
    got = [
        {
            "iata": s.airport.iata if s.airport is not None else None,
            "name": s.name,
            "city": s.airport.city if s.airport is not None else None,
            "country": s.country,
            "region": s.region,
        }
        for s in stops
    ]
    t = [[0] * (len(got) + 1) for _ in range(len(expected) + 1)]
    for i, e in enumerate(expected):
        for j, g in enumerate(got):
            t[i + 1][j + 1] = t[i][j] + 1 if _matches(e, g) else max(t[i][j + 1], t[i + 1][j])
    return t[-1][-1]


def cross_validate(halves: tuple[str, ...], fresh: str) -> list[tuple[str, int, int, int, int]]:
    """Leave each batch out in turn: learn from the others, read it, score it.

    Returns one row per batch: (batch, routes exact, stops found in order, stops
    expected, stops returned). The rules were written against every batch, so
    this measures how far the learned weights, not the rules, carry to a batch
    they have not seen; use it to choose features, ``L2`` and the threshold.
    """
    from flightlegs.errors import InputError
    from flightlegs.read.report import reader

    cases = _cases(halves, fresh)
    per_case = case_rows(cases)
    batches = sorted({_batch(name) for name, _, _ in cases} - {""})
    original = reader.rescue
    out = []
    for batch in batches:
        learn = [
            rc for (name, _, _), rc in zip(cases, per_case, strict=True) if _batch(name) != batch
        ]
        weights = fit([f for fs, _ in learn for f in fs], [y for _, ys in learn for y in ys])

        def rescue(
            text: str, by_sentence: Any, w: Any = None, learnt: Any = weights, **kw: Any
        ) -> None:
            original(text, by_sentence, learnt, **kw)

        exact = found = total = returned = 0
        reader.rescue = rescue  # type: ignore[assignment]
        try:
            for name, text, expected in cases:
                if _batch(name) != batch:
                    continue
                total += len(expected)
                try:
                    stops = reader.parse_report(text, source=name).stops
                except InputError:
                    continue
                k = _found_in_order(expected, stops)
                found, returned = found + k, returned + len(stops)
                exact += k == len(expected) == len(stops)
        finally:
            reader.rescue = original  # type: ignore[assignment]
        out.append((batch, exact, found, total, returned))
    return out


def fit(feats: list[dict[str, float]], labels: list[int]) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method; one weight per kept feature."""
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= MIN_COUNT or k == "bias")
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(feats), len(names)))
    for r, f in enumerate(feats):
        for k, v in f.items():
            if k in index:
                x[r, index[k]] = v
    y = np.asarray(labels, dtype=float)
    w = np.zeros(len(names))
    penalty = np.full(len(names), L2)
    penalty[index["bias"]] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {k: round(float(w[i]), 4) for k, i in index.items() if abs(w[i]) >= 1e-4}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed weights differ")
    ap.add_argument(
        "--cv",
        action="store_true",
        help="leave each fresh batch (and the dev half) out in turn and score it; write nothing",
    )
    ap.add_argument(
        "--halves",
        default=",".join(HALVES),
        help="which halves of the dev split to learn from (comma-separated; default: both). "
        "Train on 'tune' alone to measure the held-out half; the committed weights use both.",
    )
    ap.add_argument(
        "--fresh",
        default=",".join(FRESH),
        help="which batches of tests/reports-fresh/ to learn from, comma-separated, by the "
        "letters their files begin with (default: all of them); leave a new batch out to score "
        "it as unseen",
    )
    args = ap.parse_args()
    halves = tuple(h for h in args.halves.split(",") if h)
    if args.cv:
        table = cross_validate(halves, args.fresh)
        for batch, exact, found, total, returned in table:
            print(f"{batch:>4}  exact {exact:3}  stops {found:4}/{total:<4} returned {returned}")
        e, f, t, r = (sum(row[i] for row in table) for i in range(1, 5))
        print(f" all  exact {e:3}  stops {f:4}/{t:<4} ({100 * f / t:.1f}%)  precision {f / r:.3f}")
        return 0
    feats, labels = rows(halves, args.fresh)
    weights = fit(feats, labels)
    z = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in feats]
    right = sum((zi > 0) == bool(label) for zi, label in zip(z, labels, strict=True))
    doc = {
        "about": "Weights of flightlegs.read.report.scoring, learned by scripts/train_reader.py "
        f"from tests/reports/, the {' and '.join(halves)} half of tests/reports-dev/split.json "
        "and the fresh batches of tests/reports-fresh/.",
        "halves": list(halves),
        "fresh": args.fresh,
        "rows": len(labels),
        "positives": sum(labels),
        "training_accuracy": round(right / len(labels), 4) if labels else None,
        "l2": L2,
        "min_count": MIN_COUNT,
        "weights": dict(sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))),
    }
    text = json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
    print(f"{len(labels)} rows, {sum(labels)} stops, {len(weights)} weights, "
          f"training accuracy {doc['training_accuracy']}", file=sys.stderr)  # fmt: skip
    if args.check:
        # the same weights to 1e-3: other BLAS builds round the last digit differently
        old = json.loads(OUT.read_text(encoding="utf-8"))["weights"] if OUT.exists() else {}
        same = set(old) == set(weights) and all(abs(old[k] - weights[k]) < 1e-3 for k in old)
        print("weights are current" if same else "weights differ: rerun the script",
              file=sys.stderr)  # fmt: skip
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
