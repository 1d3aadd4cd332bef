#!/usr/bin/env python3
"""The benchmark gate: re-measures every speed claim against its baseline in the same run and fails below a floor.

`gate.py run` runs the BenchmarkDotNet runs that benchmarks/gates.json names (each claim's ours and baseline are in one
run), reads BenchmarkDotNet's full JSON export, prints one line per claim, writes artifacts/benchmarks/summary.md and
ratios.svg, and exits 1 when any claim is below its floor. `gate.py evaluate --results DIR` does the same on results
already measured (the tests use it on hand-written exports). Only the standard library: CI has python3 and nothing else.
"""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import glob
import json
import math
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

OK, FAIL, SKIPPED = "ok", "FAIL", "skipped"
PROJECT = "benchmarks/LocalGov.Benchmarks"


@dataclass
class Case:
    """One benchmark case as BenchmarkDotNet exported it: per-operation time in nanoseconds."""

    type: str
    method: str
    parameters: dict[str, str]
    ns: float
    stddev_ns: float
    allocated: float | None


@dataclass
class Outcome:
    name: str
    status: str
    title: str = ""
    kind: str = "ratio"
    value: float | None = None
    floor: float | None = None
    unit: str = ""
    reason: str = ""
    ours: Case | None = None
    baseline: Case | None = None
    baselines: list[Case] = field(default_factory=list)

    def line(self) -> str:
        if self.status == SKIPPED:
            return f"{self.name}: skipped: {self.reason}"
        if self.value is None:
            return f"{self.name}: FAIL ({self.reason})"
        if self.kind == "throughput":
            return f"{self.name}: throughput {fmt_number(self.value)} {self.unit} (floor {fmt_number(self.floor)}) {self.status}"
        return f"{self.name}: ratio {fmt_ratio(self.value)} (floor {fmt_ratio(self.floor)}) {self.status}"

    def detail(self) -> str:
        """For a failure: the figure, the floor and the baseline it was measured against."""
        if self.status != FAIL:
            return ""
        if self.value is None:
            return ""  # the reason is on the line already
        ours = describe(self.ours)
        if self.kind == "throughput":
            return f"  ours {ours} = {fmt_number(self.value)} {self.unit}, below the floor of {fmt_number(self.floor)} {self.unit}"
        return (f"  ours {ours} vs baseline {describe(self.baseline)}: {fmt_ratio(self.value)}x, "
                f"below the floor of {fmt_ratio(self.floor)}x")


def fmt_ratio(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.0f}" if x >= 100 else f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def fmt_number(x: float | None) -> str:
    return "-" if x is None else f"{x:,.0f}" if x >= 100 else f"{x:.3g}"


def fmt_time(ns: float) -> str:
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def describe(case: Case | None) -> str:
    if case is None:
        return "-"
    params = ", ".join(f"{k}={v}" for k, v in sorted(case.parameters.items()))
    return f"{case.type}.{case.method}" + (f" [{params}]" if params else "") + f" {fmt_time(case.ns)}/op"


def parse_parameters(text: str) -> dict[str, str]:
    result = {}
    for part in (text or "").split("&"):
        if "=" in part:
            key, value = part.split("=", 1)
            result[key] = value
    return result


def load_results(directory: str, statistic: str = "Median") -> tuple[list[Case], dict]:
    """Every case in every *-report-full.json under directory, and the host description of the first file."""
    cases: list[Case] = []
    host: dict = {}
    for path in sorted(glob.glob(os.path.join(directory, "**", "*-report-full*.json"), recursive=True)):
        with open(path, encoding="utf-8") as handle:
            export = json.load(handle)
        host = host or export.get("HostEnvironmentInfo") or {}
        for bench in export.get("Benchmarks") or []:
            stats = bench.get("Statistics")
            if not stats or stats.get(statistic) is None:
                continue  # a case that errored has no statistics: it counts as absent
            memory = bench.get("Memory") or {}
            cases.append(Case(
                type=bench.get("Type", ""),
                method=bench.get("Method", ""),
                parameters=parse_parameters(bench.get("Parameters", "")),
                ns=float(stats[statistic]),
                stddev_ns=float(stats.get("StandardDeviation") or 0.0),
                allocated=memory.get("BytesAllocatedPerOperation"),
            ))
    return cases, host


def find(cases: list[Case], type_pattern: str, method: str, parameters: dict[str, str]) -> Case | None:
    for case in cases:
        if (fnmatch.fnmatchcase(case.type, type_pattern) and fnmatch.fnmatchcase(case.method, method)
                and all(case.parameters.get(k) == str(v) for k, v in parameters.items())):
            return case
    return None


