import Diagnostics
import Foundation
import Support
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into the output folder so that a failed build leaves the previous output exactly
/// as it was, and a rebuild touches only the files whose bytes change.
///
/// - A new output is written into a staging folder beside it and moved in place at the end.
/// - An output that a previous build made is updated: each file is compared with the one there;
///   a changed or new file is written into a hidden folder beside the output (on the same disk),
///   and only when the whole build has succeeded is each renamed into the output and the files
///   that the previous build wrote (its manifest, see `OutputManifest`) and this one no longer
///   produces removed. An unchanged site writes nothing. A build killed midway leaves nothing in
///   the output itself; the next one removes its hidden folder.
///
/// Nothing outside the output folder and its hidden siblings is ever written or removed: symbolic
/// links in the output are never followed (see `OutputTree`), a file that no build wrote there is
/// reported and left in place, and a folder that cleiss-site did not make is never replaced. One
/// process at a time writes into an output (see `OutputLock`).
public final class OutputFolder: Sendable {
    /// What a call to `write` or `copy` did.
    public enum FileOutcome: Sendable, Equatable {
        /// The output already held these bytes.
        case unchanged(path: String)
        /// Written; in place at `commit`.
        case written(path: String)

        public var path: String {
            switch self {
            case .unchanged(let path), .written(let path): return path
            }
        }
    }

    /// What `commit` changed in the output.
    public struct Changes: Sendable, Equatable {
        public var written: Int
        public var unchanged: Int
        public var removed: Int
        /// Files of the output that no build wrote, left in place: they are reported.
        public var foreign: [String]

        public init(written: Int, unchanged: Int, removed: Int, foreign: [String] = []) {
            self.written = written
            self.unchanged = unchanged
            self.removed = removed
            self.foreign = foreign
        }
    }
    /// Written into every output, so that a later build knows the folder is its own to replace.
    public static let markerName = ".cleiss-site-output"
    /// Files a person may keep in the output folder (Site/README.md is committed): carried into each new build.
    public static let keptNames = ["README.md", ".gitkeep"]

    public let destination: URL
    /// Where a new output is written, moved in place of `destination` at the end.
    public let staging: URL
    /// Where the new and changed files of an update in place wait for the commit.
    let pending: URL
    /// True when the output exists and is ours: files are updated in place instead of staged.
    public let updatesInPlace: Bool
    /// Held from the checks to the end of the build (`commit` or `abort`).
    let lock: OutputLock
    /// The output's folder, open (updates in place): files are compared through it, never through a link.
    let root: Int32

    /// Checks that `destination` may be replaced and takes its lock. `protected` are folders it must
    /// neither be, be inside, nor contain (the site's sources).
    public init(destination: URL, protected: [URL]) throws(DiagnosticsError) {
        let destination = destination.standardizedFileURL
        self.destination = destination
        let name = destination.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        staging = destination.deletingLastPathComponent().appendingPathComponent(".\(name).building-\(pid)")
        pending = destination.deletingLastPathComponent().appendingPathComponent(".\(name).pending-\(pid)")
        let where_ = SourceLocation(file: destination.path)
        let path = destination.path
        if path == "/" || name.isEmpty || name == ".." {
            throw DiagnosticsError(.error(where_, "refusing to use \(path) as the output folder", hint: "give a dedicated folder with --output, like Site"))
        }
        for folder in protected.map(\.standardizedFileURL.path) {
            if path == folder || folder.hasPrefix(path + "/") || path.hasPrefix(folder + "/") {
                throw DiagnosticsError(.error(where_, "the output folder \(path) overlaps the sources in \(folder)",
                                              hint: "choose an output folder outside Content/ and Themes/ that does not contain the site"))
            }
        }
        try Self.checkOwnership(destination)
        // The lock is taken once the folder is known to be one cleiss-site may write: no lock file beside a folder it refuses.
        lock = try OutputLock(for: destination)
        // Checked again under the lock: a build that held it until now may have made or replaced the folder.
        updatesInPlace = try Self.checkOwnership(destination)
        root = updatesInPlace ? open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
    }

