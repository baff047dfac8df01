#!/usr/bin/env python3
"""Benchmark: compare every consecutive pair of plan years in the synthetic national corpus.

    .venv/bin/python benchmarks/bench_diff.py [--outdir DIR] [--clusters 60] [--years 10] [--repeat 3]

Generates the corpus with benchmarks/corpus.py (unless DIR already holds a current one), validates
it once, then times, per pair: the semantic comparison (generator.diff.compare), and each output
format of `cluster-plans diff` (text, markdown, json) and the site's "What changed" page. Also times
the whole command for one pair, as a user runs it (validate the two plans, compare, print). Prints
time per pair.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from click.testing import CliRunner  # noqa: E402

import corpus  # noqa: E402
from generator.core import i18n  # noqa: E402
from generator.cli import cli  # noqa: E402
from generator.commands.diff import Presenter  # noqa: E402
from generator.model.diff import compare  # noqa: E402
from generator.sitemap.pages import CHANGES  # noqa: E402
from generator.render.renderer import Renderer, SiteContext  # noqa: E402
from generator.checks.validate import validate  # noqa: E402

TEMPLATES = HERE.parent / "templates"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def describe(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"{name:<28} mean {ms(statistics.fmean(samples))}  median {ms(statistics.median(samples))}  "
            f"p95 {ms(p95)}  max {ms(ordered[-1])}  total {sum(samples):7.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outdir", type=Path, default=corpus.DEFAULT_OUTDIR, help="where the corpus is (made)")
    parser.add_argument("--clusters", type=int, default=60)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the comparison; the fastest counts")
    args = parser.parse_args(argv)

    if corpus.is_current(args.outdir, args.clusters, args.years):
        print(f"corpus: reusing {args.outdir / 'clusters'}")
    else:
        start = time.perf_counter()
        summary = corpus.generate(args.outdir, clusters=args.clusters, years=args.years)
        print(f"corpus: generated {summary['plans']} plans in {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    validation = validate(args.outdir)
    validated = time.perf_counter() - start
    if not validation.report.valid:
        print(validation.report.as_text(), file=sys.stderr)
        return 1
    clusters = [c for c in validation.repository.clusters if len(c.plans) > 1]
    pairs = [(a, b, c) for c in clusters for a, b in zip(c.plans, c.plans[1:])]
    print(f"validated {validation.report.plans_checked} plans in {validated:.1f} s; "
          f"{len(pairs)} consecutive pairs in {len(clusters)} clusters\n")

    # Best of several runs per pair, so a stray pause of the machine does not count against the diff.
    compare_times = [min(_timed(lambda: compare(a, b))[1] for _ in range(args.repeat)) for a, b, _ in pairs]
    diffs = [compare(a, b) for a, b, _ in pairs]
    presenter = Presenter(TEMPLATES, "en", colour=False)
    formats = {}
    for fmt in ("text", "markdown", "json"):
        formats[fmt] = [_timed(lambda: presenter.show(fmt, [d], "years", d.before_label, d.after_label))[1]
                        for d in diffs]

    ctx = SiteContext(validation.repository, HERE.parent / "content", TEMPLATES, i18n.words())
    renderer = Renderer(ctx)
    # The comparisons are made once per cluster beforehand, so that only the page itself is timed.
    pages = [page for c in clusters if renderer.cluster_changes(c)
             for page in ctx.site_pages.cluster(c, "en") if page.kind == CHANGES]
    formats["site page"] = [_timed(lambda: renderer.page(page))[1] for page in pages]

    changes = [d.summary for d in diffs]
    print(f"per pair, on average: {statistics.fmean(s.activities_added for s in changes):.1f} activities added, "
          f"{statistics.fmean(s.activities_removed for s in changes):.1f} dropped, "
          f"{statistics.fmean(s.activities_renamed for s in changes):.1f} renamed, "
          f"{statistics.fmean(s.activities_changed for s in changes):.1f} changed of "
          f"{statistics.fmean(s.activities_carried_over for s in changes):.1f} carried over, "
          f"{statistics.fmean(s.sections_changed for s in changes):.1f} prose sections changed\n")
    print(describe("compare (PlanDiff)", compare_times))
    for fmt, samples in formats.items():
        print(describe(f"format {fmt}", samples))
    per_pair = [c + t for c, t in zip(compare_times, formats["markdown"])]
    print(describe("compare + markdown", per_pair))

    # The command as a reviewer runs it: validate the cluster's two plans, compare, print.
    sample = clusters[len(clusters) // 2]
    target = f"{sample.board.slug}/{sample.cluster.slug}"
    runner = CliRunner()
    command = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = runner.invoke(cli, ["diff", target, "--format", "markdown", "--root", str(args.outdir)])
        command.append(time.perf_counter() - start)
        if result.exit_code != 0:
            print(result.output, file=sys.stderr)
            return 1
    print(describe(f"cluster-plans diff {sample.cluster.slug}", command))
    print(f"\nall {len(pairs)} pairs: compare {sum(compare_times):.2f} s, "
          f"compare + markdown {sum(per_pair):.2f} s (validation of the corpus, once: {validated:.1f} s)")
    return 0


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
