/// Files clients send as "the export" that are not CSV text, recognised by their first bytes so
/// the error names what they are instead of reporting missing columns or garbled rows.
enum FileKind {
    /// What a file of another kind is, by its first bytes: "an Excel workbook (.xlsx) or another zip archive".
    static func container(_ start: some Collection<UInt8>) -> String? {
        let start = Array(start.prefix(4))
        func begins(_ bytes: [UInt8]) -> Bool {
            start.count >= bytes.count && Array(start.prefix(bytes.count)) == bytes
        }
        if begins([0x50, 0x4B, 0x03, 0x04]) { return "an Excel workbook (.xlsx) or another zip archive" }
        if begins([0xD0, 0xCF, 0x11, 0xE0]) { return "an Excel 97-2003 workbook (.xls)" }
        if begins([0x1F, 0x8B]) { return "a gzip-compressed file" }
        if begins([0x25, 0x50, 0x44, 0x46]) { return "a PDF" }
        return nil
    }

    /// Why `start` (a file's first bytes) is not CSV text, with what to do; nil when it may be.
    static func notCSV(_ start: [UInt8]) -> String? {
        func begins(_ bytes: [UInt8]) -> Bool {
            start.count >= bytes.count && Array(start.prefix(bytes.count)) == bytes
        }
        if begins([0x50, 0x4B, 0x03, 0x04]) {
            return
                "this is an Excel workbook (.xlsx) or another zip archive, not CSV: in Excel, save the sheet as CSV UTF-8"
        }
        if begins([0xD0, 0xCF, 0x11, 0xE0]) {
            return "this is an Excel 97-2003 workbook (.xls), not CSV: in Excel, save the sheet as CSV UTF-8"
        }
        if begins([0x1F, 0x8B]) {
            return "this is a gzip-compressed file: unpack it first (gunzip FILE), then load the CSV inside"
        }
        if begins([0xFF, 0xFE]) || begins([0xFE, 0xFF]) {
            return
                "this is UTF-16 text, which Lockstep does not read: save it as CSV UTF-8 (Excel: CSV UTF-8; iconv -f UTF-16 -t UTF-8)"
        }
        if begins([0x25, 0x50, 0x44, 0x46]) { return "this is a PDF, not CSV: export the data itself as CSV" }
        // Text never holds NUL bytes; binaries and `/proc/self/environ` do. Nothing of it is quoted.
        if start.contains(0) {
            return "this is a binary file (it holds NUL bytes), not CSV text: export the data as CSV UTF-8"
        }
        return nil
    }
}

/// The check of a CSV file's first bytes, for readers outside the column loader.
public enum CSVText {
    /// Why `bytes` are not CSV text (an Excel file, an archive, UTF-16, binary), or nil.
    public static func notCSV(_ bytes: [UInt8]) -> String? { FileKind.notCSV(Array(bytes.prefix(4096))) }
}
