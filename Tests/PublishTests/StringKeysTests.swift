import Foundation
import PropertyBased
import Testing

@testable import Publish

/// The overview sorts keys of strings with ``StringKeys``, parts whose scalars are all below U+0300 by their bytes; it
/// must give the order `String` comparison gives, whatever the mix of such text and other text.
@Suite struct StringKeysTests {
    /// The scalars texts are made of, each on its own.
    ///
    /// Letters that differ in case, control characters and punctuation, accents precomposed, the Kelvin sign
    /// (canonically `K`), scalars just below U+0300 (compared by their bytes), and combining marks from U+0300 up,
    /// two of them (U+0340, U+0341) canonically other marks. Each stands alone, so
    /// that a mark may follow any scalar, `e` and `a` among them, which `Array("…")` would not allow: it groups a
    /// mark with the scalar before it into one `Character`. A bound that let U+0300 to U+033F (`CC`) or U+0340 to
    /// U+037F (`CD`) be compared by their bytes sorts `e` U+0301 (`é`) before `f`, or U+0340 before U+0300's equal.
    ///
    /// The Kelvin and Ångström signs are in, though `String` does not always order text that holds them (nor some
    /// text with marks): a run whose texts it does not order is passed over (``stringOrders(_:)``).
    static let scalars: [Unicode.Scalar] = [
        "a", "A", "b", "e", "f", "E", "K", "k", "z", "0", " ", "-", "'", "\0", "\u{1}", "\u{7F}", "~", "\u{C0}",
        "\u{C5}", "\u{E0}", "\u{E9}", "\u{C9}", "\u{DF}", "\u{FF}", "\u{152}", "\u{141}", "\u{1C5}", "\u{2BC}",
        "\u{2FF}", "\u{300}", "\u{301}", "\u{340}", "\u{341}", "\u{370}", "\u{212A}", "\u{212B}", "\u{1F600}",
    ]

    /// Texts of up to five scalars of ``scalars``, each made scalar by scalar.
    static let text = Gen<Unicode.Scalar?>.element(of: scalars)
        .map { $0 ?? "a" }
        .array(of: 0...5)
        .map { scalars in
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            return text
        }

    /// The numbers of `keys` sorted as their `String` tuples compare, the first part descending.
    static func expected(_ keys: [(String, String)]) -> [Int] {
        keys.indices.sorted { (keys[$0].0, keys[$1].1) > (keys[$1].0, keys[$0].1) }
    }

    /// Whether `String` compares each two of `texts` as it stands for: as their scalars in NFC compare.
    ///
    /// Not always, the known limitation of ``StringKeys``: Swift 6.3's `String` finds "\u{212B}" and "\u{C5}\u{1}",
    /// or "e\u{301}" and "\u{E9}a", neither equal nor ordered, and puts "KA" before "\u{212A}", which it finds equal
    /// to "K", itself before "KA". No sort can agree with such comparisons; a run of texts that has them says
    /// nothing of the keys' order, and is passed over.
    static func stringOrders(_ texts: [String]) -> Bool {
        var seen = Set<[Unicode.Scalar]>()
        let distinct = texts.filter { seen.insert(Array($0.unicodeScalars)).inserted }
        let normal = distinct.map { $0.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) }
        for left in distinct.indices {
            for right in distinct.indices where left < right {
                let (a, b) = (distinct[left], distinct[right])
                let less = normal[left].lexicographicallyPrecedes(normal[right])
                let more = normal[right].lexicographicallyPrecedes(normal[left])
                guard (a < b) == less, (b < a) == more, (a == b) == (!less && !more) else { return false }
            }
        }
        return true
    }

    @Test func keysSortAsStringsDo() async {
        await propertyCheck(count: 400, input: zip(Self.text, Self.text).array(of: 0...40)) { keys in
            guard Self.stringOrders(keys.map(\.0)), Self.stringOrders(keys.map(\.1)) else { return }
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
            guard Self.stringOrders(names), Self.stringOrders(names.map { $0.lowercased() }) else { return }
            var interner = Interner()
            for name in names { _ = interner.id(of: name) }
            #expect(interner.order(parts: 1) { [$0] } == interner.order(by: { $0 }, <))
            let byParts = interner.order(parts: 3) { [$0 == "a" ? "1" : "0", $0.lowercased(), $0] }
            #expect(byParts == interner.order(by: { ($0 == "a" ? 1 : 0, $0.lowercased(), $0) }, <))
        }
    }
}
