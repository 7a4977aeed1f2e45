import Testing

@testable import Publish

/// Laying compact text out pretty must give what the tree writes pretty, around every threshold of the one-line
/// arrays (8 elements, 72 bytes) and with JSON syntax inside strings.
@Suite struct PrettyJSONTests {

    static let pieces = [
        "", "a", "xyz", "\"", "\\", "\\\"", "[", "]", "{", "}", ",", ":", " ", "\n", "é", "\u{2028}", "😀",
    ]

    func string(_ random: inout SplitMix) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            let piece = Self.pieces.randomElement(using: &random) ?? ""
            text +=
                Bool.random(using: &random)
                ? piece : String(repeating: piece, count: Int.random(in: 1...30, using: &random))
        }
        return text
    }

    func scalar(_ random: inout SplitMix) -> JSONValue {
        switch Int.random(in: 0...5, using: &random) {
        case 0: .null
        case 1: .bool(Bool.random(using: &random))
        case 2: .int(Int.random(in: Int.min...Int.max, using: &random) >> Int.random(in: 0...63, using: &random))
        case 3: .double(Double.random(in: -1e9...1e9, using: &random))
        default: .string(string(&random))
        }
    }

    func value(_ random: inout SplitMix, depth: Int) -> JSONValue {
        switch depth > 3 ? 0 : Int.random(in: 0...4, using: &random) {
        case 0: return scalar(&random)
        case 1, 2:
            // Mostly scalars, so that one-line arrays are common.
            let count = Int.random(in: 0...11, using: &random)
            let nested = Int.random(in: 0...3, using: &random) == 0
            return .array(
                (0..<count).map { _ in nested ? value(&random, depth: depth + 1) : scalar(&random) }
            )
        default:
            let count = Int.random(in: 0...4, using: &random)
            return .object((0..<count).map { _ in (key: string(&random), value: value(&random, depth: depth + 1)) })
        }
    }

    @Test func randomValuesLayOutAsTheTreeWritesThem() {
        var random = SplitMix(seed: 2021)
        for _ in 0..<3000 {
            let value = value(&random, depth: 0)
            let compact = Array(value.serialized(pretty: false).utf8)
            let pretty = PrettyJSON.format(compact)
            #expect(pretty.elementsEqual(value.serialized(pretty: true).utf8), "\(value.serialized(pretty: false))")
        }
    }

    @Test func arraysAtTheThresholds() {
        // `count` strings of `length` letters take count * (length + 4) bytes: 72 falls between many of them.
        for count in 1...10 {
            for length in 0...70 {
                let values = JSONValue.array((0..<count).map { _ in .string(String(repeating: "x", count: length)) })
                let compact = Array(value(values).utf8)
                #expect(PrettyJSON.format(compact).elementsEqual(values.serialized(pretty: true).utf8))
            }
        }
        for count in 7...10 {
            let values = JSONValue.array((0..<count).map { .int($0) })
            let wrapped = JSONValue.object([(key: "k", value: values), (key: "[", value: .array([values]))])
            #expect(PrettyJSON.format(Array(value(wrapped).utf8)).elementsEqual(wrapped.serialized(pretty: true).utf8))
        }
    }

    func value(_ json: JSONValue) -> String { json.serialized(pretty: false) }
}
