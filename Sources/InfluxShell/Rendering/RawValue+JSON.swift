import InfluxKit

extension RawValue {
    /// Appends the value as JSON, as `JSONValue.serialize(into:)` writes the decoded value:
    /// ASCII strings without escapes, literals and numbers that print as written (see
    /// `ValueText.printsAsWritten`) are copied, anything else is decoded and serialized.
    @inline(__always)
    func appendJSON(to out: inout OutputBuffer) {
        switch kind {
        case .asciiString, .null, .true, .false:
            out.append(text)
        case .integer where ValueText.printsAsWritten(self), .decimal where ValueText.printsAsWritten(self):
            out.append(text)
        default:
            var bytes: [UInt8] = []
            decoded().serialize(into: &bytes)
            out.append(bytes)
        }
    }
}
