import CEditLine
import Glibc

/// Line editing with libedit: Emacs keys, Ctrl-R search, up/down history and Tab completion.
/// The only file that talks to libedit, which the first editor loads (it is not linked).
final class LineEditor {
    /// libedit could not be loaded: `message` says what is missing and how to install it.
    struct Unavailable: Error {
        let message: String
    }

    /// Completes the word ending at the cursor, given the text of the line before it, the word
    /// and the text after the cursor.
    typealias Completer = (_ lineBeforeWord: String, _ word: String, _ afterCursor: String) -> Completion

    /// The completer libedit's C callback reaches (one editor per process).
    nonisolated(unsafe) private static var completer: Completer?

    /// Loads libedit (the first time) and sets it up to complete with `completer`.
    init(completer: @escaping Completer) throws(Unavailable) {
        guard ik_edit_open() == 0 else {
            let reason = ik_edit_error().map { String(cString: $0) } ?? "not found"
            throw Unavailable(message: "line editing needs libedit (\(reason)): install it with 'apt install libedit2'")
        }
        Self.completer = completer
        ik_rl_set_readline_name("influxkit")
        ik_rl_set_completion_function(lineEditorCompletion)
        _ = ik_rl_initialize()
    }

    /// Reads one line after printing `prompt`; `nil` at end of input or on Ctrl-C (the caller
    /// tells them apart).
    func readLine(prompt: String) -> String? {
        guard let raw = ik_readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// Replaces libedit's history with `entries`, oldest first.
    func setHistory(_ entries: [String]) {
        ik_clear_history()
        for entry in entries { _ = ik_add_history(entry) }
    }

    /// Completion for libedit: the words of the completer for the text of the line.
    fileprivate static func complete(
        _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        ik_rl_set_attempted_completion_over(1)
        guard let completer, let text else { return nil }
        let line = Array((ik_rl_line_buffer().map { String(cString: $0) } ?? "").utf8)
        let before = String(decoding: line.prefix(Int(start)), as: UTF8.self)
        let after = String(decoding: line.dropFirst(Int(end)), as: UTF8.self)
        let word = String(cString: text)
        let completion = completer(before, word, after)
        let matches = completion.candidates
        guard !matches.isEmpty else { return nil }
        ik_rl_set_completion_append_character(matches.count == 1 ? Int32(completion.suffix.utf8.first ?? 0) : 0)
        let common = matches.dropFirst().reduce(matches[0]) { prefix, match in
            String(zip(prefix, match).prefix { $0 == $1 }.map(\.0))
        }
        // The replacement, then the matches (libedit reads the third entry even for one match).
        let words = [matches.count == 1 ? matches[0] : common] + matches
        // libedit frees the array and its strings with free().
        let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (words.count + 1)
        let array = malloc(size)!.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: words.count + 1)
        for (index, word) in words.enumerated() { array[index] = strdup(word) }
        array[words.count] = nil
        return array
    }
}

private let lineEditorCompletion: ik_completion_function = { text, start, end in
    LineEditor.complete(text, start, end)
}
