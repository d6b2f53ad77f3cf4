#!/usr/bin/env python3
"""A scripted HTTP(S) peer for InfluxKit's transport tests (Python 3 standard library only).

It listens on 127.0.0.1, prints its port on the first line of stdout once it accepts
connections, and appends one JSON object per line to --log for every request it sees (and for
a few other events), always BEFORE it answers, so a test that got its answer can read the record.

Modes (--mode):
  influxdb   behave like InfluxDB 1.x: X-Influxdb-Version on every answer, 204 on /ping and
             /write, 200 with the --query-body pieces (concatenated) on /query; the answer is
             gzip-compressed when the client accepts gzip.
  stream     like influxdb, but /query is answered with chunked transfer encoding, one HTTP chunk
             per --query-body piece; after the first piece the peer waits until --release-file
             exists before it sends the others (and gives up, closing the connection, after
             --release-timeout seconds).
  endless    like influxdb, but /query is answered 200, chunked, with one object whose
             "values":[ never closes: rows are sent until the client hangs up.
  html       a proxy's error page: --status (default 502), text/html, no X-Influxdb-Version.
  silent     read the request, then never answer (until the client hangs up).
  trickle    read the request, answer 200 with a long Content-Length, then send one byte of the
             body every 4 seconds (until the client hangs up): a peer that holds a transfer.
  backlog    never accept: the listen queue is filled at start, so connecting times out.
  proxy      a forwarding HTTP proxy: requests with an absolute URL are sent on to their
             target with an added `Via: 1.1 http-peer`, and the answer is relayed with one too.
  influxdb2, influxdb3, influxdb3-cloud, bare
             answer as InfluxDB 2.x, 3.x (Core), 3 Cloud and a store without version headers
             are documented to (peer_servers.py, which cites the sources): --token is the token
             they accept, --database the databases (DBRP mappings) that exist, and a line with
             a field named `bad` is rejected in a partial write.

Scripted answers (influxdb mode): each --answer JSON object, in order, answers one request
whatever its path: {"status": 503, "retry_after": "1", "error": "text", "forward": true}; "body"
gives the answer's body as it is (instead of {"error": text}) and "location" a Location header;
{"hang": true} never answers (a stalled request); with
"forward" the request is first passed to --upstream (its answer is dropped: a lost answer);
{"pass": true} passes the request on and relays the answer, as if no answer were scripted; with
"path": "/write" an answer is kept for the next request to that path only.
Once they are used up, a /write whose body is longer than --max-body gets 413, and with
--upstream every request is passed on to that server (a reverse proxy) and its answer relayed.

TLS: --tls-cert and --tls-key serve HTTPS; --client-ca also requires a client certificate
signed by that CA.

Log records: {"event": "request", "method", "target", "headers": [[name, value], ...],
"body": base64, "decoded_body": base64 (gunzipped, when Content-Encoding is gzip),
"client_port", "client_certificate": subject CN or null, "response_gzip": bool},
{"event": "tls-failed", "reason"}, {"event": "released"}, {"event": "abandoned"} and
{"event": "hung-up"} (the client closed a connection the peer was holding: silent mode, a
hanging answer, or a stream waiting for its release file).
"""

import argparse
import base64
import gzip
import http.client
import http.server
import json
import os
import select
import signal
import socket
import socketserver
import ssl
import sys
import threading
import time
import urllib.parse
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_servers  # noqa: E402

VERSION = "1.6.7-peer"


