/// Reads points from CSV as the bytes arrive: plain CSV with a header (shaped by
/// ``CSVPointOptions``), InfluxDB 2.x annotated CSV (`#datatype`, `#default`, `#group`,
/// `#constant`, `#timezone`, `name|type|default` headers, Flux results with `_field` and
/// `_value`), and the CSV of influxkit's `query --format csv` and the Go shell's `-format csv`
/// (`name`, `tags` as `k=v,k=v`, `time`, repeated headers).
///
/// ```swift
/// var stream = CSVPointStream(options: options)
/// try stream.feed(piece) { line, point in … }   // for every piece of the input
/// try stream.finish { line, point in … }        // once, at the end
/// ```
///
/// Each data row is handed over with the line it starts on: a point, or a `.failure`
/// (`InfluxError.invalidPoint`) saying why the row cannot be one; the other rows still come.
/// Rows wait only while the types of a table's columns are inferred (its first
/// ``CSVPointOptions/inferenceRows`` rows). A header or annotation that cannot be used throws
/// `InfluxError.invalidLine`.
package struct CSVPointStream: Sendable {
    /// How plain CSV becomes points.
    package let options: CSVPointOptions
    private var parser = CSVParser()
    private var annotations = CSVAnnotations()
    private var table: CSVTable?
    /// Rows read while column types are inferred.
    private var sample: [CSVRecord] = []

    /// Creates a stream.
    package init(options: CSVPointOptions = CSVPointOptions()) {
        self.options = options
    }

    /// Reads `bytes`, handing over the rows they complete.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: (Int, Result<Point, InfluxError>) throws -> Void) throws {
        var parser = self.parser
        self.parser = CSVParser()
        defer { self.parser = parser }
        try parser.feed(bytes) { try take($0, emit) }
    }

    /// Ends the input, handing over the last rows.
    package mutating func finish(_ emit: (Int, Result<Point, InfluxError>) throws -> Void) throws {
        var parser = self.parser
        self.parser = CSVParser()
        defer { self.parser = parser }
        try parser.finish { try take($0, emit) }
        try flushSample(emit)
    }

    private mutating func take(_ record: CSVRecord, _ emit: (Int, Result<Point, InfluxError>) throws -> Void) throws {
        if record.problem != nil {
            // In line order with the rows held for inference.
            if !sample.isEmpty { return sample.append(record) }
            return try emit(record.line, Self.point(of: record, in: table))
        }
        if let kind = CSVAnnotations.kind(of: record) {
            if kind == .comment { return }
            if kind == .column && table != nil {
                try flushSample(emit)
                table = nil
                annotations = CSVAnnotations()
            }
            do {
                return try annotations.take(record)
            } catch {
                throw InfluxError.invalidLine(line: record.line, reason: error.reason)
            }
        }
        guard let table, !table.isHeader(record) else {
            try flushSample(emit)
            do {
                return self.table = try CSVTable(header: record, annotations: annotations, options: options)
            } catch {
                throw InfluxError.invalidLine(line: record.line, reason: error.reason)
            }
        }
        if table.needsInference {
            sample.append(record)
            if sample.count >= options.inferenceRows { try flushSample(emit) }
            return
        }
        try emit(record.line, Self.point(of: record, in: table))
    }

    /// Infers the column types from the rows read so far and hands those rows over.
    private mutating func flushSample(_ emit: (Int, Result<Point, InfluxError>) throws -> Void) throws {
        guard var table, !sample.isEmpty else { return }
        table.inferTypes(from: sample)
        self.table = table
        let rows = sample
        sample.removeAll()
        for record in rows { try emit(record.line, Self.point(of: record, in: table)) }
    }

    private static func point(of record: CSVRecord, in table: CSVTable?) -> Result<Point, InfluxError> {
        if let problem = record.problem { return .failure(.invalidPoint(reason: problem)) }
        guard let table else { return .failure(.invalidPoint(reason: "a row before the header")) }
        do {
            return .success(try table.point(from: record))
        } catch {
            return .failure(.invalidPoint(reason: error.reason))
        }
    }
}
