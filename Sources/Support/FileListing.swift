import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists folders the build made or owns (the output, Pagefind's bundle): symbolic links are never
/// followed, so that nothing outside the folder is listed, compared or removed. The sources are
/// listed by `SourceTree`, which follows the links that stay inside the site.
public enum FileListing {
    /// Every regular file under `folder`, relative to it, sorted so that the order never depends on
    /// the file system; hidden files and folders are skipped, and so are symbolic links (never
    /// followed) unless `includingLinks`, which lists the links themselves.
    ///
    /// Read with `readdir`, whose entry types spare a `stat` per file: listing a 10,000-page output
    /// is on the path of every rebuild. An explicit stack, not recursion: the depth of a tree is the input's.
    public static func files(in folder: URL, includingLinks: Bool = false) -> [String] {
        var files: [String] = []
        var folders: [(path: String, prefix: String)] = [(folder.standardizedFileURL.path, "")]
        while let (path, prefix) = folders.popLast() {
            for entry in entries(of: path) ?? [] where !entry.name.hasPrefix(".") {
                switch entry.kind {
                case .folder: folders.append((path + "/" + entry.name, prefix + entry.name + "/"))
                case .file: files.append(prefix + entry.name)
                case .link where includingLinks: files.append(prefix + entry.name)
                case .link, .other: break
                }
            }
        }
        return files.sorted()
    }

    public enum EntryKind: Sendable { case file, folder, link, other }

    /// The entries of a folder (without `.` and `..`), with their kind as `lstat` sees it: a link is
    /// `.link`, whatever it points to. The kind comes from `readdir`; a file system that does not
    /// fill the type gets an `lstat`. Nil when the folder cannot be opened (`errno` tells why).
    public static func entries(of path: String) -> [(name: String, kind: EntryKind)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, kind: EntryKind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path + "/" + name, &info) == 0 else { entries.append((name, .other)); continue }
                type = kind(ofMode: info.st_mode)
            }
            entries.append((name, type == Int32(DT_DIR) ? .folder : type == Int32(DT_REG) ? .file : type == Int32(DT_LNK) ? .link : .other))
        }
        return entries
    }

    static func kind(ofMode mode: mode_t) -> Int32 {
        switch mode & S_IFMT {
        case S_IFDIR: Int32(DT_DIR)
        case S_IFREG: Int32(DT_REG)
        case S_IFLNK: Int32(DT_LNK)
        default: -1
        }
    }

    /// Removes the folders under `folder` (not itself) that hold nothing, deepest first. Hidden
    /// folders are left alone; links are not followed, so nothing outside the folder is removed.
    public static func removeEmptyFolders(in folder: URL) {
        // Every folder, parents before children: removed in the reverse order, children first.
        var folders: [String] = []
        var pending = [folder.standardizedFileURL.path]
        while let path = pending.popLast() {
            for entry in entries(of: path) ?? [] where entry.kind == .folder && !entry.name.hasPrefix(".") {
                folders.append(path + "/" + entry.name)
                pending.append(path + "/" + entry.name)
            }
        }
        // rmdir fails on a folder that still holds something: exactly the ones to keep.
        for path in folders.reversed() { rmdir(path) }
    }
}
