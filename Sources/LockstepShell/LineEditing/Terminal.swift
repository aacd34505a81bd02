#if canImport(Glibc)
import Glibc
#endif
import LockstepCore

/// The terminal's width in columns, or nil when standard output is not a terminal.
func terminalWidth() -> Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = FileSystem.environment("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
    return 80
}

/// Colour only on a terminal, and never with NO_COLOR set (no-color.org) or TERM=dumb.
func colorAllowed() -> Bool {
    guard isatty(STDOUT_FILENO) == 1 else { return false }
    if let noColor = FileSystem.environment("NO_COLOR"), !noColor.isEmpty { return false }
    return FileSystem.environment("TERM") != "dumb"
}
