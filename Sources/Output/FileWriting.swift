import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plain POSIX file writes for the output.
///
/// Foundation's `Data.write(to:)` on Linux syncs each file to disk; a site of 10,000 pages paid
/// that on every file. The output is rebuilt from the sources at any time and swapped in whole,
/// so durability per file buys nothing here.
enum FileWriting {
    /// Writes `data` at `path`, creating the missing folders above it. Returns the problem, or nil.
    static func write(_ data: Data, to path: String) -> String? {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            if let problem = makeFolders(above: path) { return problem }
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    /// `mkdir -p` of the folder holding `path`; a folder made meanwhile by another thread is fine.
    static func makeFolders(above path: String) -> String? {
        guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { return nil }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return nil }
        guard errno == ENOENT else { return String(cString: strerror(errno)) }
        if let problem = makeFolders(above: folder) { return problem }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST ? nil : String(cString: strerror(errno))
    }
}

extension FileWriting {
    /// Whether the file open at `descriptor` (closed here; -1 for none) holds exactly `data`.
    static func holds(_ data: Data, descriptor: Int32) -> Bool {
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        if data.isEmpty { return true }
        var existing = [UInt8](repeating: 0, count: data.count)
        var offset = 0
        while offset < data.count {
            let count = existing.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, data.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return data.withUnsafeBytes { new in existing.withUnsafeBytes { memcmp(new.baseAddress!, $0.baseAddress!, data.count) == 0 } }
    }
}
