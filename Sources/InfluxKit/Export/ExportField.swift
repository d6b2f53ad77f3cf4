/// A field as an export reads it: its name and the type it is read as.
public struct ExportField: Sendable, Hashable {
    /// The field key.
    public var name: String
    /// The type the field is selected as (`"name"::type`).
    public var type: FieldKey.ValueType

    /// Creates a field.
    public init(name: String, type: FieldKey.ValueType) {
        self.name = name
        self.type = type
    }
}
