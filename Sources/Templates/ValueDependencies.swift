/// What a compiled template's output depends on: its program, and the values it reads. Two renders of
/// one template give the same bytes when their values agree on every field it reads, so a page's
/// fingerprint is made of those fields alone: a value the theme does not show changes no page, and a
/// value it starts to show is in the fingerprint without anyone listing it.
struct ValueDependencies: Sendable {
    /// For each schema of the catalog, by index: the fields read, with their kinds.
    let fields: [[(index: Int, kind: ValueKind)]]
    let schemaIndex: [String: Int]
    let rootKind: ValueKind
    /// Of the template's program (instructions and text): the same values through another program give other bytes.
    let program: Int

    init(valuesRead: Set<String>, catalog: SchemaCatalog, instructions: [Instruction], entries: [Int], pool: [UInt8]) {
        var hasher = Hasher()
        hasher.combine(instructions)
        hasher.combine(entries)
        hasher.combine(pool)
        program = hasher.finalize()
        fields = catalog.schemas.map { schema in
            schema.fields.enumerated().compactMap { index, field in valuesRead.contains("\(schema.name).\(field.name)") ? (index, field.kind) : nil }
        }
        schemaIndex = catalog.indexByName
        rootKind = .object(catalog.root.name)
    }

    /// Feeds the parts of `value` that are read into `hasher`, without recursion. Presence, list lengths
    /// and texts are all read (a section shows or repeats by them); unread fields are skipped.
    func hash(_ value: TemplateValue, into hasher: inout Hasher) {
        var pending: [(value: TemplateValue, kind: ValueKind)] = [(value, rootKind)]
        while let (value, kind) = pending.popLast() {
            switch (kind, value) {
            case (.optional, .absent):
                hasher.combine(0 as UInt8)
            case (.optional(let inner), _):
                hasher.combine(1 as UInt8)
                pending.append((value, inner))
            case (.text, .text(let text)), (.html, .html(let text)):
                hasher.combine(text)
            case (.flag, .flag(let flag)):
                hasher.combine(flag)
            case (.list(let element), .list(let elements)):
                hasher.combine(elements.count)
                pending += elements.reversed().map { ($0, element) }
            case (.object(let name), .object(let entries)):
                guard let schema = schemaIndex[name] else { fallthrough }
                for (index, kind) in fields[schema].reversed() where index < entries.count { pending.append((entries[index], kind)) }
            default:
                // A value that does not match its schema renders as nothing; hash it whole all the same.
                hasher.combine(value)
            }
        }
    }
}

extension CompiledTemplate {
    /// A fingerprint of the bytes `render` gives for `value` (within this process): the program, and
    /// the values it reads (see `ValueDependencies`).
    public func fingerprint(of value: TemplateValue) -> Int {
        var hasher = Hasher()
        hasher.combine(dependencies.program)
        dependencies.hash(value, into: &hasher)
        return hasher.finalize()
    }
}
