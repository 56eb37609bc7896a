import Testing
@testable import Spelling

@Suite("Thread safety")
struct ConcurrencyTests {
    /// 500 distinct tokens: correct words, their capitalised and elided forms, and misspellings of them.
    static func fiveHundredWords() -> [String] {
        let base = tokens("""
            assurance maladie retraite invalidité travailleur détaché frontalier salarié indépendant fonctionnaire \
            pension cotisation prestation remboursement formulaire attestation convention règlement européen \
            international législation affiliation employeur organisme caisse régime sécurité sociale famille \
            enfant chômage accident maternité paternité décès soins hôpital médecin pharmacie séjour résidence \
            étranger départ retour carrière durée période activité mission contrat déclaration demande droit \
            information contact adresse courrier service public administration État France Europe pays accord
            """)
        var words: [String] = []
        var seen = Set<String>()
        func add(_ word: String) { if seen.insert(word).inserted { words.append(word) } }
        for word in base {
            add(word)
            add(word.prefix(1).uppercased() + word.dropFirst())
            add("l'" + word)
            add("d’" + word)
            add(String(word.dropLast()))                            // often a misspelling
            add(String(word.dropFirst()))                           // idem
            add(word + word.suffix(1))                              // doubled last letter
            add(String(word.reversed()))                            // nonsense
            add(word + "-" + base[(base.firstIndex(of: word)! + 1) % base.count])
        }
        precondition(words.count >= 500)
        return Array(words.prefix(500))
    }

    @Test func concurrentCheckingGivesTheSequentialAnswers() async throws {
        let words = Self.fiveHundredWords()
        let sequentialChecker = try SpellChecker(language: "fr")
        let sequential = words.map(sequentialChecker.isCorrect)
        #expect(sequential.contains(true) && sequential.contains(false))

        // A fresh checker: empty cache, so the 8 tasks really call hunspell at the same time.
        let checker = try SpellChecker(language: "fr")
        let results = await withTaskGroup(of: [Bool].self) { group in
            for task in 0..<8 {
                group.addTask {
                    // Each task walks the words from a different place, so that they collide on misses.
                    let offset = task * 61 % words.count
                    var answers = [Bool](repeating: false, count: words.count)
                    for step in 0..<words.count {
                        let index = (offset + step) % words.count
                        answers[index] = checker.isCorrect(words[index])
                    }
                    return answers
                }
            }
            var all: [[Bool]] = []
            for await answers in group { all.append(answers) }
            return all
        }
        #expect(results.count == 8)
        for answers in results { #expect(answers == sequential) }
    }

    /// Whole lists are compared: the suggestions come from the word index, with no time limit (hunspell's
    /// own search, used before, stopped after a budget of the process's CPU time, so its lists varied).
    @Test func concurrentSuggestionsGiveTheSequentialAnswers() async throws {
        let words = ["sécurite", "socaile", "travaill", "l'étrangre", "cotisaton", "retraitte", "penssion", "maladei"]
        let sequentialChecker = try SpellChecker(language: "fr")
        let sequential = words.map { sequentialChecker.suggestions(for: $0) }
        let checker = try SpellChecker(language: "fr")
        let results = await withTaskGroup(of: (Int, [String]).self) { group in
            for task in 0..<8 {
                group.addTask { (task, checker.suggestions(for: words[task])) }
            }
            var all: [(Int, [String])] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        for (index, suggestions) in results {
            #expect(!suggestions.isEmpty && suggestions == sequential[index], "\(words[index])")
        }
    }
}
