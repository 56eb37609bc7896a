/// Where a tag starts in a template file: 1-based line and column (columns count Unicode scalars).
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A mistake in a template, in the form editors jump to: `file:line:column: error: message`,
/// followed by notes (where a section was opened, what to write instead).
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public let position: SourcePosition
    public let message: String
    public let notes: [String]

    public init(_ position: SourcePosition, _ message: String, notes: [String] = []) {
        self.position = position
        self.message = message
        self.notes = notes
    }

    public var description: String {
        (["\(position): error: \(message)"] + notes.map { "  note: \($0)" }).joined(separator: "\n")
    }
}

/// Every mistake found while loading or compiling templates, in file and line order.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [TemplateError]

    public init(_ errors: [TemplateError]) {
        self.errors = errors.sorted { ($0.position.file, $0.position.line, $0.position.column) < ($1.position.file, $1.position.line, $1.position.column) }
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
