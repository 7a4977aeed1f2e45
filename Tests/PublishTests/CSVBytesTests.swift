import PropertyBased
import Testing

@testable import Publish

/// The CSV writer reads fields on their UTF-8 bytes; it must write what the writer by Unicode scalar wrote.
@Suite struct CSVBytesTests {
    /// The field as the writer wrote it by Unicode scalar, before it read bytes.
    static func scalarField(_ cell: String, guardsFormulas: Bool) -> String {
        var value = cell
        if guardsFormulas, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    static let tricky = [
        "", "plain", "=1", "+", "-x", "@h", "\tt", "\rr", "\r\n", "a,b", "\"", "\"\u{301}", "e\u{301}\"", "=\"\u{301},",
        "’quote’ – dash", "\u{A0}nbsp,", "\u{FEFF}=", "é=", "🇬🇧\n", "line\r\nend",
    ]

    @Test(arguments: tricky) func trickyFieldsAsByScalar(cell: String) {
        for guards in [true, false] {
            let field = CSVWriter(guardsFormulas: guards).field(cell)
            #expect(field.utf8.elementsEqual(Self.scalarField(cell, guardsFormulas: guards).utf8))
        }
    }

    @Test func arbitraryRowsAsByScalar() async {
        await propertyCheck(count: 300, input: hostileString.array(of: 0...5), Gen.bool) { row, guards in
            let writer = CSVWriter(guardsFormulas: guards, byteOrderMark: guards)
            let expected = row.map { Self.scalarField($0, guardsFormulas: guards) }.joined(separator: ",") + "\r\n"
            var text = ""
            writer.appendRow(row, to: &text)
            // By bytes: `String` equality would take canonically equivalent text as the same.
            #expect(text.utf8.elementsEqual(expected.utf8))
            var bytes: [UInt8] = []
            writer.appendRow(row, to: &bytes)
            #expect(bytes.elementsEqual(expected.utf8))
            let table = writer.text(header: row, rows: [row])
            #expect(table.utf8.elementsEqual(((guards ? "\u{FEFF}" : "") + expected + expected).utf8))
        }
    }
}
