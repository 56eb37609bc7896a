import Testing
@testable import Charter

/// Sentence ends around abbreviations of professional prose, both ways: an abbreviation that goes on with
/// its sentence, and a real end next to one.
@Suite struct SentenceSplittingTests {
    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Tokenizer.sentences(in: scalars).map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    /// One sentence each: the period belongs to an abbreviation.
    static let notEnds = [
        "Prof. Smith reviewed the guide.",
        "The deadline is Jan. 5 for every member.",
        "La réunion a lieu le 12 janv. 2024 à Paris.",
        "Le dossier arrive en févr. 2025 au plus tard.",
        "Versé en sept. 2023 puis en oct. 2023.",
        "Échéances : nov. 2024 et déc. 2024 pour les deux.",
        "Filed on Mar. 3, renewed on Apr. 4 and closed on Aug. 8.",
        "The office reopens on Sept. 1 and closes on Oct. 31.",
        "Meetings are held on Nov. 12 and Dec. 10.",
        "Le Pr Martin et le Prof. Durand ont signé.",
        "Dr. Jones and Dr Smith agree.",
        "He lives on St. Louis Street.",
        "See form No. 5 in the annex.",
        "Read vol. 3 of the report.",
        "Voir p. 12 du guide.",
        "See ch. 2 for the details.",
        "Selon l'art. L. 161-1 du code, vous êtes couvert.",
        "La Sté. Martin et la Cie. Dubois sont partenaires.",
        "Fondée en 52 av. J.-C. Lutèce était une ville gauloise.",
        "Le collecteur, c.-à-d. L’Urssaf, reçoit la somme.",
        "M. et Mme Dupont partent au Canada.",
        "The U.S. Government pays the pension.",
        "The office opens at 9 a.m. Monday to Friday.",
        "J. Smith signed the form.",
        "J. A. Smith signed the form.",
        "Ms. Smith and MM. Dupont et Martin ont signé.",
        "Smith et al. (2020) found the same.",
        "Par ex. La Poste accepte ce formulaire.",
    ]

    /// Two sentences each: a real end beside an abbreviation.
    static let ends: [(String, [String])] = [
        ("The office closed in Jan. Then it reopened.", ["The office closed in Jan.", "Then it reopened."]),
        ("Il en reste sept. Puis il n'en restera aucun.", ["Il en reste sept.", "Puis il n'en restera aucun."]),
        ("She moved to the U.S. The job was there.", ["She moved to the U.S.", "The job was there."]),
        ("We open at 9 a.m. We close at 5 p.m.", ["We open at 9 a.m.", "We close at 5 p.m."]),
        ("The answer is no. The form is wrong.", ["The answer is no.", "The form is wrong."]),
        ("Il a signalé le vol. Puis il est parti.", ["Il a signalé le vol.", "Puis il est parti."]),
        ("I like modern art. The museum is open.", ["I like modern art.", "The museum is open."]),
        ("Attendez 5 min. Puis recommencez.", ["Attendez 5 min.", "Puis recommencez."]),
        ("Vous partez en 52 av. J.-C. Puis vous revenez.", ["Vous partez en 52 av. J.-C.", "Puis vous revenez."]),
        ("Voir l'annexe B. L'employeur la remplit.", ["Voir l'annexe B.", "L'employeur la remplit."]),
        ("Ensuite, etc. Fin.", ["Ensuite, etc.", "Fin."]),
        ("Dupont et Cie. Ils livrent demain.", ["Dupont et Cie.", "Ils livrent demain."]),
        ("The study is by Smith et al. It is short.", ["The study is by Smith et al.", "It is short."]),
        ("Write to the Dept. We answer within a week.", ["Write to the Dept.", "We answer within a week."]),
        ("The request takes 200 ms. The cache answers faster.", ["The request takes 200 ms.", "The cache answers faster."]),
    ]

    @Test func abbreviationsGoOnWithTheirSentence() {
        for text in Self.notEnds {
            #expect(sentences(text) == [text])
        }
    }

    @Test func realEndsBesideAbbreviationsAreFound() {
        for (text, expected) in Self.ends {
            #expect(sentences(text) == expected)
        }
    }

    @Test func sentenceLengthCountsTheWholeSentenceAcrossAnAbbreviation() throws {
        // 20 words before "Prof." and 10 from it: one sentence of 30 words, over the limit of 25.
        let before = Array(repeating: "word", count: 19).joined(separator: " ")
        let text = page("The \(before) Prof. Smith said it in the guide of the office.\n")
        let (findings, _) = try checkPage(text, language: "en", file: "Content/en/page.md")
        #expect(findings.rules(.sentenceLength).map(\.message) == ["This sentence has 30 words (at most 25)."])
    }
}
