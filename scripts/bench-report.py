#!/usr/bin/env python3
"""Summarises scripts/bench's measurements: prints the table and writes docs/benchmarks.md.

    bench-report.py RESULTS.jsonl MACHINE.txt COMMAND POINTS RUNS OUTPUT.md

Each line of RESULTS is one run of one tool (section, label, wall s, cpu s, rss KiB, check,
rate, unit). Rows show medians over the runs; `ratio` is how many times faster influxkit is
(the tool's time over influxkit's, or influxkit's rate over the tool's).
"""
import json
import statistics
import sys

TITLES = {
    "write": "Write {points} points (each run into a fresh database)",
    "write again": "Write {points} points again: influxkit and the fastest curl shape above, in twice as many fresh runs, taking turns",
    "query again": "SELECT * FROM cpu again: influxkit and curl chunked=true, in twice as many fresh runs, taking turns",
    "query": "SELECT * FROM cpu, {points} rows, as CSV",
    "export": "Export {points} points as line protocol",
    "export again": "Export again: influxkit and curl, in twice as many fresh runs, taking turns",
    "copy": "Copy {points} points between servers",
    "library": "Library, one thread: encoding {points} points, parsing their query response",
    "latency": "Latency: SHOW DATABASES, start to exit (hyperfine median)",
}


def load(path):
    groups = {}
    for line in open(path):
        if line.strip():
            row = json.loads(line)
            groups.setdefault((row["section"], row["label"]), []).append(row)
    return groups


def median(rows, key):
    values = [row[key] for row in rows if row.get(key) is not None]
    return statistics.median(values) if values else None


def summarise(groups):
    """Per section, a list of rows {label, wall, cpu, rss, rate, unit, check, ratio}."""
    sections = {}
    for (section, label), rows in groups.items():
        checks = sorted({row["check"] for row in rows if row["check"] != "ok"})
        sections.setdefault(section, []).append({
            "label": label, "wall": median(rows, "wall"), "cpu": median(rows, "cpu"),
            "rss": median(rows, "rss"), "rate": median(rows, "rate"), "unit": rows[0]["unit"],
            "check": "; ".join(checks) if checks else "ok", "runs": len(rows)})
    for section, rows in sections.items():
        for row in rows:
            reference = next((r for r in rows if r["label"].startswith("influxkit") and r["unit"] == row["unit"]), None)
            if reference is None:
                row["ratio"] = None
            elif row["rate"] is not None:
                row["ratio"] = reference["rate"] / row["rate"] if row["rate"] else None
            else:
                row["ratio"] = row["wall"] / reference["wall"] if reference["wall"] else None
    return sections


def find(rows, prefix):
    return next((row for row in rows if row["label"].startswith(prefix)), None)


def best_curl(rows):
    curls = [row for row in rows if row["label"].startswith("curl") and row["check"] == "ok"]
    return min(curls, key=lambda row: row["wall"]) if curls else None


def within(goal, limit, kit, other, again, reference):
    """Target lines for "influxkit's time within LIMIT× of OTHER's" (rows of the rounds): judged
    on the fresh runs of both in `again` (see `pairs` in scripts/bench) when there are, with the
    rounds' ratio beside it under `reference`, for reference; else on the rounds."""
    rounds = kit["wall"] / other["wall"]
    kit_again, other_again = (find(again, "influxkit"), find(again, other["label"])) if again else (None, None)
    if not (kit_again and other_again):
        return [(goal, "%.2f×" % rounds, rounds <= limit)]
    fresh = kit_again["wall"] / other_again["wall"]
    return [(reference, "%.2f×" % rounds, None), (goal + ", fresh runs", "%.2f×" % fresh, fresh <= limit)]


