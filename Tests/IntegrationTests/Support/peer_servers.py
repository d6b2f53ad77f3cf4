"""Answers of InfluxDB 2.x and 3.x, and of a store that names no version, as their documentation
and upstream issues describe them; used by http-peer.py's modes influxdb2, influxdb3,
influxdb3-cloud and bare. InfluxDB 2.x/3.x cannot be installed on the test machines: every
answer below cites the page or issue it follows.

Conventions of the peer (not of the servers): the token is --token; --database names the
databases (2.x: DBRP mappings) that exist; a line with a field named `bad` is one the server
rejects (a field type conflict); 2.x takes one with a field named `unparsable` for malformed.
"""

import base64
import json
import urllib.parse

# 2.x OSS /ping: 204 with X-Influxdb-Version and X-Influxdb-Build: OSS, no auth needed
# (docs.influxdata.com/influxdb/v2/api-guide/influxdb-1x/, "/ping"; compat-servers.md).
V2_HEADERS = [("X-Influxdb-Version", "v2.7.11"), ("X-Influxdb-Build", "OSS")]
# 3.x Core: version and build headers; /ping needs a token and answers 200 with a JSON body
# (docs-v2#7395, influxdb PR #26406; docs.influxdata.com/influxdb3/core/api/ "Ping the server").
V3_HEADERS = [("X-Influxdb-Version", "3.1.0"), ("X-Influxdb-Build", "Core")]


def authorized(handler, token, schemes):
    """Whether the request carries `token` in one of `schemes` (Token, Bearer, Basic, query)."""
    header = handler.headers.get("Authorization") or ""
    if "Token" in schemes and header == "Token " + token:
        return True
    if "Bearer" in schemes and header == "Bearer " + token:
        return True
    if "Basic" in schemes and header.startswith("Basic "):
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        # 2.x wants a user name (any value) with the token as password; 3.x ignores the name
        # (docs.influxdata.com/influxdb/v2/api-guide/influxdb-1x/#authentication;
        # docs.influxdata.com/influxdb3/core/api/authentication/).
        return password == token and (user != "" or "AnyUser" in schemes)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(handler.path).query)
    return query.get("p", [None])[0] == token


def statement_of(handler, body):
    """The `q` of a /query request, from the URL or a form body."""
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(handler.path).query)
    if "q" in query:
        return query["q"][0]
    return urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("q", [""])[0]


def database_of(handler):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(handler.path).query).get("db", [None])[0]


def send(handler, status, headers, payload=b"", content_type="application/json"):
    handler.send_response(status)
    for name, value in headers:
        handler.send_header(name, value)
    if payload:
        handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(payload)


def bad_lines(body):
    """(1-based line number, line) of the lines the peer rejects."""
    lines = body.decode("utf-8", "replace").split("\n")
    return [(number, line) for number, line in enumerate(lines, 1) if " bad=" in line or ",bad=" in line]


# -- InfluxDB 2.x ---------------------------------------------------------------------------

V2_UNSUPPORTED = ("CREATE", "ALTER", "GRANT", "REVOKE", "KILL", "SET")