def defined(listing: set[str] | None, type_pattern: str, method: str) -> bool:
    """Whether BenchmarkDotNet lists the benchmark at all (None: no listing, so assume it is)."""
    if listing is None:
        return True
    return any(fnmatch.fnmatchcase(full.rsplit(".", 2)[-2], type_pattern) and fnmatch.fnmatchcase(full.rsplit(".", 1)[-1], method)
               for full in listing if full.count(".") >= 1)


def evaluate(config: dict, cases: list[Case], listing: set[str] | None = None,
             unavailable: dict[str, str] | None = None, only: list[str] | None = None) -> list[Outcome]:
    """Each claim's outcome. unavailable maps a requirement (e.g. "postgis") to why it is missing."""
    unavailable = unavailable or {}
    outcomes = []
    for claim in config["claims"]:
        name = claim["name"]
        if only and name not in only:
            continue
        kind = claim.get("kind", "ratio")
        out = Outcome(name=name, status=SKIPPED, title=claim.get("title", ""), kind=kind,
                      floor=float(claim["floor"]) if claim.get("floor") is not None else None, unit=claim.get("unit", ""))
        outcomes.append(out)
        if not claim.get("enabled", True):
            out.reason = claim.get("disabledReason", "disabled in benchmarks/gates.json")
            continue
        missing = [r for r in claim.get("requires", []) if r in unavailable]
        if missing:
            out.reason = "; ".join(f"{r} unavailable: {unavailable[r]}" for r in missing)
            continue
        params = claim.get("parameters", {})
        type_pattern = claim["type"]
        wanted = [claim["ours"]] + list(claim.get("baselines", []))
        undefined = [m for m in wanted if not defined(listing, type_pattern, m)]
        if claim["ours"] in undefined or (kind == "ratio" and len(undefined) == len(wanted) - 1):
            out.reason = f"benchmark {type_pattern}.{'/'.join(undefined)} is not defined (renamed or removed?)"
            continue
        out.status = FAIL
        out.ours = find(cases, type_pattern, claim["ours"], params)
        if out.ours is None:
            out.reason = f"no result for {type_pattern}.{claim['ours']} {params} (it errored or its parameters are not in the run: see the run's log)"
            continue
        if kind == "throughput":
            out.value = float(claim.get("itemsPerOperation", 1)) * 1e9 / out.ours.ns
        else:
            out.baselines = [c for m in claim["baselines"] if m not in undefined
                             for c in [find(cases, type_pattern, m, params)] if c is not None]
            if not out.baselines:
                out.reason = f"no result for the baseline {type_pattern}.{'/'.join(claim['baselines'])} {params}"
                continue
            # Against the best (fastest) baseline: beating a slow one proves nothing.
            out.baseline = min(out.baselines, key=lambda c: c.ns)
            out.value = out.baseline.ns / out.ours.ns
        out.status = OK if out.floor is None or out.value >= out.floor else FAIL
    return outcomes


def machine(host: dict) -> str:
    if not host:
        return f"{platform.processor() or platform.machine()}, {os.cpu_count()} logical cores"
    cpu = host.get("ProcessorName") or host.get("CpuInfo", {}).get("ProcessorName") or "unknown CPU"
    cores = host.get("LogicalCoreCount") or (host.get("CpuInfo") or {}).get("LogicalCoreCount") or os.cpu_count()
    runtime = host.get("RuntimeVersion", "")
    os_name = host.get("OsVersion", "")
    return f"{cpu}, {cores} logical cores, {os_name}, {runtime}".strip(", ")