def targets(sections):
    """(target, measured, met) lines for the goals of issue 7."""
    lines = []
    write = sections.get("write")
    if write:
        kit, go, curl = find(write, "influxkit"), find(write, "influx -import"), best_curl(write)
        if kit and go:
            lines.append(("write ≥ 2× faster than influx -import", "%.2f×" % (go["wall"] / kit["wall"]),
                          go["wall"] / kit["wall"] >= 2))
        if kit and curl:
            lines += within("write within 1.05× of the best curl (%s)" % curl["label"], 1.05, kit, curl,
                            sections.get("write again"),
                            "write vs the best curl median of the rounds (biased low: best of %d)"
                            % sum(row["label"].startswith("curl") for row in write))
        if kit and kit["rss"]:
            lines.append(("write peak RSS < 64 MiB", "%.0f MiB" % (kit["rss"] / 1024), kit["rss"] < 64 * 1024))
    query = sections.get("query")
    if query:
        kit, go, curl = find(query, "influxkit"), find(query, "influx -execute"), find(query, "curl chunked=true >")
        if kit and curl:
            lines += within("query within 1.15× of curl chunked=true", 1.15, kit, curl, sections.get("query again"),
                            "query vs curl chunked=true in the rounds")
        if kit and go:
            lines.append(("query ≥ 2× faster than influx -format csv", "%.2f×" % (go["wall"] / kit["wall"]),
                          go["wall"] / kit["wall"] >= 2))
        if kit and kit["rss"]:
            lines.append(("query peak RSS < 64 MiB", "%.0f MiB" % (kit["rss"] / 1024), kit["rss"] < 64 * 1024))
    export = sections.get("export")
    if export:
        kit, go, curl = find(export, "influxkit export -o FILE"), find(export, "influx -execute"), find(export, "curl")
        if kit and curl:
            lines += within("export within 1.25× of curl chunked=true", 1.25, kit, curl, sections.get("export again"),
                            "export vs curl chunked=true in the rounds")
        if kit and go:
            lines.append(("export ≥ 2× faster than influx -format csv", "%.2f×" % (go["wall"] / kit["wall"]),
                          go["wall"] / kit["wall"] >= 2))
        if kit and kit["rss"]:
            lines.append(("export peak RSS < 64 MiB", "%.0f MiB" % (kit["rss"] / 1024), kit["rss"] < 64 * 1024))
    copy = sections.get("copy")
    if copy:
        kit, export, write = find(copy, "influxkit copy (1.x → 1.x)"), find(copy, "influxkit export"), find(copy, "influxkit write")
        if kit and export and write:
            slower = max(export["wall"], write["wall"])
            lines.append(("copy 1.x → 1.x within 1.25× of the slower of export and write", "%.2f×" % (kit["wall"] / slower),
                          kit["wall"] <= 1.25 * slower))
        vm, vmctl = find(copy, "influxkit copy (1.x → VictoriaMetrics)"), find(copy, "vmctl")
        if vm and vmctl:
            lines.append(("copy to VictoriaMetrics ≥ 3× faster than vmctl influx", "%.2f×" % (vmctl["wall"] / vm["wall"]),
                          vmctl["wall"] / vm["wall"] >= 3))
        rss = max((row["rss"] for row in (kit, vm) if row and row["rss"]), default=None)
        if rss:
            lines.append(("copy peak RSS < 96 MiB", "%.0f MiB" % (rss / 1024), rss < 96 * 1024))
    library = sections.get("library")
    if library:
        encode, parse = find(library, "influxkit LineProtocolEncoder"), find(library, "influxkit QueryResponseDecoder")
        if encode:
            lines.append(("encoding ≥ 1.5M points/s", "%.2fM points/s" % (encode["rate"] / 1e6), encode["rate"] >= 1.5e6))
        if parse:
            lines.append(("response parsing ≥ 150 MB/s", "%.0f MB/s" % parse["rate"], parse["rate"] >= 150))
    latency = sections.get("latency")
    if latency:
        kit, curl, go = find(latency, "influxkit"), find(latency, "curl"), find(latency, "influx -execute")
        if kit and curl:
            lines.append(("SHOW DATABASES no slower than curl", "%.1f ms vs %.1f ms" % (kit["wall"] * 1e3, curl["wall"] * 1e3),
                          kit["wall"] <= curl["wall"]))
        if kit and go:
            lines.append(("SHOW DATABASES close to influx -execute", "%.1f ms vs %.1f ms" % (kit["wall"] * 1e3, go["wall"] * 1e3),
                          kit["wall"] <= go["wall"] * 1.25))
    return lines


def verdict(met, not_met):
    """How a target line ends: met, not met, or nothing for a figure shown for reference."""
    return "" if met is None else "met" if met else not_met


def cells(section, row):
    if row["rate"] is not None:
        rate = ("%.2fM" % (row["rate"] / 1e6)) if row["unit"] == "points/s" else ("%.0f" % row["rate"])
        return [row["label"], "%s %s" % (rate, row["unit"]), "%.3f s" % row["wall"],
                "%.2f" % row["ratio"] if row["ratio"] else "", row["check"]]
    wall = ("%.1f ms" % (row["wall"] * 1e3)) if section == "latency" else ("%.2f s" % row["wall"])
    cpu = "" if row["cpu"] is None else (("%.1f ms" % (row["cpu"] * 1e3)) if section == "latency" else "%.2f s" % row["cpu"])
    rss = "" if row["rss"] is None else "%.0f MiB" % (row["rss"] / 1024)
    return [row["label"], wall, cpu, rss, "%.2f" % row["ratio"] if row["ratio"] else "", row["check"]]


def headers(section):
    if section == "library":
        return ["", "throughput", "time", "influxkit ×", "check"]
    return ["", "wall (median)", "client CPU", "peak RSS", "influxkit ×", "check"]


def text_table(head, body):
    widths = [max(len(r[i]) for r in [head] + body) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(r)).rstrip()
                     for r in [head] + body)


def markdown_table(head, body):
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * (len(head) - 2) + ["---"]) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)


def main(argv):
    if len(argv) != 7:
        sys.stderr.write(__doc__)
        return 64
    results, machine, command, points, runs, output = argv[1:]
    sections = summarise(load(results))
    goals = targets(sections)
    points = "{:,}".format(int(points))

    for section, rows in sections.items():
        print("\n== " + TITLES[section].format(points=points))
        print(text_table(headers(section), [cells(section, row) for row in rows]))
    print("\n== targets")
    for goal, measured, met in goals:
        print("%-60s %-24s %s" % (goal, measured, verdict(met, "NOT MET")))

    md = ["# Benchmarks", "",
          "Measured by `scripts/bench` on one machine, with a private `influxd` on loopback and the data "
          "of `gen-lp.py` (measurement `cpu`, 1000 series, 3 tags, 5 fields). Times are medians of %s run(s); "
          "the tools took turns, each run starting with another tool so that none always follows the "
          "same one. `influxkit ×` is how many times faster influxkit is than the tool "
          "(the tool's time over influxkit's, or influxkit's rate over the tool's). "
          "Absolute times are noisy on a shared machine; the ratios of one run are what counts." % runs, "",
          "![influxkit's speed-up over each tool](benchmarks.svg)", "",
          "Reproduce: `%s`" % command, "", "## Machine", ""]
    md += ["- " + line.strip() for line in open(machine) if line.strip()]
    for section, rows in sections.items():
        md += ["", "## " + TITLES[section].format(points=points), "",
               markdown_table(headers(section), [cells(section, row) for row in rows])]
    md += ["", "## Targets", "", "| target | measured | |", "|---|---|---|"]
    md += ["| %s | %s | %s |" % (goal, measured, verdict(met, "**not met**")) for goal, measured, met in goals]
    with open(output, "w") as file:
        file.write("\n".join(md) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
