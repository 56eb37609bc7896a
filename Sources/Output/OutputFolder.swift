import Diagnostics
import Foundation
import Support

/// Writes a build into the output folder so that a failed build leaves the previous output exactly
/// as it was, and a rebuild touches only the files whose bytes change.
///
/// - A new output is written into a staging folder beside it and moved in place at the end.
/// - An output that a previous build made is updated: each file is compared with the one there;
///   a changed or new file is written beside it under a temporary name, and only when the whole
///   build has succeeded are the temporary files renamed over the old ones and the files that the
///   build no longer produces removed. An unchanged site writes nothing.
///
/// Nothing outside the output folder and its staging sibling is ever written or removed, and a
/// folder that cleiss-site did not make is never replaced.
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

        public init(written: Int, unchanged: Int, removed: Int) {
            self.written = written
            self.unchanged = unchanged
            self.removed = removed
        }
    }
    /// Written into every output, so that a later build knows the folder is its own to replace.
    public static let markerName = ".cleiss-site-output"
    /// Files a person may keep in the output folder (Site/README.md is committed): carried into each new build.
    public static let keptNames = ["README.md", ".gitkeep"]

    public let destination: URL
    public let staging: URL
    /// True when the output exists and is ours: files are updated in place instead of staged.
    public let updatesInPlace: Bool
    /// The suffix of the files written beside their final name until `commit` (updates in place).
    let pendingSuffix: String

    /// Checks that `destination` may be replaced. `protected` are folders it must neither be, be inside, nor contain (the site's sources).
    public init(destination: URL, protected: [URL]) throws(DiagnosticsError) {
        let destination = destination.standardizedFileURL
        self.destination = destination
        let name = destination.lastPathComponent
        staging = destination.deletingLastPathComponent().appendingPathComponent(".\(name).building-\(ProcessInfo.processInfo.processIdentifier)")
        pendingSuffix = ".cleiss-site-pending-\(ProcessInfo.processInfo.processIdentifier)"
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
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        var updatesInPlace = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw DiagnosticsError(.error(where_, "\(path) is a file, not a folder", hint: "give a folder with --output"))
            }
            let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            let ours = entries.contains(OutputFolder.markerName)
            let foreign = entries.filter { !OutputFolder.keptNames.contains($0) && $0 != OutputFolder.markerName }
            if !ours && !foreign.isEmpty {
                throw DiagnosticsError(.error(where_, "the output folder \(path) holds files that cleiss-site did not write (\(foreign.sorted().prefix(3).joined(separator: ", ")))",
                                              hint: "give an empty or new folder with --output, or empty this one yourself"))
            }
            updatesInPlace = ours
        }
        self.updatesInPlace = updatesInPlace
    }

    /// Creates an empty staging folder, after removing those that interrupted builds left behind
    /// (only folders carrying the marker, so that nothing else beside the output is touched).
    /// `knownFiles`: every file the previous build of this process committed here, when known (a
    /// build session). The output then need not be searched for leftovers and removed files.
    public func begin(knownFiles: Set<String>? = nil) throws(DiagnosticsError) {
        let manager = FileManager.default
        if updatesInPlace {
            if knownFiles == nil { removePending(olderThanThisBuild: true) }
            return
        }
        let parent = destination.deletingLastPathComponent()
        let prefixes = [".\(destination.lastPathComponent).building-", ".\(destination.lastPathComponent).old-"]
        for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where prefixes.contains(where: name.hasPrefix) {
            let leftover = parent.appendingPathComponent(name)
            if manager.fileExists(atPath: leftover.appendingPathComponent(OutputFolder.markerName).path) {
                try? manager.removeItem(at: leftover)
            }
        }
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appendingPathComponent(OutputFolder.markerName))
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: staging.path), "cannot create the staging folder: \(error.localizedDescription)",
                                          hint: "check that the folder above the output can be written"))
        }
    }

    /// Writes `data` at `relativePath` of the output, unless it already holds these bytes. Safe to call from several threads.
    @discardableResult
    public func write(_ data: Data, to relativePath: String) throws(DiagnosticsError) -> FileOutcome {
        let url = try targetURL(relativePath)
        if updatesInPlace && FileWriting.holds(data, at: url.path) { return .unchanged(path: relativePath) }
        let path = updatesInPlace ? url.path + pendingSuffix : url.path
        if let problem = FileWriting.write(data, to: path) {
            throw DiagnosticsError(.error(SourceLocation(file: relativePath), "cannot write the output file: \(problem)",
                                          hint: "check the free space and the permissions of the output folder"))
        }
        return .written(path: relativePath)
    }

    /// Copies a source file (an asset, an image) into the output, unless it is there already.
    @discardableResult
    public func copy(_ source: URL, to relativePath: String) throws(DiagnosticsError) -> FileOutcome {
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw DiagnosticsError(.error(SourceLocation(file: source.path), "cannot read the file to copy to \(relativePath)",
                                          hint: "check that it exists and can be read"))
        }
        return try write(data, to: relativePath)
    }

    /// Where the bytes of a file of this build are until `commit`: under its temporary name when it
    /// was written, else at its place in the output (or the staging folder).
    public func currentLocation(of outcome: FileOutcome) -> URL {
        let url = (updatesInPlace ? destination : staging).appendingPathComponent(outcome.path)
        if updatesInPlace, case .written = outcome { return URL(fileURLWithPath: url.path + pendingSuffix) }
        return url
    }

    /// A working folder beside the output, on the same disk, for a step of the build (`name`): removed by that step.
    public func scratchFolder(_ name: String) -> URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Ends a successful build: the files of `outcomes` become the output.
    public func commit(_ outcomes: [FileOutcome], knownFiles: Set<String>? = nil) throws(DiagnosticsError) -> Changes {
        let written = outcomes.count { if case .written = $0 { true } else { false } }
        guard updatesInPlace else {
            try swapStaging()
            return Changes(written: written, unchanged: 0, removed: 0)
        }
        let manager = FileManager.default
        do {
            for case .written(let path) in outcomes {
                let final = destination.appendingPathComponent(path).path
                if rename(final + pendingSuffix, final) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: destination.path), "cannot update the output folder: \(error.localizedDescription)",
                                          hint: "check that nothing holds its files open and that it can be written, then build again"))
        }
        // What the build no longer produces goes, except the person's own files and the marker.
        let produced = Set(outcomes.map(\.path))
        var removed = 0
        let present = knownFiles.map { Array($0) } ?? FileListing.files(in: destination)
        for path in present where !produced.contains(path) && !OutputFolder.isKept(path) {
            if (try? manager.removeItem(at: destination.appendingPathComponent(path))) != nil { removed += 1 }
        }
        if removed > 0 { FileListing.removeEmptyFolders(in: destination) }
        return Changes(written: written, unchanged: outcomes.count - written, removed: removed)
    }

    /// Whether a file at the top of the output is one the build leaves alone.
    static func isKept(_ path: String) -> Bool {
        path == markerName || keptNames.contains(path)
    }

    /// Ends a failed build: the output stays as it was.
    public func abort() {
        if updatesInPlace { removePending(olderThanThisBuild: false) } else { try? FileManager.default.removeItem(at: staging) }
    }

    /// Removes the files this build (or, with `olderThanThisBuild`, an interrupted earlier one) left under a temporary name.
    func removePending(olderThanThisBuild: Bool) {
        for path in FileListing.files(in: destination) {
            let pending = olderThanThisBuild ? path.contains(".cleiss-site-pending-") : path.hasSuffix(pendingSuffix)
            if pending { try? FileManager.default.removeItem(at: destination.appendingPathComponent(path)) }
        }
        FileListing.removeEmptyFolders(in: destination)
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
        return (updatesInPlace ? destination : staging).appendingPathComponent(relativePath)
    }
}
