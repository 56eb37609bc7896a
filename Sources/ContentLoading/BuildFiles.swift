/// The files and folders at the root of the output that the build writes itself, not from a page:
/// no alias or slug may take their place. Kept in step with `SiteRenderer` and `Theme` (a test compares them).
public enum BuildFiles {
    /// Output path → what it is, for messages.
    public static let files = ["robots.txt": "the robots.txt file", "sitemap.xml": "the sitemap for search engines"]
    /// Folder → what it holds, for messages.
    public static let folders = ["assets": "the theme's styles and scripts", "pagefind": "the search index"]
}
