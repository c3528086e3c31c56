"""Scale benchmark: index, report and check on FA-KES copied 1x, 4x, ... (issue 12).

Run: .venv/bin/python bench/scale.py [--sizes 1 4] [--out bench/results/scale.json]
         [--stages] [--timeout-min 25] [--keep DIR]
For each size K (copies of the FA-KES rows, bench/scale_corpus.py), in a fresh folder:
generate the corpus CSV, then run as subprocesses, each under `/usr/bin/time -f "%e %M"`
(wall seconds, peak RSS):
  1. `checker index CSV --index DIR --quiet`
  2. `checker verify --index DIR` (the sentence count; also the cost of loading the index)
  3. `checker report --index DIR --format json --out report.json --quiet`
  4. `checker check check.txt --index DIR --format json --out check.json`: one new article,
     the FA-KES row --check-id with its figures raised by 5, from a new outlet, same dates.
It records the index's size on disk (du) and, per command, the growth exponent: the
log-log slope of seconds against sentences between consecutive sizes and over all of them
(least squares). A command still running after --timeout-min minutes is killed and
recorded as not finished. --stages runs the commands without --quiet and with a heartbeat
line every second (CHECKER_HEARTBEAT_S=1), and counts seconds per stage from those lines.
Sizes run in the order given; a run takes about 3 minutes at 1x on two cores.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from results_io import emit
from scale_corpus import DAYS_APART, FAKES, MB, generate, perturb_text, read_rows

CHECKER = Path(sys.executable).with_name("checker")
TIME = "/usr/bin/time"
COMMANDS = ("index", "verify", "report", "check")
CHECK_ID = "1923102956"  # al-Araby on the June 2016 strike on the Idlib market
CHECK_DELTA = 5
HEARTBEAT = re.compile(r"^\[\s*[\d.]+s\] (?P<stage>.*?)(?:: [\d,]+(?:/[\d,]+)?)? …$")
VERIFY_LINE = re.compile(r"(?P<articles>\d+) articles, (?P<sentences>\d+) sentences")


def write_check_article(folder: Path, source: Path, unit_id: str) -> Path:
    """The article `check` gets: FA-KES row `unit_id` (else the first row) with its figures
    raised by CHECK_DELTA, as a new outlet's .txt with front matter."""
    chosen = None
    for row in read_rows(source):
        chosen = chosen or row
        if row["unit_id"] == unit_id:
            chosen = row
            break
    if chosen is None:
        raise SystemExit(f"{source} has no rows")
    month, day, year = (int(part) for part in chosen["date"].split("/"))
    text = perturb_text(chosen["article_content"], 0, CHECK_DELTA)
    path = folder / "check.txt"
    path.write_text(
        f"---\nid: scale-check-{chosen['unit_id']}\noutlet: scale check wire\n"
        f"date: {year:04d}-{month:02d}-{day:02d}\ntitle: {chosen['article_title']}\n---\n"
        f"{text}\n",
        encoding="utf-8",
    )
    return path


def timed(command: list[str], folder: Path, name: str, timeout_s: float, stages: bool) -> dict:
    """Run `command` under /usr/bin/time; its seconds, peak RSS and exit code, or that it was
    killed after `timeout_s`. stdout and stderr go to NAME.out and NAME.err in `folder`."""
    time_file = folder / f"{name}.time"
    env = dict(os.environ, CHECKER_HEARTBEAT_S="1") if stages else None
    started = time.perf_counter()
    with (folder / f"{name}.out").open("wb") as out, (folder / f"{name}.err").open("wb") as err:
        process = subprocess.Popen(
            [TIME, "-f", "%e %M", "-o", str(time_file), *command],
            stdout=out,
            stderr=err,
            env=env,
            start_new_session=True,
        )
        try:
            code = process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            _kill(process)
            return {"finished": False, "killed_after_s": round(time.perf_counter() - started)}
    seconds, peak_kb = time_file.read_text(encoding="utf-8").split()[-2:]
    result = {
        "finished": True,
        "exit_code": code,
        "seconds": float(seconds),
        "peak_rss_mib": round(int(peak_kb) / 1024, 1),
        "load_avg_1min_after": round(os.getloadavg()[0], 2),
    }
    if code not in (0, 1):
        result["stderr_tail"] = (folder / f"{name}.err").read_text(encoding="utf-8")[-2000:]
    if stages:
        result["stage_seconds"] = stage_seconds((folder / f"{name}.err").read_text("utf-8"))
    return result


