import Testing

@testable import Ingest

/// The line checks of the text profile look at a line's bytes before its characters (``NoteFormat/underline(_:)``,
/// ``TextProfileParser/isHeaderLine(_:)``, ``TextProfileParser/listMarker(_:)``): they must answer as the
/// character-only readings below do, on characters and on the bytes of plain lines.
@Suite struct IngestLineChecksTests {
    static let lines: [String] = [
        "", " ", "===", "=== ", "---", "- - -", "~~~", "==\u{301}=", "===\r", "=\u{0301}==", "é==", "===é", "—",
        "Date: today", "Date:today", "Date : x", "Présent: Ann", "Apologies:", "ÉTAT: ok", "Ann: “hi”",
        "Chair:\u{301} x",
        "a long line with no colon at all, only “curly quotes” — and a dash", "Topic one: discussed — agreed",
        "- item", "-item", "* item", "+ item", "1. one", "12) twelve", "1234. no", "(a) letter", "(iv) roman", "(12) n",
        "a) letter", "é) accent", "É) upper", "A) upper", "o text", "-\u{301} item", "1\u{301}. x", "(\u{301}a) x",
        "a\u{301}) x", "t\u{301}) x", "“1.” quoted", "\t- tab", "• bullet", "(a)x", "1.x", "Ö: umlaut",
        "Meeting notes:",
    ]

    /// The underline character, reading characters only.
    func underline(_ trimmed: Substring) -> UInt8? {
        let body = trimmed.reversed().drop { $0 == " " }
        guard body.count >= 3, let first = body.first, first == "=" || first == "-" || first == "~" else { return nil }
        return body.allSatisfy { $0 == first } ? first.asciiValue : nil
    }

    /// Whether `text` is a header line, reading characters only.
    func isHeaderLine(_ text: Substring) -> Bool {
        guard let first = text.first, first.isUppercase, let colon = text.firstIndex(of: ":") else { return false }
        let label = text[..<colon]
        let after = text[text.index(after: colon)...]
        guard after.first.map({ $0 == " " || $0 == "\t" }) ?? true else { return false }
        return label.split(separator: " ").count <= 5
            && label.allSatisfy { $0.isLetter || $0.isNumber || " .'&/()-".contains($0) }
    }

    /// Whether the line starts with a list marker followed by a space, reading characters only.
    func hasMarker(_ line: Substring) -> Bool {
        let chars = Array(line.prefix(8))
        func spaced(_ length: Int) -> Bool { length < chars.count && (chars[length] == " " || chars[length] == "\t") }
        guard let first = chars.first else { return false }
        if "-*+".contains(first) { return spaced(1) }
        let digits = chars.prefix { $0.isASCII && $0.isNumber }
        if (1...3).contains(digits.count), digits.count < chars.count,
            chars[digits.count] == "." || chars[digits.count] == ")",
            spaced(digits.count + 1)
        {
            return true
        }
        if first == "(", let close = chars.firstIndex(of: ")"), close >= 2, spaced(close + 1) {
            let inner = chars[1..<close]
            let roman = inner.allSatisfy { "ivxlc".contains($0) } && inner.count <= 5
            let letter = inner.count == 1 && inner[inner.startIndex].isLetter
            let number = inner.count <= 3 && inner.allSatisfy { $0.isASCII && $0.isNumber }
            if roman || letter || number { return true }
        }
        return first.isLetter && first.isLowercase && chars.count > 1 && chars[1] == ")" && spaced(2)
    }

    @Test func charactersAnswerAsTheReadingsOfCharacters() {
        for line in Self.lines {
            let text = Substring(line)
            #expect(NoteFormat.underline(text) == underline(text), "\(line.debugDescription)")
            #expect(TextProfileParser.isHeaderLine(text) == isHeaderLine(text), "\(line.debugDescription)")
            #expect((TextProfileParser.listMarker(text) != nil) == hasMarker(text), "\(line.debugDescription)")
        }
    }

    @Test func bytesOfPlainLinesAnswerAsCharacters() {
        for line in Self.lines where TextSearch.isPlainASCII(line) {
            var copy = line
            copy.withUTF8 { bytes in
                let slice = bytes[...]
                let text = Substring(line)
                #expect(NoteFormat.underline(slice) == underline(text), "\(line.debugDescription)")
                #expect(TextProfileParser.isHeaderLine(slice) == isHeaderLine(text), "\(line.debugDescription)")
                #expect(TextProfileParser.listMarker(slice)?.length == TextProfileParser.listMarker(text)?.length)
            }
        }
    }

    @Test func theChecksFindWhatTheyShould() {
        #expect(NoteFormat.underline(Substring("=== ")) == UInt8(ascii: "="))
        #expect(NoteFormat.underline(Substring("==\u{301}=")) == nil)
        #expect(TextProfileParser.isHeaderLine(Substring("Présent: Ann")))
        #expect(!TextProfileParser.isHeaderLine(Substring("Présent — Ann")))
        #expect(TextProfileParser.listMarker(Substring("é) accent")) != nil)
        #expect(TextProfileParser.listMarker(Substring("É) upper")) == nil)
    }
}
