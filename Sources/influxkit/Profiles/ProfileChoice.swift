import FoundationEssentials
import InfluxKit

/// Which profile a command uses: `--profile NAME`, else `INFLUX_PROFILE`, else the config
/// file's `default`, else none. The file is read only when it exists.
enum ProfileChoice {
    /// The profile to use, the file it is in and what chose it; nil when none is chosen.
    static func profile(named flag: String?, environment: [String: String]) throws -> (Profile, file: String, chosenBy: String)? {
        let named = flag.map { ($0, "--profile") }
            ?? environment["INFLUX_PROFILE"].flatMap { $0.isEmpty ? nil : ($0, "INFLUX_PROFILE") }
        guard let path = ConfigFile.path(environment: environment) else {
            if let (name, _) = named { throw UsageFailure("profile '\(name)': no config file (set HOME or XDG_CONFIG_HOME)") }
            return nil
        }
        guard let file = try ConfigFile.load(path: path) else {
            if let (name, by) = named {
                throw UsageFailure("profile '\(name)' (\(by)): there is no config file \(path); create it with: influxkit config add \(name) --url URL")
            }
            return nil
        }
        if let (name, by) = named { return (try file.profile(name), path, by) }
        guard let name = file.defaultProfile else { return nil }
        return (try file.profile(name), path, "default in \(path)")
    }

    /// The configuration of profile `name` alone (with the transport flags of the command line),
    /// for the shell's `connect NAME`; nil when there is no config file or no such profile.
    static func connection(toProfile name: String, transport: TransportOptions) throws -> ClientConfiguration? {
        let environment = ProcessEnvironment.read()
        guard let path = ConfigFile.path(environment: environment), let file = try ConfigFile.load(path: path),
              let profile = file.profiles.first(where: { $0.name == name }) else { return nil }
        var resolved = ResolvedConnection()
        try resolved.apply(profile, file: path, chosenBy: "connect")
        try resolved.fetchProfileSecret()
        transport.apply(to: &resolved.configuration, environment: environment)
        return resolved.configuration
    }
}
