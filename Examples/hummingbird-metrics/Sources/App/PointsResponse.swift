import Hummingbird
import InfluxKit

/// The answer of `GET /measurements/:name`: `{"name": "cpu", "points": [{"time": "…", "host": "a",
/// "usage": 0.5}, …]}`, each point's columns in the server's order.
///
/// Built from the library's `JSONValue`, so integers keep every digit.
struct PointsResponse: ResponseGenerator {
    let name: String
    let series: [Series]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let points = series.flatMap { series in
            series.values.map { row in JSONValue.object(zip(series.columns, row).map { (key: $0, value: $1) }) }
        }
        var body: [UInt8] = []
        JSONValue.object([("name", .string(name)), ("points", .array(points))]).serialize(into: &body)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
