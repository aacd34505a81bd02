// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lockstep",
    products: [
        .executable(name: "lockstep", targets: ["lockstep"]),
        /// The shell and the built-in plugins as a library: what the fuzzers in Fuzz/ drive.
        .library(
            name: "LockstepModules", targets: ["LockstepShell", "LockstepLeads", "LockstepStages", "LockstepMarketing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // MARK: - System libraries

        /// libedit's native API (histedit.h), behind fixed-arity wrappers Swift can call.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        /// glibc's mallopt, for the executable's memory settings.
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CByteSearch"),
        /// libyaml's event parser: workbooks are decoded straight from its events.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),

        // MARK: - Core

        /// Workbook storage, validation, commands, output and the plugin host; knows nothing of sales.
        .target(name: "LockstepCore", dependencies: ["CYAML", "CByteSearch"], exclude: ["README.md"]),

        // MARK: - Plugins (each depends on the core only)

        /// Lead lifecycle: lead stages, criteria, hand-off SLAs, recycling, the team.
        .target(name: "LockstepLeads", dependencies: ["LockstepCore"], path: "Plugins/Leads", exclude: ["README.md"]),
        /// Sales processes and their stages, and the go-to-market strategy.
        .target(name: "LockstepStages", dependencies: ["LockstepCore"], path: "Plugins/Stages", exclude: ["README.md"]),
        /// Marketing activities, buying roles, customer needs and feedback loops.
        .target(
            name: "LockstepMarketing", dependencies: ["LockstepCore"], path: "Plugins/Marketing", exclude: ["README.md"]
        ),

        // MARK: - Deliverables

        /// The client report as one self-contained HTML page (Mustache escapes every value), and as PDF.
        .target(
            name: "LockstepReport",
            dependencies: ["LockstepCore", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["README.md"]
        ),

        /// The live view: the report as a web page that follows the session, served read-only.
        .target(
            name: "LockstepServe",
            dependencies: [
                "LockstepCore", "LockstepReport", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["README.md"]
        ),

        /// Databases the lead questions run in: PostgreSQL through PostgresNIO, behind the core's SQLDatabase seam.
        .target(
            name: "LockstepWarehouse",
            dependencies: [
                "LockstepCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"]
        ),

        /// External plugins: programs in any language, over JSON-RPC on their standard input and output.
        .target(name: "LockstepPluginHost", dependencies: ["LockstepCore"], exclude: ["README.md"]),

        // MARK: - Shell

        /// The libedit shell, completion, history, undo and the batch runner.
        .target(
            name: "LockstepShell",
            dependencies: [
                "LockstepCore", "LockstepReport", "LockstepServe", "LockstepPluginHost", "LockstepWarehouse",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),

        // MARK: - Executable

        /// Thin entry point: hands the arguments and the built-in plugins to the shell.
        .executableTarget(
            name: "lockstep",
            dependencies: ["LockstepShell", "LockstepLeads", "LockstepStages", "LockstepMarketing", "CMalloc"]
        ),

        // MARK: - Benchmarks

        /// Compiled conditions over a million rows beside a hand-written loop (`make bench`).
        .executableTarget(
            name: "ExpressionBenchmark",
            dependencies: ["LockstepCore"],
            path: "benchmarks/ExpressionBenchmark"
        ),

        /// One Tab's completion on the 20,000-activity workbook (`make bench`).
        .executableTarget(
            name: "CompletionBenchmark",
            dependencies: ["LockstepShell", "LockstepLeads", "LockstepStages", "LockstepMarketing"],
            path: "benchmarks/CompletionBenchmark"
        ),

        // MARK: - Tests

        /// What every test target shares: the repository root, the pinned test day, shared data, goldens.
        .target(name: "TestSupport", dependencies: ["LockstepCore"], path: "Tests/TestSupport"),
        .testTarget(
            name: "LockstepCoreTests",
            dependencies: ["LockstepCore", "TestSupport"]
        ),
        .testTarget(
            name: "LockstepShellTests",
            dependencies: [
                "LockstepShell", "LockstepLeads", "LockstepStages", "LockstepMarketing", "LockstepPluginHost",
                "TestSupport",
            ],
            exclude: ["Golden", "Workbooks"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["lockstep", "TestSupport"],
            exclude: ["BadWorkbooks", "Golden", "Workbooks"]
        ),
    ]
)
