import Foundation

/// A Markdown file of the repository, read the way the documentation tests need: its fenced
/// blocks, its headings and sections, and its links.
struct MarkdownDocument {
    /// A fenced code block.
    struct Block {
        /// The fence's info string: `sh`, `console`, `swift`…
        var info: String
        /// The lines between the fences.
        var lines: [String]
        /// The last non-blank line before the opening fence (a marker such as `<!-- runnable -->`).
        var precedingLine: String
        /// The line number of the opening fence, from 1.
        var line: Int
    }

    /// The repository's root directory.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path from the repository's root, for messages: `docs/cli.md`.
    let path: String
    let lines: [String]

    /// Reads `path`, relative to the repository's root.
    init(_ path: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        self.init(path: path, text: text)
    }

    init(path: String, text: String) {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether line `index` is inside a fenced block (fences included).
    private var fenced: [Bool] {
        var inside = false
        return lines.map { line in
            if line.hasPrefix("```") {
                inside.toggle()
                return true
            }
            return inside
        }
    }

    /// The fenced code blocks, in order.
    var blocks: [Block] {
        var blocks: [Block] = []
        var open: Block?
        var preceding = ""
        for (index, line) in lines.enumerated() {
            if var block = open {
                if line.hasPrefix("```") {
                    blocks.append(block)
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if line.hasPrefix("```") {
                open = Block(info: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), lines: [],
                             precedingLine: preceding, line: index + 1)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                preceding = line.trimmingCharacters(in: .whitespaces)
            }
        }
        return blocks
    }

    /// The headings outside fenced blocks: their level (1 for `#`) and title.
    var headings: [(level: Int, title: String, line: Int)] {
        let fenced = self.fenced
        return lines.enumerated().compactMap { index, line in
            guard !fenced[index], line.hasPrefix("#") else { return nil }
            let level = line.prefix { $0 == "#" }.count
            guard line.dropFirst(level).hasPrefix(" ") else { return nil }
            return (level, String(line.dropFirst(level + 1)), index)
        }
    }

    /// The anchors GitHub gives the headings: lower case, punctuation but `-` and `_` removed,
    /// spaces made hyphens.
    var anchors: Set<String> {
        Set(headings.map { Self.anchor(of: $0.title) })
    }

    static func anchor(of title: String) -> String {
        String(title.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
        })
    }

    /// The text of the section under the heading `title` (any level), up to the next heading of
    /// the same or a higher level; nil when there is no such heading.
    func section(titled title: String) -> String? {
        let headings = self.headings
        guard let index = headings.firstIndex(where: { $0.title == title }) else { return nil }
        let end = headings[(index + 1)...].first { $0.level <= headings[index].level }?.line ?? lines.count
        return lines[headings[index].line..<end].joined(separator: "\n")
    }

    /// The text before the first heading whose title starts with `prefix`.
    func text(beforeHeadingStartingWith prefix: String) -> String {
        let end = headings.first { $0.title.hasPrefix(prefix) }?.line ?? lines.count
        return lines[..<end].joined(separator: "\n")
    }

    /// The targets of the links and images outside fenced blocks and inline code: `docs/cli.md`,
    /// `#exit-codes`, `https://…`.
    var linkTargets: [(target: String, line: Int)] {
        let pattern = try! NSRegularExpression(pattern: #"\]\(([^()\s]+)\)"#)
        let fenced = self.fenced
        var targets: [(String, Int)] = []
        for (index, line) in lines.enumerated() where !fenced[index] {
            let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset.isMultiple(of: 2) ? String($0.element) : "" }.joined(separator: "`")
            for match in pattern.matches(in: prose, range: NSRange(prose.startIndex..., in: prose)) {
                if let range = Range(match.range(at: 1), in: prose) { targets.append((String(prose[range]), index + 1)) }
            }
        }
        return targets
    }
}
