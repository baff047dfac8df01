#!/usr/bin/env python3
"""Benchmark: `cluster-plans validate` against check-jsonschema on the synthetic national corpus.

    .venv/bin/python benchmarks/bench_validate.py [--corpus DIR] [--runs 3] [--regenerate] [--json FILE]

Generates the corpus (benchmarks/corpus.py: 60 clusters x 10 years) when it is missing or was
made with other parameters, exports our JSON Schema with `cluster-plans schema -o FILE`, then
times, each as a separate process, best of --runs wall-clock runs (runs of the commands interleaved):

  ours, whole corpus     cluster-plans validate --root CORPUS
  check-jsonschema       check-jsonschema --schemafile SCHEMA <every plan.yaml>
  ours, one plan         cluster-plans validate --root CORPUS <one plan folder>   (pre-commit case)
  check-jsonschema, one  check-jsonschema --schemafile SCHEMA <that plan.yaml>
  ours, startup          cluster-plans --version                                 (fixed cost of the CLI)

and the peak memory (max RSS) of each child, read from os.wait4's resource usage of that child.
Every run's result is checked: ours must report every plan checked with 0 errors, check-jsonschema
must report the files valid; a run that fails is reported and the benchmark exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import corpus as corpus_mod  # noqa: E402

SUMMARY = re.compile(r"^(\d+) plans? checked: (\d+) errors?, (\d+) warnings?$", re.MULTILINE)
GOAL_RATIO = 1.0


@dataclass
class Run:
    wall: float
    cpu: float
    max_rss_kb: int
    returncode: int
    output: str


@dataclass
class Case:
    name: str
    argv: list[str]
    check: object  # callable(Run) -> str | None (None when the run is as expected, else why not)
    runs: list[Run] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(r.wall for r in self.runs)

    @property
    def median(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.max_rss_kb for r in self.runs) / 1024

    @property
    def cpu(self) -> float:
        return min(r.cpu for r in self.runs)


def tool(name: str) -> str:
    """The named executable: beside this Python (the venv), in the repository's .venv, or on PATH."""
    for folder in (Path(sys.executable).parent, REPO / ".venv" / "bin"):
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: run with the project's venv (.venv/bin/python)")
    return found


