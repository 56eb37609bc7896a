import Foundation

/// JSON the way every report of the tool writes it: keys sorted, indented, slashes as they are, and a final
/// newline, so that the same value gives the same bytes.
public enum JSONText {
    /// `fallback` is what a value that cannot be encoded gives; values of texts, numbers and lists never do.
    public static func pretty(_ value: some Encodable, orElse fallback: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? fallback) + "\n"
    }
}
