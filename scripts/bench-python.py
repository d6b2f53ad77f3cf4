#!/usr/bin/env python3
"""The Python `influxdb` package's side of scripts/bench; run with the venv's python.

    bench-python.py write GEN_LP POINTS PORT     write_points(batch_size=5000) into db `bench`
    bench-python.py query PORT                   query('SELECT * FROM cpu') + get_points()
    bench-python.py encode GEN_LP POINTS         line_protocol.make_lines on POINTS points
    bench-python.py parse FILE                   json.loads on a /query response body

Inputs are prepared first; only the package call is timed. Prints one line:
`seconds=S cpu=C count=N` (C: this process's user+sys seconds during the timed part).
"""
import importlib.util
import json
import os
import sys
import time


def load_generator(path):
    spec = importlib.util.spec_from_file_location("gen_lp", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(work):
    cpu_start = sum(os.times()[:2])
    start = time.perf_counter()
    count = work()
    seconds = time.perf_counter() - start
    cpu = sum(os.times()[:2]) - cpu_start
    print("seconds=%.4f cpu=%.3f count=%d" % (seconds, cpu, count))


def client(port):
    from influxdb import InfluxDBClient
    return InfluxDBClient(host="127.0.0.1", port=int(port), database="bench", timeout=600)


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "write" and len(argv) == 5:
        points = list(load_generator(argv[2]).points(int(argv[3])))
        db = client(argv[4])
        timed(lambda: db.write_points(points, batch_size=5000) and len(points))
    elif command == "query" and len(argv) == 3:
        db = client(argv[2])
        timed(lambda: sum(1 for _ in db.query("SELECT * FROM cpu").get_points()))
    elif command == "encode" and len(argv) == 4:
        from influxdb.line_protocol import make_lines
        points = list(load_generator(argv[2]).points(int(argv[3])))
        timed(lambda: make_lines({"points": points}).count("\n"))
    elif command == "parse" and len(argv) == 3:
        with open(argv[2], "rb") as file:
            body = file.read()
        timed(lambda: sum(len(s.get("values", [])) for r in json.loads(body)["results"] for s in r.get("series", [])))
    else:
        sys.stderr.write(__doc__)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
