/// A command line cut into words the way a user expects of a shell, without a shell: white
/// space separates words, single or double quotes group them, a backslash outside single quotes
/// takes the next character as it is. Nothing is expanded.
enum CommandWords {
    /// The words of `command`; an unclosed quote is a usage error.
    static func split(_ command: String) throws -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in command {
            if escaped {
                word.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        guard quote == nil, !escaped else { throw UsageFailure("password-command has an unclosed quote or a trailing backslash: \(command)") }
        if inWord { words.append(word) }
        return words
    }
}