class Journal:
    """Appends JSON records to the log file, one per line, flushed at once."""

    def __init__(self, path):
        self.lock = threading.Lock()
        self.file = open(path, "a", encoding="utf-8")

    def record(self, **fields):
        with self.lock:
            self.file.write(json.dumps(fields) + "\n")
            self.file.flush()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "http-peer"
    sys_version = ""

    # -- connection setup ------------------------------------------------------------------

    def setup(self):
        context = self.server.tls_context
        self.client_certificate = None
        if context is not None:
            connection = context.wrap_socket(self.request, server_side=True, do_handshake_on_connect=False)
            try:
                connection.do_handshake()
            except (ssl.SSLError, OSError) as error:
                self.server.journal.record(event="tls-failed", reason=str(error))
                self.linger(connection)
                raise
            self.request = connection
            certificate = self.request.getpeercert()
            if certificate:
                subject = dict(pair for rdn in certificate.get("subject", ()) for pair in rdn)
                self.client_certificate = subject.get("commonName")
        super().setup()

    @staticmethod
    def linger(connection):
        """Closes after a failed handshake the way a careful server does: the alert is out, then
        FIN, and what the client still sends is read, so that the client reads the alert rather
        than a connection reset (a TLS 1.3 client learns of a refused certificate only then)."""
        try:
            connection.shutdown(socket.SHUT_WR)
            connection.settimeout(2)
            while connection.recv(4096):
                pass
        except OSError:
            pass
        connection.close()

    def log_message(self, format, *args):
        pass

    # -- requests --------------------------------------------------------------------------

    def do_GET(self):
        self.respond()

    def do_POST(self):
        self.respond()

    def do_HEAD(self):
        self.respond()

    def respond(self):
        body = self.read_body()
        mode = self.server.options.mode
        accepts_gzip = "gzip" in (self.headers.get("Accept-Encoding") or "")
        gzip_answer = accepts_gzip and mode in ("influxdb", "stream", "endless") and self.is_query()
        self.record(body, response_gzip=gzip_answer)
        answer = self.server.next_answer(urllib.parse.urlsplit(self.path).path)
        options = self.server.options
        if answer is not None and answer.get("pass"):
            self.relay(*self.pass_on(body))
        elif answer is not None and answer.get("hang"):
            self.hang()
        elif answer is not None:
            if answer.get("forward"):
                self.pass_on(body)
            self.answer_status(answer["status"], answer.get("retry_after"), answer.get("error", "scripted"),
                               answer.get("body"), answer.get("location"))
        elif options.max_body is not None and len(body) > options.max_body and not self.is_query():
            self.answer_status(413, None, "http: request body too large")
        elif options.upstream:
            self.relay(*self.pass_on(body))
        elif mode == "html":
            self.answer_html()
        elif mode == "silent":
            self.hang()
        elif mode == "trickle":
            self.trickle()
        elif mode == "proxy":
            self.forward(body)
        elif mode in peer_servers.MODES:
            peer_servers.MODES[mode](self, body, options)
        elif self.is_query():
            if mode == "stream":
                self.stream_query(gzip_answer)
            elif mode == "endless":
                self.stream_endless(gzip_answer)
            else:
                self.answer_query(gzip_answer)
        else:
            self.send_response(204)
            self.send_header("X-Influxdb-Version", VERSION)
            self.end_headers()

    def is_query(self):
        return urllib.parse.urlsplit(self.path).path.endswith("/query")

    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            body = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return body
                body += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def record(self, body, **extra):
        decoded = None
        if (self.headers.get("Content-Encoding") or "").lower() == "gzip":
            try:
                decoded = base64.b64encode(gzip.decompress(body)).decode()
            except (OSError, EOFError, zlib.error) as error:
                decoded = None
                extra["gunzip_error"] = str(error)
        self.server.journal.record(
            event="request",
            method=self.command,
            target=self.path,
            headers=[[name, value] for name, value in self.headers.items()],
            body=base64.b64encode(body).decode(),
            decoded_body=decoded,
            client_port=self.client_address[1],
            client_certificate=self.client_certificate,
            **extra,
        )

    # -- answers ---------------------------------------------------------------------------

    def answer_query(self, gzip_answer):
        payload = "".join(self.server.options.query_body).encode()
        self.send_response(200)
        self.send_header("X-Influxdb-Version", VERSION)
        self.send_header("Content-Type", "application/json")
        if gzip_answer:
            payload = gzip.compress(payload)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def stream_query(self, gzip_answer):
        options = self.server.options
        self.send_response(200)
        self.send_header("X-Influxdb-Version", VERSION)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        compressor = None
        if gzip_answer:
            self.send_header("Content-Encoding", "gzip")
            compressor = zlib.compressobj(wbits=31)
        self.end_headers()

        def send(data):
            if data:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                self.wfile.flush()

        for index, piece in enumerate(options.query_body):
            if index == 1 and not self.wait_for_release():
                self.close_connection = True
                return
            data = piece.encode()
            if compressor is not None:
                data = compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)
            send(data)
        if compressor is not None:
            send(compressor.flush())
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def stream_endless(self, gzip_answer):
        self.send_response(200)
        self.send_header("X-Influxdb-Version", VERSION)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        compressor = None
        if gzip_answer:
            self.send_header("Content-Encoding", "gzip")
            compressor = zlib.compressobj(wbits=31)
        self.end_headers()
        self.close_connection = True
        head = b'{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":['
        rows = b'[1,"abcdefghijklmnopqrstuvwxyz"],' * 4096
        try:
            data = head
            while True:
                if compressor is not None:
                    data = compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                self.wfile.flush()
                data = rows
        except OSError:
            pass

    def wait_for_release(self):
        options = self.server.options
        deadline = time.monotonic() + options.release_timeout
        while time.monotonic() < deadline:
            if options.release_file and os.path.exists(options.release_file):
                self.server.journal.record(event="released")
                return True
            if self.client_hung_up(0.01):
                self.server.journal.record(event="hung-up")
                return False
        self.server.journal.record(event="abandoned")
        return False

    def client_hung_up(self, wait):
        """Whether the client closed the connection (waits up to `wait` seconds to see it); a
        TLS connection is not checked (it only sleeps)."""
        if isinstance(self.connection, ssl.SSLSocket):
            time.sleep(wait)
            return False
        readable, _, _ = select.select([self.connection], [], [], wait)
        if not readable:
            return False
        try:
            if self.connection.recv(1, socket.MSG_PEEK) == b"":
                return True
        except OSError:
            return True
        time.sleep(wait)  # bytes of a next request: not a hang-up
        return False

    def answer_status(self, status, retry_after, error, body=None, location=None):
        if body is not None:
            payload = body.encode()
        elif status == 204:
            payload = b""
        else:
            payload = json.dumps({"error": error}).encode()
        self.send_response(status)
        self.send_header("X-Influxdb-Version", VERSION)
        if retry_after is not None:
            self.send_header("Retry-After", str(retry_after))
        if location is not None:
            self.send_header("Location", location)
        if payload:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def pass_on(self, body):
        """Sends the request to --upstream; returns its status, headers and body."""
        upstream = urllib.parse.urlsplit(self.server.options.upstream)
        headers = {name: value for name, value in self.headers.items()
                   if name.lower() not in ("connection", "keep-alive", "transfer-encoding", "host")}
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port or 80, timeout=30)
        try:
            connection.request(self.command, self.path, body=body if body else None, headers=headers)
            answer = connection.getresponse()
            return answer.status, answer.getheaders(), answer.read()
        finally:
            connection.close()

    def relay(self, status, headers, payload):
        self.send_response(status)
        for name, value in headers:
            if name.lower() not in ("connection", "keep-alive", "transfer-encoding", "content-length",
                                    "date", "server", "content-encoding"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def answer_html(self):
        page = b"<html><head><title>502 Bad Gateway</title></head>\r\n<body>bad gateway</body></html>\r\n"
        self.send_response(self.server.options.status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(page)

    def trickle(self):
        self.close_connection = True
        self.send_response(200)
        self.send_header("X-Influxdb-Version", VERSION)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "1000000")
        self.end_headers()
        try:
            while True:
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(4)
        except OSError:
            pass

    def hang(self):
        self.close_connection = True
        try:
            while self.connection.recv(4096):
                pass
        except OSError:
            pass
        self.server.journal.record(event="hung-up")

    def forward(self, body):
        target = urllib.parse.urlsplit(self.path)
        if target.scheme != "http" or not target.hostname:
            self.send_error(400, "not a proxy request")
            return
        hop_by_hop = {"connection", "proxy-connection", "keep-alive", "transfer-encoding",
                      "proxy-authorization", "te", "trailer", "upgrade"}
        headers = {name: value for name, value in self.headers.items() if name.lower() not in hop_by_hop}
        headers["Via"] = "1.1 http-peer"
        path = target.path or "/"
        if target.query:
            path += "?" + target.query
        upstream = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=30)
        try:
            upstream.request(self.command, path, body=body if body else None, headers=headers)
            answer = upstream.getresponse()
            payload = answer.read()
        finally:
            upstream.close()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in hop_by_hop and name.lower() not in ("content-length", "date", "server"):
                self.send_header(name, value)
        self.send_header("Via", "1.1 http-peer")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def next_answer(self, path):
        with self.answers_lock:
            for index, answer in enumerate(self.answers):
                if answer.get("path") in (None, path):
                    return self.answers.pop(index)
            return None

    def handle_error(self, request, client_address):
        # TLS failures are already in the journal; a client hanging up is not news.
        pass


