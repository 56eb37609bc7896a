#if canImport(Glibc)
import Glibc
#endif

/// What tells that a file changed without reading it: size, inode and change times to the nanosecond.
///
/// An editor that saves by renaming a new file changes the inode; one that writes in place changes
/// the times. A file that cannot be examined gets the empty signature, which matches nothing real.
public struct FileSignature: Sendable, Hashable {
    var size: Int64 = -1
    var inode: UInt64 = 0
    var modified: Int64 = 0
    var changed: Int64 = 0

    public init() {}

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }
}
