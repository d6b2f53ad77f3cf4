import FoundationEssentials
import Hummingbird
import InfluxKit

/// `POST /measurements` writes one point; `GET /measurements/:name?since=RFC3339` reads a
/// measurement's points back (since one hour ago when `since` is left out).
struct MeasurementsController<Context: RequestContext>: Sendable {
    let client: InfluxClient
    /// The longest a call to InfluxDB may take, all retries included.
    let timeout: Duration
    /// The most points one `GET` returns.
    let limit = 1000

    func addRoutes(to group: RouterGroup<Context>) {
        group
            .post(use: create)
            .get(":name", use: list)
    }

    @Sendable func create(request: Request, context: Context) async throws -> HTTPResponse.Status {
        let input = try await request.decode(as: MeasurementInput.self, context: context)
        try await client.writePoints([input.point], timeout: timeout)
        return .noContent
    }

    @Sendable func list(request: Request, context: Context) async throws -> PointsResponse {
        // The router hands over the path's text as sent: `cpu%20load` is the measurement `cpu load`.
        guard let name = try context.parameters.require("name").removingPercentEncoding else {
            throw HTTPError(.badRequest, message: "the measurement name is not valid percent-encoding")
        }
        let since = try request.uri.queryParameters.get("since").map(Self.nanoseconds(since:))
            ?? Point.Time.date(.now - 3600).nanosecondsSinceEpoch()
        // The name can only be an identifier, quoted by the library; the time is a bound parameter.
        let query = "SELECT * FROM \(InfluxQL.quoteIdentifier(name)) WHERE time >= $since LIMIT \(limit)"
        // A client that hangs up cancels this task, and so aborts the query in progress.
        let results = try await request.body.consumeWithCancellationOnInboundClose { _ in
            try await client.query(query, params: ["since": .integer(since)], timeout: timeout)
        }
        guard let result = results.first else { return PointsResponse(name: name, series: []) }
        if let error = result.error { throw InfluxError.statement(index: result.statementID, message: error) }
        return PointsResponse(name: name, series: result.series)
    }

    /// `since` as nanoseconds since the epoch, checked by the library's RFC3339 parser.
    static func nanoseconds(since text: String) throws -> Int64 {
        do {
            return try Point.Time.rfc3339(text).nanosecondsSinceEpoch()
        } catch {
            throw HTTPError(.badRequest, message: "since is not an RFC3339 time from 1677 to 2262: \(text)")
        }
    }
}
