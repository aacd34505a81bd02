/// FNV-1a over a file's bytes: enough to tell whether the file changed on disk since we read it.
struct Fingerprint: Equatable, Sendable {
    let size: Int
    let hash: UInt64

    init(size: Int, hash: UInt64) {
        self.size = size
        self.hash = hash
    }

    init(_ bytes: [UInt8]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        self.size = bytes.count
        self.hash = hash
    }
}
