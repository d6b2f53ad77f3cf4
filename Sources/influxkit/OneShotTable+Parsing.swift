import ArgumentParser

extension OneShotTable where Root: ParsableArguments {
    /// `arguments` parsed and validated, or `nil` for anything but the plain forms:
    /// `--name VALUE`, `--name=VALUE`, `-n VALUE`, flags, declared `--no-NAME` inversions,
    /// positional arguments, and `--` followed by positional arguments only.
    ///
    /// A value starting with `-`, `--name=` (no value), combined short flags, `-nVALUE`, an
    /// unknown name (help and `--version` included), a value that does not convert, or a failed
    /// `validate()` give `nil`: ArgumentParser then parses the arguments, and its messages and
    /// exit codes stay its own.
    func parse(_ arguments: [String]) -> Root? {
        let spellings = self.spellings
        var given: [String: [String]] = [:]
        var positional: [String] = []
        var rest = arguments[...]
        var positionalOnly = false
        while let argument = rest.popFirst() {
            if positionalOnly || !argument.hasPrefix("-") {
                guard positionals != nil else { return nil }
                positional.append(argument)
            } else if argument == "--" {
                positionalOnly = true
            } else {
                // ArgumentParser takes `--name VALUE` with an empty VALUE, but not `--name=`.
                guard let (spelling, inline) = Self.occurrence(argument, in: spellings), inline != "",
                    let value = inline ?? rest.popFirst(), !value.hasPrefix("-")
                else { return nil }
                given[spelling.long, default: []].append(value)
            }
        }
        return built(given: given, positionals: positional)
    }

    /// The option `argument` names and the value it carries: a flag's ``OneShotSpelling/on``
    /// or ``OneShotSpelling/off``, `=VALUE`, or `nil` when the value is the next argument.
    /// `nil` for no option, or a flag given `=VALUE`.
    private static func occurrence(_ argument: String, in spellings: [OneShotSpelling]) -> (OneShotSpelling, String?)? {
        guard argument.hasPrefix("--") else {
            guard argument.count == 2, let spelling = spellings.first(where: { $0.short == argument.last }) else { return nil }
            return (spelling, spelling.isFlag ? OneShotSpelling.on : nil)
        }
        let body = argument.dropFirst(2)
        let name = body.prefix { $0 != "=" }
        let inline = name.endIndex < body.endIndex ? String(body[body.index(after: name.endIndex)...]) : nil
        if let spelling = spellings.first(where: { $0.long == name }) {
            guard spelling.isFlag else { return (spelling, inline) }
            return inline == nil ? (spelling, OneShotSpelling.on) : nil
        }
        guard name.hasPrefix("no-"), inline == nil,
            let spelling = spellings.first(where: { $0.kind == .invertibleFlag && $0.long == name.dropFirst(3) })
        else { return nil }
        return (spelling, OneShotSpelling.off)
    }
}
