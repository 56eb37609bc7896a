import Foundation

/// A private folder laid out like a site's root, into which each fuzz input is written as a file:
/// the inputs then go through the same reading code as a real build (UTF-8 check, BOM, line ends).
struct FuzzWorkspace: Sendable {
    let root: URL

    /// A new folder of this process under the temporary folder (`cleiss-fuzz-<name>-<pid>`).
    init(name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-fuzz-\(name)-\(getpid())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Writes `data` at `path` (relative to the root), replacing what an earlier input left there.
    func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }
}