def write_summary(path: str, outcomes: list[Outcome], host: dict, context: dict) -> None:
    lines = ["# Benchmark gate", "",
             f"Measured {context.get('date', '')} at commit `{context.get('commit', '?')}` on {machine(host)}; "
             f"load average {context.get('load', '?')} at the start (the machine may be shared). "
             f"Statistic: {context.get('statistic', 'Median')} per operation. Gate wall time: {context.get('wall', '?')}.",
             "", "![ratios to the baseline, log scale](ratios.svg)", ""]
    lines += ["| Claim | Result |", "| --- | --- |"]
    lines += [f"| `{o.name}` | {o.line().split(': ', 1)[1]} |" for o in outcomes]
    for o in outcomes:
        lines += ["", f"## {o.name}", ""]
        if o.title:
            lines += [o.title, ""]
        if o.status == SKIPPED or o.ours is None:
            lines += [f"{o.status}: {o.reason}"]
            continue
        lines += ["| | Benchmark | Parameters | Time per op | Allocated per op |", "| --- | --- | --- | ---: | ---: |"]
        rows = [("ours", o.ours)] + [("baseline" + (" (best)" if c is o.baseline and len(o.baselines) > 1 else ""), c) for c in o.baselines]
        for role, case in rows:
            params = ", ".join(f"{k}={v}" for k, v in sorted(case.parameters.items())) or "-"
            alloc = "-" if case.allocated is None else f"{case.allocated:,.0f} B"
            lines.append(f"| {role} | `{case.type}.{case.method}` | {params} | {fmt_time(case.ns)} ± {fmt_time(case.stddev_ns)} | {alloc} |")
        lines.append("")
        if o.kind == "throughput":
            lines.append(f"Throughput **{fmt_number(o.value)} {o.unit}**, floor {fmt_number(o.floor)}: **{o.status}**. Machine: {machine(host)}.")
        else:
            lines.append(f"Ratio **{fmt_ratio(o.value)}×** the best baseline, floor {fmt_ratio(o.floor)}×: **{o.status}**. Machine: {machine(host)}.")
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def write_svg(path: str, outcomes: list[Outcome]) -> None:
    """A horizontal bar per claim on a log scale: the bar is the measured ratio, the tick the floor."""
    shown = [o for o in outcomes if o.kind == "ratio"]
    width, left, right, bar, gap, top = 760, 250, 110, 22, 12, 40
    height = top + len(shown) * (bar + gap) + 40
    values = [v for o in shown for v in (o.value, o.floor) if v]
    high = 10 ** math.ceil(math.log10(max(values + [10])))
    plot = width - left - right

    def x(v: float) -> float:
        return left + plot * math.log10(max(v, 1)) / math.log10(high)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             'font-family="sans-serif" font-size="13">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{left}" y="20" font-weight="bold">Speed-up over the best baseline (log scale); tick = floor</text>']
    decade = 1
    while decade <= high:
        parts.append(f'<line x1="{x(decade):.1f}" y1="{top - 6}" x2="{x(decade):.1f}" y2="{height - 30}" stroke="#ddd"/>')
        parts.append(f'<text x="{x(decade):.1f}" y="{height - 14}" text-anchor="middle" fill="#555">{decade:g}×</text>')
        decade *= 10
    colours = {OK: "#00703c", FAIL: "#d4351c", SKIPPED: "#b1b4b6"}
    for i, o in enumerate(shown):
        y = top + i * (bar + gap)
        parts.append(f'<text x="{left - 8}" y="{y + bar * 0.7:.1f}" text-anchor="end">{escape(o.name)}</text>')
        if o.value:
            parts.append(f'<rect x="{left}" y="{y}" width="{max(x(o.value) - left, 1):.1f}" height="{bar}" fill="{colours[o.status]}"/>')
            label = f"{fmt_ratio(o.value)}× {o.status}"
            parts.append(f'<text x="{x(o.value) + 6:.1f}" y="{y + bar * 0.7:.1f}">{escape(label)}</text>')
        else:
            parts.append(f'<text x="{left + 6}" y="{y + bar * 0.7:.1f}" fill="#505a5f">{escape(o.status)}</text>')
        if o.floor:
            parts.append(f'<line x1="{x(o.floor):.1f}" y1="{y - 3}" x2="{x(o.floor):.1f}" y2="{y + bar + 3}" stroke="black" stroke-width="2"/>')
    parts.append("</svg>")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(parts) + "\n")


