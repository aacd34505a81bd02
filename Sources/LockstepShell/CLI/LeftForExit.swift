/// Keeps a value alive until the process exits, for the operating system to reclaim.
///
/// Why: a command run once from the command line ends the process straight after; releasing
/// a large workbook object by object then costs a few percent of the run for nothing.
func leaveForExit<Value>(_ value: Value) {
    _ = Unmanaged.passRetained(Kept(value))
}

private final class Kept<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
