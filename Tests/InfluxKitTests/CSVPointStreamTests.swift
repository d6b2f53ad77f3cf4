import Testing
@testable import InfluxKit

@Suite struct CSVPointStreamTests {
    /// The rows of `text` (fed in pieces of `size` bytes) with their lines: a point or a reason.
    func rows(_ text: String, _ options: CSVPointOptions = CSVPointOptions(), size: Int = 7) throws -> [(line: Int, point: Point?, reason: String?)] {
        var stream = CSVPointStream(options: options)
        var rows: [(line: Int, point: Point?, reason: String?)] = []
        func take(_ line: Int, _ result: Result<Point, InfluxError>) {
            switch result {
            case let .success(point): rows.append((line, point, nil))
            case let .failure(error) where error.code == .invalidPoint: rows.append((line, nil, error.message))
            case let .failure(error): rows.append((line, nil, "\(error)"))
            }
        }
        try forEachPiece(of: Array(text.utf8), size: size) { try stream.feed($0, take) }
        try stream.finish(take)
        return rows
    }

    func points(_ text: String, _ options: CSVPointOptions = CSVPointOptions()) throws -> [Point] {
        try rows(text, options).compactMap(\.point)
    }

    func point(_ measurement: String, _ tags: [String: String], _ fields: [String: FieldValue], _ nanoseconds: Int64?) -> Point {
        Point(measurement: measurement, tags: tags, fields: fields, time: nanoseconds.map { .epoch($0, .nanoseconds) })
    }

    // MARK: - Annotated CSV: the examples of influx-cli's csv2lp and the InfluxDB 2.x docs, with
    // the line protocol they document.

