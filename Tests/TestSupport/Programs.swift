import Foundation

/// What a program printed and how it ended.
public struct ProcessResult {
    public var code: Int32
    public var output: String
    public var errors: String
}

/// Runs a program found on the PATH (or at a path) and collects what it printed.
public func runProgram(
    _ program: String, _ arguments: [String], input: String? = nil, in folder: String? = nil,
    environment: [String: String] = [:]
) throws -> ProcessResult {
    let process = Process()
    if program.contains("/") {
        process.executableURL = URL(fileURLWithPath: program)
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    }
    let arguments = program.contains("/") ? arguments : [program] + arguments
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe(), errors = Pipe(), standardInput = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = standardInput
    try process.run()
    if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
    try standardInput.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(
        code: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
        errors: String(decoding: errorData, as: UTF8.self))
}
