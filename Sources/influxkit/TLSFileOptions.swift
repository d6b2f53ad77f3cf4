import ArgumentParser
import Glibc

/// The TLS files of a connection: the CA to trust and the client certificate and key (mTLS).
/// Part of the transport options of every command, and of the profiles `config add` writes.
struct TLSFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("PEM file of CA certificates to trust.", valueName: "file"), completion: .file())
    var caCert: String?

    @Option(help: ArgumentHelp("PEM client certificate (mTLS).", valueName: "file"), completion: .file())
    var clientCert: String?

    @Option(help: ArgumentHelp("PEM private key of --client-cert.", valueName: "file"), completion: .file())
    var clientKey: String?

    func validate() throws {
        if clientKey != nil && clientCert == nil { throw ValidationError("--client-key needs --client-cert") }
        for (flag, path) in [("--ca-cert", caCert), ("--client-cert", clientCert), ("--client-key", clientKey)] {
            if let path, access(path, F_OK) != 0 { throw ValidationError("\(flag) \(path): the file does not exist") }
        }
    }
}