def _kill(process: subprocess.Popen) -> None:
    """End the command's whole process group (time and checker), politely first."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sent)
            process.wait(timeout=20)
            return
        except subprocess.TimeoutExpired:
            continue
        except ProcessLookupError:
            return


def stage_seconds(stderr: str) -> dict[str, int]:
    """Seconds per stage, counted from the once-a-second heartbeat lines."""
    beats = Counter(
        match["stage"] for line in stderr.splitlines() if (match := HEARTBEAT.match(line))
    )
    return dict(beats.most_common())


def disk_kib(folder: Path) -> int:
    """What `du -sk` says the folder takes on disk."""
    output = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True)
    return int(output.stdout.split()[0])


def pairs_of(path: Path) -> dict:
    """The number of pairs in a JSON report or check result, and per kind."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    pairs = data.get("pairs") or data.get("report", {}).get("pairs") or []
    return {"pairs": len(pairs), "pairs_by_kind": dict(Counter(pair["kind"] for pair in pairs))}


def measure_size(copies: int, folder: Path, args: argparse.Namespace) -> dict:
    """Generate the corpus of `copies` copies in `folder` and time the four commands on it."""
    corpus = folder / f"fakes-x{copies}.csv"
    made = generate(
        corpus, copies=copies, source=args.source, seed=args.seed, days_apart=args.days_apart
    )
    article = write_check_article(folder, args.source, args.check_id)
    index_dir = folder / "index"
    quiet = [] if args.stages else ["--quiet"]
    plan = {
        "index": ["index", str(corpus), "--index", str(index_dir), *quiet],
        "verify": ["verify", "--index", str(index_dir)],
        "report": ["report", "--index", str(index_dir), "--format", "json"]
        + ["--out", str(folder / "report.json"), *quiet],
        "check": ["check", str(article), "--index", str(index_dir), "--format", "json"]
        + ["--out", str(folder / "check.json")],
    }
    result: dict = {
        "copies": copies,
        "rows": made.rows,
        "outlets": made.outlets,
        "corpus_mb": round(made.bytes / MB, 2),
    }
    print(f"{copies}x: {made.rows} rows, {made.bytes / MB:.1f} MB", file=sys.stderr)
    for name in COMMANDS:
        if name != "index" and not result["index"].get("finished"):
            result[name] = {"finished": False, "skipped": "the index did not finish"}
            continue
        command = [str(CHECKER), *plan[name]]
        result[name] = timed(command, folder, name, args.timeout_min * 60, args.stages)
        if name == "index" and index_dir.is_dir():  # before report and check add to it
            result["index_disk_mib"] = round(disk_kib(index_dir) / 1024, 1)
        print(f"  {name}: {result[name]}", file=sys.stderr)
    _add_counts(result, folder)
    return result


def _add_counts(result: dict, folder: Path) -> None:
    """Articles and sentences (from verify's output) and the pairs found."""
    if (found := VERIFY_LINE.search(_text(folder / "verify.out"))) is not None:
        result["articles"] = int(found["articles"])
        result["sentences"] = int(found["sentences"])
    result["report"] |= pairs_of(folder / "report.json")
    result["check"] |= pairs_of(folder / "check.json")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) against log(x); None for fewer than two distinct x."""
    logs = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len({x for x, _ in logs}) < 2:
        return None
    mean_x = sum(x for x, _ in logs) / len(logs)
    mean_y = sum(y for _, y in logs) / len(logs)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in logs)
    variance = sum((x - mean_x) ** 2 for x, _ in logs)
    return round(covariance / variance, 2)


def exponents(sizes: list[dict]) -> dict:
    """Per command: seconds ~ sentences^e between consecutive sizes and over all sizes."""
    found = {}
    for name in COMMANDS:
        points = [
            (size["copies"], size["sentences"], size[name]["seconds"])
            for size in sizes
            if "sentences" in size and size[name].get("finished")
        ]
        steps = [
            {"from": a[0], "to": b[0], "exponent": slope([a[1:], b[1:]])}
            for a, b in zip(points, points[1:], strict=False)
        ]
        found[name] = {"steps": steps, "overall": slope([point[1:] for point in points])}
    return found


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "load_avg_1min_at_start": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4], help="copies per size")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--source", type=Path, default=FAKES)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--days-apart", type=int, default=DAYS_APART, help="between copies")
    parser.add_argument("--check-id", default=CHECK_ID, help="FA-KES row the checked article is")
    parser.add_argument("--timeout-min", type=float, default=25, help="per command")
    parser.add_argument("--stages", action="store_true", help="seconds per stage (heartbeats)")
    parser.add_argument("--keep", type=Path, default=None, help="keep corpora and indexes here")
    args = parser.parse_args()
    results = {
        "machine": machine(),
        "source": str(args.source),
        "seed": args.seed,
        "days_apart": args.days_apart,
        "sizes": [],
    }
    with tempfile.TemporaryDirectory(prefix="checker-scale-") as work:
        root = args.keep or Path(work)
        for copies in args.sizes:
            folder = root / f"x{copies}"
            folder.mkdir(parents=True, exist_ok=True)
            results["sizes"].append(measure_size(copies, folder, args))
    results["exponents"] = exponents(results["sizes"])
    emit(results, args.out, sort_keys=False)


if __name__ == "__main__":
    main()
