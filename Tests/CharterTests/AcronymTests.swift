import Testing
@testable import Charter

/// The acronym-expansion and all-caps rules on prose in the styles of real guidance: legal references,
/// developer guides, forms with placeholders, lists of file formats.
@Suite struct AcronymTests {
    func acronyms(_ body: String, language: String = "fr") throws -> [String] {
        try findings(body, language: language).rules(.acronymExpansion).map { "\($0.line):\($0.column) \($0.message)" }
    }

    func findings(_ body: String, language: String = "fr", spelling: [String: any SpellingChecking] = [:]) throws -> [Finding] {
        try checkPage(page(body, title: "Titre", description: "Une description."), language: language, file: "Content/\(language)/page.md",
                      spelling: spelling).findings
    }

    static func message(_ acronym: String) -> String { "“\(acronym)” is used before it is written out in full." }

    @Test func romanNumeralsAreNotAcronyms() throws {
        let body = """
            Au II de l'article 47, le titre IV renvoie au chapitre III du livre VI. Le titre LXV date de Louis XIV.

            Joignez votre CV et celui de la personne qui vous représente.

            """
        // "CV" is a valid numeral too (105), but with no numbered part or name before it, it stays an acronym.
        let foundBody = try acronyms(body)
        #expect(foundBody == ["7:15 " + Self.message("CV")])
    }

    @Test func placeholdersAndConformanceLevelsAreNotAcronyms() throws {
        let body = """
            Écrivez la date au format JJ/MM/AAAA, ou en toutes lettres : JJ mois AAAA. Le numéro prend la forme 2026-NNN-XX, où NNN est un numéro d'ordre et XXX la clé.

            Le site vise le niveau AA des règles, et le niveau AAA quand c'est possible. Le RGAA l'exige.

            """
        let foundBody = try acronyms(body)
        #expect(foundBody == ["7:81 " + Self.message("RGAA")])
    }

    @Test func standardsLegalActsAndNumbersAreNotAcronyms() throws {
        let body = """
            La norme EN 301 549, la norme ISO 27001, le RFC 6749 et la norme NF Z 42-013 s'appliquent.

            Indiquez le numéro de TVA sous la forme FR 12 345678901 : les lettres FR, puis la clé.

            La directive 2000/78/CE et le règlement (CE) n° 883/2004 comptent, comme le règlement (UE) 2016/679 et le formulaire SE 401-Q-102.

            Le fichier pèse au plus 10 MB. Les échanges passent par TLS 1.3, en HTTP/2 ou HTTP/1.1.

            """
        // A version number of one or two digits does not make a reference: TLS is still an acronym.
        let foundBody = try acronyms(body)
        #expect(foundBody == ["11:57 " + Self.message("TLS")])
    }

    @Test func lettersAndDigitsAreOneToken() throws {
        let body = """
            Une empreinte MD5, SHA256 ou SHA-256 se calcule vite, et 3DES ne convient pas non plus. Utilisez PBKDF2.

            Le salarié détaché garde le formulaire A1 ; le S1 et le E106 servent aux soins.

            """
        // Whole tokens in the messages; SHA-256 is SHA256 reported once; form names (one letter and digits) are codes.
        let foundBody = try acronyms(body)
        #expect(foundBody == [
            "5:15 " + Self.message("MD5"), "5:20 " + Self.message("SHA256"), "5:58 " + Self.message("3DES"), "5:98 " + Self.message("PBKDF2"),
        ])
    }

    @Test func anExpansionIsFoundByItsInitialsInTheSentence() throws {
        let french = """
            Demandez conseil à l'infirmier diplômé d'État « IDE » du service.

            Une attaque appelée cross-site request forgery ou CSRF vise les formulaires.

            L'avis du groupe Article 29 Working Party (Art. 29 WP) fait référence.

            La Caisse nationale d'assurance vieillesse, la CNAV, verse la retraite. La CNAV écrit ensuite.

            Utilisez PBKDF2, ou Password-Based Key Derivation Function 2, avec un sel.

            La caisse primaire vous répond. La CPAM de votre domicile gère le dossier.

            Testez avec un lecteur d'écran (NVDA sous Windows) et au clavier.

            Les trimestres de carrière validée dans chaque pays comptent aussi pour le CV.

            """
        // Written out in the sentence before it does not count: CPAM is reported. An acronym that opens a
        // parenthesis of other words is not being defined there: NVDA is reported. Two words far before a two-letter
        // acronym ("carrière validée") are not its expansion.
        let foundFrench = try acronyms(french)
        #expect(foundFrench == ["15:36 " + Self.message("CPAM"), "17:32 " + Self.message("NVDA"), "19:76 " + Self.message("CV")])
        let english = """
            Guard every form against CSRF, or cross-site request forgery, with a token.

            The agency (the DWP) pays. Ask the Department for Work and Pensions.

            """
        let foundEnglish = try acronyms(english, language: "en")
        #expect(foundEnglish == ["7:17 " + Self.message("DWP")])
    }

    @Test func aPageThatNeverWritesAnAcronymOutGetsItsFinding() throws {
        let body = "Envoyez la feuille de soins à votre CPAM. La CPAM vous rembourse sous une semaine.\n"
        let foundBody = try acronyms(body)
        #expect(foundBody == ["5:37 " + Self.message("CPAM")])
    }

    @Test func listsOfAcronymsAreNotShouts() throws {
        let body = """
            Le service accepte les fichiers structurés (CSV, XML, JSON, etc.) et les pièces (PDF, JPEG, PNG).

            | Type | Formats |
            | --- | --- |
            | Données | CSV/XML/JSON |
            | Images | PNG OU JPEG OU TIFF |
            | Textes | ODT ; DOCX ; RTF |

            ATTENTION CE FORMULAIRE EST OBLIGATOIRE.

            """
        let found = try findings(body)
        #expect(found.rules(.allCaps).positions == ["all-caps:13:1"])
        // The words of a list are acronyms: the first use of each is reported; those of a shout are not.
        #expect(found.rules(.acronymExpansion).map(\.message) == ["CSV", "XML", "JSON", "JPEG", "PNG", "TIFF", "ODT", "DOCX", "RTF"].map(Self.message))
        let english = "DO NOT SEND THE ORIGINAL. Send a copy as PDF, ODT, DOCX or RTF.\n"
        #expect(try findings(english, language: "en").rules(.allCaps).positions == ["all-caps:5:1"])
    }

    /// A dictionary: the words it knows in lowercase, nothing else.
    struct WordList: SpellingChecking {
        let words: Set<String>
        func isCorrect(_ word: String) -> Bool { words.contains(word) }
        func suggestions(for word: String, limit: Int) -> [String] { [] }
    }

    @Test func theDictionaryTellsAcronymsFromShoutedWords() throws {
        let dictionary = WordList(words: ["attention", "ce", "formulaire", "est", "obligatoire", "rest", "immédiatement", "le"])
        let body = """
            Le service expose une API REST JSON.

            ATTENTION CE FORMULAIRE EST OBLIGATOIRE.

            Prévenez IMMÉDIATEMENT le service.

            """
        #expect(try findings(body).rules(.allCaps).positions == ["all-caps:5:23", "all-caps:7:1"], "without a dictionary, no telling")
        let found = try findings(body, spelling: ["fr": dictionary])
        #expect(found.rules(.allCaps).positions == ["all-caps:7:1"])
        #expect(found.rules(.acronymExpansion).map(\.message) == ["API", "REST", "JSON"].map(Self.message))
    }
}
