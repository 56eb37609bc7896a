import Foundation
import Testing
@testable import Serving

@Suite struct FindingPassageTests {
    let body = """
    Un premier paragraphe.

    Lisez la [fiche **détachement**](detachement.md) afin de
    préparer votre départ. Une autre phrase.

    - afin de voir
    """

    @Test func thePassageRunsToTheEndOfTheSentenceWithoutTheMarkdown() throws {
        // Line 12 of the file is the body's line 3 when the body starts at line 10.
        let passage = try #require(FindingPassage(body: body, firstLine: 10, line: 12, column: 1, subject: nil))
        #expect(passage.text == "Lisez la fiche détachement afin de préparer votre départ.")
        #expect(passage.marked == passage.text.count)
    }

    @Test func aSubjectIsMarkedAndTheSameWordsLaterAreCounted() throws {
        let first = try #require(FindingPassage(body: body, firstLine: 10, line: 12, column: 50, subject: "afin de"))
        #expect(first.text == "afin de préparer votre départ.")
        #expect(first.marked == 7)
        let item = try #require(FindingPassage(body: "afin de voir.\n\n- afin de voir.", firstLine: 1, line: 3, column: 3, subject: "afin de"))
        #expect(item.text == "afin de voir.")
        #expect((item.occurrences, item.occurrence) == (2, 1))
    }

    @Test func aFindingOutsideTheBodyHasNoPassage() {
        #expect(FindingPassage(body: body, firstLine: 10, line: 2, column: 1, subject: nil) == nil)
        #expect(FindingPassage(body: body, firstLine: 10, line: 99, column: 1, subject: nil) == nil)
    }

    @Test func theFindingsOfAPageAreServedWithTheirEditorLink() throws {
        let json = String(decoding: PageFindings().json(forPage: "/fr/x/"), as: UTF8.self)
        #expect(json == #"{"findings":[],"page":"/fr/x/"}"#)
        #expect(PageFindings.quotedPhrase("“afin de” has a plainer equivalent.") == "afin de")
        #expect(PageFindings.quotedPhrase("This sentence has 41 words.") == nil)
    }
}
