#!/usr/bin/env python3
"""Benchmark: the compiled documents (PDF and Word) at national scale, beside the site build of the same plans.

    .venv/bin/python benchmarks/bench_documents.py [--clusters 60] [--json FILE]

On one year of the synthetic national corpus (benchmarks/corpus.py: 60 clusters x 1 year, made buildable as
bench_site.py makes it, in benchmarks/corpus/documents-<C>x1/), each a separate process, with its wall time, CPU
and peak memory (os.wait4's maximum resident set of the process and the children it waited for):

 1. one board's year: `cluster-plans compile BOARD YEAR --output X.pdf` and `... X.docx`, for the board with
    the most plans (validation of its plans included, as a user runs it);
 2. a national year: every board's year compiled as PDF and as Word, one after the other in one process;
 3. what the build publishes: every plan and every board's year, PDF and Word, with English and Welsh headings
    (generator/documents/published.py document_files), shared out between the workers as the build does,
    with nothing kept from an earlier build;
 4. the site build of the same plans: `cluster-plans build` from cold (no compiled documents kept in
    .build/documents), then again with them kept, each with the seconds it says the documents took.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import bench_site  # noqa: E402
from bench_site import fmt_mb, fmt_time, log, prepare_corpus, python, run_once  # noqa: E402

CLI = str(REPO / ".venv" / "bin" / "cluster-plans")
DOCUMENTS_SPENT = re.compile(r"the PDF and Word documents ([\d.]+)s of it")
BUILT = re.compile(r"Built (\d+) pages")

NATIONAL_YEAR = """
import sys, time
from pathlib import Path
from generator.checks.validate import validate
from generator.core import i18n
from generator.documents.compile import Compiler
from generator.documents.pdf import pdf_bytes
from generator.documents.word import docx_bytes
root = Path(sys.argv[1])
validation = validate(root)
compiler = Compiler(validation.repository, i18n.words(), "en")
pdf = docx = 0.0
pages = size = 0
for board in validation.repository.boards:
    for year in sorted({p.year for p in board.plans}):
        document = compiler.board_year(board, year)
        start = time.perf_counter(); data = pdf_bytes(document, root / "templates")
        pdf += time.perf_counter() - start; size += len(data); pages += data.count(b"/Type /Page\\n")
        start = time.perf_counter(); data = docx_bytes(document); docx += time.perf_counter() - start
print(f"boards {len(validation.repository.boards)} plans {len(validation.repository.plans)} pdf {pdf:.2f} docx {docx:.2f}")
"""

PUBLISHED = """
import sys, time
from pathlib import Path
from generator.checks.validate import validate
from generator.core import i18n
from generator.documents.published import document_files
root = Path(sys.argv[1])
validation = validate(root)
start = time.perf_counter()
files = document_files(validation.repository, i18n.words(), root / "templates",
                       None, None)
print(f"files {len(files)} bytes {sum(len(f.content) for f in files)} seconds {time.perf_counter() - start:.2f}")
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", type=int, default=60)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    root = HERE / "corpus" / f"documents-{args.clusters}x1"
    summary = prepare_corpus(root, args.clusters, 1, regenerate=False)
    boards = {}
    for plan in (root / "clusters").glob("*/*/*/plan.yaml"):
        boards.setdefault(plan.parts[-4], set()).add(plan.parts[-2])
    board, years = max(boards.items(), key=lambda item: sum(1 for _ in (root / "clusters" / item[0]).glob("*/*/plan.yaml")))
    year = sorted(years)[-1]
    plans_of_board = sum(1 for _ in (root / "clusters" / board).glob(f"*/{year}/plan.yaml"))
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for kind in ("pdf", "docx"):
            log(f"compiling {board} {year} as {kind}")
            run = run_once([CLI, "compile", board, year, "--output", f"{scratch}/board.{kind}", "--root", str(root)],
                           REPO)
            results[f"board year ({board}, {plans_of_board} plans) {kind}"] = _row(run)
        log("compiling every board's year")
        run = run_once([python(), "-c", NATIONAL_YEAR, str(root)], REPO)
        results["national year, every board's document, PDF and Word"] = _row(run) | {"detail": run.output.strip()}
        log("compiling what the build publishes")
        run = run_once([python(), "-c", PUBLISHED, str(root)], REPO)
        results["published: each plan and board year, PDF and Word, en and cy"] = \
            _row(run) | {"detail": run.output.strip()}
        shutil.rmtree(root / ".build" / "documents", ignore_errors=True)
        for state in ("cold", "warm"):
            log(f"building the site ({state})")
            run = run_once([CLI, "build", "--root", str(root), "--site-dir", f"{scratch}/site"], REPO)
            spent = DOCUMENTS_SPENT.search(run.output)
            results[f"site build, documents {state}"] = _row(run) | {
                "documents_seconds": float(spent[1]) if spent else None,
                "pages": int(BUILT.search(run.output)[1]) if BUILT.search(run.output) else None}
    print(f"\nCorpus: {summary.get('plans', '?')} plans of one year ({args.clusters} clusters); "
          f"{platform.python_version()}, {bench_site.os.cpu_count()} CPUs\n")
    for name, row in results.items():
        extra = f"  [{row['detail']}]" if row.get("detail") else ""
        extra += f"  documents {row['documents_seconds']:.1f} s" if row.get("documents_seconds") is not None else ""
        print(f"{name:62} {fmt_time(row['wall'])} wall, {fmt_time(row['cpu'])} CPU, peak {fmt_mb(row['peak_kb'])}"
              f"{'' if row['ok'] else '  FAILED'}{extra}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if all(row["ok"] for row in results.values()) else 1


def _row(run) -> dict:
    if run.returncode != 0:
        log(run.output[-2000:])
    return {"wall": run.wall, "cpu": run.cpu, "peak_kb": run.max_rss_kb, "ok": run.returncode == 0}


if __name__ == "__main__":
    sys.exit(main())