def parse_arguments():
    parser = argparse.ArgumentParser(description="scripted HTTP peer for the transport tests")
    parser.add_argument("--mode", required=True,
                        choices=["influxdb", "stream", "endless", "html", "silent", "trickle", "backlog", "proxy"] + list(peer_servers.MODES))
    parser.add_argument("--log", required=True, help="file to append the JSON records to")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free one)")
    parser.add_argument("--query-body", action="append", default=[],
                        help="the /query answer; repeat for the pieces of a streamed answer")
    parser.add_argument("--release-file", help="stream mode: the file to wait for")
    parser.add_argument("--release-timeout", type=float, default=20)
    parser.add_argument("--status", type=int, default=502, help="html mode: the status code")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--client-ca", help="require a client certificate signed by this CA")
    parser.add_argument("--answer", action="append", default=[], help="a scripted answer, JSON")
    parser.add_argument("--max-body", type=int, help="answer 413 to a longer /write body")
    parser.add_argument("--upstream", help="pass requests on to this http://host:port")
    parser.add_argument("--token", help="influxdb2/influxdb3 modes: the token they accept")
    parser.add_argument("--database", action="append", default=[],
                        help="influxdb2 mode: a database (DBRP mapping) that exists")
    return parser.parse_args()


def exit_with_parent():
    """Ends the peer when the test process that started it is gone."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def serve_backlog(options):
    """Listens but never accepts; fills the queue so further connection attempts stall."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", options.port))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        filler.setblocking(False)
        try:
            filler.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        fillers.append(filler)
    time.sleep(0.2)
    print(port, flush=True)
    while True:
        time.sleep(3600)


def main():
    # A child inherits its parent's blocked signals; a Swift test's worker threads block most.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    options = parse_arguments()
    threading.Thread(target=exit_with_parent, daemon=True).start()
    if options.mode == "backlog":
        serve_backlog(options)
        return
    server = Server(("127.0.0.1", options.port), Handler)
    server.options = options
    server.journal = Journal(options.log)
    server.answers = [json.loads(answer) for answer in options.answer]
    server.answers_lock = threading.Lock()
    server.tls_context = None
    if options.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(options.tls_cert, options.tls_key)
        if options.client_ca:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(options.client_ca)
        server.tls_context = context
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
