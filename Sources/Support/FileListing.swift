import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum FileListing {
    /// Every regular file under `folder`, relative to it, sorted so that the order never depends on
    /// the file system; hidden files and folders are skipped.
    ///
    /// Read with `readdir`, whose entry types spare a `stat` per file: listing a 10,000-page output
    /// is on the path of every rebuild.
    public static func files(in folder: URL) -> [String] {
        var files: [String] = []
        collect(folder.standardizedFileURL.path, prefix: "", into: &files)
        return files.sorted()
    }

    private static func collect(_ path: String, prefix: String, into files: inout [String]) {
        for entry in entries(of: path) where !entry.name.hasPrefix(".") {
            switch entry.kind {
            case .folder: collect(path + "/" + entry.name, prefix: prefix + entry.name + "/", into: &files)
            case .file: files.append(prefix + entry.name)
            case .other: break
            }
        }
    }

    enum EntryKind { case file, folder, other }

    /// The entries of a folder (without `.` and `..`), with their kind. The kind comes from
    /// `readdir`; a file system that does not fill the type gets a `stat`. With `followingLinks`
    /// a link counts as what it points to; without, it is `.other` (never entered).
    static func entries(of path: String, followingLinks: Bool = true) -> [(name: String, kind: EntryKind)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, kind: EntryKind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || (type == Int32(DT_LNK) && followingLinks) {
                var info = stat()
                let found = followingLinks ? stat(path + "/" + name, &info) : lstat(path + "/" + name, &info)
                guard found == 0 else { entries.append((name, .other)); continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : -1)
            }
            entries.append((name, type == Int32(DT_DIR) ? .folder : (type == Int32(DT_REG) ? .file : .other)))
        }
        return entries
    }

    /// Removes the folders under `folder` (not itself) that hold nothing, deepest first. Hidden folders are left alone.
    public static func removeEmptyFolders(in folder: URL) {
        _ = removeEmpty(folder.standardizedFileURL.path, isRoot: true)
    }

    private static func removeEmpty(_ path: String, isRoot: Bool) -> Bool {
        var holdsSomething = false
        // Links are not followed: nothing outside the folder is ever removed.
        for entry in entries(of: path, followingLinks: false) {
            if entry.kind == .folder && !entry.name.hasPrefix(".") {
                if !removeEmpty(path + "/" + entry.name, isRoot: false) { holdsSomething = true }
            } else {
                holdsSomething = true
            }
        }
        guard !isRoot, !holdsSomething else { return false }
        return rmdir(path) == 0
    }
}
