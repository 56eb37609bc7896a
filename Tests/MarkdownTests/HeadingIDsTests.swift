@testable import Markdown
import Testing

/// Repeated headings: the ids are those of trying `-2`, `-3`… from the start each time, now found
/// from the number where the last one of the same text stopped.
@Suite struct HeadingIDsTests {
    @Test func repeatedHeadingsAreNumberedInOrderAndSkipTakenIDs() {
        var ids = HeadingIDs(reserved: ["content"])
        let texts = ["A", "A", "A 3", "A", "A", "Content", "Content", "A 2", "A"]
        #expect(texts.map { ids.id(for: $0) } == ["a", "a-2", "a-3", "a-4", "a-5", "content-2", "content-3", "a-2-2", "a-6"])
    }

    @Test func tenThousandIdenticalHeadingsGetTenThousandIDs() {
        var ids = HeadingIDs()
        let all = (1...10_000).map { _ in ids.id(for: "Même titre") }
        #expect(all.first == "meme-titre")
        #expect(all.last == "meme-titre-10000")
        #expect(Set(all).count == 10_000)
    }
}
