import Foundation

/// The list of the files a build wrote into the output, kept in the marker file (which publishing
/// leaves out, see Deploy/publish.sh; a marker of an older version is empty): the next build
/// removes only the files of this list that it no longer produces. A file that is not on it was
/// put there by someone else (an upload, a verification file): it is reported, never removed.
///
/// JSON, sorted: file names may hold any character but `/`, a line break too; the same files give the same bytes.
enum OutputManifest {
    static let fileName = OutputFolder.markerName

    /// The files of the manifest in `folder`; nil when there is none (an output of an older version).
    static func read(in folder: URL) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let files = try? JSONDecoder().decode([String].self, from: data) else { return nil }
        return Set(files)
    }

    static func encoded(_ files: Set<String>) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(files.sorted())) ?? Data("[]".utf8)) + Data("\n".utf8)
    }
}
