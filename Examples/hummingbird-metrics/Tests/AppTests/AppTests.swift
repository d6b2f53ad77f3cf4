import Foundation
import Testing

/// The routes, through the service running on a loopback port (``RunningService``) and called
/// over HTTP, against a real influxd.
@Suite struct AppTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    @Test func writtenPointIsReadBack() async throws {
        try await database.with {
            try await RunningService.with(reader: database.reader()) { client in
                let posted = try await client.post(
                    "/measurements",
                    json: #"{"name": "cpu", "tags": {"host": "a b"}, "fields": {"usage": 0.5, "up": true, "note": "say \"hi\"", "count": 3}, "time": "2024-01-01T00:00:00Z"}"#)
                #expect(posted.status == 204)

                let read = try await client.get("/measurements/cpu?since=2023-12-31T00:00:00Z")
                #expect(read.status == 200)
                #expect(read.contentType?.hasPrefix("application/json") == true)
                let body = try read.jsonObject()
                #expect(body["name"] as? String == "cpu")
                let points = try #require(body["points"] as? [[String: Any]])
                try #require(points.count == 1)
                #expect(points[0]["time"] as? String == "2024-01-01T00:00:00Z")
                #expect(points[0]["host"] as? String == "a b")
                #expect(points[0]["usage"] as? Double == 0.5)
                #expect(points[0]["up"] as? Bool == true)
                #expect(points[0]["note"] as? String == #"say "hi""#)
                #expect(points[0]["count"] as? Double == 3)  // numbers are stored as floats
            }
        }
    }

    @Test func sinceLeavesOutEarlierPoints() async throws {
        try await database.with {
            try await RunningService.with(reader: database.reader()) { client in
                for day in ["01", "02", "03"] {
                    let posted = try await client.post(
                        "/measurements", json: #"{"name": "mem", "fields": {"day": \#(Int(day)!)}, "time": "2024-01-\#(day)T00:00:00Z"}"#)
                    #expect(posted.status == 204)
                }
                let read = try await client.get("/measurements/mem?since=2024-01-02T00:00:00Z")
                #expect(read.status == 200)
                let points = try #require(try read.jsonObject()["points"] as? [[String: Any]])
                #expect(points.compactMap { $0["day"] as? Double } == [2, 3])

                // Without `since`, the last hour: the points of 2024 are not in it.
                let recent = try await client.get("/measurements/mem")
                #expect(recent.status == 200)
                #expect((try recent.jsonObject()["points"] as? [Any])?.isEmpty == true)
            }
        }
    }

    /// Names that need quoting in InfluxQL (and escaping in line protocol) reach the server as
    /// names, never as statements: each is written and read back under exactly that name.
    @Test(arguments: [
        #"cpu"; DROP DATABASE "x"#, #"back\slash"#, "single'quote", "with space", "comma,name", "dot.name",
        "ünïcode", "select",
    ])
    func namesAreQuoted(name: String) async throws {
        try await database.with {
            try await RunningService.with(reader: database.reader()) { client in
                let json = String(decoding: try JSONSerialization.data(withJSONObject: [
                    "name": name, "fields": ["v": 1], "time": "2024-01-01T00:00:00Z",
                ]), as: UTF8.self)
                let posted = try await client.post("/measurements", json: json)
                #expect(posted.status == 204)

                let path = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let read = try await client.get("/measurements/\(path)?since=2024-01-01T00:00:00Z")
                #expect(read.status == 200)
                let body = try read.jsonObject()
                #expect(body["name"] as? String == name)
                #expect((body["points"] as? [[String: Any]])?.count == 1)
            }
        }
    }

    /// Input the library or the server refuses is the caller's fault: 400, with the reason.
    @Test(arguments: [
        (#"{"name": "cpu", "fields": {}}"#, "no fields"),
        (#"{"name": "", "fields": {"v": 1}}"#, "empty measurement"),
        (#"{"name": "cpu", "fields": {"time": 1}}"#, "a field named time"),
        (#"{"name": "cpu", "fields": {"v": 1}, "time": "yesterday"}"#, "a time that is not RFC3339"),
        (#"{"name": "cpu", "fields": {"v": 1}, "time": "2300-01-01T00:00:00Z"}"#, "a time past 2262"),
        (#"{"name": "cpu", "fields": {"v": "text"}}"#, "a string where the field holds floats"),
    ])
    func refusedPointIs400(json: String, what: String) async throws {
        try await database.with {
            try await RunningService.with(reader: database.reader()) { client in
                // The field `v` holds floats from here on.
                #expect(try await client.post("/measurements", json: #"{"name": "cpu", "fields": {"v": 1}}"#).status == 204)
                let response = try await client.post("/measurements", json: json)
                #expect(response.status == 400, "\(what)")
                #expect(response.text.contains("\"error\""), "\(what)")
            }
        }
    }

    @Test func malformedSinceIs400() async throws {
        try await database.with {
            try await RunningService.with(reader: database.reader()) { client in
                for since in ["yesterday", "2024-13-01T00:00:00Z", "1h"] {
                    let read = try await client.get("/measurements/cpu?since=\(since)")
                    #expect(read.status == 400, "since=\(since)")
                    #expect(read.text.contains("since is not an RFC3339 time"), "since=\(since)")
                }
            }
        }
    }

    /// The database is the service's setting, not the caller's: a missing one is a 502 on both
    /// routes, and the answer does not say more than that.
    @Test func unknownDatabaseIs502() async throws {
        try await RunningService.with(reader: database.reader(database: "no_such_database_\(database.name)")) { client in
            let posted = try await client.post("/measurements", json: #"{"name": "cpu", "fields": {"v": 1}}"#)
            #expect(posted.status == 502)
            let read = try await client.get("/measurements/cpu")
            #expect(read.status == 502)
            #expect(!read.text.contains("no_such_database"))
        }
    }

    /// A caller that hangs up cancels the handler's task, and the library aborts the query's
    /// transfer: the stalled peer sees its connection closed long before the call's time limit.
    @Test func hangingUpAbortsTheQuery() async throws {
        let peer = try await StalledPeer()
        // A time limit far beyond the test's wait (as is the library's 60 s idle limit), so that
        // only the cancellation can end the call in time.
        let reader = database.reader(host: "127.0.0.1", port: peer.port, timeout: 3600)
        try await RunningService.with(reader: reader) { client in
                        let caller = try await ImpatientCaller.send(
                "GET /measurements/cpu HTTP/1.1\r\nHost: localhost\r\n\r\n", toPort: client.port)
            let hungUp = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    var events = peer.events.makeAsyncIterator()
                    guard await events.next() == .request else { return false }
                    try await caller.close()
                    while let event = await events.next() {
                        if event == .hungUp { return true }
                    }
                    return false
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(30))
                    return false
                }
                defer { group.cancelAll() }
                return try await group.next() ?? false
            }
            #expect(hungUp, "no request reached the peer, or its connection was still open 30 s after the caller hung up")
        }
        try await peer.stop()
    }

    @Test func unreachableServerIs503() async throws {
        // A port nothing listens on: influxd's own port + 2 (+1 is its RPC service).
        try await RunningService.with(reader: database.reader(port: database.port + 2)) { client in
            let posted = try await client.post("/measurements", json: #"{"name": "cpu", "fields": {"v": 1}}"#)
            #expect(posted.status == 503)
            #expect(!posted.text.contains("127.0.0.1"))
        }
    }
}
