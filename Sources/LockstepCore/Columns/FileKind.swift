/// Files clients send as "the export" that are not CSV text, recognised by their first bytes so
/// the error names what they are instead of reporting missing columns or garbled rows.
enum FileKind {
    /// What a file of another kind is, by its first bytes, and how to get CSV from it.
    static func container(_ start: some Collection<UInt8>) -> (what: String, csvFix: String)? {
        let start = Array(start.prefix(4))
        func begins(_ bytes: [UInt8]) -> Bool { start.count >= bytes.count && Array(start.prefix(bytes.count)) == bytes }
        let excel = "in Excel, save the sheet as CSV UTF-8"
        if begins([0x50, 0x4B, 0x03, 0x04]) { return ("an Excel workbook (.xlsx) or another zip archive", excel) }
        if begins([0xD0, 0xCF, 0x11, 0xE0]) { return ("an Excel 97-2003 workbook (.xls)", excel) }
        if begins([0x1F, 0x8B]) { return ("a gzip-compressed file", "unpack it first (gunzip FILE), then load the CSV inside") }
        if begins([0x25, 0x50, 0x44, 0x46]) { return ("a PDF", "export the data itself as CSV") }
        return nil
    }

    /// Why `start` (a file's first bytes) is not CSV text Lockstep reads, with what to do; nil
    /// when it may be.
    static func notCSV(_ start: [UInt8], wholeFile: Bool) -> String? {
        if let (what, fix) = container(start) { return "this is \(what), not CSV: \(fix)" }
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
            return "this is UTF-16 text, which Lockstep does not read: save it as CSV UTF-8 (iconv -f UTF-16 -t UTF-8)"
        }
        // Text never holds NUL bytes; binaries and `/proc/self/environ` do. Nothing of it is quoted.
        if start.contains(0) { return "this is a binary file (it holds NUL bytes), not CSV text: export the data as CSV UTF-8" }
        // A byte that is not UTF-8 (short of a character cut at the end of what was read).
        if let bad = start.withUnsafeBufferPointer(YAMLReader.firstInvalidUTF8), wholeFile || bad < start.count - 3 {
            let line = start[..<bad].filter { $0 == 0x0A }.count + 1
            let hex = String(start[bad], radix: 16, uppercase: true)
            return "byte 0x\(hex) on line \(line) is not UTF-8: the file looks like Latin-1 or Windows-1252 text; "
                + "say so with `encoding: latin1` (or windows-1252) under leads.data, or --encoding for an import"
        }
        return nil
    }
}

/// The check of a CSV file's first bytes, for readers outside the column loader.
public enum CSVText {
    /// Why `bytes` are not CSV text (an Excel file, an archive, UTF-16, binary), or nil.
    public static func notCSV(_ bytes: [UInt8]) -> String? {
        FileKind.notCSV(Array(bytes.prefix(4096)), wholeFile: bytes.count <= 4096)
    }
}
