// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "influxkit",
    // Built and tested on Linux (glibc) only. macOS 15 is the first whose Swift runtime has the
    // Synchronization module the library uses; it is untested there.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "InfluxKit", targets: ["InfluxKit"]),
        .executable(name: "influxkit", targets: ["influxkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // The logging API server frameworks share (Logger, LogHandler): the library logs requests,
        // retries and warnings to a Logger its user gives; it never bootstraps the logging system.
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // libedit, opened with dlopen when the interactive shell starts (not linked: every other
        // command starts without it and its four libraries; docs/profiles.md, start-up). Builds
        // with libedit-dev's header.
        .target(name: "CEditLine"),
        .target(name: "InfluxKit", dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]),
        .target(name: "InfluxShell", dependencies: ["InfluxKit", "CEditLine"]),
        .executableTarget(
            name: "influxkit",
            dependencies: [
                "InfluxKit",
                "InfluxShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // TOMLKit imports Foundation; without this its extensions (String.contains through
            // NSString, …) would win overload resolution here and link all of Foundation and ICU
            // into the binary (33 → 87 MB, +19 % instructions at every start; docs/profiles.md).
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")],
            // Release builds link libstdc++ (for the Swift runtime and toml++) and libgcc
            // statically: loading the shared ones cost every start ~4M instructions and ~50 page
            // faults (docs/profiles.md, start-up). Linking/libstdc++.so says why it works.
            linkerSettings: [
                .unsafeFlags(["-L", Context.packageDirectory + "/Linking", "-Xclang-linker", "-static-libgcc"], .when(platforms: [.linux], configuration: .release))
            ],
            plugins: ["BuildInfo"]
        ),
        // The git commit for `influxkit --version`, written before each build.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        // Times the library's encoding and response parsing; built in release by scripts/bench.
        .executableTarget(name: "influxkit-bench", dependencies: ["InfluxKit"], path: "Sources/InfluxKitBench"),
        .testTarget(
            name: "InfluxKitTests",
            dependencies: ["InfluxKit", .product(name: "InMemoryLogging", package: "swift-log")]
        ),
        .testTarget(
            name: "InfluxShellTests",
            dependencies: ["InfluxShell", "InfluxKit"],
            exclude: ["Golden"]  // chart golden files, read from the source tree
        ),
        // Unit tests of the executable's own code (its fast argument path), by @testable import.
        .testTarget(name: "influxkitTests", dependencies: ["influxkit"]),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["InfluxKit", .product(name: "InMemoryLogging", package: "swift-log")],
            exclude: ["Support/http-peer.py", "Support/peer_servers.py"]  // run by python3 from the source tree
        ),
    ]
)
