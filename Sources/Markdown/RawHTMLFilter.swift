import Support

/// Rewrites the raw HTML of one page, piece by piece in document order, keeping what
/// `RawHTMLPolicy` allows and the text of the rest, and saying what it left out.
///
/// The output is written from what the parser read (names, decoded attribute values, text), never
/// copied from the source, so what was checked is what the browser gets: a character reference
/// the parser did not know stays text (`&amp;…`), it cannot turn into a `javascript:` link.
/// End tags are kept only when they close an element this filter let through, so the page's raw
/// HTML cannot close the theme's elements; what a paragraph opens is closed at its end, and what
/// blocks open is closed at the end of the page.
struct RawHTMLFilter {
    /// Something left out, `line` counted from 1 at the piece's first line.
    struct Problem: Equatable {
        var line: Int
        var message: String
        var hint: String
    }

    /// False when site.yml does not set `allowRawHTML`: no element is published, their text is.
    let allowsHTML: Bool
    /// Allowed elements opened by HTML blocks and still open, outermost first.
    private var openBlockElements: [String] = []
    /// Allowed elements opened by inline HTML of the current paragraph, heading or cell.
    private var openInlineElements: [String] = []
    /// An element left out with what it holds (`<script>`), opened and not closed yet: inline HTML
    /// comes tag by tag, so `<script>` and `</script>` of a paragraph are two pieces.
    private var skipped: (name: String, depth: Int)?
    /// The page's HTML went deeper than `RawHTMLPolicy.maximumDepth`, and was told so once.
    private var reportedDepth = false

    /// Whether the paragraph's text at this point is inside an element left out with its content.
    var isSkippingInline: Bool { skipped != nil }

    /// Ids the theme uses (`content`, `footer`…): an element of the page taking one would break its skip links.
    let reservedIDs: Set<String>

    init(allowsHTML: Bool, reservedIDs: Set<String> = []) {
        self.allowsHTML = allowsHTML
        self.reservedIDs = reservedIDs
    }

    /// The HTML to publish for one piece: a block of HTML, or one tag of a paragraph when `inline`.
    mutating func filter(_ fragment: String, inline: Bool) -> (html: String, problems: [Problem]) {
        // An element left out with its content in an earlier tag of the paragraph is reopened too,
        // so that the parser reads its end tag (`</script>` alone is an end tag of nothing).
        let reopened = openBlockElements + openInlineElements + (inline ? skipped.map { [$0.name] } ?? [] : [])
        let tokens = HTMLFragmentReader.tokens(of: fragment, inside: reopened)
        var html = ""
        var problems: [Problem] = []
        var textKeptFrom: [(name: String, line: Int)] = []
        // What a block leaves open is not carried over: the Markdown after it is published.
        defer { if !inline { skipped = nil } }
        for token in tokens {
            if let skipping = skipped {
                switch token {
                case .start(let name, _, _) where name == skipping.name: skipped = (name, skipping.depth + 1)
                case .end(let name) where name == skipping.name: skipped = skipping.depth == 1 ? nil : (name, skipping.depth - 1)
                default: break
                }
                continue
            }
            switch token {
            case .start(let name, let attributes, let line):
                if RawHTMLPolicy.elementsLeftOutWithTheirContent.contains(name) {
                    problems.append(Problem(line: line, message: "raw HTML <\(name)> is not published, nor what it holds",
                                            hint: RawHTMLPolicy.hint(forElement: name)))
                    skipped = (name, 1)
                } else if allowsHTML && RawHTMLPolicy.elements.contains(name)
                            && openBlockElements.count + openInlineElements.count >= RawHTMLPolicy.maximumDepth {
                    // Each piece reopens what is open: a bound keeps a page of 50,000 unclosed <div> linear.
                    if !reportedDepth {
                        reportedDepth = true
                        problems.append(Problem(line: line, message: "raw HTML nested more than \(RawHTMLPolicy.maximumDepth) elements deep: <\(name)> and the elements nested deeper are left out (their text is kept)",
                                                hint: "close the elements you open (</\(name)>), or write the content in Markdown"))
                    }
                } else if allowsHTML && RawHTMLPolicy.elements.contains(name) {
                    html += startTag(name, attributes, line: line, problems: &problems)
                    if !RawHTMLPolicy.voidElements.contains(name) {
                        if inline { openInlineElements.append(name) } else { openBlockElements.append(name) }
                    }
                } else if allowsHTML {
                    problems.append(Problem(line: line, message: "raw HTML <\(name)> is not published (its text is)",
                                            hint: RawHTMLPolicy.hint(forElement: name)))
                } else {
                    textKeptFrom.append((name, line))
                    // An image's text is its description.
                    if name == "img", let alt = attributes.first(where: { $0.name == "alt" }) { html += MarkupEscaping.text(alt.value) }
                }
            case .end(let name):
                html += close(name)
            case .text(let text):
                html += MarkupEscaping.text(text)
            case .rawText, .comment:
                // Comments are notes for editors; raw text only comes inside the skipped <script> and <style>.
                break
            }
        }
        if let first = textKeptFrom.first {
            let names = Array(Set(textKeptFrom.map { "<\($0.name)>" })).sorted().joined(separator: ", ")
            problems.append(Problem(line: first.line, message: "raw HTML is not published: \(names) left out, the text kept",
                                    hint: "write it in Markdown, or set 'allowRawHTML: true' in site.yml to publish the elements the README lists under 'Raw HTML'"))
        }
        if !allowsHTML && !inline && html.contains(where: { !$0.isWhitespace }) {
            html = "<p>" + html.trimmingWhitespace() + "</p>\n"
        }
        return (html, problems)
    }

