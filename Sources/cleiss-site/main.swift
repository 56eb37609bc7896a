import ArgumentParser
import Foundation

// Usage errors exit with 2 (ArgumentParser's default is 64), content errors with 1.
do {
    var command = try CleissSite.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = CleissSite.exitCode(for: error)
    if code == .success {
        CleissSite.exit(withError: error)
    }
    FileHandle.standardError.write(Data((CleissSite.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
