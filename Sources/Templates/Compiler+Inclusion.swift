/// Partials, parents and blocks: procedures per context, block overrides, include cycles.
extension Compiler {
    func include(_ tag: Tag, overrides: Int, request: Request) {
        guard templates[tag.name] != nil else {
            errors.insert(TemplateError(tag.position, "unknown \(tag.kind == .parent ? "parent" : "partial") '\(tag.name)'\(Suggestion.hint(for: tag.name, among: templates.keys))",
                                        notes: ["create the file \(tag.name).mustache beside the others, or fix the name"]))
            return
        }
        let chain = request.chain + [tag.name]
        guard chain.count <= Self.maximumInclusionDepth else {
            let cycleStart = chain.dropLast().lastIndex(of: tag.name) ?? 0
            errors.insert(TemplateError(tag.position, "templates include each other without end: \(chain[cycleStart...].joined(separator: " → "))",
                                        notes: ["break the cycle, or make the inclusion depend on a section over data"]))
            return
        }
        if !tag.standalone { indentAtLineStart() }
        let indentation = tag.standalone ? request.indentation + tag.indentation : ""
        let id = procedure(for: Request(template: tag.name, scopes: scopes, overrides: overrides, indentation: indentation, chain: chain))
        instructions.append(.call(procedure: id))
        if sectionDepth == 0 { unconditionalCalls[currentProcedure, default: []].append((id, tag)) }
    }

    /// A procedure that always calls itself, through others or directly, would render without end.
    func reportUnconditionalCycles() {
        var reported: Set<Set<Int>> = []
        for start in unconditionalCalls.keys.sorted() {
            // Breadth-first over the calls that always happen, remembering how each procedure was reached.
            var reachedFrom: [Int: Int] = [:]
            var queue = [start]
            var next = 0
            search: while next < queue.count {
                let caller = queue[next]
                next += 1
                for (callee, _) in unconditionalCalls[caller] ?? [] {
                    if callee == start {
                        var cycle = [caller]
                        while let previous = reachedFrom[cycle[0]] { cycle.insert(previous, at: 0) }
                        guard reported.insert(Set(cycle)).inserted, let tag = unconditionalCalls[start]?.first(where: { $0.callee == (cycle.count > 1 ? cycle[1] : start) })?.tag else { break search }
                        let names = (cycle + [start]).map { procedureNames[$0] ?? "?" }
                        errors.insert(TemplateError(tag.position, "templates include each other without end: \(names.joined(separator: " → "))",
                                                    notes: ["put the inclusion inside a section over data that ends (a list of children)"]))
                        break search
                    }
                    if reachedFrom[callee] == nil, callee != start {
                        reachedFrom[callee] = caller
                        queue.append(callee)
                    }
                }
            }
        }
    }

    /// The blocks a parent tag overrides: those directly between its opening and closing tags.
    func blocks(in template: ParsedTemplate, from open: Int, to close: Int) -> [String: Override] {
        var blocks: [String: Override] = [:]
        var index = open + 1
        while index < close {
            if case .tag(let tag) = template.elements[index], let end = template.closings[index] {
                if tag.kind == .block, blocks[tag.name] == nil { blocks[tag.name] = Override(template: template.name, start: index, end: end) }
                index = end + 1
            } else {
                index += 1
            }
        }
        return blocks
    }

    /// The overrides in force inside a parent: those already in force win (the outermost template decides), then the parent tag's.
    func overrideSet(_ current: [String: Override], adding blocks: [String: Override]) -> Int {
        let merged = current.merging(blocks) { current, _ in current }
        let key = merged.map { "\($0.key)=\($0.value.template):\($0.value.start):\($0.value.end)" }.sorted().joined(separator: "|")
        if let id = overrideSetIDs[key] { return id }
        overrideSets.append(merged)
        overrideSetIDs[key] = overrideSets.count - 1
        return overrideSets.count - 1
    }
}
