import Foundation

/// A private folder laid out like a site's root, into which each fuzz input is written as a file:
/// the inputs then go through the same reading code as a real build (UTF-8 check, BOM, line ends).
/// It is emptied after each input, so that nothing is left behind by the many processes of a fuzz run.
struct FuzzWorkspace: Sendable {
    let root: URL

    /// The folder of this process under the temporary folder (`cleiss-fuzz-<name>-<pid>`), made on the first write.
    init(name: String) {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cleiss-fuzz-\(name)-\(getpid())")
    }

    /// Writes `data` at `path` (relative to the root), replacing what an earlier input left there.
    func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Removes the folder and all that was written into it.
    func clear() {
        try? FileManager.default.removeItem(at: root)
    }
}
