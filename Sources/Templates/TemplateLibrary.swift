/// The templates of a theme, parsed once; each template kind is then compiled against its schema.
public struct TemplateLibrary: Sendable {
    let templates: [String: ParsedTemplate]

    /// Parses every source (`name`: how partials refer to it, `file`: how errors name it, `text`), reporting
    /// every file's syntax error, not only the first.
    public init(sources: [(name: String, file: String, text: String)]) throws(TemplateErrors) {
        var templates: [String: ParsedTemplate] = [:]
        var errors: [TemplateError] = []
        for source in sources {
            do throws(TemplateError) {
                templates[source.name] = try ParsedTemplate(name: source.name, file: source.file, text: source.text)
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw TemplateErrors(errors) }
        self.templates = templates
    }

    public var names: [String] { templates.keys.sorted() }

    /// Compiles `name` and everything it includes against `catalog`; every unknown name, misused value,
    /// missing partial or include cycle is reported, each at its tag.
    public func compile(_ name: String, against catalog: SchemaCatalog) throws(TemplateErrors) -> CompiledTemplate {
        guard templates[name] != nil else {
            throw TemplateErrors([TemplateError(SourcePosition(file: name, line: 1, column: 1),
                                                "there is no template '\(name)'\(Suggestion.hint(for: name, among: templates.keys))")])
        }
        let compiler = Compiler(templates: templates, resolver: NameResolver(catalog: catalog))
        return try compiler.compile(root: name, rootScope: Scopes.Scope(id: 0, kind: .object(catalog.root.name)))
    }
}
