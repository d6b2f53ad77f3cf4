import InfluxKit

/// The server's JSON structure, `{"results":[…]}`, as one document for all the statements of a
/// query (and, in a script, of all its queries), written as results arrive.
///
/// The document is what the server answers the same statements unchunked: one result per
/// statement, numbered from 0 in order; the series of a statement that arrive in several chunks
/// are continued, not repeated; `partial` members are left out. Only the open statement's
/// `error` and `messages` are held until it ends, so memory does not grow with the answer.
/// With `pretty`, the document is indented as the Go `influx` shell's `-pretty` prints it.
public struct JSONRenderer: ResultRenderer {
    /// Indents the compact text when the output is pretty.
    private var indenter: JSONIndenter?
    /// Whether `{"results":[` is written.
    private var started = false
    /// Statements opened in the document so far.
    private var statementCount = 0
    /// The server's `statement_id` of the open statement; `nil` when none is open.
    private var openStatement: Int?
    /// Series opened in the open statement.
    private var seriesCount = 0
    /// The open series (its object not closed yet), which the next chunk may continue.
    private var openSeries: SeriesKey?
    /// Whether the open series' `values` array is open, and whether its object has members.
    private var valuesOpen = false
    private var seriesHasMembers = false
    /// The open statement's messages and error, written when it ends.
    private var messages: [ResultSet.Message] = []
    private var error: String?

    /// Creates a renderer; with `pretty`, the document is indented by four spaces a level.
    public init(pretty: Bool = false) {
        indenter = pretty ? JSONIndenter() : nil
    }

    /// Writes one result (a statement, or a chunk of one) into the document.
    public mutating func render(_ result: ResultSet, into out: inout OutputBuffer) {
        emit(into: &out) { renderer, text in
            renderer.write(result, hasRows: { !result.series[$0].values.isEmpty }, into: &text) { index, text in
                for (position, row) in result.series[index].values.enumerated() {
                    if position > 0 { text.append(UInt8(ascii: ",")) }
                    var bytes: [UInt8] = []
                    JSONValue.array(row).serialize(into: &bytes)
                    text.append(bytes)
                }
            }
        }
    }

    /// Ends the statements of one query: the results of the next query are numbered on, in the
    /// same document (a script's queries, which the shell sends one by one).
    public mutating func endQuery(into out: inout OutputBuffer) {
        emit(into: &out) { renderer, text in renderer.closeStatement(into: &text) }
    }

    /// Ends the document, if one was started; the next result starts a new one.
    public mutating func finish(into out: inout OutputBuffer) {
        guard started else { return }
        emit(into: &out) { renderer, text in
            renderer.closeStatement(into: &text)
            text.append("]}\n")
        }
        started = false
        statementCount = 0
    }

    /// Leaves the document unterminated, so that no JSON reader takes a broken-off answer
    /// for a whole one.
    public mutating func breakOff(into out: inout OutputBuffer) {}

    /// Runs `body` with a buffer for the compact text: `out` itself, or one whose text is then
    /// indented into `out`.
    mutating func emit(into out: inout OutputBuffer, _ body: (inout JSONRenderer, inout OutputBuffer) -> Void) {
        guard indenter != nil else { return body(&self, &out) }
        var text = OutputBuffer(descriptor: -1, blockSize: .max)
        body(&self, &text)
        indenter?.indent(text.take(), into: &out)
    }

    /// Writes `result` as compact text: a new statement, or more of the open one; a series that
    /// is the open one goes on with its rows. `hasRows` tells whether a series has rows, and
    /// `appendRows` writes them, comma-separated.
    mutating func write(
        _ result: ResultSet, hasRows: (Int) -> Bool, into text: inout OutputBuffer,
        appendRows: (Int, inout OutputBuffer) -> Void
    ) {
        if !started {
            text.append(#"{"results":["#)
            started = true
        }
        if openStatement != result.statementID {
            closeStatement(into: &text)
            text.append(statementCount > 0 ? #",{"statement_id":"# : #"{"statement_id":"#)
            text.append(String(statementCount))
            statementCount += 1
            openStatement = result.statementID
        }
        for (index, series) in result.series.enumerated() {
            let key = SeriesKey(series)
            if key != openSeries {
                closeSeries(into: &text)
                text.append(seriesCount == 0 ? #","series":["# : ",")
                seriesCount += 1
                var head = series
                head.values = []
                head.isPartial = false
                var bytes: [UInt8] = []
                head.raw.serialize(into: &bytes)
                bytes.removeLast()  // the `}`, written when the series ends
                text.append(bytes)
                seriesHasMembers = bytes.count > 1
                openSeries = key
            }
            guard hasRows(index) else { continue }
            if valuesOpen {
                text.append(UInt8(ascii: ","))
            } else {
                text.append(seriesHasMembers ? #","values":["# : #""values":["#)
                valuesOpen = true
            }
            appendRows(index, &text)
        }
        messages += result.messages
        // The first error is the cause; influxd 1.6.7 follows it with `not executed` under the
        // same statement id when later statements are skipped.
        if error == nil { error = result.error }
    }

    private mutating func closeSeries(into text: inout OutputBuffer) {
        guard openSeries != nil else { return }
        text.append(valuesOpen ? "]}" : "}")
        openSeries = nil
        valuesOpen = false
    }

    private mutating func closeStatement(into text: inout OutputBuffer) {
        guard openStatement != nil else { return }
        closeSeries(into: &text)
        if seriesCount > 0 { text.append(UInt8(ascii: "]")) }
        // `messages` and `error` as `ResultSet.raw` writes them, after `{"statement_id":0`.
        var bytes: [UInt8] = []
        ResultSet(statementID: 0, messages: messages, error: error).raw.serialize(into: &bytes)
        text.append(bytes[#"{"statement_id":0"#.utf8.count...])
        openStatement = nil
        seriesCount = 0
        messages = []
        error = nil
    }
}