def run_once(argv: list[str], cwd: Path) -> Run:
    """Run a command as a child process; its wall time, CPU time and peak RSS (os.wait4 on that child)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss  # bytes on macOS, KiB elsewhere
    return Run(wall, usage.ru_utime + usage.ru_stime, rss, proc.returncode, text)


def expect_ours(plans: int):
    def check(run: Run) -> str | None:
        found = SUMMARY.findall(run.output)
        if run.returncode != 0 or not found:
            return f"exit {run.returncode}: {run.output.strip().splitlines()[-1:] or ['(no output)']}"
        checked, errors, _ = map(int, found[-1])
        if errors or checked != plans:
            return f"{checked} plans checked, {errors} errors (expected {plans} plans, 0 errors)"
        return None
    return check


def expect_cjs(run: Run) -> str | None:
    if run.returncode != 0 or "ok -- validation done" not in run.output:
        return f"exit {run.returncode}: {run.output.strip()[:400]}"
    return None


def expect_exit0(run: Run) -> str | None:
    return None if run.returncode == 0 else f"exit {run.returncode}: {run.output.strip()[:400]}"


def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=corpus_mod.DEFAULT_OUTDIR,
                        help="corpus folder (holding clusters/); default benchmarks/corpus")
    parser.add_argument("--clusters", type=int, default=60)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3, help="runs of each command; the best is reported (default 3)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the corpus even if it is current")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    root = args.corpus.resolve()

    if args.regenerate or not corpus_mod.is_current(root, args.clusters, args.years):
        print(f"generating corpus in {root} ({args.clusters} clusters x {args.years} years)...", flush=True)
        t = time.perf_counter()
        corpus_mod.generate(root, clusters=args.clusters, years=args.years)
        print(f"  done in {time.perf_counter() - t:.1f} s", flush=True)
    meta = json.loads((root / corpus_mod.MARKER).read_text(encoding="utf-8"))

    clusters_dir = root / "clusters"
    plan_files = sorted(clusters_dir.glob("*/*/*/plan.yaml"))
    md_files = sorted(clusters_dir.glob("*/*/*/*.md"))
    registry_files = [clusters_dir / "vocabularies.yaml", *clusters_dir.glob("*/board.yaml"),
                      *clusters_dir.glob("*/*/cluster.yaml")]
    n_plans = len(plan_files)
    plan_bytes = sum(p.stat().st_size for p in plan_files)
    md_bytes = sum(p.stat().st_size for p in md_files)
    one_plan = next((p.parent for p in plan_files if p.parent.as_posix().endswith("swansea-bay/upper-valleys/2022-23")),
                    plan_files[len(plan_files) // 2].parent)

    ours, cjs = tool("cluster-plans"), tool("check-jsonschema")
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as tmp:
        schema = Path(tmp) / "plan.schema.json"
        subprocess.run([ours, "schema", "-o", str(schema)], check=True, cwd=root)
        # check-jsonschema's command line must hold 600 paths: use paths relative to the corpus.
        rel_plans = [p.relative_to(root).as_posix() for p in plan_files]
        rel_one = one_plan.relative_to(root).as_posix()
        cases = [
            Case("ours: validate whole corpus", [ours, "validate", "--root", str(root)], expect_ours(n_plans)),
            Case("check-jsonschema: all plan.yaml", [cjs, "--schemafile", str(schema), *rel_plans], expect_cjs),
            Case("ours: validate one plan", [ours, "validate", "--root", str(root), rel_one], expect_ours(1)),
            Case("check-jsonschema: one plan.yaml", [cjs, "--schemafile", str(schema), f"{rel_one}/plan.yaml"],
                 expect_cjs),
            Case("ours: startup (--version)", [ours, "--version"], expect_exit0),
        ]
        failures = []
        for i in range(args.runs):
            for case in cases:  # interleaved, so drift in machine load affects every command alike
                run = run_once(case.argv, root)
                case.runs.append(run)
                why = case.check(run)
                if why:
                    failures.append(f"{case.name}, run {i + 1}: {why}")
            print(f"  run {i + 1}/{args.runs} done", flush=True)
        warnings = int(SUMMARY.findall(cases[0].runs[-1].output)[-1][2]) if not failures else None

    whole, cjs_all, one, cjs_one, startup = cases
    ratio = whole.best / cjs_all.best
    print()
    print("cluster-plans validate vs check-jsonschema")
    print(f"  machine: {platform.python_implementation()} {platform.python_version()}, {platform.system()} "
          f"{platform.machine()}, {os.cpu_count()} CPUs")
    print(f"  corpus:  {root}")
    print(f"           {meta['clusters_generated']} clusters x {meta['years']} years = {n_plans} plans; "
          f"{meta['activities']:,} activities")
    print(f"  files:   {n_plans} plan.yaml ({plan_bytes / 1e6:.1f} MB), {len(md_files):,} Markdown "
          f"({md_bytes / 1e6:.1f} MB, {meta['prose_words']:,} words), {len(registry_files)} registry files")
    print(f"           ours reads all {n_plans + len(md_files) + len(registry_files):,} files; "
          f"check-jsonschema reads the {n_plans} plan.yaml files and the schema")
    print(f"  one plan: {rel_one} ({len(list(one_plan.glob('*.md')))} Markdown files)")
    print(f"  best of {args.runs} runs, wall clock, each a separate process; peak = max RSS of the child")
    print()
    rows = [(c.name, fmt_time(c.best), fmt_time(c.median), f"{c.cpu:.2f} s", f"{c.peak_mb:.0f} MB") for c in cases]
    head = ("command", "best", "median", "cpu", "peak RSS")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    line = lambda r: "  " + "  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths)))  # noqa: E731
    print(line(head))
    print("  " + "  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))
    print()
    verdict = "goal met" if ratio <= GOAL_RATIO else "goal NOT met"
    print(f"  ratio ours / check-jsonschema, whole corpus: {ratio:.2f}  (goal <= {GOAL_RATIO:.1f}: {verdict})")
    print(f"  ratio ours / check-jsonschema, one plan:     {one.best / cjs_one.best:.2f}")
    print(f"  throughput, whole corpus: ours {n_plans / whole.best:.0f} plans/s, "
          f"check-jsonschema {n_plans / cjs_all.best:.0f} plans/s")
    print(f"  one plan minus CLI startup: {fmt_time(max(one.best - startup.best, 0))}")
    print(f"  peak memory ours / check-jsonschema, whole corpus: {whole.peak_mb:.0f} MB / {cjs_all.peak_mb:.0f} MB")
    print()
    if failures:
        print("  RESULT CHECK FAILED:")
        for f in failures:
            print(f"    {f}")
    else:
        print(f"  results: both tools reported the corpus valid on every run: ours "
              f"'{n_plans} plans checked: 0 errors, {warnings} warnings'; check-jsonschema "
              f"'ok -- validation done' for {n_plans} files")

    if args.json:
        args.json.write_text(json.dumps({
            "corpus": {k: meta[k] for k in ("clusters_generated", "years", "plans", "activities", "prose_words")},
            "files": {"plan_yaml": n_plans, "markdown": len(md_files), "registry": len(registry_files),
                      "plan_yaml_bytes": plan_bytes, "markdown_bytes": md_bytes},
            "runs": args.runs,
            "cases": {c.name: {"argv": [Path(a).name if i == 0 else a for i, a in enumerate(c.argv[:4])],
                               "best_s": c.best, "median_s": c.median, "cpu_s": c.cpu,
                               "peak_rss_mb": c.peak_mb, "walls_s": [r.wall for r in c.runs]} for c in cases},
            "ratio_whole": ratio, "ratio_one": one.best / cjs_one.best, "goal_met": ratio <= GOAL_RATIO,
            "valid": not failures, "warnings": warnings,
            "python": platform.python_version(), "cpus": os.cpu_count(),
        }, indent=2) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