    deinit {
        if root >= 0 { close(root) }
    }

    /// Whether `destination` is an output that cleiss-site made (true) or is missing or empty (false); throws when it is a file or another folder.
    @discardableResult
    static func checkOwnership(_ destination: URL) throws(DiagnosticsError) -> Bool {
        let path = destination.path
        let where_ = SourceLocation(file: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return false }
        guard isFolder.boolValue else {
            throw DiagnosticsError(.error(where_, "\(path) is a file, not a folder", hint: "give a folder with --output"))
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let ours = entries.contains(OutputFolder.markerName)
        let foreign = entries.filter { !OutputFolder.keptNames.contains($0) && $0 != OutputFolder.markerName }
        if !ours && !foreign.isEmpty {
            throw DiagnosticsError(.error(where_, "the output folder \(path) holds files that cleiss-site did not write (\(foreign.sorted().prefix(3).joined(separator: ", ")))",
                                          hint: "give an empty or new folder with --output, or empty this one yourself"))
        }
        return ours
    }

    /// Creates an empty staging (or pending) folder, after removing those that interrupted builds
    /// left behind (only folders carrying the marker, or named after a process that no longer
    /// runs, so that nothing else beside the output is touched; the lock says that no other build
    /// is using them).
    /// `knownFiles`: every file the previous build of this process committed here, when known (a
    /// build session). The output then need not be searched for leftovers of older versions.
    public func begin(knownFiles: Set<String>? = nil) throws(DiagnosticsError) {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let prefixes = ["building-", "old-", "pending-"].map { ".\(destination.lastPathComponent).\($0)" }
        for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: name.hasPrefix) else { continue }
            let leftover = parent.appendingPathComponent(name)
            // A build killed between making its folder and writing the marker in it left no marker: its process id tells.
            let pid = Int32(name.dropFirst(prefix.count))
            let deadBuild = pid.map { $0 > 0 && kill($0, 0) != 0 && errno == ESRCH } ?? false
            if deadBuild || manager.fileExists(atPath: leftover.appendingPathComponent(OutputFolder.markerName).path) {
                try? manager.removeItem(at: leftover)
            }
        }
        if updatesInPlace && knownFiles == nil { removeOlderPendingFiles() }
        let folder = updatesInPlace ? pending : staging
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data().write(to: folder.appendingPathComponent(OutputFolder.markerName))
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: folder.path), "cannot create the staging folder: \(error.localizedDescription)",
                                          hint: "check that the folder above the output can be written"))
        }
    }

    /// Writes `data` at `relativePath` of the output, unless it already holds these bytes. Safe to call from several threads.
    @discardableResult
    public func write(_ data: Data, to relativePath: String) throws(DiagnosticsError) -> FileOutcome {
        let url = try targetURL(relativePath)
        if updatesInPlace && FileWriting.holds(data, descriptor: OutputTree.openFile(relativePath, under: root)) { return .unchanged(path: relativePath) }
        if let problem = FileWriting.write(data, to: url.path) {
            throw DiagnosticsError(.error(SourceLocation(file: relativePath), "cannot write the output file: \(problem)",
                                          hint: "check the free space and the permissions of the output folder"))
        }
        return .written(path: relativePath)
    }

    /// Copies a source file (an asset, an image), `relativePath` of `sources`, into the output, unless it is there already.
    @discardableResult
    public func copy(_ relativePath: String, of sources: SourceTree, to outputPath: String) throws(DiagnosticsError) -> FileOutcome {
        try write(try sources.read(relativePath), to: outputPath)
    }

    /// Where the bytes of a file of this build are until `commit`: in the pending (or staging) folder
    /// when it was written, else at its place in the output.
    public func currentLocation(of outcome: FileOutcome) -> URL {
        guard updatesInPlace else { return staging.appendingPathComponent(outcome.path) }
        if case .written = outcome { return pending.appendingPathComponent(outcome.path) }
        return destination.appendingPathComponent(outcome.path)
    }

    /// A working folder beside the output, on the same disk, for a step of the build (`name`): removed by that step.
    public func scratchFolder(_ name: String) -> URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Ends a successful build: the files of `outcomes`, every file of the build, become the output.
    /// The files of the previous build that this one does not produce go; files that no build wrote stay, in `Changes.foreign`.
    public func commit(_ outcomes: [FileOutcome], knownFiles: Set<String>? = nil) throws(DiagnosticsError) -> Changes {
        let written = outcomes.count { if case .written = $0 { true } else { false } }
        let produced = Set(outcomes.map(\.path))
        guard updatesInPlace else {
            if let problem = FileWriting.write(OutputManifest.encoded(produced), to: staging.appendingPathComponent(OutputManifest.fileName).path) {
                throw DiagnosticsError(.error(SourceLocation(file: staging.path), "cannot write the list of the output's files: \(problem)",
                                              hint: "check the free space and the permissions of the folder above the output"))
            }
            try swapStaging()
            lock.release()
            return Changes(written: written, unchanged: 0, removed: 0)
        }
        let tree = try moveIn(outcomes)
        // What the previous build wrote (its manifest, or what this process knows it committed) and this one no longer produces goes.
        let ours = (OutputManifest.read(in: destination) ?? []).union(knownFiles ?? [])
        var removed = 0
        for path in ours.subtracting(produced).sorted() where !OutputFolder.isKept(path) {
            guard let (folder, name) = try? tree.parent(of: path, create: false) else { continue }
            if unlinkat(folder, name, 0) == 0 { removed += 1 }
        }
        // Anything else is someone's: reported, left alone.
        let present = knownFiles == nil ? FileListing.files(in: destination, includingLinks: true) : []
        let foreign = present.filter { !produced.contains($0) && !ours.contains($0) && !OutputFolder.isKept($0) }
        let manifest = OutputManifest.encoded(produced)
        if FileManager.default.contents(atPath: destination.appendingPathComponent(OutputManifest.fileName).path) != manifest {
            // Under another name in the pending folder, whose own marker says it is a leftover to remove if this build is killed.
            let waiting = pending.appendingPathComponent(".manifest").path
            if FileWriting.write(manifest, to: waiting) != nil || renameat(AT_FDCWD, waiting, tree.root, OutputManifest.fileName) != 0 {
                throw DiagnosticsError(.error(SourceLocation(file: destination.path), "cannot write the list of the output's files: \(String(cString: strerror(errno)))",
                                              hint: "check the free space and the permissions of the output folder, then build again"))
            }
        }
        try? FileManager.default.removeItem(at: pending)
        if removed > 0 { FileListing.removeEmptyFolders(in: destination) }
        lock.release()
        return Changes(written: written, unchanged: outcomes.count - written, removed: removed, foreign: foreign)
    }

    /// Ends a build that rendered only some files (the edited pages of a preview): they become the output, nothing else changes.
    public func commitEdited(_ outcomes: [FileOutcome]) throws(DiagnosticsError) {
        guard updatesInPlace else { throw DiagnosticsError([]) }
        _ = try moveIn(outcomes)
        try? FileManager.default.removeItem(at: pending)
        lock.release()
    }

    /// Renames the files written by this build from the pending folder into the output. First checks
    /// that none would go through a link of the output: then nothing is moved.
    func moveIn(_ outcomes: [FileOutcome]) throws(DiagnosticsError) -> OutputTree {
        guard let tree = OutputTree(destination) else {
            throw DiagnosticsError(.error(SourceLocation(file: destination.path), "cannot open the output folder: \(String(cString: strerror(errno)))",
                                          hint: "check that it can be read and written, then build again"))
        }
        let paths = outcomes.compactMap { if case .written(let path) = $0 { path } else { nil } }
        let blocked = Set(paths.compactMap { tree.blockage(of: $0)?.path }).sorted()
        if !blocked.isEmpty {
            throw DiagnosticsError(blocked.map { path in
                .error(SourceLocation(file: destination.appendingPathComponent(path).path),
                       "a symbolic link (or a file) stands where the build writes a folder: cleiss-site never writes through it",
                       hint: "move it out of the output folder, then build again; the output stays as it was")
            })
        }
        do {
            for path in paths {
                guard let (folder, name) = try tree.parent(of: path, create: true),
                      renameat(AT_FDCWD, pending.appendingPathComponent(path).path, folder, name) == 0 else {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
            }
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: destination.path), "cannot update the output folder: \(error)",
                                          hint: "check that nothing holds its files open and that it can be written, then build again"))
        }
        return tree
    }

    /// The warning about the files of `changes` that no build wrote, if any: one, naming the first of them.
    public func foreignFilesWarning(_ changes: Changes) -> Diagnostic? {
        guard let first = changes.foreign.first else { return nil }
        let shown = changes.foreign.prefix(5).joined(separator: ", ")
        let more = changes.foreign.count > 5 ? " and \(changes.foreign.count - 5) more" : ""
        return .warning(SourceLocation(file: destination.appendingPathComponent(first).path),
                        "not written by cleiss-site, left in place: \(shown)\(more)",
                        hint: "these files are published with the site; remove them from \(destination.path) if they should not be")
    }

    /// Whether a file at the top of the output is one the build leaves alone.
    static func isKept(_ path: String) -> Bool {
        path == markerName || keptNames.contains(path)
    }

    /// Ends a failed build: the output stays as it was.
    public func abort() {
        try? FileManager.default.removeItem(at: updatesInPlace ? pending : staging)
        lock.release()
    }

    /// Removes the files that builds of older versions, interrupted, left in the output under a temporary name.
    func removeOlderPendingFiles() {
        guard let tree = OutputTree(destination) else { return }
        var removed = false
        for path in FileListing.files(in: destination) where path.contains(".cleiss-site-pending-") {
            if let (folder, name) = try? tree.parent(of: path, create: false), unlinkat(folder, name, 0) == 0 { removed = true }
        }
        if removed { FileListing.removeEmptyFolders(in: destination) }
    }

    /// Swaps the staging folder in place of the output, keeping the person's README.md.
    func swapStaging() throws(DiagnosticsError) {
        let manager = FileManager.default
        let retired = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            for name in OutputFolder.keptNames {
                let kept = destination.appendingPathComponent(name)
                let target = staging.appendingPathComponent(name)
                if manager.fileExists(atPath: kept.path) && !manager.fileExists(atPath: target.path) {
                    try manager.copyItem(at: kept, to: target)
                }
            }
            try? manager.removeItem(at: retired)
            if manager.fileExists(atPath: destination.path) {
                try manager.moveItem(at: destination, to: retired)
            }
            try manager.moveItem(at: staging, to: destination)
            try? manager.removeItem(at: retired)
        } catch {
            if !manager.fileExists(atPath: destination.path) && manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: destination)
            }
            try? manager.removeItem(at: staging)
            throw DiagnosticsError(.error(SourceLocation(file: destination.path), "cannot replace the output folder: \(error.localizedDescription)",
                                          hint: "check that nothing holds the folder open and that it can be written"))
        }
    }

    /// Where a relative output path is written, refusing any path that would leave the folder.
    func targetURL(_ relativePath: String) throws(DiagnosticsError) -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !relativePath.hasPrefix("/"), !components.isEmpty,
              !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw DiagnosticsError(.error(SourceLocation(file: relativePath), "refusing to write '\(relativePath)', which is not a path inside the output folder",
                                          hint: "check the slug, alias or file name that produced it"))
        }
        return (updatesInPlace ? pending : staging).appendingPathComponent(relativePath)
    }
}
