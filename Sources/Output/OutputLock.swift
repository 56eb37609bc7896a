import Diagnostics
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Only one process writes into an output folder at a time: two builds into one folder (two
/// editors, or `serve --output` beside `build`) would otherwise mix their files into one site.
///
/// The lock is `flock` on a hidden file beside the output (`.Site.cleiss-site-lock`, holding the
/// owner's process id), not inside it: a new output is swapped in by renaming folders. A second
/// process fails at once with the owner's id rather than waiting: a preview holds its folder for
/// as long as it runs, and a build that waits for it would never end. Within one process (the
/// preview's rebuilds) the lock is shared, counted, and released when the last holder goes.
public final class OutputLock: Sendable {
    /// The lock file's path.
    public let path: String

    private static let held = Mutex<[String: (descriptor: Int32, holders: Int)]>([:])

    /// Takes the lock of the output folder `destination`, creating the folder above it if needed.
    public init(for destination: URL) throws(DiagnosticsError) {
        let destination = destination.standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        let path = parent.appendingPathComponent(".\(destination.lastPathComponent).cleiss-site-lock").path
        self.path = path
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: destination.path), "cannot create the folder above the output: \(error.localizedDescription)",
                                          hint: "check that the folder above the output can be written"))
        }
        try Self.held.withLock { (held: inout [String: (descriptor: Int32, holders: Int)]) throws(DiagnosticsError) in
            if let entry = held[path] {
                held[path] = (entry.descriptor, entry.holders + 1)
                return
            }
            held[path] = (try Self.acquire(path, destination: destination), 1)
        }
    }

    /// Whether this holder has let go of the lock.
    private let released = Mutex(false)

    /// Lets go of the lock (once; later calls do nothing). The last holder of the process removes the file and unlocks it.
    public func release() {
        guard released.withLock({ released in
            defer { released = true }
            return !released
        }) else { return }
        Self.held.withLock { held in
            guard let entry = held[path] else { return }
            if entry.holders > 1 {
                held[path] = (entry.descriptor, entry.holders - 1)
                return
            }
            held[path] = nil
            // Removed while still locked: a process waiting on this file finds it gone and starts again (see `acquire`).
            unlink(path)
            close(entry.descriptor)
        }
    }

    deinit {
        release()
    }

    /// Opens and locks the file; the descriptor that holds the lock.
    static func acquire(_ path: String, destination: URL) throws(DiagnosticsError) -> Int32 {
        // The file may be removed by its owner between our open and our lock: then it is not the lock any more, try again.
        for _ in 0..<100 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw DiagnosticsError(.error(SourceLocation(file: path), "cannot create the lock file of the output: \(String(cString: strerror(errno)))",
                                              hint: "check that the folder above the output can be written"))
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let owner = String(decoding: contents(of: descriptor), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                close(descriptor)
                throw DiagnosticsError(.error(SourceLocation(file: destination.path),
                                              "another cleiss-site\(owner.isEmpty ? "" : " (process \(owner))") is writing into this output folder",
                                              hint: "wait until that build ends, or stop that preview, then try again; or give another folder with --output"))
            }
            var opened = stat(), current = stat()
            guard fstat(descriptor, &opened) == 0, stat(path, &current) == 0, opened.st_ino == current.st_ino, opened.st_dev == current.st_dev else {
                close(descriptor)
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            ftruncate(descriptor, 0)
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, $0.count, 0) }
            return descriptor
        }
        throw DiagnosticsError(.error(SourceLocation(file: path), "cannot take the lock of the output folder",
                                      hint: "check that no other program keeps removing \(path)"))
    }

    static func contents(of descriptor: Int32) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, 0) }
        return Array(bytes.prefix(max(0, count)))
    }
}