    /// The docs' `influx write` example: `#datatype measurement,tag,double,dateTime:RFC3339`.
    @Test func readsTheDocsExample() throws {
        let text = """
            #datatype measurement,tag,double,dateTime:RFC3339
            m,host,used_percent,time
            mem,host1,64.23,2020-01-01T00:00:00Z
            mem,host2,72.01,2020-01-01T00:00:00Z
            mem,host1,62.61,2020-01-01T00:00:10Z

            """
        #expect(try points(text) == [
            point("mem", ["host": "host1"], ["used_percent": .float(64.23)], 1_577_836_800_000_000_000),
            point("mem", ["host": "host2"], ["used_percent": .float(72.01)], 1_577_836_800_000_000_000),
            point("mem", ["host": "host1"], ["used_percent": .float(62.61)], 1_577_836_810_000_000_000),
        ])
    }

    /// csv2lp example 1: a Flux query result, two tables, `_field`/`_value` rows, group-key tags.
    @Test func readsAFluxResult() throws {
        let text = """
            #group,false,false,true,true,false,false,true,true,true,true
            #datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string,string
            #default,_result,,,,,,,,,
            ,result,table,_start,_stop,_time,_value,_field,_measurement,cpu,host
            ,,0,2020-02-25T22:17:54.068926364Z,2020-02-25T22:22:54.068926364Z,2020-02-25T22:17:57Z,0,time_steal,cpu,cpu1,rsavage.prod
            ,,0,2020-02-25T22:17:54.068926364Z,2020-02-25T22:22:54.068926364Z,2020-02-25T22:18:07Z,0,time_steal,cpu,cpu1,rsavage.prod

            #group,false,false,true,true,false,false,true,true,true,true
            #datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string,string
            #default,_result,,,,,,,,,
            ,result,table,_start,_stop,_time,_value,_field,_measurement,cpu,host
            ,,1,2020-02-25T22:17:54.068926364Z,2020-02-25T22:22:54.068926364Z,2020-02-25T22:18:01Z,2.7263631815907954,usage_user,cpu,cpu-total,tahoecity.prod
            ,,1,2020-02-25T22:17:54.068926364Z,2020-02-25T22:22:54.068926364Z,2020-02-25T22:18:11Z,2.247752247752248,usage_user,cpu,cpu-total,tahoecity.prod

            """
        let first = ["cpu": "cpu1", "host": "rsavage.prod"], second = ["cpu": "cpu-total", "host": "tahoecity.prod"]
        #expect(try points(text) == [
            point("cpu", first, ["time_steal": .float(0)], 1_582_669_077_000_000_000),
            point("cpu", first, ["time_steal": .float(0)], 1_582_669_087_000_000_000),
            point("cpu", second, ["usage_user": .float(2.7263631815907954)], 1_582_669_081_000_000_000),
            point("cpu", second, ["usage_user": .float(2.247752247752248)], 1_582_669_091_000_000_000),
        ])
    }

    /// csv2lp example 2, with the types in a `#datatype` row and in the header (`name|type`).
    @Test(arguments: [
        """
        #datatype measurement,tag,tag,double,double,ignored,dateTime:number
        m,cpu,host,time_steal,usage_user,nothing,time
        cpu,cpu1,rsavage.prod,0,2.7,a,1482669077000000000
        cpu,cpu1,rsavage.prod,0,2.2,b,1482669087000000000
        """,
        """
        m|measurement,cpu|tag,host|tag,time_steal|double,usage_user|double,nothing|ignored,time|dateTime:number
        cpu,cpu1,rsavage.prod,0,2.7,a,1482669077000000000
        cpu,cpu1,rsavage.prod,0,2.2,b,1482669087000000000
        """,
    ])
    func readsTypedColumns(_ text: String) throws {
        let tags = ["cpu": "cpu1", "host": "rsavage.prod"]
        #expect(try points(text) == [
            point("cpu", tags, ["time_steal": .float(0), "usage_user": .float(2.7)], 1_482_669_077_000_000_000),
            point("cpu", tags, ["time_steal": .float(0), "usage_user": .float(2.2)], 1_482_669_087_000_000_000),
        ])
    }

    /// csv2lp example 3: every data type, with `#default` values (and the same in the header).
    @Test(arguments: [
        """
        #datatype measurement,tag,string,double,boolean,long,unsignedLong,duration,dateTime
        #default test,annotatedDatatypes,,,,,,
        m,name,s,d,b,l,ul,dur,time
        ,,str1,1.0,true,1,1,1ms,1
        ,,str2,2.0,false,2,2,2us,2020-01-11T10:10:10Z
        """,
        """
        m|measurement|test,name|tag|annotatedDatatypes,s|string,d|double,b|boolean,l|long,ul|unsignedLong,dur|duration,time|dateTime
        ,,str1,1.0,true,1,1,1ms,1
        ,,str2,2.0,false,2,2,2us,2020-01-11T10:10:10Z
        """,
    ])
    func readsEveryDataType(_ text: String) throws {
        let tags = ["name": "annotatedDatatypes"]
        #expect(try points(text) == [
            point("test", tags, ["s": .string("str1"), "d": .float(1), "b": .boolean(true), "l": .integer(1),
                                 "ul": .unsigned(1), "dur": .integer(1_000_000)], 1),
            point("test", tags, ["s": .string("str2"), "d": .float(2), "b": .boolean(false), "l": .integer(2),
                                 "ul": .unsigned(2), "dur": .integer(2000)], 1_578_737_410_000_000_000),
        ])
    }

    /// csv2lp example 4: `#constant`, `#timezone`, a Go layout with a default, a decimal comma,
    /// and boolean words with a default.
    @Test func readsConstantsTimeZonesAndFormats() throws {
        let text = """
            #constant measurement,test
            #constant tag,name,datetypeFormats
            #timezone -0500
            t|dateTime:2006-01-02|1970-01-02,"d|double:,. ","b|boolean:y,Y:n,N|y"
            1970-01-01,"123.456,78",
            ,"123 456,78",Y
            """
        let tags = ["name": "datetypeFormats"]
        #expect(try points(text) == [
            point("test", tags, ["d": .float(123_456.78), "b": .boolean(true)], 18_000_000_000_000),
            point("test", tags, ["d": .float(123_456.78), "b": .boolean(true)], 104_400_000_000_000),
        ])
    }

    /// csv2lp example 5: `sep=;` and a boolean with only truthy words.
    @Test func readsACustomSeparator() throws {
        let text = """
            sep=;
            m|measurement;available|boolean:y,Y:|n;dt|dateTime:number
            test;nil;1
            test;N;2
            test;";";3
            test;;4
            test;Y;5
            """
        #expect(try points(text) == (1...5).map {
            point("test", [:], ["available": .boolean($0 == 5)], Int64($0))
        })
    }

    // MARK: - Plain CSV

    /// Types are inferred per column from the first rows: integers, floats (a column with one
    /// fraction is all floats), booleans and strings; `--field-types` overrides.
    @Test func infersColumnTypes() throws {
        var options = CSVPointOptions()
        options.measurement = "weather"
        options.tagColumns = ["city"]
        let text = "city,time,n,temp,ok,note,code\nOslo,1,3,-1,true,cold,7\nRome,2,4,12.5,FALSE,\"warm, dry\",8\n"
        #expect(try points(text, options) == [
            point("weather", ["city": "Oslo"], ["n": .integer(3), "temp": .float(-1), "ok": .boolean(true),
                                               "note": .string("cold"), "code": .integer(7)], 1),
            point("weather", ["city": "Rome"], ["n": .integer(4), "temp": .float(12.5), "ok": .boolean(false),
                                               "note": .string("warm, dry"), "code": .integer(8)], 2),
        ])
        options.fieldTypes = ["n": .float, "code": .string]
        #expect(try points(text, options)[0].fields["n"] == .float(3))
        #expect(try points(text, options)[0].fields["code"] == .string("7"))
    }

    /// A value that does not fit its column's type rejects its row, named by the line it starts
    /// on (after a quoted field over two lines); the other rows are still points.
    @Test func rejectsRowsThatDoNotFit() throws {
        var options = CSVPointOptions()
        options.measurement = "m"
        options.inferenceRows = 2
        let text = "time,n,s\n1,1,\"a\nb\"\n2,2,x\n3,oops,y\n4,,\n5,6,z,extra\n6,7,\"open\n"
        let got = try rows(text, options)
        #expect(got.map(\.line) == [2, 4, 5, 6, 7, 8])
        #expect(got.map { $0.point != nil } == [true, true, false, false, false, false])
        #expect(got[2].reason?.hasPrefix("column \"n\": \"oops\" is not an integer") == true)
        #expect(got[3].reason == "no fields: every field column is empty")
        #expect(got[4].reason == "4 values for 3 columns")
        #expect(try rows("time,v\nnoon,1\n", options).first?.reason == "invalid time \"noon\" (not ISO 8601 such as 2009-11-10T23:00:00Z)")
        #expect(got[5].reason == "a quoted field is not closed before the end of the input")
        // A quoting problem while rows are held for inference comes in line order too.
        options.inferenceRows = 1000
        #expect(try rows("time,v\n1,1\n2,\"open\n", options).map(\.line) == [2, 3])
    }

    @Test(arguments: [
        (CSVTimeFormat.rfc3339, "2024-01-02T03:04:05.5+01:00", Int64(1_704_161_045_500_000_000)),
        (.epochSeconds, "1704164645", 1_704_164_645_000_000_000),
        (.epochMilliseconds, "1704164645500", 1_704_164_645_500_000_000),
        (.epochMicroseconds, "1704164645500001", 1_704_164_645_500_001_000),
        (.epochNanoseconds, "1704164645500000001", 1_704_164_645_500_000_001),
        (.auto, "2024-01-02T03:04:05Z", 1_704_164_645_000_000_000),
        (.auto, "2024-01-02 03:04:05", 1_704_164_645_000_000_000),  // no zone: UTC
        (.rfc3339, "2024-01-02", 1_704_153_600_000_000_000),
        (.auto, "1704164645", 1_704_164_645_000_000_000),  // in --precision s
    ])
    func readsTimeFormats(format: CSVTimeFormat, text: String, nanoseconds: Int64) throws {
        var options = CSVPointOptions()
        options.measurement = "m"
        options.timeColumn = "at"
        options.timeFormat = format
        options.precision = .seconds
        #expect(try points("at,v\n\(text),1\n", options).first?.time == .epoch(nanoseconds, .nanoseconds))
    }

    /// influxkit's `query --format csv` (and the Go shell's): `name`, `tags` as `k=v,k=v`,
    /// `time`; a header repeated for other columns starts a new table.
    @Test func readsQueryOutput() throws {
        let text = """
            name,tags,time,usage
            cpu,"host=a,region=eu,west",2024-01-02T03:04:05Z,1.5
            name,tags,time,free
            mem,host=b,2024-01-02T03:04:06Z,7
            """
        #expect(try points(text) == [
            point("cpu", ["host": "a", "region": "eu,west"], ["usage": .float(1.5)], 1_704_164_645_000_000_000),
            point("mem", ["host": "b"], ["free": .integer(7)], 1_704_164_646_000_000_000),
        ])
    }

    @Test func refusesAHeaderWithoutMeasurement() throws {
        #expect(throws: InfluxError.invalidLine(line: 2, reason: "no measurement: give --measurement NAME or --measurement-column COLUMN")) {
            try rows("# a comment\na,b\n1,2\n")
        }
        var options = CSVPointOptions()
        options.measurement = "m"
        options.tagColumns = ["host"]
        #expect(throws: InfluxError.invalidLine(line: 1, reason: "no column \"host\" in the header (a,b)")) {
            try rows("a,b\n1,2\n", options)
        }
    }
}
