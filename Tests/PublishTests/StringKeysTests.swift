import PropertyBased
import Testing

@testable import Publish

/// The overview sorts keys of strings with ``StringKeys``, ASCII parts by their bytes; it must give the order
/// `String` comparison gives, whatever the mix of ASCII and other text.
@Suite struct StringKeysTests {
    /// Short texts that differ in case, length and prefixes, with control characters, punctuation, and text that is
    /// not ASCII: accents precomposed and not, the Kelvin sign, canonically equal to `K`, scalars just below U+0300
    /// (compared by their bytes) and from it up, combining or not. (Not the Ångström sign: `String` finds
    /// "\u{212B}" and "\u{C5}\u{1}" neither equal nor ordered, which no sort can agree with.)
    static let text = Gen<Character?>
        .element(
            of: Array(
                "aAbBkKzZ09 -_.'\0\u{1}\u{7F}~`éÉ\u{212A}\u{301}ßŒ😀ÅÿŁǅʼ\u{2FF}\u{300}\u{340}Ͱ\u{C0}\u{C5}"
            )
        )
        .map { $0 ?? "a" }
        .string(of: 0...5)

    /// The numbers of `keys` sorted as their `String` tuples compare, the first part descending.
    static func expected(_ keys: [(String, String)]) -> [Int] {
        keys.indices.sorted { (keys[$0].0, keys[$1].1) > (keys[$1].0, keys[$0].1) }
    }

    @Test func keysSortAsStringsDo() async {
        await propertyCheck(count: 400, input: zip(Self.text, Self.text).array(of: 0...40)) { keys in
            var single = StringKeys(parts: 1, capacity: keys.count)
            var pairs = StringKeys(parts: 2, capacity: keys.count, descending: [true])
            for (first, second) in keys {
                single.add(first)
                pairs.add(first)
                pairs.add(second)
            }
            #expect(single.sorted() == keys.indices.sorted { keys[$0].0 < keys[$1].0 })
            #expect(pairs.sorted() == Self.expected(keys))
        }
    }

    @Test func canonicallyEqualTextIsEqual() {
        let keys = [("K", "b"), ("\u{212A}", "a"), ("é", "d"), ("e\u{301}", "c"), ("K", "a")]
        var pairs = StringKeys(parts: 2, capacity: keys.count, descending: [true])
        for (first, second) in keys {
            pairs.add(first)
            pairs.add(second)
        }
        #expect(pairs.sorted() == Self.expected(keys))
    }

    /// An interner's order by parts is its order by `String` keys.
    @Test func internerOrdersByPartsAsByStrings() async {
        await propertyCheck(count: 200, input: Self.text.array(of: 0...30)) { names in
            var interner = Interner()
            for name in names { _ = interner.id(of: name) }
            #expect(interner.order(parts: 1) { [$0] } == interner.order(by: { $0 }, <))
            let byParts = interner.order(parts: 3) { [$0 == "a" ? "1" : "0", $0.lowercased(), $0] }
            #expect(byParts == interner.order(by: { ($0 == "a" ? 1 : 0, $0.lowercased(), $0) }, <))
        }
    }
}
