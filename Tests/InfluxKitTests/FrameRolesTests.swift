import Testing
import InfluxKit

@Suite struct FrameRolesTests {
    static let frame = try! Frame(time: [1], columns: [
        "host": .string(["a"]), "region": .string(["eu"]), "usage": .float([0.5]), "procs": .integer([3]),
    ])

    @Test(arguments: [
        ([String]?.none, [String]?.none, [String](), ["host", "region", "usage", "procs"]),
        (["host"], nil, ["host"], ["region", "usage", "procs"]),
        (nil, ["usage"], ["host", "region", "procs"], ["usage"]),
        (["host"], ["usage"], ["host"], ["usage"]),
        ([], ["usage"], [], ["usage"]),
        (["region", "host"], [], ["region", "host"], []),
    ] as [([String]?, [String]?, [String], [String])])
    func rolesFollowDataFrameClient(tagColumns: [String]?, fieldColumns: [String]?, tags: [String], fields: [String]) throws {
        let roles = try Self.frame.roles(tagColumns: tagColumns, fieldColumns: fieldColumns)
        #expect(roles.tags == tags)
        #expect(roles.fields == fields)
    }

    @Test func unknownColumnsAreRefused() {
        #expect(throws: InfluxError.invalidArgument("the frame has no column \"nope\"")) {
            try Self.frame.roles(tagColumns: ["nope"], fieldColumns: nil)
        }
        #expect(throws: InfluxError.invalidArgument("the frame has no column \"nope\"")) {
            try Self.frame.roles(tagColumns: nil, fieldColumns: ["usage", "nope"])
        }
    }

    @Test func aColumnCannotBeTagAndField() {
        #expect(throws: InfluxError.invalidArgument("column \"host\" is given as a tag and as a field")) {
            try Self.frame.roles(tagColumns: ["host"], fieldColumns: ["host", "usage"])
        }
    }
}
