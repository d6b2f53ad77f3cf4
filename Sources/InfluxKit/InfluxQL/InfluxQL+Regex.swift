extension InfluxQL {
    /// `pattern` as an InfluxQL regular expression literal, `/…/`, with every `/` that is not
    /// already escaped written `\/`, so the pattern cannot end the literal early.
    public static func regexLiteral(_ pattern: String) -> String {
        var out = "/"
        var escaping = false
        for scalar in pattern.unicodeScalars {
            if scalar == "/" && !escaping { out += "\\" }
            if scalar == "\n" { out += "\\n" } else { out.unicodeScalars.append(scalar) }
            escaping = scalar == "\\" && !escaping
        }
        return out + "/"
    }
}
