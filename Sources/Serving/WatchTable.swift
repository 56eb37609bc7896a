import Foundation
import Support
#if canImport(Glibc)
import Glibc
#endif

/// The watches, from inotify's watch descriptors to folder paths relative to the root ("" for the root).
struct WatchTable: Sendable {
    let inotify: Int32
    let root: String
    let folders: [String]
    let files: [String]
    private(set) var paths: [Int32: String] = [:]
    /// Folders outside the sources watched for some of their files, each change reported under one name.
    private(set) var signals: [Int32: FileWatcher.Signal] = [:]

    static let folderEvents = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_MODIFY | IN_ONLYDIR)

    init(inotify: Int32, root: String, folders: [String], files: [String]) {
        self.inotify = inotify
        self.root = root
        self.folders = folders
        self.files = files
    }

    /// The root itself, not recursively: for site.yml, charter.yml, and Content/ or Themes/ appearing or being replaced.
    mutating func watchRoot() throws(WatchError) {
        try add("")
    }

    /// Watches `folder` and every folder under it; returns the files found there (already present
    /// when the folder was moved in or created with its contents, so never seen as events).
    /// Links are not followed (a link to a folder that holds it would be watched without end; one
    /// out of the site is not part of it): a link is reported as a file, which the build then reads
    /// or refuses. An explicit stack, not recursion: the depth of a tree is the input's.
    mutating func watchTree(_ folder: String) throws(WatchError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/" + folder, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        var found: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            try add(current)
            for entry in (FileListing.entries(of: root + "/" + current) ?? []).sorted(by: { $0.name < $1.name }) {
                let path = current + "/" + entry.name
                switch entry.kind {
                case .folder: pending.append(path)
                case .file, .link: if !FileWatcher.isEditorTemporaryFile(entry.name) { found.append(path) }
                case .other: break
                }
            }
        }
        return found.sorted()
    }

    /// Watches the folder of a signal (not recursively), if it can: a signal is a convenience that
    /// never stops the preview. A folder that is not there is not watched: git's `logs/` appears with
    /// a repository's first commit, so a preview started before it sees commits once restarted.
    mutating func watchSignal(_ signal: FileWatcher.Signal) {
        if let descriptor = (try? Self.watch(signal.folder, inotify: inotify)) ?? nil { signals[descriptor] = signal }
    }

    /// Forgets `folder` and what is under it (moved away or deleted).
    mutating func unwatchTree(_ folder: String) {
        for (descriptor, path) in paths where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(inotify, descriptor)
            paths[descriptor] = nil
        }
    }

    mutating func forget(_ descriptor: Int32) {
        paths[descriptor] = nil
    }

    private mutating func add(_ folder: String) throws(WatchError) {
        if let descriptor = try Self.watch(folder.isEmpty ? root : root + "/" + folder, inotify: inotify) { paths[descriptor] = folder }
    }

    /// The watch descriptor of a folder, or nil when the folder is not there (or no longer: a folder
    /// removed between its listing and its watch is not a problem, its removal is an event).
    private static func watch(_ absolute: String, inotify: Int32) throws(WatchError) -> Int32? {
        let descriptor = inotify_add_watch(inotify, absolute, folderEvents)
        if descriptor >= 0 { return descriptor }
        if errno == ENOSPC {
            throw WatchError(message: "cannot watch \(absolute): the limit of inotify watches is reached; raise fs.inotify.max_user_watches (sysctl)")
        }
        if errno != ENOENT && errno != ENOTDIR { throw WatchError(message: "cannot watch \(absolute): \(String(cString: strerror(errno)))") }
        return nil
    }

    /// The changed paths one inotify event stands for, after updating the watches it concerns.
    mutating func handle(descriptor: Int32, mask: UInt32, name: String) -> [String] {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: watch everything again and rebuild everything.
            for folder in folders { _ = try? watchTree(folder) }
            return ["*"]
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            forget(descriptor)
            signals[descriptor] = nil
            return []
        }
        if let signal = signals[descriptor] { return signal.names.contains(name) ? [signal.reportedAs] : [] }
        guard let folder = paths[descriptor], !name.isEmpty, !FileWatcher.isEditorTemporaryFile(name) else { return [] }
        let path = folder.isEmpty ? name : folder + "/" + name
        // At the root, only the sources count: not the default output folder Site/ nor anything else there.
        if folder.isEmpty && !files.contains(name) && !folders.contains(name) { return [] }
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { return [path] + ((try? watchTree(path)) ?? []) }
            if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 { unwatchTree(path) }
            return [path]
        }
        return [path]
    }
}
