#!/usr/bin/env python3
"""Draws scripts/bench's ratios as an SVG bar chart (standard library only).

    bench-chart.py RESULTS.jsonl OUTPUT.svg

One bar per tool compared with influxkit: how many times faster influxkit is (medians), on a
logarithmic axis centred on 1×. Bars to the right: influxkit is faster; to the left: slower.
Of the curl write configurations only the fastest is drawn, with its time from the fresh runs
against influxkit when there are any (docs/benchmarks.md lists all); the fresh query runs are
left out (the rounds' query bars stand).
"""
import importlib.util
import math
import os
import sys
from xml.sax.saxutils import escape

SECTION_NAMES = {"write": "write", "write again": "write", "query": "query → CSV", "export": "export", "copy": "copy", "library": "library", "latency": "latency"}


def report_module():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-report.py")
    spec = importlib.util.spec_from_file_location("bench_report", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bars(sections, report):
    """(section, label, ratio) for every tool other than influxkit."""
    result = []
    for section, rows in sections.items():
        if section == "copy":
            continue  # its tools compare in pairs (see the targets), not each with one influxkit row
        # The fastest curl shape: from its fresh runs against influxkit when there are any.
        best = report.best_curl(rows) if section == "write again" or (section == "write" and "write again" not in sections) else None
        for row in rows:
            if row["label"].startswith("influxkit") or not row["ratio"]:
                continue
            if section in ("write", "write again") and row["label"].startswith("curl") and row is not best:
                continue
            if section == "write again" and row is not best or section in ("query again", "export again"):
                continue
            label = ("best curl: " + row["label"]) if row is best else row["label"]
            result.append((SECTION_NAMES.get(section, section), label, row["ratio"]))
    return result


def svg(entries):
    low, high = 1 / 4, 64
    for _, _, ratio in entries:
        while ratio < low:
            low /= 2
        while ratio > high:
            high *= 2
    label_width, plot_width, bar_height, gap, top = 430, 420, 18, 6, 46
    height = top + len(entries) * (bar_height + gap) + 40
    width = label_width + plot_width + 70

    def x(value):
        return label_width + plot_width * (math.log2(value) - math.log2(low)) / (math.log2(high) - math.log2(low))

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="20" font-size="14" font-weight="bold">How many times faster influxkit is (log scale; right of 1× = influxkit faster)</text>' % 10]
    tick = low
    while tick <= high:
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>' % (x(tick), top - 8, x(tick), height - 30, "#333" if tick == 1 else "#ddd"))
        out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s×</text>' % (x(tick), height - 14, ("%g" % tick)))
        tick *= 2
    y = top
    for section, label, ratio in entries:
        left, right = sorted((x(1), x(ratio)))
        colour = "#2b7bb9" if ratio >= 1 else "#d9534f"
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (label_width - 8, y + 13, escape("%s · %s" % (section, label))))
        out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>' % (left, y, max(right - left, 1), bar_height, colour))
        out.append('<text x="%.1f" y="%d" fill="#222">%.2f×</text>' % (max(x(ratio), x(1)) + 4, y + 13, ratio))
        y += bar_height + gap
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 64
    report = report_module()
    entries = bars(report.summarise(report.load(argv[1])), report)
    with open(argv[2], "w") as file:
        file.write(svg(entries))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
