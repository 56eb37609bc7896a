/// Where a compiled name is read at render time: the innermost frame of the context stack whose scope
/// is `scope` (a schema's index, or a scalar scope), then `path`, field indices through objects.
struct Reference: Sendable, Hashable {
    var scope: Int32
    var path: [Int32]

    /// `{{.}}`: the innermost frame itself.
    static let top = Reference(scope: topScope, path: [])
    static let topScope: Int32 = -1
    static let textScope: Int32 = -2
    static let htmlScope: Int32 = -3
}

/// How a section treats its value; decided at compile time from the schema, so rendering never asks.
enum SectionMode: Sendable, Hashable {
    /// Repeats per element, each pushed as a frame of `scope`.
    case list(scope: Int32)
    /// Shows when the flag is true.
    case flag
    /// Shows once when the value is present, pushed as a frame of `scope`.
    case push(scope: Int32)
    /// Shows when the value is false, empty or absent.
    case inverted
    /// `{{#first()}}`, `{{#last()}}` and their inverted forms, about the innermost list being repeated.
    case first, last, notFirst, notLast
}

enum Instruction: Sendable, Hashable {
    /// Bytes of the template, a range of the program's byte pool.
    case text(start: Int, end: Int)
    case value(Reference, escaped: Bool)
    /// `end`: the index of the matching `close`.
    case open(Reference, SectionMode, end: Int)
    /// `start`: the index of the matching `open`.
    case close(SectionMode, start: Int)
    /// Runs a partial or parent, compiled once for its context as a procedure.
    case call(procedure: Int)
    case ret
}
