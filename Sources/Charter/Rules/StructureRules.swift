import ContentLoading
/// `heading-order`: a skipped level, an h1 in the body (the title is the h1), an empty heading.
struct HeadingOrderRule: CharterRule {
    let id = RuleID.headingOrder

    func check(_ page: PageAnalysis) -> [Finding] {
        var findings: [Finding] = []
        var previous = 1
        for block in page.document.blocks {
            guard case .heading(let level) = block.kind else { continue }
            let finding: Finding?
            if Tokenizer.words(in: block.text.scalars).isEmpty {
                finding = page.finding(id, at: block.start, "This heading is empty.", suggestion: "Give it a few words or remove it.")
            } else if level == 1 {
                finding = page.finding(id, at: block.start, "A level-1 heading in the body: the page title is the only h1.",
                                       suggestion: "Start the body's headings at ## (level 2).")
            } else if level > previous + 1 {
                finding = page.finding(id, at: block.start, "This heading skips from level \(previous) to level \(level).",
                                       suggestion: "Use a level-\(previous + 1) heading (\(String(repeating: "#", count: previous + 1))).")
            } else {
                finding = nil
            }
            if let finding { findings.append(finding) }
            previous = level
        }
        return findings
    }
}

/// `image-alt`: an image without alternative text, unless its title marks it "decorative".
struct ImageAltRule: CharterRule {
    let id = RuleID.imageAlt
    static let decorativeTitle = "decorative"

    func check(_ page: PageAnalysis) -> [Finding] {
        page.document.images.compactMap { image in
            guard image.alt.trimmingCharacters(in: .whitespaces).isEmpty, image.title.lowercased() != ImageAltRule.decorativeTitle else { return nil }
            return page.finding(id, at: image.start, "This image has no alternative text.",
                                suggestion: "Describe what it shows: ![description](file.png), or mark it ![](file.png \"decorative\") if it only decorates.")
        }
    }
}

/// `front-matter`: a missing or too long description, a too long title.
struct FrontMatterRule: CharterRule {
    let id = RuleID.frontMatter

    func check(_ page: PageAnalysis) -> [Finding] {
        let front = page.frontMatter
        let first = SourcePoint(line: 1, column: 1)
        func point(_ key: String) -> SourcePoint {
            front.location(of: key).map { SourcePoint(line: $0.line ?? 1, column: $0.column ?? 1) } ?? first
        }
        var findings: [Finding?] = []
        if front.title.count > page.settings.titleMax {
            findings.append(page.finding(id, at: point("title"), "The title has \(front.title.count) characters (at most \(page.settings.titleMax)).",
                                         suggestion: "Shorten it: search results and browser tabs cut long titles."))
        }
        // What `trimmingCharacters(in: .whitespaces).isEmpty` says, without trimming (it stops at the first letter).
        if front.description.unicodeScalars.allSatisfy({ CharacterSet.whitespaces.contains($0) }) {
            findings.append(page.finding(id, at: point("description"), "The description is missing.",
                                         suggestion: "Add 'description:' with one sentence that says what the page is for."))
        } else if DescriptionPlaceholder.isPlaceholder(front.description) {
            findings.append(page.finding(id, at: point("description"), "The description is still the placeholder of `cleiss-site new`.",
                                         suggestion: "Write one sentence that says what the page is for."))
        } else if front.description.count > page.settings.descriptionMax {
            findings.append(page.finding(id, at: point("description"),
                                         "The description has \(front.description.count) characters (at most \(page.settings.descriptionMax)).",
                                         suggestion: "Shorten it: search results cut it after about \(page.settings.descriptionMax) characters."))
        }
        if !front.draft, let block = page.document.comments.first(where: { $0.text == TranslationInProgress.marker }) {
            findings.append(page.finding(id, at: block.start, "The page still holds the original text to translate, and it is not a draft.",
                                         suggestion: "Translate the text and delete the quoted block, or put back 'draft: true' until it is done.",
                                         severity: .error))
        }
        return findings.compactMap { $0 }
    }
}

import Foundation
