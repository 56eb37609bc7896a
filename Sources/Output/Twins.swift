import Diagnostics
import Foundation
import Precompression
import Support
#if canImport(Glibc)
import Glibc
#endif

/// Precompressed twins (`page.html.gz`, `page.html.br`) of the files of a build, for web servers that
/// send them as they are (`cleiss-site build --compress`).
///
/// A twin is one more file of the build: written only when its bytes change, made to appear at
/// `commit` with the others, and removed there when no longer produced — because its file is gone,
/// because the build was not asked to compress, or because the file no longer shrinks.
extension OutputFolder {
    /// Writes the twins of the files of `outcomes` that are text (see `ContentEncoding.hasTwins`) and
    /// that compress to fewer bytes, in parallel. Returns the twins' outcomes, to commit with the files'.
    ///
    /// A file this build left unchanged keeps its twin without compressing it again (Brotli at its
    /// highest level is the slow part) when the twin is there and was written after it: twins are
    /// only written together with their file, or removed when their file is written without them.
    public func writeTwins(of outcomes: [FileOutcome], encodings: [ContentEncoding] = ContentEncoding.allCases)
        throws(DiagnosticsError) -> [FileOutcome] {
        let results = outcomes.filter { ContentEncoding.hasTwins($0.path) }.concurrentMap { outcome in
            Result { () throws(DiagnosticsError) in try twins(of: outcome, encodings: encodings) }
        }
        let failures = results.flatMap { result -> [Diagnostic] in if case .failure(let error) = result { error.diagnostics } else { [] } }
        if !failures.isEmpty { throw DiagnosticsError(failures) }
        return results.flatMap { (try? $0.get()) ?? [] }
    }

    func twins(of outcome: FileOutcome, encodings: [ContentEncoding]) throws(DiagnosticsError) -> [FileOutcome] {
        let source = currentLocation(of: outcome).path
        var bytes: Data?
        var twins: [FileOutcome] = []
        for encoding in encodings {
            let path = outcome.path + encoding.fileSuffix
            if case .unchanged = outcome, isCurrentTwin(destination.appendingPathComponent(path).path, of: source) {
                twins.append(.unchanged(path: path))
                continue
            }
            if bytes == nil { bytes = FileManager.default.contents(atPath: source) }
            guard let bytes else {
                throw DiagnosticsError(.error(SourceLocation(file: outcome.path), "cannot read the output file to compress it",
                                              hint: "check that nothing else changes the output folder during a build"))
            }
            guard let compressed = encoding.compress(bytes) else {
                throw DiagnosticsError(.error(SourceLocation(file: outcome.path), "\(encoding.rawValue) could not compress the output file",
                                              hint: "check the free memory, then build again"))
            }
            // A twin no smaller than its file would only cost the server a look-up.
            if compressed.count < bytes.count { twins.append(try write(compressed, to: path)) }
        }
        return twins
    }

    /// Whether the twin at `twin` was written no earlier than the file at `file`. A build that was
    /// stopped between renaming a file and its twin leaves an older twin: it is then made again.
    func isCurrentTwin(_ twin: String, of file: String) -> Bool {
        var twinInfo = stat(), fileInfo = stat()
        // lstat: a link put in place of a twin is not the twin; it is made again, replacing the link.
        guard lstat(twin, &twinInfo) == 0, (twinInfo.st_mode & S_IFMT) == S_IFREG, lstat(file, &fileInfo) == 0 else { return false }
        let (twinTime, fileTime) = (twinInfo.st_mtim, fileInfo.st_mtim)
        return (twinTime.tv_sec, twinTime.tv_nsec) >= (fileTime.tv_sec, fileTime.tv_nsec)
    }
}
