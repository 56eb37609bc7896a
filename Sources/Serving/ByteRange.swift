/// The part of a file a `Range` header asks for (RFC 9110 §14): one range of bytes, as video and
/// audio players ask; several ranges, or a header not understood, get the whole file as servers may.
enum ByteRange: Equatable {
    case whole
    case part(Range<Int>)
    /// A range that starts past the end: 416.
    case unsatisfiable

    init(header: String?, size: Int) {
        guard let header, header.hasPrefix("bytes="), !header.contains(",") else {
            self = .whole
            return
        }
        let bounds = header.dropFirst("bytes=".count).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard bounds.count == 2 else {
            self = .whole
            return
        }
        switch (Int(bounds[0]), Int(bounds[1])) {
        case (nil, let suffix?) where bounds[0].isEmpty && suffix > 0:
            // `bytes=-500`: the last 500 bytes.
            self = size == 0 ? .unsatisfiable : .part(Swift.max(0, size - suffix)..<size)
        case (let first?, nil) where bounds[1].isEmpty && first >= 0:
            self = first < size ? .part(first..<size) : .unsatisfiable
        case (let first?, let last?) where first >= 0 && last >= first:
            self = first < size ? .part(first..<(last >= size - 1 ? size : last + 1)) : .unsatisfiable
        default:
            self = .whole
        }
    }
}
