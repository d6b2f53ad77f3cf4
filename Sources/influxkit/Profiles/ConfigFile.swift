import FoundationEssentials
import Glibc
import InfluxKit
import TOMLKit

/// The config file, `$XDG_CONFIG_HOME/influxkit/config.toml` (`~/.config/influxkit/config.toml`
/// without XDG_CONFIG_HOME): `default = "NAME"` and one table per profile.
///
/// Read only when it exists; a malformed file is a usage error, `FILE:LINE: reason`.
struct ConfigFile {
    /// Where it is.
    let path: String
    /// Its lines as written.
    let text: ConfigText
    /// The profile used when none is named (`default = "NAME"`).
    let defaultProfile: String?
    /// The profiles, by name.
    let profiles: [Profile]

    /// Where the config file is for `environment`; nil without HOME or XDG_CONFIG_HOME.
    static func path(environment: [String: String]) -> String? {
        if let directory = environment["XDG_CONFIG_HOME"], directory.hasPrefix("/") {
            return directory + "/influxkit/config.toml"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/influxkit/config.toml"
    }

    /// The file at `path`, or nil when there is none.
    static func load(path: String) throws -> ConfigFile? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw UsageFailure("\(path): \(String(cString: strerror(errno)))")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw UsageFailure("\(path): cannot be read as UTF-8 text")
        }
        return try ConfigFile(path: path, text: text)
    }

    /// Parses `text`, the contents of `path`.
    init(path: String, text: String) throws {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            // toml++ shows the character it did not expect as it is, a line break too.
            let reason = error.description.trimmingWhitespace().replacing("\n", with: "\\n").replacing("\r", with: "\\r")
            throw UsageFailure("\(path):\(error.source.begin.line): \(reason.prefix(1).lowercased() + reason.dropFirst())")
        }
        self.path = path
        self.text = ConfigText(text)
        var defaultProfile: String?
        var profiles: [Profile] = []
        for key in table.keys {
            let value = table[key]!
            if let profile = value.table {
                profiles.append(try Profile(name: key, table: profile, in: self.text, path: path))
            } else if key == "default" {
                guard let name = value.string else { throw Self.failure(path, self.text, key, nil, "default must be a profile name in quotes") }
                defaultProfile = name
            } else {
                throw Self.failure(path, self.text, key, nil, "'\(key)' outside a profile table (settings go under [NAME])")
            }
        }
        if let defaultProfile, !profiles.contains(where: { $0.name == defaultProfile }) {
            throw Self.failure(path, self.text, "default", nil, "default names profile '\(defaultProfile)', which the file does not have")
        }
        self.defaultProfile = defaultProfile
        self.profiles = profiles
    }

    /// The profile called `name`.
    func profile(_ name: String) throws -> Profile {
        guard let profile = profiles.first(where: { $0.name == name }) else {
            let known = profiles.isEmpty ? "it has none" : "it has " + profiles.map(\.name).joined(separator: ", ")
            throw UsageFailure("no profile '\(name)' in \(path) (\(known))")
        }
        return profile
    }

    /// `FILE:LINE: reason` for `key` of `table` (nil: outside any table).
    static func failure(_ path: String, _ text: ConfigText, _ key: String, _ table: String?, _ reason: String) -> UsageFailure {
        UsageFailure("\(path):\(text.lineNumber(of: key, in: table)): \(reason)")
    }
}
