import Mustache

// What the digest's templates see: objects, text, numbers and "no value", as types that swift-mustache looks into
// and prints with few dynamic casts.
//
// swift-mustache casts each object on the context stack to `MustacheCustomRepresentation` and `MustacheParent` for
// every name it looks up, and a `String` or `Int` it prints to four more protocols; a `[String: Any]` costs it more
// than a struct, and a value that is `MustacheCustomRenderable` is printed at the first cast. Templates see the same
// names and the same text as with dictionaries, strings and numbers: sections, inverted sections, transforms
// (`uppercased(title)`, `plusone(number)`, `count(people)`) and dotted names behave as they did.

/// A context object: named values in a fixed order, the names without a value left out (Mustache then looks for
/// them further up the stack, as it did in a dictionary).
struct TemplateObject: MustacheParent, MustacheTransformable, CustomStringConvertible, CustomDebugStringConvertible,
    ExpressibleByDictionaryLiteral, TemplateValueConvertible
{
    // Names and values apart, so that a lookup compares names without copying values.
    private var keys: [TemplateName] = []
    private var values: [TemplateValue] = []

    /// The entries with a value, in order; `nil` values are left out.
    init(dictionaryLiteral elements: (String, (any TemplateValueConvertible)?)...) {
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            if let value {
                keys.append(TemplateName(key))
                values.append(value.templateValue)
            }
        }
    }

    /// The names `keys` with `values`, in order, as many of each.
    ///
    /// For objects made by the thousand, from one list of names they share; every name has a value (``TemplateNull``
    /// for none found here).
    init(keys: [TemplateName], values: [TemplateValue]) {
        precondition(keys.count == values.count, "a value for each name")
        self.keys = keys
        self.values = values
    }

    /// The names and values, in order.
    var entries: [(key: String, value: Any)] { zip(keys, values).map { ($0.text, $1.any) } }

    /// Sets `key` to `value`, or removes it when `value` is `nil`.
    subscript(key: String) -> (any TemplateValueConvertible)? {
        get { keys.firstIndex { $0.text == key }.map { values[$0].convertible } }
        set {
            switch (keys.firstIndex { $0.text == key }, newValue) {
            case (let place?, let value?): values[place] = value.templateValue
            case (let place?, nil):
                keys.remove(at: place)
                values.remove(at: place)
            case (nil, let value?):
                keys.append(TemplateName(key))
                values.append(value.templateValue)
            case (nil, nil): break
            }
        }
    }

    /// Makes room for `count` names and values, so that appending up to them does not grow the arrays.
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// Adds `value` under `name`, a name the object does not hold yet, last: what setting it by the subscript does,
    /// without a search.
    mutating func append(_ name: TemplateName, _ value: TemplateValue) {
        keys.append(name)
        values.append(value)
    }

    /// The value named `name`, for ``TemplateProgram``.
    func value(named name: TemplateName) -> TemplateValue? {
        for place in keys.indices where keys[place] == name { return values[place] }
        return nil
    }

    func child(named name: String) -> Any? {
        guard let place = keys.firstIndex(where: { $0.text == name }) else { return nil }
        return values[place].any
    }

    var templateValue: TemplateValue { .object(self) }

    /// The entries a template can count or list: those that hold a value.
    private var present: [(key: String, value: Any)] {
        zip(keys, values).compactMap { key, value in
            if case .null = value { return nil }
            return (key.text, value.any)
        }
    }

    /// What Mustache's dictionary transforms give: `count`, `empty`, `enumerated` and `sorted` (by name).
    func transform(_ name: String) -> Any? {
        switch name {
        case "count": present.count
        case "empty": present.isEmpty
        case "enumerated": present
        case "sorted": present.sorted { $0.key < $1.key }
        default: nil
        }
    }

    /// As a dictionary prints: `["name": value, …]`.
    var description: String {
        let present = present
        guard !present.isEmpty else { return "[:]" }
        return "["
            + present.map { "\($0.key.debugDescription): \(String(reflecting: $0.value))" }.joined(separator: ", ")
            + "]"
    }

    var debugDescription: String { description }
}

