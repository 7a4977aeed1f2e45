import Testing
import Yams

@testable import Ingest

/// Front matter without `&` or `=` is composed without Yams's resolver, which only tags mapping keys; a `=` anywhere in
/// the text (here in a quoted value) sends it through the resolver, which is the oracle.
@Suite struct FrontMatterResolverTests {
    static let scalars = [
        "yes", "Yes", "YES", "yEs", "y", "Y", "n", "no", "No", "NO", "nO", "true", "True", "TRUE", "tRue", "false",
        "False", "FALSE", "on", "On", "ON", "oN", "off", "Off", "OFF", "ofF", "0", "1", "-7", "+7", "007", "0x1F",
        "0b101", "0o17", "1_000", "1:30", "190:20:30", "3.14", "-2.5e3", "1.", ".5", ".inf", "-.Inf", "~", "null",
        "Null", "NULL", "nULL", "2021-03-04", "2021-3-4 10:00:00", "<<", "Garden Trust", "Tuesday 21st", "12 noon",
        "10:00 - 12:00", "Yes please", "on site", "NaN", "1e5", "0.5.1", "+", "._", "_", "__1", "_-5", "1_-5", "1:-5",
        "1:_+5", "-1:30", "1-2", "0x-1", "-0x1F", "+0b11", "2021-03-04T10:00", "12+1", "0-1", "-0-1", "0o-7", "-1-2",
        "+1:-5", "9_-1",
    ]

    /// The front matter of `yaml` read without and with the resolver.
    static func both(_ yaml: String) -> (fast: FrontMatterParser.Split, resolved: FrontMatterParser.Split) {
        (
            FrontMatterParser.split("---\n\(yaml)\n---\n", path: "n.md"),
            FrontMatterParser.split("---\n\(yaml)\nmark: '='\n---\n", path: "n.md")
        )
    }

    @Test(arguments: scalars) func plainValuesReadAsWithTheResolver(scalar: String) throws {
        let (fast, resolved) = Self.both("key: \(scalar)")
        let expected = try #require(resolved.frontMatter?["key"], "the oracle reads \(scalar)")
        #expect(fast.frontMatter?["key"] == expected, "\(scalar)")
    }

    @Test(arguments: scalars) func keysReadAsWithTheResolver(scalar: String) {
        let (fast, resolved) = Self.both("\(scalar): 1\nlist:\n  - \(scalar): 2\n    other: x")
        #expect(fast.diagnostics.map(\.message) == resolved.diagnostics.map(\.message), "\(scalar)")
        guard case .map(let entries) = resolved.frontMatter?.value else {
            #expect(fast.frontMatter == nil, "\(scalar) is refused alike")
            return
        }
        #expect(fast.frontMatter?.value == .map(entries.dropLast()), "\(scalar)")
    }

    @Test func duplicateKeysAreRefusedAlike() {
        let (fast, resolved) = Self.both("yes: 1\nyes: 2")
        #expect(fast.frontMatter == nil)
        #expect(fast.diagnostics.map(\.message) == resolved.diagnostics.map(\.message))
        #expect(fast.diagnostics.count == 1)
    }

    @Test func aKeyUsedAsAValueIsReadWithItsResolvedTag() {
        // The resolver tags the key `yes` bool, and the alias shares that tag: the value is a bool.
        let split = FrontMatterParser.split("---\n&k yes: 1\nb: *k\n---\n", path: "n.md")
        #expect(split.frontMatter?["b"] == .bool(true))
    }

    @Test func integersAsYamsReadsThem() {
        let split = FrontMatterParser.split(
            "---\na: __1\nb: 1:30\nc: _\nd: \":\"\ne: 0x1F\nf: x:y\n---\n",
            path: "n.md"
        )
        #expect(split.frontMatter?["a"] == .int(1), "Yams takes the underscores out")
        #expect(split.frontMatter?["b"] == .int(90), "sexagesimal")
        #expect(split.frontMatter?["c"] == .string("_"))
        #expect(split.frontMatter?["d"] == .string(":"), "quoted")
        #expect(split.frontMatter?["e"] == .int(31))
        #expect(split.frontMatter?["f"] == .string("x:y"))
    }

    @Test(arguments: scalars) func noIntegerIsPassedOver(scalar: String) {
        let yams = Int.construct(from: Node.Scalar(scalar, .implicit, .plain))
        #expect(FrontMatterParser.mayBeInteger(scalar) || yams == nil, "Yams reads \(scalar) as \(yams ?? 0)")
    }

    @Test func whatCannotBeAnIntegerIsNotAsked() {
        for string in ["2021-03-04", "Garden Trust", "1-2", "_", "1_-5", "a"] {
            #expect(!FrontMatterParser.mayBeInteger(string), "\(string)")
        }
        for string in ["7", "-7", "_-5", "1:-5", "1:_+5", "0x1F", "+0b11", "0x-1", "0-1"] {
            #expect(FrontMatterParser.mayBeInteger(string), "\(string)")
        }
    }
}
