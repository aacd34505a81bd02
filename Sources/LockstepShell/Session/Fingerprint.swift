import LockstepCore

/// FNV-1a over a file's bytes: enough to tell whether the file changed on disk since we read it.
struct Fingerprint: Equatable, Sendable {
    let size: Int
    let hash: UInt64

    init(size: Int, hash: UInt64) {
        self.size = size
        self.hash = hash
    }

    init(_ bytes: [UInt8]) {
        self.size = bytes.count
        self.hash = FNV1a.hash(bytes)
    }
}
