import Diagnostics
import Foundation

/// Writes a build into a staging folder beside the output and swaps it in at the end.
///
/// A failed build leaves the previous output exactly as it was; nothing outside the output folder
/// and its staging sibling is ever written or removed, and a folder that cleiss-site did not make
/// is never replaced.
public final class OutputFolder: Sendable {
    /// Written into every output, so that a later build knows the folder is its own to replace.
    public static let markerName = ".cleiss-site-output"
    /// Files a person may keep in the output folder (Site/README.md is committed): carried into each new build.
    public static let keptNames = ["README.md", ".gitkeep"]

    public let destination: URL
    public let staging: URL

    /// Checks that `destination` may be replaced. `protected` are folders it must neither be, be inside, nor contain (the site's sources).
    public init(destination: URL, protected: [URL]) throws(DiagnosticsError) {
        let destination = destination.standardizedFileURL
        self.destination = destination
        let name = destination.lastPathComponent
        staging = destination.deletingLastPathComponent().appendingPathComponent(".\(name).building-\(ProcessInfo.processInfo.processIdentifier)")
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
        }
    }

    /// Creates an empty staging folder, after removing those that interrupted builds left behind
    /// (only folders carrying the marker, so that nothing else beside the output is touched).
    public func begin() throws(DiagnosticsError) {
        let manager = FileManager.default
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

    /// Writes `data` at `relativePath` inside the staging folder. Safe to call from several threads.
    public func write(_ data: Data, to relativePath: String) throws(DiagnosticsError) {
        let url = try stagedURL(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: relativePath), "cannot write the output file: \(error.localizedDescription)"))
        }
    }

    /// Copies a source file into the staging folder.
    public func copy(_ source: URL, to relativePath: String) throws(DiagnosticsError) {
        let url = try stagedURL(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: url)
        } catch {
            throw DiagnosticsError(.error(SourceLocation(file: source.path), "cannot copy to \(relativePath): \(error.localizedDescription)"))
        }
    }

    /// Swaps the staging folder in place of the output, keeping the person's README.md.
    public func commit() throws(DiagnosticsError) {
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
            abort()
            throw DiagnosticsError(.error(SourceLocation(file: destination.path), "cannot replace the output folder: \(error.localizedDescription)",
                                          hint: "check that nothing holds the folder open and that it can be written"))
        }
    }

    /// Removes the staging folder; the previous output stays as it was.
    public func abort() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// The staging URL of a relative output path, refusing any path that would leave the folder.
    func stagedURL(_ relativePath: String) throws(DiagnosticsError) -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !relativePath.hasPrefix("/"), !components.isEmpty,
              !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw DiagnosticsError(.error(SourceLocation(file: relativePath), "refusing to write '\(relativePath)', which is not a path inside the output folder",
                                          hint: "check the slug, alias or file name that produced it"))
        }
        return staging.appendingPathComponent(relativePath)
    }
}
