import ArgumentParser

extension InfluxKitCommand {
    /// The one-shot commands that scripts call in loops, parsed from their tables
    /// (``OneShotTable``) before ArgumentParser is asked.
    static let oneShotCommands: [any (ParsableCommand & OneShotParsable).Type] = [QueryCommand.self, PingCommand.self, WriteCommand.self]

    /// The command that `influxkit NAME ARGUMENTS…` names when NAME is one of
    /// ``oneShotCommands`` and its arguments have only the plain forms; `nil` otherwise (then
    /// ArgumentParser parses them, as before).
    ///
    /// ArgumentParser reflects over every property wrapper of a command several times before it
    /// parses, which was two fifths of a one-shot query's instructions (docs/profiles.md).
    static func parsedOneShot(_ arguments: [String]) -> ParsableCommand? {
        guard let name = arguments.first, let command = oneShotCommands.first(where: { $0._commandName == name }) else { return nil }
        return parsed(command, from: Array(arguments.dropFirst()))
    }

    private static func parsed<Command: ParsableCommand & OneShotParsable>(_ command: Command.Type, from arguments: [String]) -> ParsableCommand? {
        command.oneShotTable.parse(arguments)
    }
}
