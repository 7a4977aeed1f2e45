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
    ExpressibleByDictionaryLiteral
{
    // Names and values apart, so that a lookup compares names without copying values.
    private var keys: [String] = []
    private var values: [Any] = []

    /// The entries with a value, in order; `nil` values are left out.
    init(dictionaryLiteral elements: (String, Any?)...) {
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            if let value {
                keys.append(key)
                values.append(value)
            }
        }
    }

    /// The names `keys` with `values`, in order, as many of each.
    ///
    /// For objects made by the thousand, from one list of names they share; every name has a value (``TemplateNull``
    /// for none found here).
    init(keys: [String], values: [Any]) {
        precondition(keys.count == values.count, "a value for each name")
        self.keys = keys
        self.values = values
    }

    /// The names and values, in order.
    var entries: [(key: String, value: Any)] { zip(keys, values).map { ($0, $1) } }

    /// Sets `key` to `value`, or removes it when `value` is `nil`.
    subscript(key: String) -> Any? {
        get { child(named: key) }
        set {
            switch (keys.firstIndex(of: key), newValue) {
            case (let place?, let value?): values[place] = value
            case (let place?, nil):
                keys.remove(at: place)
                values.remove(at: place)
            case (nil, let value?):
                keys.append(key)
                values.append(value)
            case (nil, nil): break
            }
        }
    }

    func child(named name: String) -> Any? {
        guard let place = keys.firstIndex(of: name) else { return nil }
        return values[place]
    }

    /// The entries a template can count or list: those that hold a value.
    private var present: [(key: String, value: Any)] { entries.filter { !($0.value is TemplateNull) } }

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

/// Text a template prints, escaped as a `String` would be; it transforms (`uppercased`…) as a `String` does.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, CustomReflectable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    let renderText: String
    var isNull: Bool { false }

    init(_ text: String) { renderText = text }

    func transform(_ name: String) -> Any? { renderText.transform(name) }
    var customMirror: Mirror { renderText.customMirror }
    var description: String { renderText }
    var debugDescription: String { renderText.debugDescription }
}

/// A whole number a template prints, in decimal as an `Int` is; it transforms (`plusone`…) as an `Int` does.
struct TemplateNumber: MustacheCustomRenderable, MustacheTransformable, CustomReflectable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    let value: Int
    let renderText: String
    var isNull: Bool { false }

    init(_ value: Int) {
        self.value = value
        renderText = String(value)
    }

    func transform(_ name: String) -> Any? { value.transform(name) }
    var customMirror: Mirror { value.customMirror }
    var description: String { renderText }
    var debugDescription: String { renderText }
}

/// No value, found where it is looked for.
///
/// Mustache prints nothing for it, skips its section and shows its inverted section, as for a name it cannot find,
/// but without searching the objects further up the stack; so it serves only names that no object further up holds.
struct TemplateNull: MustacheCustomRenderable, CustomReflectable {
    var renderText: String { "" }
    var isNull: Bool { true }
    var customMirror: Mirror { Mirror(self, children: [:]) }

    /// `value`, or no value.
    static func or(_ value: Any?) -> Any { value ?? TemplateNull() }
}
