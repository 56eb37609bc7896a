import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A problem starting the watcher, with what to do about it.
public struct WatchError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Watches the site's sources with Linux inotify and hands over the changed paths in batches.
///
/// inotify watches one folder at a time, so every folder under the watched ones gets its own watch,
/// and folders created or moved in later get theirs as they appear. Events are gathered until
/// `debounce` passes without a new one (an editor's save is several events: write, rename, delete),
/// then the batch is delivered. Paths are relative to `root`, like `Content/fr/page.md`.
public final class FileWatcher: Sendable {
    public let root: URL
    private let queue = ChangeQueue()
    /// Written to wake the watcher's thread and stop it.
    private let wakeWriter: Int32

    /// A change outside the sources that still calls for a build: some files of a folder, reported as one name.
    public struct Signal: Sendable {
        /// The folder's absolute path.
        public var folder: String
        public var names: Set<String>
        /// What a change of any of them is reported as, among the changed paths.
        public var reportedAs: String

        public init(folder: String, names: Set<String>, reportedAs: String) {
            self.folder = folder
            self.names = names
            self.reportedAs = reportedAs
        }
    }

    /// Watches `folders` (recursively) and `files` of `root`; missing ones are watched once created.
    /// `signals` are watched too, when their folders are there.
    public init(root: URL, folders: [String], files: [String], signals: [Signal] = [], debounce: Duration = .milliseconds(50)) throws(WatchError) {
        self.root = root.standardizedFileURL
        let inotify = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard inotify >= 0 else {
            throw WatchError(message: "cannot watch the sources: inotify_init1 failed (\(String(cString: strerror(errno)))); raise fs.inotify.max_user_instances")
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(inotify)
            throw WatchError(message: "cannot watch the sources: pipe failed (\(String(cString: strerror(errno))))")
        }
        // Not inherited by the processes the build starts (git).
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wakeWriter = pipeEnds[1]
        var table = WatchTable(inotify: inotify, root: self.root.path, folders: folders, files: files)
        do throws(WatchError) {
            try table.watchRoot()
            for folder in folders { _ = try table.watchTree(folder) }
            for signal in signals { table.watchSignal(signal) }
        } catch {
            close(inotify); close(pipeEnds[0]); close(pipeEnds[1])
            throw error
        }
        let loop = WatchLoop(table: table, wakeReader: pipeEnds[0], queue: queue, debounce: debounce)
        let thread = Thread { loop.run() }
        thread.name = "cleiss-site file watcher"
        thread.start()
    }

    /// The paths changed since the last call, waiting for a change; nil once the watcher is stopped.
    public func nextChanges() async -> [String]? {
        await queue.next()
    }

    /// Stops watching: the thread closes its descriptors and `nextChanges()` returns nil.
    public func stop() {
        guard queue.finish() else { return }
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
        close(wakeWriter)
    }

    deinit { stop() }

    /// Editors write these beside the file they save (Vim's swap files and its `4913` write test,
    /// backups ending in `~`, Emacs's lock files `.#name`): they are not sources.
    public static func isEditorTemporaryFile(_ name: String) -> Bool {
        name == "4913" || name.hasSuffix("~") || name.hasPrefix(".#") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
    }
}

/// The watcher's thread: waits on inotify and on the wake pipe, gathers events until they stop for
/// `debounce`, then posts the batch.
struct WatchLoop: Sendable {
    let table: WatchTable
    let wakeReader: Int32
    let queue: ChangeQueue
    let debounce: Duration

    func run() {
        var table = self.table
        defer {
            close(table.inotify)
            close(wakeReader)
        }
        var batch = PendingBatch(debounce: debounce)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            var descriptors = [pollfd(fd: table.inotify, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, batch.pollTimeout(at: .now))
            if ready < 0 && errno == EINTR { continue }
            if descriptors[1].revents != 0 { return }
            if ready > 0 && descriptors[0].revents != 0 {
                let count = read(table.inotify, buffer.baseAddress, buffer.count)
                if count > 0 {
                    batch.add(Self.events(in: UnsafeRawBufferPointer(rebasing: buffer[0..<count]), table: &table), at: .now)
                }
            }
            if let paths = batch.take(at: .now) { queue.post(paths) }
        }
    }

    /// Reads the `inotify_event` records of one `read`: a fixed header then `len` bytes of name, NUL-padded.
    static func events(in bytes: UnsafeRawBufferPointer, table: inout WatchTable) -> [String] {
        var paths: [String] = []
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= bytes.count {
            let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            let nameBytes = bytes[(offset + headerSize)..<min(bytes.count, offset + headerSize + Int(event.len))]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            paths += table.handle(descriptor: event.wd, mask: event.mask, name: name)
            offset += headerSize + Int(event.len)
        }
        return paths
    }
}
