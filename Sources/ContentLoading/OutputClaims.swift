import Diagnostics

/// Which page, generated page, alias or file wants each file of the output, so that no two want
/// the same one and no file stands where another needs a folder.
///
/// Paths are compared without case: on the disks of macOS and Windows `About/` and `about/` are one
/// folder, and a site copied there would lose one of the two pages.
struct OutputClaims {
    private struct Claim {
        var outputPath: String
        var claimant: String
        var location: SourceLocation
    }

    /// By output path in lowercase.
    private var claims: [String: Claim] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    /// Every output path claimed, as written.
    var outputPaths: Set<String> { Set(claims.values.map(\.outputPath)) }

    mutating func claim(_ outputPath: String, by claimant: String, at location: SourceLocation) {
        let key = outputPath.lowercased()
        guard let previous = claims[key] else {
            claims[key] = Claim(outputPath: outputPath, claimant: claimant, location: location)
            return
        }
        // Point at the claim that names its URL explicitly (a slug or alias line), since that is the one to change.
        let place = (location.line ?? 1) > 1 || (previous.location.line ?? 1) <= 1 ? location : previous.location
        if previous.outputPath == outputPath {
            diagnostics.append(.error(place, "\(claimant) and \(previous.claimant) both want the URL of \(outputPath)",
                                      hint: "give one of them another slug or file name"))
        } else {
            diagnostics.append(.error(place, "\(claimant) and \(previous.claimant) want URLs that differ only by case (\(outputPath) and \(previous.outputPath))",
                                      hint: "they would overwrite each other on disks that ignore case (macOS, Windows): give one of them another slug or file name"))
        }
    }

    /// Claims under a folder of the output that the build fills itself (`assets/`), or under a path
    /// that another claim writes as a file (a slug `index.html` makes `fr/index.html/index.html`,
    /// but `fr/index.html` is the home page): the write would fail with "Not a directory".
    mutating func reportFilesInTheWay(reservedFolders: [String: String]) {
        for claim in claims.values.sorted(by: { $0.outputPath < $1.outputPath }) {
            let folders = claim.outputPath.split(separator: "/").dropLast()
            var prefix = ""
            for folder in folders {
                prefix = prefix.isEmpty ? String(folder) : prefix + "/" + folder
                if let owner = reservedFolders[prefix.lowercased()] {
                    diagnostics.append(.error(claim.location, "\(claim.claimant) wants the URL of \(claim.outputPath), inside \(prefix)/, which holds \(owner)",
                                              hint: "choose a URL outside /\(prefix)/"))
                    break
                }
                if let file = claims[prefix.lowercased()] {
                    diagnostics.append(.error(claim.location, "\(claim.claimant) wants the URL of \(claim.outputPath), but \(prefix) is the file of \(file.claimant)",
                                              hint: "a slug or alias names a folder of the site: choose one that is not a file name, without .html"))
                    break
                }
            }
        }
    }
}
