import Testing

@testable import Ingest

/// A walk sorts names by their bytes when they are ASCII: the order must be the one strings sort in.
@Suite struct IngestNameSortTests {
    /// Names built from a few bytes that sort apart (case, digits, punctuation, a prefix of another).
    private static func names(count: Int, seed: UInt64) -> [String] {
        var random = seed
        let alphabet = Array("aAbB09-_. ~zZ".utf8)
        return (0..<count).map { _ in
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(random >> 60)
            return String(
                decoding: (0..<length).map { index in alphabet[Int((random >> UInt64(index * 4)) % 13)] },
                as: UTF8.self
            )
        }
    }

    @Test func asciiNamesSortAsStrings() {
        for seed in 1...20 {
            let names = Self.names(count: 300, seed: UInt64(seed))
            #expect(InputCollector.sorted(names, byKey: { $0 }) == names.sorted())
        }
        // No bytes at all to lay end to end.
        #expect(InputCollector.sorted(["", ""], byKey: { $0 }) == ["", ""])
        #expect(InputCollector.sorted([String](), byKey: { $0 }).isEmpty)
    }

    @Test func namesPastASCIISortAsStrings() {
        // `é` as one scalar and as `e` with a combining accent are equal strings, though their bytes differ.
        let names = ["e\u{301}b", "\u{E9}a", "Zed", "a", "", "\u{E9}c", "b\r\nc", "b\nc"]
        #expect(InputCollector.sorted(names, byKey: { $0 }) == names.sorted())
        let paired = names.enumerated().map { (name: $0.element, index: $0.offset) }
        #expect(InputCollector.sorted(paired, byKey: \.name).map(\.name) == names.sorted())
    }
}