    /// End tags for the elements the current paragraph's inline HTML left open.
    mutating func closeInlineElements() -> String {
        skipped = nil
        defer { openInlineElements = [] }
        return openInlineElements.reversed().map { "</\($0)>" }.joined()
    }

    /// End tags for the elements the page's HTML blocks left open.
    mutating func closeBlockElements() -> String {
        defer { openBlockElements = [] }
        return openBlockElements.reversed().map { "</\($0)>" }.joined()
    }

    /// The end tag of `name` and of the elements opened inside it, when this filter opened it; nothing otherwise.
    private mutating func close(_ name: String) -> String {
        if let index = openInlineElements.lastIndex(of: name) {
            defer { openInlineElements.removeSubrange(index...) }
            return openInlineElements[index...].reversed().map { "</\($0)>" }.joined()
        }
        guard let index = openBlockElements.lastIndex(of: name) else { return "" }
        let closed = closeInlineElements()
        defer { openBlockElements.removeSubrange(index...) }
        return closed + openBlockElements[index...].reversed().map { "</\($0)>" }.joined()
    }

    private func startTag(_ name: String, _ attributes: [HTMLToken.Attribute], line: Int, problems: inout [Problem]) -> String {
        var tag = "<" + name
        for attribute in attributes {
            guard RawHTMLPolicy.allows(attribute.name, on: name) else {
                problems.append(Problem(line: line, message: "the attribute \(attribute.name)= of raw HTML <\(name)> is not published",
                                        hint: RawHTMLPolicy.hint(forAttribute: attribute.name, on: name)))
                continue
            }
            var value = attribute.value
            if attribute.name == "id" && reservedIDs.contains(value) {
                problems.append(Problem(line: line, message: "the id '\(value)' of raw HTML <\(name)> is not published: the theme uses it",
                                        hint: "choose another id"))
                continue
            }
            if RawHTMLPolicy.urlAttributes.contains(attribute.name) {
                value = URLScheme.normalised(value)
                guard URLScheme.isAllowedInRawHTML(value) else {
                    problems.append(Problem(line: line, message: "the address '\(Self.shortened(value))' of raw HTML <\(name) \(attribute.name)> is not published",
                                            hint: "use an http:, https:, mailto: or tel: address, or a path relative to this page"))
                    continue
                }
            }
            tag += " \(attribute.name)=\"\(MarkupEscaping.attribute(value))\""
        }
        return tag + ">"
    }

    /// A URL short enough for a message, with its control characters shown.
    static func shortened(_ text: String) -> String {
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? "\u{FFFD}" : $0 }))
        return visible.count > 60 ? String(visible.prefix(57)) + "…" : visible
    }
}

extension String {
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
