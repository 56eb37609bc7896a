import Foundation
import Support

/// A fingerprint of every page of the output folder, to tell how many pages a rebuild changed.
///
/// The full build rewrites every file, so file dates say nothing: the pages' bytes are compared.
/// Only hashes are kept between rebuilds, not the pages.
struct OutputSnapshot: Sendable {
    private(set) var pages: [String: Int] = [:]

    init() {}

    /// The HTML pages under `folder`.
    init(folder: URL) {
        for path in FileListing.files(in: folder) where ContentTypes.isHTML(path) {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
            // Hasher reads every byte (Data's own hash looks at a prefix only); its seed is fixed for the process.
            var hasher = Hasher()
            data.withUnsafeBytes { hasher.combine(bytes: $0) }
            pages[path] = hasher.finalize()
        }
    }

    /// The pages added, removed or changed since `previous`.
    func changedPages(since previous: OutputSnapshot) -> Int {
        let removed = previous.pages.keys.count { pages[$0] == nil }
        return removed + pages.count { previous.pages[$0.key] != $0.value }
    }
}
