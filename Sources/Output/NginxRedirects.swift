import Foundation

/// The site's redirects (old URLs of pages, their `aliases`) as entries of an nginx `map`, so that
/// nginx answers them with a real 301 instead of the redirect page the build also writes there.
///
/// The file holds entries only; the server's configuration wraps it in its own map, with a variable
/// name of its choice (see Deploy/nginx/cleiss.conf):
///
///     map $uri $cleiss_redirect { include /srv/cleiss/site/.nginx-redirects.map; }
///
/// Its name starts with a dot so that it is not a page of the site: the sample configuration answers
/// 404 for every dot file. Authors write the aliases in front matter and nginx reads the file as
/// configuration: every key and value is quoted and escaped, and cannot end an entry or name a variable.
public enum NginxRedirects {
    public static let fileName = ".nginx-redirects.map"

    /// A redirect from a path of the site (`/fr/ancienne-page/`, as nginx's `$uri` holds it: decoded)
    /// to the URL of the page.
    public struct Redirect: Sendable, Equatable {
        public var path: String
        public var target: String

        public init(path: String, target: String) {
            self.path = path
            self.target = target
        }
    }

    /// One line per path, sorted. A folder's path (`/fr/ancienne-page/`) also redirects without its
    /// final slash, in one step instead of nginx's own redirect to the folder first.
    public static func entries(_ redirects: [Redirect]) -> Data {
        var lines: [String: String] = [:]
        for redirect in redirects {
            let target = escapedTarget(redirect.target)
            lines[redirect.path] = target
            if redirect.path.count > 1, redirect.path.hasSuffix("/") { lines[String(redirect.path.dropLast())] = target }
        }
        let text = lines.keys.sorted().map { "\(quoted(escapedPath($0))) \(quoted(lines[$0]!));\n" }.joined()
        return Data(("# Written by cleiss-site build: the aliases of the pages, as nginx map entries (README.md, \"nginx\").\n" + text).utf8)
    }

    /// A key of the map is compared as it is (paths start with `/`, never with the `~` of a regular expression).
    static func escapedPath(_ path: String) -> String {
        path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// A value may name variables (`$host`): the target's `$`, quotes, backslashes, spaces and
    /// controls are percent-encoded, which leaves the URL the same for a browser.
    static func escapedTarget(_ target: String) -> String {
        var result = ""
        for scalar in target.unicodeScalars {
            if scalar == "$" || scalar == "\"" || scalar == "\\" || scalar == "'" || scalar.value <= 0x20 || scalar.value == 0x7F {
                result += String(format: "%%%02X", scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func quoted(_ text: String) -> String { "\"" + text + "\"" }
}
