import ContentLoading

/// One page, parsed, with its sentences, ready for every rule.
public struct PageAnalysis: Sendable {
    public let document: PageDocument
    public let frontMatter: FrontMatter
    public let settings: CharterSettings
    /// The sentences of each block of `document.blocks`, same order.
    public let sentences: [[TextSpan]]
    /// The words of each block, computed once for every rule.
    public let words: [[TextSpan]]
    /// The tokens in capitals of each block, for the all-caps and acronym rules.
    let capitalTokens: [[CapitalToken]]
    /// The indices of the prose blocks: all but headings, which are labels, not sentences.
    let proseIndices: [Int]

    public var language: String { document.language }
    public var file: String { document.file }

    public init(document: PageDocument, frontMatter: FrontMatter, settings: CharterSettings) {
        self.document = document
        self.frontMatter = frontMatter
        self.settings = settings
        sentences = document.blocks.map { Tokenizer.sentences(in: $0.text.scalars) }
        let words = document.blocks.map { Tokenizer.words(in: $0.text.scalars) }
        self.words = words
        capitalTokens = zip(document.blocks, words).map { Capitals.tokens(in: $0.text.scalars, words: $1) }
        proseIndices = document.blocks.indices.filter { index in
            if case .heading = document.blocks[index].kind { return false }
            return true
        }
    }

    /// How many of `words` start inside `span` (both sorted by position).
    static func count(_ words: [TextSpan], in span: TextSpan) -> Int {
        var low = 0, high = words.count
        while low < high { let middle = (low + high) / 2; if words[middle].start < span.start { low = middle + 1 } else { high = middle } }
        var index = low
        while index < words.count && words[index].start < span.end { index += 1 }
        return index - low
    }

    /// A finding at a point of the page, with the rule's configured severity; nil when the rule is off.
    func finding(_ rule: RuleID, at point: SourcePoint, _ message: String, suggestion: String? = nil,
                 severity: FindingSeverity? = nil, fix: TextFix? = nil) -> Finding? {
        guard let configured = settings.severity(of: rule) else { return nil }
        return Finding(file: file, at: point, rule: rule, severity: severity ?? configured, message: message, suggestion: suggestion, fix: fix)
    }

    /// The prose blocks, without headings (which are labels, not sentences).
    var proseBlocks: [(block: ProseBlock, sentences: [TextSpan], words: [TextSpan])] {
        proseIndices.map { (document.blocks[$0], sentences[$0], words[$0]) }
    }
}

/// A rule of the charter: reads a page, returns what departs from it.
protocol CharterRule: Sendable {
    var id: RuleID { get }
    func check(_ page: PageAnalysis) -> [Finding]
}
