import ArgumentParser
import Foundation

/// `--source DIR`, shared by every command: the site root, the current folder by default.
struct SourceOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site root, holding site.yml, Content/ and Themes/.", valueName: "DIR"))
    var source: String?

    var url: URL {
        URL(fileURLWithPath: source ?? ".", relativeTo: currentDirectory).standardizedFileURL
    }
}

let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
