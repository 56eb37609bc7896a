import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists and reads the site's sources (`Content/`, `Themes/`) without ever leaving the site's folder.
///
/// A symbolic link whose target is inside the site is followed: a shared folder of images, a page
/// linked into two sections. A link that leaves the site (`env.txt -> /proc/self/environ`) would
/// publish what it points to — secrets of the machine that builds — and a link to a folder that
/// holds it (`up -> ..`) would be walked forever: both are errors naming the link.
public struct SourceTree: Sendable {
    /// The site's folder with its links resolved: every file read must be in it.
    public let root: String

    public init(root: URL) {
        let path = root.standardizedFileURL.path
        self.root = Self.realPath(path) ?? path
    }

    /// Every regular file under `folder` (relative to it, sorted; hidden ones skipped), and the
    /// problems met: links that leave the site, loops, folders that cannot be read, broken links.
    /// `displayPrefix` is how messages name `folder`, like `Content/en`.
    public func files(in folder: URL, displayPrefix: String) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        let start = folder.standardizedFileURL.path
        // The folder itself may be a link (Content/en -> elsewhere).
        guard let startTarget = Self.realPath(start) else {
            diagnostics.append(unreadableFolder(displayPrefix, code: errno))
            return ([], diagnostics)
        }
        if let problem = leaves(displayPrefix, target: startTarget) { return ([], [problem]) }
        // Each folder to list carries the folders above it (device and inode): a link to one of them is a loop.
        struct Pending { var path: String; var prefix: String; var ancestors: [FolderID] }
        guard let startID = FolderID(path: startTarget) else { return ([], [unreadableFolder(displayPrefix, code: errno)]) }
        var pending = [Pending(path: startTarget, prefix: "", ancestors: [startID])]
        // Every folder is listed once: links to one folder from many places (a/x -> c, a/y -> c, c/x -> d…)
        // would otherwise multiply the pages at each level, 2^n for n levels. The first place is kept to name it.
        var listed: [FolderID: String] = [startID: displayPrefix]
        while let folder = pending.popLast() {
            // Sorted, so that which of two places is met first, and so every message, never depends on the file system.
            guard let entries = FileListing.entries(of: folder.path)?.sorted(by: { $0.name < $1.name }) else {
                diagnostics.append(unreadableFolder(folder.prefix.isEmpty ? displayPrefix : displayPrefix + "/" + String(folder.prefix.dropLast()), code: errno))
                continue
            }
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = folder.path + "/" + entry.name
                let display = displayPrefix + "/" + folder.prefix + entry.name
                var kind = entry.kind
                var target = path
                if kind == .link {
                    guard let resolved = Self.realPath(path) else {
                        diagnostics.append(.error(SourceLocation(file: display), "the symbolic link points to \(Self.linkText(path)), which does not exist",
                                                  hint: "remove the link or make it point to a file inside the site"))
                        continue
                    }
                    if let problem = leaves(display, target: resolved, link: path) { diagnostics.append(problem); continue }
                    target = resolved
                    var info = stat()
                    guard stat(target, &info) == 0 else { continue }
                    kind = FileListing.kind(ofMode: info.st_mode) == Int32(DT_DIR) ? .folder : (info.st_mode & S_IFMT) == S_IFREG ? .file : .other
                }
                switch kind {
                case .file:
                    files.append(folder.prefix + entry.name)
                case .folder:
                    guard let id = FolderID(path: target) else { diagnostics.append(unreadableFolder(display, code: errno)); continue }
                    if folder.ancestors.contains(id) {
                        diagnostics.append(.error(SourceLocation(file: display), "the symbolic link points to \(Self.linkText(path)), a folder that contains it: the site would hold itself without end",
                                                  hint: "remove the link, or make it point to a folder that does not contain it"))
                        continue
                    }
                    if let first = listed[id] {
                        // The message goes on the link: one of the two places is reached through one.
                        let (link, other) = entry.kind == .link ? (display, first) : (first, display)
                        diagnostics.append(.error(SourceLocation(file: link), "the symbolic link leads to a folder that is already in the site as \(other): a folder is published once",
                                                  hint: "link to the pages of \(other) instead, or copy the files you need"))
                        continue
                    }
                    listed[id] = display
                    pending.append(Pending(path: target, prefix: folder.prefix + entry.name + "/", ancestors: folder.ancestors + [id]))
                case .link, .other:
                    break
                }
            }
        }
        return (files.sorted(), diagnostics)
    }

    /// The bytes of the file at `relativePath` of the site. A symbolic link (or a file swapped for
    /// one since it was listed) is read only when its target is inside the site.
    public func read(_ relativePath: String) throws(DiagnosticsError) -> Data {
        let path = root + "/" + relativePath
        // O_NOFOLLOW: the name itself is never a link here; a link gets ELOOP and is checked.
        var descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0 && errno == ELOOP {
            guard let target = Self.realPath(path) else { throw cannotRead(relativePath, code: ENOENT) }
            if let problem = leaves(relativePath, target: target, link: path) { throw DiagnosticsError(problem) }
            descriptor = open(target, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard descriptor >= 0 else { throw cannotRead(relativePath, code: errno) }
        defer { close(descriptor) }
        // The file actually opened, as the kernel names it: a folder above it swapped for a link since the listing is caught too.
        if let opened = Self.linkTarget("/proc/self/fd/\(descriptor)"), opened.hasPrefix("/"),
           let problem = leaves(relativePath, target: opened, link: nil) {
            throw DiagnosticsError(problem)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw cannotRead(relativePath, code: EISDIR) }
        var data = Data(count: Int(info.st_size))
        var offset = 0
        while true {
            if offset == data.count { data.count += max(4096, data.count) }
            let count = data.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw cannotRead(relativePath, code: errno) }
            if count == 0 { break }
            offset += count
        }
        data.count = offset
        return data
    }

    /// Whether `path` is inside the site's folder (or is it), with its links resolved.
    public func contains(_ path: String) -> Bool {
        guard let resolved = Self.realPath(path) else { return false }
        return resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// The error for a link `display` whose target is outside the site; nil when it is inside.
    func leaves(_ display: String, target: String, link: String? = nil) -> Diagnostic? {
        guard !(target == root || target.hasPrefix(root == "/" ? "/" : root + "/")) else { return nil }
        let pointsTo = link.map { Self.linkText($0) } ?? target
        return .error(SourceLocation(file: display), "the symbolic link points to \(pointsTo), outside the site: it is not published",
                      hint: "copy the file into the site instead of linking to it, or remove the link")
    }

    func unreadableFolder(_ display: String, code: Int32) -> Diagnostic {
        .error(SourceLocation(file: display), "cannot read the folder: \(String(cString: strerror(code)))",
               hint: "give yourself the right to read it (chmod u+rx), or move it out of the site")
    }

    func cannotRead(_ display: String, code: Int32) -> DiagnosticsError {
        DiagnosticsError(.error(SourceLocation(file: display), "cannot read the file: \(String(cString: strerror(code)))",
                                hint: "check that it exists and can be read"))
    }

    /// `path` with every link resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a link says, as written (`../../etc/passwd`), and where that is when it is relative.
    static func linkText(_ link: String) -> String {
        guard let written = linkTarget(link) else { return "?" }
        guard !written.hasPrefix("/"), let resolved = realPath(link), resolved != written else { return written }
        return "\(written) (\(resolved))"
    }

    /// The target of the link at `path`, as written; nil when it is not a link.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A folder as the kernel knows it, whatever the path that reached it.
    struct FolderID: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }
}
