/// The `Content-Type` of a served file, from its extension.
///
/// Browsers refuse a style sheet or a script sent with the wrong type, and a page sent as
/// `application/octet-stream` is downloaded instead of shown: the preview must say what each file is.
public enum ContentTypes {
    /// The type of every kind of file the build writes or copies (theme assets, page resources).
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "xml": "application/xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "pdf": "application/pdf",
    ]

    /// Unknown extensions are served as bytes, which the browser downloads rather than misreads.
    static let fallback = "application/octet-stream"

    /// The type for a file name or path, like `assets/cleiss.css`.
    public static func type(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return fallback }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? fallback
    }

    /// Whether the file is an HTML page, into which the server injects the reload script.
    public static func isHTML(_ path: String) -> Bool {
        type(forPath: path).hasPrefix("text/html")
    }
}
