import ArgumentParser

/// `cleiss-site`: a thin command line over the SiteBuilder library.
struct CleissSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleiss-site",
        abstract: "Builds the bilingual public site of the Cleiss from Markdown.",
        discussion: "Exit codes: 0 success, 1 content errors (all of them are listed), 2 usage errors.",
        subcommands: [Build.self, Serve.self, Check.self, Report.self, New.self, Translate.self]
    )
}
