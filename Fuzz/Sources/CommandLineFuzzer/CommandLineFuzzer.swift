// libFuzzer entry point: random and mutated command lines go through the tokenizer. Nothing may
// crash; every word must come from the line, and an error must point inside it. Built and run
// by Fuzz/run.sh.
import LockstepCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let length = line.count
    for statement in CommandLineSyntax.statements(line) {
        guard line.contains(statement) else { fatalError("statement not in the line: \(line.debugDescription)") }
        do {
            for word in try CommandLineSyntax.words(statement) where word.offset < 0 || word.offset >= length {
                fatalError("word outside the line: \(line.debugDescription)")
            }
        } catch {
            guard !error.message.isEmpty, error.fix != nil else {
                fatalError("an error without its fix: \(line.debugDescription)")
            }
        }
    }
    return 0
}
