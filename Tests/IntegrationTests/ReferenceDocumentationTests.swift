import Foundation
import Testing

/// The reference in docs/ is complete where it promises to be, and its links lead somewhere.
@Suite struct ReferenceDocumentationTests {
    /// influxdb-python 5.3.2's public API (`influxdb/client.py`, `resultset.py`, `helper.py`,
    /// `_dataframe_client.py`, `line_protocol.py`, `exceptions.py` at tag v5.3.2): each function or
    /// method with its parameters (`self`, `cls` and `**kwargs` left out).
    static let influxdbPython: [(name: String, parameters: [String])] = [
        ("InfluxDBClient", ["host", "port", "username", "password", "database", "ssl", "verify_ssl", "timeout", "retries",
                            "use_udp", "udp_port", "proxies", "pool_size", "path", "cert", "gzip", "session", "headers",
                            "socket_options"]),
        ("from_dsn", ["dsn"]), ("close", []), ("switch_database", ["database"]), ("switch_user", ["username", "password"]),
        ("request", ["url", "method", "params", "data", "stream", "expected_response_code", "headers"]),
        ("write", ["data", "params", "expected_response_code", "protocol"]),
        ("query", ["query", "params", "bind_params", "epoch", "expected_response_code", "database", "raise_errors",
                   "chunked", "chunk_size", "method"]),
        ("write_points", ["points", "time_precision", "database", "retention_policy", "tags", "batch_size", "protocol",
                          "consistency"]),
        ("ping", []), ("get_list_database", []), ("get_list_series", ["database", "measurement", "tags"]),
        ("create_database", ["dbname"]), ("drop_database", ["dbname"]), ("get_list_measurements", []),
        ("drop_measurement", ["measurement"]),
        ("create_retention_policy", ["name", "duration", "replication", "database", "default", "shard_duration"]),
        ("alter_retention_policy", ["name", "database", "duration", "replication", "default", "shard_duration"]),
        ("drop_retention_policy", ["name", "database"]), ("get_list_retention_policies", ["database"]),
        ("get_list_users", []), ("create_user", ["username", "password", "admin"]), ("drop_user", ["username"]),
        ("set_user_password", ["username", "password"]), ("delete_series", ["database", "measurement", "tags"]),
        ("grant_admin_privileges", ["username"]), ("revoke_admin_privileges", ["username"]),
        ("grant_privilege", ["privilege", "database", "username"]), ("revoke_privilege", ["privilege", "database", "username"]),
        ("get_list_privileges", ["username"]), ("get_list_continuous_queries", []),
        ("create_continuous_query", ["name", "select", "database", "resample_opts"]),
        ("drop_continuous_query", ["name", "database"]), ("send_packet", ["packet", "protocol", "time_precision"]),
        ("ResultSet", ["series", "raise_errors"]), ("get_points", ["measurement", "tags"]), ("keys", []), ("items", []),
        ("point_from_cols_vals", ["cols", "vals"]),
        ("SeriesHelper", []), ("commit", ["client"]), ("_json_body_", []), ("_reset_", []),
        ("DataFrameClient", []),
        ("write_points", ["dataframe", "measurement", "tags", "tag_columns", "field_columns", "time_precision", "database",
                          "retention_policy", "batch_size", "protocol", "numeric_precision"]),
        ("query", ["query", "params", "bind_params", "epoch", "expected_response_code", "database", "raise_errors",
                   "chunked", "chunk_size", "method", "dropna", "data_frame_index"]),
        ("quote_ident", ["value"]), ("quote_literal", ["value"]),
        ("make_line", ["measurement", "tags", "fields", "time", "precision"]), ("make_lines", ["data", "precision"]),
        ("InfluxDBClientError", ["content", "code"]), ("InfluxDBServerError", ["content"]),
    ]

    /// The options of a `SeriesHelper` subclass's `class Meta`.
    static let seriesHelperMeta = [
        "series_name", "fields", "tags", "client", "bulk_size", "autocommit", "retention_policy", "time_precision",
    ]

    /// Each name appears in code as `name(` (or, without parameters, `name`), and the rows (or
    /// lines) that show it name every parameter: so a row for `query(q, …)` fails, since the
    /// parameter is `query`.
    @Test func theInfluxDBPythonPageNamesEveryMethodParameterAndClass() throws {
        let page = try MarkdownDocument("docs/influxdb-python.md")
        for (name, parameters) in Self.influxdbPython {
            let call = try NSRegularExpression(pattern: "[`.]" + NSRegularExpression.escapedPattern(for: name) + (parameters.isEmpty ? "[(`]" : #"\("#))
            let rows = page.lines.filter { call.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
            guard !rows.isEmpty else {
                Issue.record("docs/influxdb-python.md never shows \(name)")
                continue
            }
            let text = rows.joined(separator: "\n")
            for parameter in parameters {
                #expect(Self.names(parameter, in: text), "docs/influxdb-python.md: \(name)(…) is never shown with its parameter \(parameter)")
            }
        }
        let text = page.lines.joined(separator: "\n")
        for option in Self.seriesHelperMeta {
            #expect(text.contains("`Meta.\(option)"), "docs/influxdb-python.md does not name Meta.\(option)")
        }
    }

    /// Whether `text` has `word` as an identifier of its own.
    static func names(_ word: String, in text: String) -> Bool {
        let pattern = try! NSRegularExpression(pattern: #"(^|[^A-Za-z0-9_])"# + NSRegularExpression.escapedPattern(for: word) + #"($|[^A-Za-z0-9_])"#)
        return pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The Markdown files whose links are checked: the README, CONTRIBUTING.md and docs/*.md.
    static func documents() throws -> [MarkdownDocument] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: MarkdownDocument.root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return try (["README.md", "CONTRIBUTING.md"] + docs).map(MarkdownDocument.init)
    }

    /// A relative link names a file that exists and, after `#`, a heading of that file.
    @Test func everyRelativeLinkLeadsToAFileAndHeadingThatExist() throws {
        let documents = try Self.documents()
        #expect(documents.count >= 10)
        var checked = 0
        for document in documents {
            let directory = (document.path as NSString).deletingLastPathComponent
            for (target, line) in document.linkTargets where !target.contains("://") && !target.hasPrefix("mailto:") {
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].isEmpty ? document.path : ((directory as NSString).appendingPathComponent(parts[0]) as NSString).standardizingPath
                let where_ = "\(document.path):\(line): \(target)"
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: MarkdownDocument.root.appendingPathComponent(file).path, isDirectory: &isDirectory) else {
                    Issue.record("\(where_): no such file \(file)")
                    continue
                }
                if parts.count == 2, file.hasSuffix(".md") {
                    #expect(try MarkdownDocument(file).anchors.contains(parts[1]), "\(where_): \(file) has no heading #\(parts[1])")
                }
                checked += 1
            }
        }
        #expect(checked > 30)
    }
}
