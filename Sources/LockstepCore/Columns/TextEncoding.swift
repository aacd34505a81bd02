#if canImport(Glibc)
import Glibc
#endif

/// The single-byte encodings clients' exports still come in, read by converting them to UTF-8.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case latin1
    case windows1252 = "windows-1252"

    public static let names = allCases.map(\.rawValue)

    /// Windows-1252's characters at 0x80…0x9F (Latin-1 has control codes there); 0 where undefined.
    private static let windowsHigh: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// `bytes` in this encoding, as UTF-8.
    public func utf8(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        for byte in bytes {
            var scalar = UInt32(byte)
            if self == .windows1252, (0x80...0x9F).contains(byte) {
                let mapped = Self.windowsHigh[Int(byte) - 0x80]
                scalar = mapped == 0 ? 0xFFFD : mapped
            }
            if scalar < 0x80 {
                out.append(UInt8(scalar))
            } else {
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            }
        }
        return out
    }

    /// A copy of the file at `path` in UTF-8, as an unnamed temporary file that goes away when
    /// the returned handle is closed; read in blocks, so memory stays at the block size.
    public func converted(_ path: String) throws(ColumnLoadFailure) -> ConvertedFile {
        let input = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard input >= 0 else { throw ColumnLoadFailure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(input) }
        var info = stat()
        if fstat(input, &info) == 0, let kind = FileSystem.notAFile(info.st_mode) {
            throw ColumnLoadFailure(path: path, reason: "it is \(kind), not a CSV file")
        }
        guard let file = tmpfile() else { throw ColumnLoadFailure(path: path, reason: "no room for a converted copy: \(String(cString: strerror(errno)))") }
        let output = fileno(file)
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = block.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { break }
            let converted = utf8(block[..<count])
            do throws(FileSystem.Failure) {
                try FileSystem.writeAll(converted, to: output, path: path)
            } catch {
                fclose(file)
                throw ColumnLoadFailure(path: path, reason: error.reason)
            }
        }
        return ConvertedFile(file: file)
    }
}

/// A converted copy of a file, readable by path while the object lives (`/proc/self/fd/N`).
public final class ConvertedFile: @unchecked Sendable {
    private let file: UnsafeMutablePointer<FILE>
    public let path: String

    init(file: UnsafeMutablePointer<FILE>) {
        self.file = file
        path = "/proc/self/fd/\(fileno(file))"
    }

    deinit { fclose(file) }
}
