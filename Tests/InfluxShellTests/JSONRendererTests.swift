import Foundation
import InfluxKit
import InfluxShell
import Testing

/// `--format json` is one document for all statements, whatever the chunks: what the server
/// answers the same statements unchunked.
struct JSONRendererTests {
    /// A chunked answer as influxd 1.x sends it (one JSON object a line): statement 0's series
    /// `cpu,host=a` cut over three chunks, then `cpu,host=b`; statement 1 fails; statement 2
    /// has a series without a name and a message.
    static let chunked = #"""
        {"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a"},"columns":["time","v"],"values":[[1,1],[2,2]],"partial":true}],"partial":true}]}
        {"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a"},"columns":["time","v"],"values":[[3,3.5]],"partial":true}],"partial":true}]}
        {"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a"},"columns":["time","v"],"values":[[4,"x"]]},{"name":"cpu","tags":{"host":"b"},"columns":["time","v"],"values":[[1,null]]}]}]}
        {"results":[{"statement_id":1,"error":"database not found: nope"}]}
        {"results":[{"statement_id":2,"series":[{"columns":["name"],"values":[["cpu"]]}],"messages":[{"level":"warning","text":"deprecated"}]}]}

        """#

    /// The same answer unchunked.
    static let whole = #"""
        {"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a"},"columns":["time","v"],"values":[[1,1],[2,2],[3,3.5],[4,"x"]]},{"name":"cpu","tags":{"host":"b"},"columns":["time","v"],"values":[[1,null]]}]},{"statement_id":1,"error":"database not found: nope"},{"statement_id":2,"series":[{"columns":["name"],"values":[["cpu"]]}],"messages":[{"level":"warning","text":"deprecated"}]}]}

        """#

    static func parsed(_ text: String) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject)
    }

    @Test func chunksOfSeveralStatementsAreOneDocumentAsTheServerAnswersUnchunked() throws {
        for pretty in [false, true] {
            let raw = try renderedRaw(JSONRenderer(pretty: pretty), Self.chunked, size: 7)
            let decoded = try renderedDecoded(JSONRenderer(pretty: pretty), Self.chunked)
            #expect(try Self.parsed(raw) == Self.parsed(Self.whole))
            #expect(raw == decoded)
            #expect(raw.components(separatedBy: "statement_id").count == 4, "each statement once: \(raw)")
            #expect(raw.components(separatedBy: "host").count == 3, "each series once: \(raw)")
        }
        #expect(try renderedRaw(JSONRenderer(), Self.chunked) == Self.whole, "compact: the server's own bytes")
    }

    @Test func anUnchunkedAnswerPrintsAsTheServerSentIt() throws {
        #expect(try renderedRaw(JSONRenderer(), Self.whole) == Self.whole)
    }

    /// Four spaces a level, `": "`, empty arrays and objects on their line: the layout of Go's
    /// `json.MarshalIndent`, which Python's `json.dumps(indent=4)` shares.
    @Test func prettyIndentsAsGo() throws {
        let body = #"{"results":[{"statement_id":0,"series":[{"name":"a:b","tags":{"k":"[,]"},"columns":["time","v"],"values":[[1,{}],[2,[]]]}]}]}"#
        let text = try renderedRaw(JSONRenderer(pretty: true), body + "\n")
        let expected = """
            {
                "results": [
                    {
                        "statement_id": 0,
                        "series": [
                            {
                                "name": "a:b",
                                "tags": {
                                    "k": "[,]"
                                },
                                "columns": [
                                    "time",
                                    "v"
                                ],
                                "values": [
                                    [
                                        1,
                                        {}
                                    ],
                                    [
                                        2,
                                        []
                                    ]
                                ]
                            }
                        ]
                    }
                ]
            }

            """
        #expect(text == expected)
    }

    /// A script's queries go on in one document, numbered on.
    @Test func queriesOfAScriptContinueTheDocument() throws {
        let sink = open("/dev/null", O_WRONLY)
        defer { close(sink) }
        var out = OutputBuffer(descriptor: sink, blockSize: 1 << 24)
        var renderer = JSONRenderer()
        for name in ["a", "b"] {
            renderer.render(ResultSet(statementID: 0, series: [Series(name: name, columns: ["v"], values: [[.integer(1)]])]), into: &out)
            renderer.endQuery(into: &out)
        }
        renderer.finish(into: &out)
        let text = String(decoding: out.bytes, as: UTF8.self)
        #expect(text == #"{"results":[{"statement_id":0,"series":[{"name":"a","columns":["v"],"values":[[1]]}]},{"statement_id":1,"series":[{"name":"b","columns":["v"],"values":[[1]]}]}]}"# + "\n")
    }
}
