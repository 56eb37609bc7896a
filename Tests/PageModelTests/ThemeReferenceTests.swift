import Foundation
import PageModel
import Testing

/// Themes/default/REFERENCE.md is generated from the page model; this fails when they differ.
@Suite struct ThemeReferenceTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes/default/REFERENCE.md")

    @Test func theCommittedReferenceIsTheGeneratedOne() throws {
        let generated = ThemeReference.markdown()
        if ProcessInfo.processInfo.environment["CLEISS_WRITE_REFERENCE"] == "1" {
            try generated.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let committed = (try? String(contentsOf: Self.file, encoding: .utf8)) ?? ""
        #expect(committed == generated, """
            Themes/default/REFERENCE.md differs from the page model (Sources/PageModel): regenerate it with \
            `\(ThemeReference.regenerateCommand)` and commit it (first difference at character \
            \(committed.commonPrefix(with: generated).count)).
            """)
    }

    @Test func theReferenceListsEveryValueOfEveryKind() {
        let reference = ThemeReference.markdown()
        for kind in TemplateKind.allCases {
            #expect(reference.contains("### Template `\(kind.templateName)`"))
            for record in kind.records + kind.model.inlinedRecords {
                for field in record.schema.fields { #expect(reference.contains("- `\(field.name)` — "), "\(record.schemaName).\(field.name)") }
            }
        }
        #expect(reference.contains("- `contentHTML` — optional HTML: "))
        #expect(reference.contains("- `children` — list of [`TreeNode`](#record-treenode): "))
    }
}
