import Foundation
import Precompression
import Support

/// Pagefind's bundle made byte-stable. Pagefind 1.5 writes the values of each filter in the order of
/// a hash map seeded at random (upstream issue #638): the filter files, their names, the metadata
/// file that names them, and the entry file that names it all change from one run to the next over
/// the same pages. Here each filter's values are sorted, and the files whose bytes that changes are
/// named anew from their content, so that the same pages always give the same bundle.
///
/// The files are gzip members holding `pagefind_dcd` and one CBOR item. A filter file holds
/// `[filter name, [[value, [page numbers…]]…]]`; the metadata file names each filter file by its
/// stem (`fr_8d3169e`); the entry file (JSON) names the metadata file's (`fr_9ee3bd35d8`). Anything
/// else, or a format this does not recognise, leaves the bundle as Pagefind wrote it.
enum StableBundle {
    static let signature = Array("pagefind_dcd".utf8)

    static func stabilized(_ files: [(path: String, data: Data)]) -> [(path: String, data: Data)] {
        var renames: [(old: String, new: String)] = []
        var result: [(path: String, data: Data)] = []
        var rewritten: Set<String> = []
        // Filters first: the metadata names them.
        for file in files where file.path.hasPrefix("filter/") && file.path.hasSuffix(".pf_filter") {
            guard let content = payload(file.data), case .array(let parts) = CBOR.decode(content), parts.count == 2,
                  case .array(let values) = parts[1] else { return files }
            let sorted = values.sorted { sortKey($0).lexicographicallyPrecedes(sortKey($1)) }
            guard let renamed = rewrite(file.path, payload: signature + CBOR.array([parts[0], .array(sorted)]).encoded) else { return files }
            renames.append(renamed.rename)
            result.append(renamed.file)
            rewritten.insert(file.path)
        }
        for file in files where file.path.hasPrefix("pagefind.") && file.path.hasSuffix(".pf_meta") {
            guard var content = payload(file.data) else { return files }
            for rename in renames { content = replacing(Array(rename.old.utf8), with: Array(rename.new.utf8), in: content) }
            guard let renamed = rewrite(file.path, payload: signature + content) else { return files }
            renames.append(renamed.rename)
            result.append(renamed.file)
            rewritten.insert(file.path)
        }
        for file in files where !rewritten.contains(file.path) {
            guard file.path == Pagefind.entryFile else {
                result.append(file)
                continue
            }
            var text = String(decoding: file.data, as: UTF8.self)
            for rename in renames { text = text.replacingOccurrences(of: "\"\(rename.old)\"", with: "\"\(rename.new)\"") }
            result.append((file.path, Pagefind.sortedJSON(Data(text.utf8))))
        }
        return result.sorted { $0.path < $1.path }
    }

    /// A filter value's entry `[value, pages]` sorts by its value's bytes.
    private static func sortKey(_ entry: CBOR) -> [UInt8] {
        if case .array(let pair) = entry, let first = pair.first, case .text(let value) = first { return value }
        return []
    }

    /// The CBOR after the signature, from a gzip member.
    private static func payload(_ data: Data) -> [UInt8]? {
        guard let content = Gzip.decompress(data).map(Array.init), content.starts(with: signature) else { return nil }
        return Array(content.dropFirst(signature.count))
    }

    /// `path` with its new content: the stem keeps its language and the length of its hash, which
    /// becomes the start of the SHA-256 of the content (`filter/fr_8d3169e.pf_filter` → `filter/fr_1c0a2b4.pf_filter`).
    private static func rewrite(_ path: String, payload: [UInt8]) -> (file: (path: String, data: Data), rename: (old: String, new: String))? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").dropFirst(name.hasPrefix("pagefind.") ? 1 : 0).first.map(String.init) ?? ""
        guard let underscore = stem.lastIndex(of: "_"), let data = Gzip.compress(Data(payload)) else { return nil }
        let hashLength = stem.distance(from: underscore, to: stem.endIndex) - 1
        let newStem = stem[...underscore] + Digest.sha256(Data(payload)).prefix(hashLength)
        return ((path.replacingOccurrences(of: stem, with: newStem), data), (stem, String(newStem)))
    }

    private static func replacing(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !old.isEmpty, old != new else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == old[0], index + old.count <= bytes.count, bytes[index..<index + old.count].elementsEqual(old) {
                result += new
                index += old.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
