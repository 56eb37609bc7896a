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
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let child = path + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                // Some file systems do not fill the type; a link counts as what it points to.
                var info = stat()
                guard stat(child, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : -1)
            }
            if type == Int32(DT_DIR) {
                collect(child, prefix: prefix + name + "/", into: &files)
            } else if type == Int32(DT_REG) {
                files.append(prefix + name)
            }
        }
    }

    /// Removes the folders under `folder` (not itself) that hold nothing, deepest first. Hidden folders are left alone.
    public static func removeEmptyFolders(in folder: URL) {
        _ = removeEmpty(folder.standardizedFileURL.path, isRoot: true)
    }

    private static func removeEmpty(_ path: String, isRoot: Bool) -> Bool {
        guard let directory = opendir(path) else { return false }
        var subfolders: [String] = []
        var holdsSomething = false
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) && !name.hasPrefix(".") { subfolders.append(name) } else { holdsSomething = true }
        }
        closedir(directory)
        for name in subfolders where !removeEmpty(path + "/" + name, isRoot: false) { holdsSomething = true }
        guard !isRoot, !holdsSomething else { return false }
        return rmdir(path) == 0
    }
}
