#!/usr/bin/env python3
"""Part of scripts/query-diff: runs two builds of `influxkit query` against answers a real
influxd does not give (objects over several lines or sharing one, no final newline, answers
that turn malformed or break off after good chunks, a top-level error, bodies that are not
JSON), served by the test suite's scripted peer, and compares standard output, standard error
and exit status byte for byte in every format, streamed and not.

    scripts/query-diff-peer.py OLD_BINARY NEW_BINARY
"""
import os
import signal
import subprocess
import sys
import tempfile

PEER = os.path.join(os.path.dirname(__file__), "..", "Tests", "IntegrationTests", "Support", "http-peer.py")
FIRST = ('{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],'
         '"values":[[1,"a"],[2,"b"]],"partial":true}],"partial":true}]}')
SECOND = '{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[3,"c,d"]]}]}]}'
BODIES = [
    FIRST + "\n" + SECOND + "\n",
    FIRST + SECOND + "\n",
    FIRST + "\n" + SECOND,
    FIRST + " \r\n" + SECOND + "\r\n",
    FIRST.replace(",", ",\n  ") + "\n" + SECOND + "\n",
    FIRST + "\n" + SECOND.replace("[3,", "[3.5.1,") + "\n",
    FIRST + "\n" + SECOND[:40],
    FIRST + "\n" + '{"error":"boom"}' + "\n",
    FIRST + "\nx",
    FIRST + "\n" + SECOND.replace('"c,d"', '"c\\u0001\\ud800\\ud83d\\ude00,d"') + "\n",
    FIRST + "\n" + SECOND.replace('"c,d"', '1e400') + "\n",
    "",
    "   ",
    "<html>",
]


def main():
    old, new = sys.argv[1], sys.argv[2]
    runs = different = 0
    with tempfile.TemporaryDirectory() as directory:
        for body in BODIES:
            peer = subprocess.Popen(
                [sys.executable, PEER, "--mode", "influxdb", "--log", os.path.join(directory, "journal.jsonl"),
                 "--query-body", body],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            port = peer.stdout.readline().decode().strip()
            try:
                for output in ["csv", "jsonl", "json", "column", "table", "vertical"]:
                    for extra in [[], ["--no-chunked"]]:
                        arguments = ["query", "--port", port, "-d", "db", "--retries", "0", "--format", output] + extra
                        results = [subprocess.run([binary] + arguments + ["SELECT * FROM m"], capture_output=True)
                                   for binary in (old, new)]
                        runs += 1
                        outcomes = [(r.returncode, r.stdout, r.stderr) for r in results]
                        if outcomes[0] != outcomes[1]:
                            different += 1
                            print(f"DIFFERENT: --format {output} {' '.join(extra)} on {body[:60]!r}")
            finally:
                peer.send_signal(signal.SIGTERM)
                peer.wait()
    print(f"peer answers: {runs} runs, {different} different")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
