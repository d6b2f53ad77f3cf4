extension JSONScanner {
    /// Reads one top-level `/query` response object and returns one `ResultSet` per entry of
    /// its `results`, decoding rows straight from the bytes.
    ///
    /// With `recordsRawRows`, rows are checked and recorded on `tape` instead, and every
    /// series' `values` is left empty: `tape.responseResults` then lists the returned results'
    /// entries in `tape.resultSeries`, whose entries in `tape.seriesRows` give each series' rows.
    ///
    /// - Throws: `InfluxError.http(status: 200, …)` when the object carries a top-level `error`
    ///   (the caller knows the real status); `malformedResponse` when the object is not JSON or
    ///   has neither `results` nor `error`.
    mutating func readQueryResponse() throws -> [ResultSet] {
        skipWhitespace()
        let start = index
        try beginObject(depth: 1)
        var results: [ResultSet]?
        var serverError: String?
        var first = true
        while let key = try nextMember(&first) {
            switch key {
            case "results":
                let firstResult = tape.resultSeries.count
                results = try readResults()
                tape.responseResults = firstResult..<tape.resultSeries.count
            case "error":
                serverError = try skipNull() ? nil : readStringValue()
            default:
                try skipValue(depth: 1)
            }
        }
        if let serverError {
            throw InfluxError.http(status: 200, message: serverError)
        }
        guard let results else { throw failure("response object without results", at: start) }
        return results
    }

    /// Reads the `results` array (depth 2).
    private mutating func readResults() throws -> [ResultSet] {
        var results: [ResultSet] = []
        if try skipNull() { return results }
        try beginArray(depth: 2)
        var first = true
        while try nextElement(&first) {
            results.append(try readResult())
        }
        return results
    }

    /// Reads one statement result object (depth 3).
    private mutating func readResult() throws -> ResultSet {
        try beginObject(depth: 3)
        var result = ResultSet(statementID: 0)
        var seriesEntries = tape.seriesRows.count..<tape.seriesRows.count
        var first = true
        while let key = try nextMember(&first) {
            switch key {
            case "statement_id":
                result.statementID = try readIntValue()
            case "series":
                let firstSeries = tape.seriesRows.count
                result.series = try readSeriesList()
                seriesEntries = firstSeries..<tape.seriesRows.count
            case "messages":
                result.messages = try readMessages()
            case "error":
                result.error = try skipNull() ? nil : readStringValue()
            case "partial":
                result.isPartial = try skipNull() ? false : readBoolValue()
            default:
                try skipValue(depth: 3)
            }
        }
        if recordsRawRows { tape.resultSeries.append(seriesEntries) }
        return result
    }

    /// Reads a result's `messages` array (depth 4) of `{"level","text"}` objects (depth 5).
    private mutating func readMessages() throws -> [ResultSet.Message] {
        var messages: [ResultSet.Message] = []
        if try skipNull() { return messages }
        try beginArray(depth: 4)
        var first = true
        while try nextElement(&first) {
            try beginObject(depth: 5)
            var message = ResultSet.Message(level: "", text: "")
            var firstMember = true
            while let key = try nextMember(&firstMember) {
                switch key {
                case "level": message.level = try readStringValue()
                case "text": message.text = try readStringValue()
                default: try skipValue(depth: 5)
                }
            }
            messages.append(message)
        }
        return messages
    }

    /// Reads a result's `series` array (depth 4).
    private mutating func readSeriesList() throws -> [Series] {
        var list: [Series] = []
        if try skipNull() { return list }
        try beginArray(depth: 4)
        var first = true
        while try nextElement(&first) {
            list.append(try readSeries())
        }
        return list
    }

    /// Reads one series object (depth 5).
    private mutating func readSeries() throws -> Series {
        try beginObject(depth: 5)
        var series = Series(name: nil, columns: [])
        var rawRows = tape.rowCount..<tape.rowCount
        var first = true
        while let key = try nextMember(&first) {
            switch key {
            case "name":
                series.name = try skipNull() ? nil : readStringValue()
            case "tags":
                series.tags = try readTags()
            case "columns":
                series.columns = try readColumns()
            case "values":
                if recordsRawRows {
                    rawRows = try recordRows()
                } else {
                    series.values = try readRows(width: series.columns.count)
                }
            case "partial":
                series.isPartial = try skipNull() ? false : readBoolValue()
            default:
                try skipValue(depth: 5)
            }
        }
        if recordsRawRows { tape.seriesRows.append(rawRows) }
        return series
    }

    /// Reads a series' `tags` object (depth 6) of string values.
    private mutating func readTags() throws -> [String: String]? {
        if try skipNull() { return nil }
        try beginObject(depth: 6)
        var tags: [String: String] = [:]
        var first = true
        while let key = try nextMember(&first) {
            tags[key] = try readStringValue()
        }
        return tags
    }

    /// Reads a series' `columns` array (depth 6) of strings.
    private mutating func readColumns() throws -> [String] {
        var columns: [String] = []
        if try skipNull() { return columns }
        try beginArray(depth: 6)
        var first = true
        while try nextElement(&first) {
            columns.append(try readStringValue())
        }
        return columns
    }

    /// Reads a series' `values` array (depth 6) of rows (depth 7).
    private mutating func readRows(width: Int) throws -> [[JSONValue]] {
        var rows: [[JSONValue]] = []
        if try skipNull() { return rows }
        try beginArray(depth: 6)
        var first = true
        while try nextElement(&first) {
            try beginArray(depth: 7)
            var row: [JSONValue] = []
            row.reserveCapacity(width)
            var firstValue = true
            while try nextElement(&firstValue) {
                row.append(try readValue(depth: 7))
            }
            rows.append(row)
        }
        return rows
    }
}
