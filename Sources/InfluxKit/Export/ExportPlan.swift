/// What an export reads, worked out from the server's schema by ``InfluxClient/exportPlan(for:)``:
/// the retention policies (for the `influx -import` header), the fields of every measurement and
/// the slices, in the order their lines are written.
public struct ExportPlan: Sendable {
    /// The fields of one measurement in one retention policy.
    public struct Fields: Sendable, Equatable {
        /// The fields that have one type, sorted by name.
        public var typed: [ExportField]
        /// The fields that have several types (in different shard groups), with those types;
        /// each slice reads them with the type its shard group holds.
        public var ambiguous: [String: [FieldKey.ValueType]]

        /// Creates the fields of a measurement.
        public init(typed: [ExportField], ambiguous: [String: [FieldKey.ValueType]] = [:]) {
            self.typed = typed
            self.ambiguous = ambiguous
        }
    }

    /// The database.
    public var database: String
    /// The retention policies read, in output order.
    public var retentionPolicies: [RetentionPolicy]
    /// The fields of each measurement, by retention policy and then measurement.
    public var fields: [String: [String: Fields]]
    /// The slices, in output order: by retention policy, measurement, then time.
    public var slices: [ExportSlice]
    /// An InfluxQL condition on tags added to every slice's query.
    public var tagPredicate: String?
    /// What the plan could not do exactly, one line each, for the user to read.
    public var warnings: [String]

    /// Creates a plan.
    public init(
        database: String, retentionPolicies: [RetentionPolicy], fields: [String: [String: Fields]],
        slices: [ExportSlice], tagPredicate: String? = nil, warnings: [String] = []
    ) {
        self.database = database
        self.retentionPolicies = retentionPolicies
        self.fields = fields
        self.slices = slices
        self.tagPredicate = tagPredicate
        self.warnings = warnings
    }

    /// The fields `slice` reads.
    public func fields(of slice: ExportSlice) -> Fields {
        fields[slice.retentionPolicy]?[slice.measurement] ?? Fields(typed: [])
    }
}
