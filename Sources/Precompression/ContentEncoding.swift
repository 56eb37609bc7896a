import Foundation

/// The encodings of the precompressed twins that a web server sends instead of a file, when the
/// browser accepts them (nginx's `gzip_static` and `brotli_static` look for `name.gz` and `name.br`).
public enum ContentEncoding: String, CaseIterable, Sendable {
    case gzip
    case brotli

    /// What a twin's name adds to the name of the file it compresses.
    public var fileSuffix: String {
        switch self {
        case .gzip: ".gz"
        case .brotli: ".br"
        }
    }

    /// `data` compressed at this encoding's highest level, the same bytes on every run; nil if the library failed.
    public func compress(_ data: Data) -> Data? {
        switch self {
        case .gzip: Gzip.compress(data)
        case .brotli: Brotli.compress(data)
        }
    }

    /// The kinds of file that get twins: text, which compresses well and which browsers ask for
    /// compressed. Images other than SVG and PDFs are compressed already.
    public static let compressedExtensions: Set<String> = ["html", "css", "js", "xml", "json", "svg", "txt"]

    /// Whether the file at `path` (of the output) is of a kind that gets twins.
    public static func hasTwins(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return compressedExtensions.contains(path[path.index(after: dot)...].lowercased())
    }
}