def report(config: dict, outcomes: list[Outcome], host: dict, out_dir: str, context: dict) -> int:
    for o in outcomes:
        print(o.line(), flush=True)
        if o.detail():
            print(o.detail(), flush=True)
    write_summary(os.path.join(out_dir, "summary.md"), outcomes, host, context)
    write_svg(os.path.join(out_dir, "ratios.svg"), outcomes)
    failed = [o.name for o in outcomes if o.status == FAIL]
    counts = {s: sum(o.status == s for o in outcomes) for s in (OK, FAIL, SKIPPED)}
    print(f"benchmark gate: {counts[OK]} ok, {counts[FAIL]} failed, {counts[SKIPPED]} skipped; "
          f"summary in {os.path.join(out_dir, 'summary.md')}", file=sys.stderr)
    if failed:
        print(f"benchmark gate FAILED: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


def git_commit(root: str) -> str:
    try:
        return subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def dotnet(root: str, args: list[str], env: dict[str, str], log: str | None = None, project: str = PROJECT) -> subprocess.CompletedProcess:
    command = ["dotnet", "run", "-c", "Release", "--project", project, "--no-build", "--"] + args
    full_env = {**os.environ, **env}
    if log is None:
        return subprocess.run(command, cwd=root, env=full_env, capture_output=True, text=True)
    with open(log, "w", encoding="utf-8") as handle:
        return subprocess.run(command, cwd=root, env=full_env, stdout=handle, stderr=subprocess.STDOUT, text=True)


def run(args: argparse.Namespace, config: dict, root: str) -> int:
    started = time.monotonic()
    load = open("/proc/loadavg", encoding="ascii").read().split()[0] if os.path.exists("/proc/loadavg") else "?"
    out_dir = os.path.join(root, args.out)
    results_dir = os.path.join(out_dir, "gate")
    claims = [c for c in config["claims"] if (not args.only or c["name"] in args.only) and c.get("enabled", True)]
    # A run may name its own benchmark project (the SpeedingReport load benchmark cannot share a process with the others).
    projects = list(dict.fromkeys(config["runs"][c["run"]].get("project", PROJECT) for c in claims)) or [PROJECT]
    if args.build:
        for project in projects:
            subprocess.run(["dotnet", "build", project, "-c", "Release"], cwd=root, check=True)

    listing = set()
    for project in projects:
        listed = dotnet(root, ["--list", "flat"], {}, project=project)
        listing |= {line.strip() for line in listed.stdout.splitlines() if line.strip().count(".") >= 2 and " " not in line.strip()}
    unavailable = {}
    if any("postgis" in c.get("requires", []) for c in claims):
        probe = dotnet(root, ["--probe-postgis"], {}).stdout.strip().splitlines()
        state = probe[-1] if probe else "unavailable: the probe printed nothing"
        print(f"PostGIS: {state}", file=sys.stderr, flush=True)
        if not state.startswith("available"):
            unavailable["postgis"] = state.split(": ", 1)[-1]

    exits: dict[str, int] = {}
    for run_name in dict.fromkeys(c["run"] for c in claims):
        spec = config["runs"][run_name]
        if not any(fnmatch.fnmatchcase(full, f) for full in listing for f in spec["filters"]):
            print(f"run {run_name}: no benchmark matches {spec['filters']}; its claims will say so", file=sys.stderr)
            continue
        artifacts = os.path.join(results_dir, run_name)
        if os.path.isdir(artifacts):
            for old in glob.glob(os.path.join(artifacts, "results", "*")):
                os.remove(old)
        os.makedirs(artifacts, exist_ok=True)
        log = os.path.join(results_dir, f"{run_name}.log")
        t0 = time.monotonic()
        print(f"run {run_name}: {' '.join(spec['filters'])} ({' '.join(spec.get('args', []))}) ...", file=sys.stderr, flush=True)
        argv = ["--filter", *spec["filters"], *spec.get("args", []), "--artifacts", artifacts]
        done = dotnet(root, argv, {k: str(v) for k, v in spec.get("env", {}).items()}, log, spec.get("project", PROJECT))
        exits[run_name] = done.returncode
        print(f"run {run_name}: exit {done.returncode} after {time.monotonic() - t0:.0f} s (log {os.path.relpath(log, root)})", file=sys.stderr, flush=True)

    statistic = config.get("statistic", "Median")
    cases, host = load_results(results_dir, statistic)
    outcomes = evaluate(config, cases, listing, unavailable, args.only)
    for claim, outcome in zip([c for c in config["claims"] if not args.only or c["name"] in args.only], outcomes):
        if outcome.value is None and exits.get(claim["run"], 0) != 0:
            log = os.path.relpath(os.path.join(results_dir, claim["run"] + ".log"), root)
            outcome.reason += f"; BenchmarkDotNet exited with {exits[claim['run']]} (see {log})"
    wall = time.monotonic() - started
    context = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "commit": git_commit(root),
               "load": load,
               "statistic": statistic, "wall": f"{wall:.0f} s"}
    code = report(config, outcomes, host, out_dir, context)
    print(f"benchmark gate wall time: {wall:.0f} s", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=os.path.join(root, "benchmarks", "gates.json"))
    parser.add_argument("--out", default=os.path.join("artifacts", "benchmarks"), help="summary.md and ratios.svg go here")
    parser.add_argument("--only", nargs="+", help="only these claims (by name)")
    parser.add_argument("--build", action="store_true", help="build the benchmarks first (CI has built them)")
    parser.add_argument("--results", help="evaluate BenchmarkDotNet JSON already measured in this folder; run nothing")
    args = parser.parse_args(argv)
    with open(args.config, encoding="utf-8") as handle:
        config = json.load(handle)
    if args.results is None:
        return run(args, config, root)
    cases, host = load_results(args.results, config.get("statistic", "Median"))
    outcomes = evaluate(config, cases, None, {}, args.only)
    context = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "commit": git_commit(root),
               "statistic": config.get("statistic", "Median")}
    return report(config, outcomes, host, args.out if os.path.isabs(args.out) else os.path.join(root, args.out), context)


if __name__ == "__main__":
    sys.exit(main())
