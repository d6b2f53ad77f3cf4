import ArgumentParser

/// A word where a subcommand belongs that names none: `influxkit querry` or `influxkit db creat`.
/// Without this the root parser hands the word to the default `shell` (`2 unexpected
/// arguments`) or a group tries its options (`Unknown option '--port'`).
enum CommandTypo {
    /// The message for `arguments` (without the program name) when a word before any option
    /// names no subcommand of the command it follows; nil when they do (or start with options).
    static func message(for arguments: [String], root: ParsableCommand.Type) -> String? {
        message(for: arguments[...], under: root, path: [root._commandName])
    }

    private static func message(for arguments: ArraySlice<String>, under command: ParsableCommand.Type, path: [String]) -> String? {
        let subcommands: [ParsableCommand.Type] = command.configuration.subcommands
        guard let word = arguments.first, !word.hasPrefix("-"), !subcommands.isEmpty, word != "help" else { return nil }
        let names = subcommands.map { $0._commandName }
        if let index = names.firstIndex(of: word) {
            return message(for: arguments.dropFirst(), under: subcommands[index], path: path + [word])
        }
        let command = path.joined(separator: " ")
        let see = "see '\(command) --help'"
        guard let nearest = nearest(to: word, in: names) else {
            return "unknown command '\(word)' for '\(command)' (commands: \(names.joined(separator: ", ")); \(see))"
        }
        return "unknown command '\(word)' for '\(command)'; did you mean '\(nearest)'? (\(see))"
    }

    /// The name closest to `word` in edits, if close enough to be what was meant: at most two
    /// edits, and fewer than half the word's letters; or a name `word` begins or that begins `word`.
    static func nearest(to word: String, in names: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = names.map { name in (name, distance(Array(lowered), Array(name))) }
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= min(2, max(1, (word.count - 1) / 2)) { return best.0 }
        let prefixed = names.filter { lowered.count >= 2 && ($0.hasPrefix(lowered) || lowered.hasPrefix($0)) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// Edits (insertions, deletions, substitutions, swaps of neighbours) from `a` to `b`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1) }
            }
        }
        return rows[a.count][b.count]
    }
}
