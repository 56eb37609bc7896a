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

    @Test func surnamesInCapitalsAfterACivilityOrAFirstNameAreNotAcronyms() throws {
        let body = """
            **Présent·es** : Mme Sophie GARNIER, directrice ; M. ROUX, Mme Claire DE SOUSA ; M. Paul VIDAL, DDEN.

            Mme GARNIER (DRH) ouvre la séance. La Caisse CPAM répond, et Anaïs CARON aussi, comme le Service ACOSS.

            """
        // "DDEN" after a comma is no surname; "Caisse CPAM" (same initial) is a name and its acronym, not a person, and
        // "le Service ACOSS" a thing (a determiner before it).
        let found = try acronyms(body)
        #expect(found == ["5:97 " + Self.message("DDEN"), "7:13 " + Self.message("DRH"), "7:46 " + Self.message("CPAM"), "7:98 " + Self.message("ACOSS")])
    }

    @Test func postcodesAndCodesWithAHyphenAreNotAcronyms() throws {
        let body = """
            Write to Pensions Team, PO Box 44, Norwich NR1 3DQ, or visit Civic Hall, LS1 1UR.

            Use form RH-12 or the station code BRS-04. Hashes in SHA-256 and the COVID-19 rules are acronyms; so is 2FA.

            """
        let found = try acronyms(body, language: "en")
        #expect(found == ["5:25 " + Self.message("PO"), "7:54 " + Self.message("SHA-256"), "7:70 " + Self.message("COVID-19"),
                          "7:105 " + Self.message("2FA")])
    }

    @Test func aNameBeforeAnAcronymInParenthesesIsNotItsExpansion() throws {
        let body = """
            In attendance: Karen Webb (CEO), Sam Patel (minutes), the Harrowfield District Council (HDC), the NonVisual Desktop Access (NVDA).

            | Column | Meaning |
            | --- | --- |
            | pm10 | particles (PM10), in µg/m³ |
            | no2 | dioxide (PM25) |

            """
        // One word before "(ACR)" is its meaning when it starts with the acronym's first letter.
        let found = try acronyms(body, language: "en")
        #expect(found == ["5:27 " + Self.message("CEO"), "10:17 " + Self.message("PM25")])
        // With a dictionary that does not know "Karen", "CEO" in parentheses is still no surname.
        let dictionary = WordList(words: ["in", "attendance", "minutes", "the", "district", "council", "column", "meaning", "particles", "in", "dioxide"])
        let foundWithDictionary = try findings(body, language: "en", spelling: ["en": dictionary]).rules(.acronymExpansion).map { "\($0.line):\($0.column)" }
        #expect(foundWithDictionary == ["5:27", "10:17"])
    }

    @Test func anAcronymDefinedAtTheStartOfAnEntryIsExpanded() throws {
        let body = """
            - **PACS** : pacte civil de solidarité. Il se conclut à la mairie.
            - **SIRET** – système d'identification du répertoire des établissements.

            | Sigle | Sens |
            | --- | --- |
            | NIR = numéro d'inscription au répertoire | sécurité sociale |

            ## RGPD : vos droits

            Le PACS, le SIRET, le NIR et le RGPD sont cités.

            """
        // A heading is a label, not a definition: RGPD is reported there.
        let found = try acronyms(body)
        #expect(found == ["12:4 " + Self.message("RGPD")])
    }

    @Test func aNumberLabelIsStillAnAcronymUnlikeAReference() throws {
        let body = """
            Commune de Lunel, SIRET 214 902 155 00017, norme ISO 9001, TVA FR 12 345678901. Le NIR n° 1 84 12 76 451 089 46 suffit.

            """
        // The name of an identifier (three letters or more, a number of nine digits or more) is an acronym to write out;
        // a standard's body and a country prefix are not. (TVA is in the default glossary.)
        let found = try acronyms(body)
        #expect(found == ["5:19 " + Self.message("SIRET"), "5:84 " + Self.message("NIR")])
    }

    @Test func aNumberInParenthesesAfterAnAcronymIsNotItsExpansion() throws {
        let body = """
            Vous recevez votre numéro SIREN (9 chiffres), puis le CFE (Caisse des Français de l'étranger) vous écrit.

            """
        // "(9 chiffres)" says what the number holds; "(Caisse des Français…)" says what the letters stand for.
        let found = try acronyms(body)
        #expect(found == ["5:27 " + Self.message("SIREN")])
    }

    @Test func mixedCaseAcronymsAreAcronyms() throws {
        let body = """
            Le fond de carte est sous licence ODbL. La DGFiP publie les données en GeoJSON avec FranceConnect et OAuth.

            """
        // Two capitals first, three at least, fewer lowercase letters than capitals: camel-case product names are not.
        let found = try acronyms(body)
        #expect(found == ["5:35 " + Self.message("ODbL"), "5:44 " + Self.message("DGFiP")])
    }
}
