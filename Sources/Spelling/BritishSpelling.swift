/// British spellings on top of the en_US dictionary.
///
/// The site writes British English, but the machine (and CI) has only `hunspell-en-us`, which rejects
/// "organisation", "colour", "centre", "licence", "travelled"… Debian has `hunspell-en-gb`, but the
/// project does not install it (Package.swift declares hunspell-en-us only), and a checker that loaded
/// en_GB when it happens to be present would answer differently from one machine to another. So "en"
/// always means en_US plus this layer, and both spellings are accepted ("organization" still passes).
///
/// A word rejected by en_US is accepted when one systematic British → American rewrite of its ending
/// (or, for the few irregular words, the short list below) gives a word en_US knows. The rewrites are
/// tied to word endings, so that a typo is not rescued by accident ("fourm" does not become "form").
enum BritishSpelling {
    /// (British ending, American ending): tried one at a time on the end of the lowercased word.
    static let endings: [(String, String)] = [
        // -ise / -isation → -ize / -ization (organise, recognised, organisations, recognisable)
        ("isations", "izations"), ("isation", "ization"), ("isational", "izational"),
        ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"), ("isers", "izers"), ("iser", "izer"),
        ("isable", "izable"), ("isably", "izably"),
        // -yse → -yze (analyse, paralysed)
        ("ysing", "yzing"), ("ysed", "yzed"), ("yses", "yzes"), ("yse", "yze"),
        // -our → -or (colour, behavioural, favourite, honours, neighbourhood)
        ("ourhoods", "orhoods"), ("ourhood", "orhood"), ("ourites", "orites"), ("ourite", "orite"),
        ("ourable", "orable"), ("ourably", "orably"), ("ourals", "orals"), ("ourally", "orally"), ("oural", "oral"),
        ("ouring", "oring"), ("oured", "ored"), ("ourers", "orers"), ("ourer", "orer"), ("ourful", "orful"),
        ("ourless", "orless"), ("ours", "ors"), ("our", "or"),
        // -tre / -bre → -ter / -ber (centre, metres, centred, fibre)
        ("tres", "ters"), ("tred", "tered"), ("tre", "ter"), ("bres", "bers"), ("bre", "ber"),
        // -ence → -ense (licence, defence, offence, pretence)
        ("cences", "censes"), ("cence", "cense"), ("fences", "fenses"), ("fence", "fense"), ("tences", "tenses"), ("tence", "tense"),
        // doubled l (travelled, modelling, cancelled, traveller)
        ("lled", "led"), ("lling", "ling"), ("llers", "lers"), ("ller", "ler"),
        // single l before -ment and -ful (enrolment, instalment, fulfilment, skilful, wilful); a bare final
        // l is not rewritten ("wil", "stil" are typos), the few verbs (enrol, fulfil) are in `words`
        ("lments", "llments"), ("lment", "llment"), ("lfully", "llfully"), ("lful", "llful"),
        // -ogue → -og (catalogue, analogue)
        ("ogues", "ogs"), ("ogue", "og"),
        // -gement → -gment (judgement, acknowledgement)
        ("gements", "gments"), ("gement", "gment"),
    ]

    /// Irregular British forms, kept short: the ones a social security site is likely to write.
    static let words: Set<String> = [
        "programme", "programmes", "cheque", "cheques", "grey", "ageing", "amongst", "enquiry", "enquiries", "enquire",
        "aluminium", "storey", "storeys", "tyre", "tyres", "jewellery", "sceptical", "manoeuvre", "mould", "plough",
        "draught", "pyjamas", "learnt", "spelt", "dreamt", "burnt", "practise", "practised", "practises", "practising",
        "artefact", "artefacts", "aeroplane", "cosy", "kerb", "enrol", "enrols", "fulfil", "fulfils", "instil", "instils",
        "distil", "appal", "appals", "enthral",
    ]

    /// Whether `word` (already rejected by en_US) is a British spelling of a word `isKnown` accepts.
    static func accepts(_ word: String, isKnown: (String) -> Bool) -> Bool {
        let lower = word.lowercased()
        if words.contains(lower) { return true }
        for (british, american) in endings where lower.hasSuffix(british) && lower.count >= british.count + 2 {
            if isKnown(String(lower.dropLast(british.count)) + american) { return true }
        }
        // ae / oe → e inside longer words (paediatric, anaesthesia, oesophagus, haemorrhage).
        if lower.count >= 7 && (lower.contains("ae") || lower.contains("oe")) {
            let american = lower.replacing("ae", with: "e").replacing("oe", with: "e")
            if isKnown(american) { return true }
        }
        return false
    }
}