/// A name in a ``TemplateObject`` or a template's tag, with its length and first bytes packed in a word, so that two
/// names are told apart by comparing words, with no call into the standard library.
struct TemplateName: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The name.
    let text: String
    /// The length (at most 255) in the top byte, and the first seven bytes below, the first lowest: two names of
    /// seven bytes or fewer are the same when their words are.
    let word: UInt64

    init(_ text: String) {
        self.text = text
        word = text.withUTF8Bytes { bytes in
            var word = UInt64(Swift.min(bytes.count, 255)) << 56
            for index in 0..<Swift.min(bytes.count, 7) { word |= UInt64(bytes[index]) << (8 * index) }
            return word
        }
    }

    init(stringLiteral text: String) { self.init(text) }

    /// Whether the name is `.`, the top of the stack.
    var isDot: Bool { word == Self.dotWord }

    /// The word of `.`: length 1 in the top byte, then the byte of `.` (0x2E) in the lowest, written as the literal
    /// it is, so that no expression is evaluated for it.
    static let dotWord: UInt64 = 0x0100_0000_0000_002E

    static func == (lhs: TemplateName, rhs: TemplateName) -> Bool {
        lhs.word == rhs.word && (lhs.word >> 56 <= 7 || lhs.text == rhs.text)
    }
}

/// What a ``TemplateObject`` holds under a name: one of the few kinds of value the digest's templates see.
enum TemplateValue {
    case text(TemplateText)
    case number(TemplateNumber)
    case flag(Bool)
    case object(TemplateObject)
    case list([TemplateObject])
    case null
    /// Text held as the UTF-8 bytes a page is written as (the note's HTML, the JSON-LD), so that a
    /// ``TemplateProgram`` copies them as they are: valid UTF-8, never looked at. The library sees a ``TemplateText``
    /// of the same text.
    case bytes([UInt8])

    /// The value as swift-mustache is given it: the type it was made from.
    var any: Any { convertible }

    /// `text`, or no value.
    static func text(or text: TemplateText?) -> TemplateValue { text.map { .text($0) } ?? .null }

    /// `number`, or no value.
    static func number(or number: TemplateNumber?) -> TemplateValue { number.map { .number($0) } ?? .null }

    /// The value as it was set.
    var convertible: any TemplateValueConvertible {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .object(let object): object
        case .list(let list): list
        case .null: TemplateNull()
        case .bytes(let bytes): TemplateText(String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// A type a ``TemplateObject`` can hold.
protocol TemplateValueConvertible {
    /// The value as the object holds it.
    var templateValue: TemplateValue { get }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .flag(self) }
}

extension Array: TemplateValueConvertible where Element == TemplateObject {
    var templateValue: TemplateValue { .list(self) }
}

/// Text a template prints, escaped as a `String` would be; it transforms (`uppercased`…) as a `String` does.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, CustomReflectable, CustomStringConvertible,
    CustomDebugStringConvertible, TemplateValueConvertible
{
    let renderText: String
    var isNull: Bool { false }

    init(_ text: String) { renderText = text }

    var templateValue: TemplateValue { .text(self) }

    func transform(_ name: String) -> Any? { renderText.transform(name) }
    var customMirror: Mirror { renderText.customMirror }
    var description: String { renderText }
    var debugDescription: String { renderText.debugDescription }
}

/// A whole number a template prints, in decimal as an `Int` is; it transforms (`plusone`…) as an `Int` does.
struct TemplateNumber: MustacheCustomRenderable, MustacheTransformable, CustomReflectable, CustomStringConvertible,
    CustomDebugStringConvertible, TemplateValueConvertible
{
    let value: Int
    /// Made when asked for: a ``TemplateProgram`` writes the digits of ``value`` straight to the page.
    var renderText: String { String(value) }
    var isNull: Bool { false }

    init(_ value: Int) { self.value = value }

    var templateValue: TemplateValue { .number(self) }

    func transform(_ name: String) -> Any? { value.transform(name) }
    var customMirror: Mirror { value.customMirror }
    var description: String { renderText }
    var debugDescription: String { renderText }
}

/// No value, found where it is looked for.
///
/// Mustache prints nothing for it, skips its section and shows its inverted section, as for a name it cannot find,
/// but without searching the objects further up the stack; so it serves only names that no object further up holds.
struct TemplateNull: MustacheCustomRenderable, CustomReflectable, TemplateValueConvertible {
    var renderText: String { "" }
    var isNull: Bool { true }
    var customMirror: Mirror { Mirror(self, children: [:]) }
    var templateValue: TemplateValue { .null }
}
