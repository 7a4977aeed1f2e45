import Testing

@testable import Ingest

/// ``BulletGlyphs/mayRewrite(_:at:)`` lets the normaliser pass most lines by: a line it passes by must be one that
/// ``BulletGlyphs/rewrite(_:)`` leaves as it is.
@Suite struct BulletGlyphsTests {
    /// Line starts around the glyphs: `o` before all sorts of bytes, markers before glyphs, glyphs past ASCII.
    static let lines: [String] = {
        let heads = ["o", "- o", "* o", "+ o", "-o", "- ", "•", "- •", "◦", "–", "oo", "O", "\u{F0B7}", "- –"]
        let tails = [
            "", " ", "\t", "  ", " the minutes", " The minutes", " 1 item", " \"quoted\"", " 'quoted'", "\tTab",
            "\tlower", " é", " É", "x", " ", "\t\t", " Z", " [", " @", " 9",
        ]
        var lines: [String] = []
        for indent in ["", "  ", "\t", " \t "] {
            for head in heads {
                for tail in tails { lines.append(indent + head + tail) }
            }
        }
        return lines
    }()

    @Test func linesPassedByAreLinesLeftAsTheyAre() {
        for line in Self.lines {
            var copy = line
            copy.withUTF8 { bytes in
                let slice = bytes[...]
                let first = slice.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? slice.endIndex
                guard first < slice.endIndex, !BulletGlyphs.mayRewrite(slice, at: first) else { return }
                var glyphs = BulletGlyphs()
                #expect(glyphs.rewrite(slice) == nil, "\(line.debugDescription)")
            }
        }
    }
}
