// swift-tools-version:6.0
// The fuzzers: each target is one libFuzzer entry point over Lockstep's own modules, built with
// libFuzzer and AddressSanitizer by Fuzz/run.sh. A package of its own, beside the product's, so
// the product's build never sees an executable without a main.
import Foundation
import PackageDescription

/// A path dependency is known by its folder's name, whatever the clone is called.
let product = Target.Dependency.product(
    name: "LockstepModules",
    package: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
        .lowercased())

let package = Package(
    name: "lockstep-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        /// The workbook reader: YAML → sections of every plugin → ids and references, then checks and a save.
        .executableTarget(name: "WorkbookFuzzer", dependencies: [product]),
        /// The multi-threaded CSV column loader: typed columns, bad rows, splits between workers.
        .executableTarget(name: "CSVFuzzer", dependencies: [product]),
        /// The content-inventory import: columns guessed, rows matched to stages and personas.
        .executableTarget(name: "ImportFuzzer", dependencies: [product]),
        /// The command-line tokenizer: statements, words, quotes.
        .executableTarget(name: "CommandLineFuzzer", dependencies: [product]),
        /// The expression language: parser, type checker and compiler.
        .executableTarget(name: "ExpressionFuzzer", dependencies: [product]),
    ]
)
