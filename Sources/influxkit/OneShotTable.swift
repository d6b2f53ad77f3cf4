import ArgumentParser

/// Every option of a command (or option group) for the one-shot fast path: a table from which
/// the plain forms of a command line are parsed without ArgumentParser's reflection (see
/// ``parse(_:)``).
///
/// Building a `Root` assigns every property wrapper, those of nested `@OptionGroup`s (tables
/// of their own, through ``Group/group(_:)``) included, since reading an unassigned one traps;
/// then every `validate()` runs that ArgumentParser would run.
///
/// `Root` is unconstrained here and `ParsableArguments` only where it is built: a constraint on
/// the type makes the runtime check the conformance when it first makes the type's metadata.
struct OneShotTable<Root> {
    /// An option group's part of the table.
    struct Group {
        /// The group's options, its nested groups' included.
        let spellings: [OneShotSpelling]
        /// Builds the group from the values given for each option (by long name) and stores it
        /// in `Root`; false when that fails (see ``OneShotTable/built(given:positionals:)``).
        let assign: (inout Root, _ given: [String: [String]]) -> Bool

        /// The option group that `assign` stores in a `Root`.
        static func group<Member: OneShotParsable>(_ assign: @escaping (inout Root, Member) -> Void) -> Self {
            let table = Member.oneShotTable
            return Self(spellings: table.spellings) { root, given in
                guard let member = table.built(given: given, positionals: []) else { return false }
                assign(&root, member)
                return true
            }
        }
    }

    /// `Root`'s own options.
    let options: [OneShotOption<Root>]
    /// Assigns the positional arguments; `nil` when `Root` takes none.
    let positionals: ((inout Root, [String]) -> Void)?
    /// `Root`'s option groups.
    let groups: [Group]

    /// A table of `Root`'s own `options`, its `positionals` and its option `groups`.
    init(_ options: [OneShotOption<Root>], positionals: ((inout Root, [String]) -> Void)? = nil, groups: [Group] = []) {
        self.options = options
        self.positionals = positionals
        self.groups = groups
    }

    /// Every option, the nested groups' included.
    ///
    /// A loop rather than `flatMap(\.spellings)`: the generic `flatMap` and the key paths cost
    /// ~0.3M instructions at every start (docs/profiles.md).
    var spellings: [OneShotSpelling] {
        var all = options.map { $0.spelling }
        for group in groups {
            all += group.spellings
        }
        return all
    }
}

extension OneShotTable where Root: ParsableArguments {
    /// A validated `Root` from the values given for each option (by long name) and the
    /// positional arguments; `nil` when a value does not convert or a `validate()` throws.
    func built(given: [String: [String]], positionals arguments: [String]) -> Root? {
        var root = Root()
        for option in options {
            guard option.assign(&root, given[option.spelling.long] ?? []) else { return nil }
        }
        positionals?(&root, arguments)
        // Nested groups are validated as they are built, before `Root`, as ArgumentParser does.
        for group in groups {
            guard group.assign(&root, given) else { return nil }
        }
        guard (try? root.validate()) != nil else { return nil }
        return root
    }
}