def influxdb2(handler, body, options):
    path = urllib.parse.urlsplit(handler.path).path
    if path == "/ping":
        return send(handler, 204, V2_HEADERS)
    # Credentials: Token or Basic/u-p with the token as password; no Bearer in OSS 2.x (PR #22498
    # still open); 401 without WWW-Authenticate (docs.influxdata.com/influxdb/v2/api-guide/influxdb-1x/).
    if options.token and not authorized(handler, options.token, ("Token", "Basic")):
        return send(handler, 401, V2_HEADERS, json.dumps({"code": "unauthorized", "message": "unauthorized access"}).encode())
    database = database_of(handler)
    if path == "/write":
        # No DBRP mapping: 404 "database not found" (docs.influxdata.com/influxdb/v2/api-guide/influxdb-1x/dbrp/;
        # influxdata/kapacitor#2515). Error bodies are {"code", "message"}.
        if database not in options.database:
            message = 'database not found: "%s"' % database
            return send(handler, 404, V2_HEADERS, json.dumps({"code": "not found", "message": message}).encode())
        for line in body.decode("utf-8", "replace").split("\n"):
            if "unparsable=" in line:
                # A malformed line: 400 naming the first one, and nothing of the batch is written
                # (docs.influxdata.com/influxdb/v2/write-data/troubleshoot/, "400 Bad request").
                message = "unable to parse '%s': invalid field format" % line
                return send(handler, 400, V2_HEADERS, json.dumps({"code": "invalid", "message": message}).encode())
        rejected = bad_lines(body)
        if rejected:
            # Partial write: 422 with the first rejected point and dropped=N (docs-v2#6071;
            # docs.influxdata.com/influxdb/v2/write-data/troubleshoot/).
            message = ('failure writing points to database: partial write: field type conflict: input field "bad" '
                       'on measurement "m" is type string, already exists as type float dropped=%d' % len(rejected))
            return send(handler, 422, V2_HEADERS, json.dumps({"code": "unprocessable entity", "message": message}).encode())
        return send(handler, 204, V2_HEADERS)
    if path == "/query":
        statement = statement_of(handler, body)
        words = statement.split()
        first = words[0].upper() if words else ""
        if first in V2_UNSUPPORTED or (first == "SELECT" and "INTO" in (w.upper() for w in words)):
            # "not implemented: CREATE DATABASE" in the statement's result (influxdata/influxdb#22255;
            # docs.influxdata.com/influxdb/v2/query-data/influxql/ lists what is not supported).
            error = "not implemented: %s" % " ".join(words[:2]).upper()
            payload = {"results": [{"statement_id": 0, "error": error}]}
        elif database is not None and database not in options.database:
            payload = {"results": [{"statement_id": 0, "error": "database not found: %s" % database}]}
        else:
            payload = {"results": [{"statement_id": 0}]}
        return send(handler, 200, V2_HEADERS, json.dumps(payload).encode())
    return send(handler, 404, V2_HEADERS, json.dumps({"code": "not found", "message": "path not found"}).encode())


# -- InfluxDB 3.x ---------------------------------------------------------------------------

def influxdb3(handler, body, options, cloud=False):
    path = urllib.parse.urlsplit(handler.path).path
    headers = [] if cloud else V3_HEADERS
    # Token and Bearer are the same; Basic and u/p take the token as password, user ignored
    # (docs.influxdata.com/influxdb3/core/api/authentication/; influxdata/influxdb#25394).
    ok = not options.token or authorized(handler, options.token, ("Token", "Bearer", "Basic", "AnyUser"))
    if path == "/ping":
        if cloud and handler.command == "HEAD":
            # 3 Cloud: /ping is GET only, HEAD answers 404 (compat-servers.md).
            return send(handler, 404, [])
        if not ok:
            # 3.x Core/Enterprise: auth required on /ping, 401 without a token (docs-v2#7395).
            return send(handler, 401, headers)
        # 200, not 204, with the version in a JSON body (influxdb PR #26406).
        payload = json.dumps({"version": "3.1.0", "revision": "0d6f2a4"}).encode()
        return send(handler, 200, headers, payload)
    if not ok:
        return send(handler, 401, headers, json.dumps({"error": "unauthorized"}).encode())
    if path == "/write":
        rejected = bad_lines(body)
        if rejected:
            # 400 listing up to 100 rejected points by their line in the body; the good ones are
            # stored (docs.influxdata.com/influxdb3/core/write-data/troubleshoot/; field names as
            # the influxdb3 client libraries read them: influxdb3-java PR #365).
            data = [{"original_line": line, "line_number": number,
                     "error_message": "invalid column type for column 'bad', expected float, got string"}
                    for number, line in rejected[:100]]
            payload = {"error": "partial write of line protocol occurred", "data": data}
            return send(handler, 400, headers, json.dumps(payload).encode())
        return send(handler, 204, headers)
    if path == "/query":
        statement = statement_of(handler, body)
        first = (statement.split() or [""])[0].upper()
        if first not in ("SELECT", "SHOW"):
            # Only SELECT and SHOW (docs.influxdata.com/influxdb3/core/reference/influxql/); other
            # statements fail to parse (the exact text is not documented; this one is assumed).
            message = "error parsing query: found %s, expected SELECT, SHOW" % first
            return send(handler, 400, headers, json.dumps({"error": message}).encode())
        return send(handler, 200, headers, json.dumps({"results": [{"statement_id": 0}]}).encode())
    return send(handler, 404, headers)


def bare(handler, body, options):
    """A store that takes line protocol and names no version: 204 everywhere, no headers
    (VictoriaMetrics's /ping, measured here with 1.79)."""
    return send(handler, 204, [])


MODES = {
    "influxdb2": influxdb2,
    "influxdb3": influxdb3,
    "influxdb3-cloud": lambda handler, body, options: influxdb3(handler, body, options, cloud=True),
    "bare": bare,
}
