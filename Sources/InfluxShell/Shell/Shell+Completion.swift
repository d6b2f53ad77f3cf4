extension Shell {
    /// What Tab offers for `word`: ``StatementCompleter`` with the server's names, the current
    /// database and the earlier lines of a statement typed over several.
    func completion(before: String, word: String, after: String) -> Completion {
        let earlier = splitter.isContinuing ? splitter.pending + "\n" : ""
        return StatementCompleter(schema: schema, database: settings.database)
            .complete(before: earlier + before, word: word, after: after)
    }
}
