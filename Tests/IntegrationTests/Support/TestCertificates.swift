import Foundation
import Glibc

/// A throwaway certificate authority and the certificates it signed, made with `openssl` once per
/// test process in a temporary directory that is removed when the process exits.
struct TestCertificates: Sendable {
    /// The directory holding every file.
    let directory: URL

    /// The CA certificate (PEM), to trust as `caFile`.
    var authority: URL { file("ca.pem") }
    /// A server certificate for `127.0.0.1` and `localhost`, signed by the CA.
    var server: URL { file("server.pem") }
    /// The key of `server`.
    var serverKey: URL { file("server.key") }
    /// A server certificate signed by the CA, but only for `elsewhere.example`.
    var otherHost: URL { file("other.pem") }
    /// The key of `otherHost`.
    var otherHostKey: URL { file("other.key") }
    /// A client certificate with the common name `clientName`, signed by the CA.
    var client: URL { file("client.pem") }
    /// The key of `client`.
    var clientKey: URL { file("client.key") }
    /// `client` and `clientKey` in one PEM file.
    var clientWithKey: URL { file("client-with-key.pem") }

    /// The common name of `client`.
    static let clientName = "influxkit transport tests client"

    private func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
}

extension TestCertificates {
    private static let made = Result { try TestCertificates.make() }
    private static let exitHook: Void = {
        atexit { if case let .success(certificates) = TestCertificates.made { certificates.remove() } }
    }()

    /// The certificates of this process, made on first use.
    static func shared() throws -> TestCertificates {
        _ = exitHook
        return try made.get()
    }

    private func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private static func make() throws -> TestCertificates {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("\(InfluxServer.leftoverPrefix)\(getpid())-tls-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificates = TestCertificates(directory: directory)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(["req", "-x509"] + key + [
            "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=influxkit transport tests CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ], in: directory)
        try sign("server", subject: "/CN=127.0.0.1", extensions: [
            "subjectAltName=IP:127.0.0.1,DNS:localhost", "extendedKeyUsage=serverAuth",
        ], key: key, in: directory)
        try sign("other", subject: "/CN=elsewhere.example", extensions: [
            "subjectAltName=DNS:elsewhere.example", "extendedKeyUsage=serverAuth",
        ], key: key, in: directory)
        try sign("client", subject: "/CN=\(clientName)", extensions: ["extendedKeyUsage=clientAuth"], key: key, in: directory)
        let combined = try Data(contentsOf: certificates.client) + Data(contentsOf: certificates.clientKey)
        try combined.write(to: certificates.clientWithKey)
        return certificates
    }

    /// Makes `NAME.key` and `NAME.pem`, signed by the CA.
    private static func sign(
        _ name: String, subject: String, extensions: [String], key: [String], in directory: URL
    ) throws {
        try openssl(["req", "-new"] + key + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject], in: directory)
        let extensionFile = "\(name).ext"
        try (extensions.joined(separator: "\n") + "\n")
            .write(to: directory.appendingPathComponent(extensionFile), atomically: true, encoding: .utf8)
        try openssl([
            "x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-out", "\(name).pem", "-extfile", extensionFile,
        ], in: directory)
    }

    private static func openssl(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("openssl \(arguments.first ?? "") failed (is openssl installed?): \(String(decoding: message, as: UTF8.self))")
        }
    }
}
