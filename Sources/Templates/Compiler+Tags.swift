/// Variables and sections: names resolved against the scopes, values checked against their use.
extension Compiler {
    func variable(_ tag: Tag) {
        guard let (reference, kind) = resolve(tag) else { return }
        let escaped = tag.kind == .variable
        switch kind.unwrapped {
        case .text where !escaped:
            errors.insert(TemplateError(tag.position, "'{{{\(tag.name)}}}' would write a text without escaping it",
                                        notes: ["write {{\(tag.name)}}: only HTML values are written unescaped"]))
        case .html where escaped:
            errors.insert(TemplateError(tag.position, "'{{\(tag.name)}}' would show HTML as text",
                                        notes: ["write {{{\(tag.name)}}}: '\(tag.name)' is HTML made by the build"]))
        case .text, .html:
            instructions.append(.value(reference, escaped: escaped))
        default:
            errors.insert(TemplateError(tag.position, "'\(tag.name)' is \(NameResolver.describe(kind)) and cannot be written",
                                        notes: ["use it as a section: {{#\(tag.name)}}…{{/\(tag.name)}}"]))
        }
    }

    /// Emits the section's opening (its end patched at its closing); nil when it is an error.
    func openSection(_ tag: Tag) -> OpenSection? {
        let inverted = tag.kind == .invertedSection
        if tag.name == "first()" || tag.name == "last()" {
            guard inSequence else {
                errors.insert(TemplateError(tag.position, "'\(tag.name)' is only known directly inside a list section",
                                            notes: ["partials, blocks and sections over objects start a new context"]))
                return nil
            }
            let mode: SectionMode = tag.name == "first()" ? (inverted ? .notFirst : .first) : (inverted ? .notLast : .last)
            return open(.top, mode)
        }
        guard let (reference, kind) = resolve(tag) else { return nil }
        let mode: SectionMode
        switch (kind, kind.unwrapped, inverted) {
        case (_, .flag, false): mode = .flag
        case (_, .list(let element), false):
            guard let scope = resolver.scope(for: element) else {
                errors.insert(TemplateError(tag.position, "'\(tag.name)' is a list of \(NameResolver.describe(element)), which a section cannot show"))
                return nil
            }
            let open = open(reference, .list(scope: scope.id))
            scopes.push(scope)
            inSequence = true
            return open
        case (.optional, _, false), (.object, _, false):
            let scope = resolver.scope(for: kind)!
            let open = open(reference, .push(scope: scope.id))
            scopes.push(scope)
            inSequence = false
            return open
        case (.optional, _, true), (_, .flag, true), (_, .list, true):
            mode = .inverted
            if case .list = kind.unwrapped { inSequence = false }
        default:
            errors.insert(TemplateError(tag.position, "'\(tag.name)' is \(NameResolver.describe(kind)), which is always there: \(inverted ? "this inverted section would never show" : "a section needs a flag, a list or a value that may be absent")",
                                        notes: ["make it optional in the page model, or test a flag"]))
            return nil
        }
        return open(reference, mode)
    }

    func open(_ reference: Reference, _ mode: SectionMode) -> OpenSection {
        let open = OpenSection(instruction: instructions.count, mode: mode, scopes: scopes, inSequence: inSequence)
        instructions.append(.open(reference, mode, end: -1))
        return open
    }

    func patched(_ instruction: Instruction, end: Int) -> Instruction {
        guard case .open(let reference, let mode, _) = instruction else { return instruction }
        return .open(reference, mode, end: end)
    }

    func resolve(_ tag: Tag) -> (Reference, ValueKind)? {
        switch resolver.resolve(tag.name, in: scopes, at: tag.position, read: { valuesRead.insert($0) }) {
        case .success(let resolved): return resolved
        case .failure(let error):
            errors.insert(error)
            return nil
        }
    }
}
