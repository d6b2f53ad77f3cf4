/// The names Tab completion offers, fetched from the server (``SchemaCache``) or given by a test.
/// Every method answers with no names when it cannot find any.
public protocol CompletionSchema {
    /// The database names.
    func databases() -> [String]
    /// The retention policy names of `database`.
    func retentionPolicies(in database: String) -> [String]
    /// The measurement names of `database`.
    func measurements(in database: String) -> [String]
    /// The field keys of `measurement` in `database` (of every measurement when `nil`).
    func fieldKeys(in database: String, measurement: String?) -> [String]
    /// The tag keys of `measurement` in `database` (of every measurement when `nil`).
    func tagKeys(in database: String, measurement: String?) -> [String]
    /// The values of tag `key` of `measurement` in `database` (of every measurement when `nil`).
    func tagValues(in database: String, measurement: String?, key: String) -> [String]
}
