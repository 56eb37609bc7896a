import Foundation
import Syllables
import Testing

/// The checker counts pages in parallel with one counter per language.
@Suite struct ConcurrencyTests {
    @Test(arguments: ["fr", "en"])
    func concurrentCountsMatchSequentialOnes(_ language: String) async throws {
        let words = Reference.shared.texts(in: language).flatMap { $0.wordsDetail.map(\.word) }
        let sequential = try SyllableCounter(language: language)
        let expected = words.map { sequential.syllables(in: $0) }

        // A fresh counter, so that the tasks hyphenate at the same time instead of reading the cache;
        // each task starts at a different place in the list.
        let shared = try SyllableCounter(language: language)
        let results = await withTaskGroup(of: (Int, [Int]).self) { group in
            for task in 0..<8 {
                group.addTask {
                    let offset = task * words.count / 8
                    var counts = [Int](repeating: -1, count: words.count)
                    for step in 0..<words.count {
                        let index = (offset + step) % words.count
                        counts[index] = shared.syllables(in: words[index])
                    }
                    return (task, counts)
                }
            }
            var all: [(Int, [Int])] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        for (task, counts) in results {
            #expect(counts == expected, "task \(task)")
        }
    }
}
