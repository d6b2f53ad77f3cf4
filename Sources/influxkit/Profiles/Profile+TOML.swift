import ArgumentParser
import InfluxKit
import TOMLKit

extension Profile {
    /// The profile `name` of the config file at `path`: every key checked, a wrong one reported
    /// as `FILE:LINE: reason`.
    init(name: String, table: TOMLTable, in text: ConfigText, path: String) throws {
        self.init(name: name)
        for key in table.keys {
            let value = table[key]!
            func fail(_ reason: String) -> UsageFailure { ConfigFile.failure(path, text, key, name, reason) }
            func string() throws -> String {
                guard let string = value.string else { throw fail("\(key) must be a string in quotes") }
                return string
            }
            func bool() throws -> Bool {
                guard let bool = value.bool else { throw fail("\(key) must be true or false") }
                return bool
            }
            do {
                try set(key, string: string, bool: bool, int: value.int, double: value.double ?? value.int.map(Double.init))
            } catch let reason as ProfileValueError {
                throw fail(reason.description)
            }
        }
    }

    /// Sets `key` from its value, read with the function or value of the type the key takes.
    private mutating func set(
        _ key: String, string: () throws -> String, bool: () throws -> Bool, int: Int?, double: Double?
    ) throws {
        switch key {
        case "url":
            url = try string()
            var check = ClientConfiguration()
            do { try check.setServerURL(url!) } catch { throw ProfileValueError("url: \(error)") }
        case "host": host = try string()
        case "port":
            guard let int, SettingLimits.ports.contains(int) else { throw ProfileValueError("port must be a number from 1 to 65535") }
            port = int
        case "ssl": ssl = try bool()
        case "username": username = try string()
        case "database": database = try string()
        case "retention-policy": retentionPolicy = try string()
        case "precision":
            guard let value = Precision(argument: try string()) else { throw ProfileValueError("precision must be one of ns, u, ms, s, m, h") }
            precision = value
        case "format":
            guard let value = QueryFormat(argument: try string()) else {
                throw ProfileValueError("format must be one of " + QueryFormat.allValueStrings.joined(separator: ", "))
            }
            format = value
        case "ca-cert": caCert = try string()
        case "client-cert": clientCert = try string()
        case "client-key": clientKey = try string()
        case "timeout":
            guard let double, SettingLimits.isTimeout(double) else { throw ProfileValueError("timeout must be a positive number of seconds, at most 31536000") }
            timeout = double
        case "retries":
            guard let int, int >= 0 else { throw ProfileValueError("retries must be a number, 0 or more") }
            retries = int
        case "gzip": gzip = try bool()
        case "auth-scheme":
            guard let value = AuthScheme(argument: try string()) else { throw ProfileValueError("auth-scheme must be token, bearer or basic") }
            authScheme = value
        case "password-command": passwordCommand = try string()
        case "password-file": passwordFile = try string()
        case "password", "token":
            throw ProfileValueError("a profile holds no \(key): give password-command = \"COMMAND\" or password-file = \"PATH\" (mode 0600)")
        default:
            throw ProfileValueError("unknown setting '\(key)' (known: \(Self.keys.joined(separator: ", ")))")
        }
    }
}

/// Why a profile's value is refused; becomes `FILE:LINE: reason`.
struct ProfileValueError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
