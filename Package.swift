// swift-tools-version: 6.1
import PackageDescription

// One module per stage of the pipeline, in the order the data flows:
// Diagnostics → Configuration → ContentLoading → Markdown → Rendering → Output → SiteBuilder → (Serving) → cleiss-site.
let package = Package(
    name: "cleiss-site",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cleiss-site", targets: ["cleiss-site"]),
        .executable(name: "FuzzPage", targets: ["FuzzPage"]),
        .executable(name: "FuzzSiteConfiguration", targets: ["FuzzSiteConfiguration"]),
        .library(name: "SiteBuilder", targets: ["SiteBuilder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev", "hyphen-fr", "hyphen-en-us"])]),
        .systemLibrary(name: "COpenSSLCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CHunspell", pkgConfig: "hunspell", providers: [.apt(["libhunspell-dev", "hunspell-fr-comprehensive", "hunspell-en-gb", "hunspell-en-us"])]),
        // Precompressed twins of the output (`build --compress`): gzip and brotli, from Debian's libraries.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlienc", providers: [.apt(["libbrotli-dev"])]),
        .target(name: "Precompression", dependencies: ["CZlib", "CBrotli"]),
        .target(name: "Diagnostics"),
        .target(name: "Support", dependencies: ["Diagnostics", "COpenSSLCrypto"]),
        .target(name: "Configuration", dependencies: ["Diagnostics", "Yams"]),
        .target(name: "ContentLoading", dependencies: ["Diagnostics", "Configuration", "Support", "Yams"]),
        .target(name: "Markdown", dependencies: ["Diagnostics", "CCmarkGFM", "CLibXML2", "Support"]),
        // The theme's template engine: Mustache files compiled against the schema of their kind.
        .target(name: "Templates", dependencies: ["Diagnostics", "Support"], exclude: ["README.md"]),
        // The typed page model: one record type per template kind, its schema, values and the theme reference.
        .target(name: "PageModel", dependencies: ["Templates"]),
        .target(name: "Rendering", dependencies: [
            "Diagnostics", "Configuration", "ContentLoading", "Support", "Yams", "Templates", "PageModel",
        ]),
        .target(name: "Syllables", dependencies: ["CHyphen"]),
        .target(name: "Spelling", dependencies: ["CHunspell"]),
        .target(name: "Charter", dependencies: [
            "Diagnostics", "Configuration", "ContentLoading", "Markdown", "Syllables", "Spelling", "Support", "Yams",
        ], resources: [.copy("Resources")]),
        // What git knows of the content files (first and last commits), and the outdated-translation rule that reads it.
        .target(name: "GitHistory", dependencies: ["ContentLoading"]),
        // Writing content for editors: `new` (a page from an archetype) and `translate` (the other language's draft).
        .target(name: "Authoring", dependencies: ["Diagnostics", "Configuration", "ContentLoading"]),
        .target(name: "Indicators", dependencies: ["Diagnostics", "Configuration", "ContentLoading", "GitHistory", "Rendering", "Support"]),
        .target(name: "Output", dependencies: ["Diagnostics", "Support", "Precompression"]),
        // The static search index: runs Pagefind over the built pages.
        .target(name: "Search", dependencies: ["Diagnostics", "Support", "Precompression"]),
        // Checks a built site: internal links and anchors, hreflang alternates, canonical URLs, sitemap.xml.
        .target(name: "LinkChecking", dependencies: ["Diagnostics", "Support", "CLibXML2"]),
        .target(name: "SiteBuilder", dependencies: [
            "Diagnostics", "Configuration", "ContentLoading", "Markdown", "Rendering", "Output", "Support", "Charter", "GitHistory", "LinkChecking", "Search", "Precompression",
        ]),
        // The live preview: builds into a private folder, serves it over HTTP, watches the sources, reloads browsers.
        .target(name: "Serving", dependencies: [
            "SiteBuilder", "Rendering", "Diagnostics", "GitHistory", "Support", "Charter", "Configuration", "ContentLoading", "LinkChecking",
            .product(name: "FlyingFox", package: "FlyingFox"),
            .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        // Fuzzing (README, "Fuzzing"): one page through front matter, Markdown and charter, and site.yml
        // through its loader. `make fuzz` builds the two targets with libFuzzer; a normal build makes them
        // replay files, which the regression tests of Tests/FuzzRegressions do.
        .target(name: "CLibFuzzer"),
        .target(name: "Fuzzing", dependencies: ["CLibFuzzer", "Diagnostics", "Configuration", "ContentLoading", "Markdown", "Charter"]),
        .executableTarget(name: "FuzzPage", dependencies: ["Fuzzing"], path: "Fuzz/FuzzPage",
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "FuzzSiteConfiguration", dependencies: ["Fuzzing"], path: "Fuzz/FuzzSiteConfiguration",
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "cleiss-site", dependencies: [
            "SiteBuilder", "Serving", "Diagnostics", "Charter", "Configuration", "GitHistory", "Indicators", "ContentLoading", "Support", "Authoring",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // jemalloc (Debian's libjemalloc-dev) instead of glibc's malloc: a build allocates many
            // small strings on every thread; measured 8-10 % less CPU on 10,000 pages (README, "Measured speed").
            .linkedLibrary("jemalloc"),
        ]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration"]),
        .testTarget(name: "ContentLoadingTests", dependencies: ["ContentLoading", "Configuration", "Support", "Diagnostics"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CCmarkGFM"]),
        .testTarget(name: "OutputTests", dependencies: ["Output", "Support", "Precompression", "CZlib", "CBrotli"]),
        .testTarget(name: "GitHistoryTests", dependencies: ["GitHistory"]),
        .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "GitHistory", "Configuration", "ContentLoading", "Diagnostics"]),
        .testTarget(name: "SyllablesTests", dependencies: ["Syllables"], exclude: ["make_reference.py"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SpellingTests", dependencies: ["Spelling"]),
        .testTarget(name: "CharterTests", dependencies: ["Charter", "Configuration", "ContentLoading", "Diagnostics", "Markdown", "Yams"], resources: [.copy("Corpus"), .copy("Realistic"), .copy("HeldOut"), .copy("Blind2")]),
        .testTarget(name: "SiteBuilderTests", dependencies: ["SiteBuilder", "Charter", "Configuration", "ContentLoading", "Diagnostics", "Rendering", "Support"]),
        .testTarget(name: "ServingTests", dependencies: ["Serving"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Precompression"]),
        // Runs the inputs of Tests/FuzzRegressions through the replaying FuzzPage and FuzzSiteConfiguration.
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzPage", "FuzzSiteConfiguration"]),
        .testTarget(name: "LinkCheckingTests", dependencies: ["LinkChecking", "Diagnostics"]),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "PageModelTests", dependencies: ["PageModel", "Templates"]),
        // swift-mustache is the oracle of the differential tests.
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "PageModel", "Rendering", "SiteBuilder", .product(name: "Mustache", package: "swift-mustache")]),
    ]
)
