import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folders of an output, opened one name at a time from the output's own folder with
/// `O_NOFOLLOW`: a symbolic link that a person (or another program) put in the output is never
/// gone through, so that comparing, renaming and removing touch nothing outside it.
///
/// One tree is used from one thread (a commit); `openFile` is safe from any thread.
final class OutputTree {
    /// The output's folder.
    let root: Int32
    /// Folders opened so far, by their path in the output ("" is the output itself).
    private var folders: [String: Int32] = [:]

    init?(_ destination: URL) {
        root = open(destination.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return nil }
        folders[""] = root
    }

    deinit {
        for descriptor in folders.values { close(descriptor) }
    }

    /// Why a path of the output cannot be reached without following a link.
    struct Blocked: Error {
        /// The part of the path that is a link (or not a folder), like `uploads`.
        var path: String
        var isLink: Bool
    }

    /// The folder holding `relativePath` and the file's name in it. `create` makes the missing folders.
    /// Nil without `create` when a folder is missing.
    func parent(of relativePath: String, create: Bool) throws(Blocked) -> (folder: Int32, name: String)? {
        let components = relativePath.split(separator: "/").map(String.init)
        guard let name = components.last else { return nil }
        var folder = root
        var path = ""
        for component in components.dropLast() {
            path += path.isEmpty ? component : "/" + component
            if let known = folders[path] { folder = known; continue }
            var descriptor = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if descriptor < 0 && errno == ENOENT {
                guard create else { return nil }
                if mkdirat(folder, component, 0o755) != 0 && errno != EEXIST { throw Blocked(path: path, isLink: false) }
                descriptor = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard descriptor >= 0 else { throw Blocked(path: path, isLink: Self.isLink(folder, component)) }
            folders[path] = descriptor
            folder = descriptor
        }
        return (folder, name)
    }

    /// The first part of `relativePath`'s folders that exists and is not a folder (a link), if any; creates nothing.
    func blockage(of relativePath: String) -> Blocked? {
        do {
            _ = try parent(of: relativePath, create: false)
            return nil
        } catch {
            return error
        }
    }

    /// Opens the file at `relativePath` under the folder `root` for reading, through no link; -1 when it cannot.
    /// Without blocking: a named pipe put in the output is opened, then refused as not a file.
    static func openFile(_ relativePath: String, under root: Int32) -> Int32 {
        var folder = root
        let components = relativePath.split(separator: "/").map(String.init)
        for (index, component) in components.enumerated() {
            let last = index == components.count - 1
            let descriptor = openat(folder, component, (last ? O_RDONLY | O_NONBLOCK : O_RDONLY | O_DIRECTORY) | O_NOFOLLOW | O_CLOEXEC)
            if folder != root { close(folder) }
            guard descriptor >= 0 else { return -1 }
            folder = descriptor
        }
        return folder == root ? -1 : folder
    }

    static func isLink(_ folder: Int32, _ name: String) -> Bool {
        var info = stat()
        return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
