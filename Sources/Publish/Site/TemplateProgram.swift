/// A built-in template read into tokens and rendered straight from ``TemplateObject``s: the same text as
/// swift-mustache gives for it, without the library's dynamic casts and name splitting at every look-up.
///
/// It reads the part of Mustache the built-in templates use: text, `{{name}}`, `{{{name}}}`, `{{.}}`, sections,
/// inverted sections, partials that are not indented, and the content-type pragma, each as the library reads it
/// (standalone lines included). A template with anything else (comments, dotted names, transforms, lambdas,
/// inheritance, other delimiters) is not read, and is left to the library.
struct TemplateProgram: Sendable {
    /// A piece of a template, as the library reads it.
    indirect enum Token: Sendable, Equatable {
        /// Text as its UTF-8 bytes, copied into a page as they are.
        case text([UInt8])
        case variable(TemplateName)
        case unescapedVariable(TemplateName)
        case section(TemplateName, [Token])
        case invertedSection(TemplateName, [Token])
        case partial(String)
    }

    /// The tokens laid out flat, as rendering walks them: nothing in them is counted by reference, so walking them
    /// copies nothing.
    private let code: Code

    /// `text`, a template as it is registered with the library (after ``TemplateEscaping/pragma``), read; `nil`
    /// when it holds what a program does not render as the library does.
    init?(_ text: String) {
        guard text.hasPrefix(TemplateEscaping.pragma) else { return nil }
        var reader = Reader(text)
        // The tokens are let go once laid out. Kept for a process's life (the fuzz target's renderer), their boxes
        // were reported leaked by LeakSanitizer: a reference to an indirect case's box carries the case in spare
        // bits, which it does not follow.
        guard let tokens = reader.tokens(closing: nil, newLine: true) else { return nil }
        code = Code(tokens)
    }

    /// Tokens as steps in one array: a text's bytes lie in one array of all the texts, a name is an index into the
    /// names, and a section's steps follow it, up to the step it names.
    private struct Code: Sendable {
        enum Kind: UInt8, Sendable {
            case text, variable, unescapedVariable, section, invertedSection, partial
        }

        /// One token: a text's range in ``text``, or a name's index in ``names`` (a partial's in ``partials``) and
        /// for a section the end of its steps.
        struct Step: Sendable {
            var kind: Kind
            var operand: Int32
            var start: Int32
            var end: Int32
        }

        private(set) var steps: [Step] = []
        private(set) var text: [UInt8] = []
        private(set) var names: [TemplateName] = []
        private(set) var partials: [String] = []

        init(_ tokens: [Token]) { add(tokens) }

        private mutating func add(_ tokens: [Token]) {
            for token in tokens {
                switch token {
                case .text(let bytes):
                    let start = text.count
                    text += bytes
                    steps.append(Step(kind: .text, operand: 0, start: Int32(start), end: Int32(text.count)))
                case .variable(let name): steps.append(Step(kind: .variable, operand: index(name), start: 0, end: 0))
                case .unescapedVariable(let name):
                    steps.append(Step(kind: .unescapedVariable, operand: index(name), start: 0, end: 0))
                case .section(let name, let inner): addSection(.section, name, inner)
                case .invertedSection(let name, let inner): addSection(.invertedSection, name, inner)
                case .partial(let name):
                    partials.append(name)
                    steps.append(Step(kind: .partial, operand: Int32(partials.count - 1), start: 0, end: 0))
                }
            }
        }

        private mutating func addSection(_ kind: Kind, _ name: TemplateName, _ inner: [Token]) {
            let place = steps.count
            steps.append(Step(kind: kind, operand: index(name), start: 0, end: 0))
            add(inner)
            steps[place].start = Int32(place + 1)
            steps[place].end = Int32(steps.count)
        }

        private mutating func index(_ name: TemplateName) -> Int32 {
            if let found = names.firstIndex(of: name) { return Int32(found) }
            names.append(name)
            return Int32(names.count - 1)
        }
    }

    /// The names of the partials the template renders.
    var partials: Set<String> { Set(code.partials) }

    /// The template rendered with `context`, its partials taken from `partials`, escaped by ``TemplateEscaping``:
    /// UTF-8 bytes, as a page is written.
    func render(_ context: TemplateObject, partials: [String: TemplateProgram]) -> [UInt8] {
        var out = ByteWriter(capacity: 32_768)
        render(context, partials: partials, into: &out)
        return out.bytes()
    }

    /// ``render(_:partials:)``, written to `out`.
    func render(_ context: TemplateObject, partials: [String: TemplateProgram], into out: inout ByteWriter) {
        var stack = Stack(values: [.object(context)], objects: [context])
        code.text.withUnsafeBufferPointer { text in
            Self.render(code, text, 0..<code.steps.count, stack: &stack, partials: partials, into: &out)
        }
    }

    /// The context stack: every value, and apart the objects among them, in the same order, where names are looked
    /// up without taking each value out of its case.
    private struct Stack {
        var values: [TemplateValue]
        var objects: [TemplateObject]

        mutating func push(_ value: TemplateValue) {
            values.append(value)
            if case .object(let object) = value { objects.append(object) }
        }

        mutating func push(_ object: TemplateObject) {
            values.append(.object(object))
            objects.append(object)
        }

        mutating func pop() {
            if case .object = values.removeLast() { objects.removeLast() }
        }

        /// The value `name` stands for: the top of the stack for `.`, else the first object from the top that holds
        /// it.
        ///
        /// Texts, numbers and lists on the stack hold no names (their mirrors have no labelled children).
        @inline(__always)
        func lookUp(_ name: TemplateName) -> TemplateValue? {
            if name.isDot { return values.last }
            var place = objects.count
            while place > 0 {
                place -= 1
                if let value = objects[place].value(named: name) { return value }
            }
            return nil
        }
    }

    /// Renders the steps `range` of `code`, its texts `text`.
    private static func render(
        _ code: Code,
        _ text: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        stack: inout Stack,
        partials: [String: TemplateProgram],
        into out: inout ByteWriter
    ) {
        var place = range.lowerBound
        while place < range.upperBound {
            let step = code.steps[place]
            place += 1
            switch step.kind {
            case .text: out.append(UnsafeBufferPointer(rebasing: text[Int(step.start)..<Int(step.end)]))
            case .variable:
                switch stack.lookUp(code.names[Int(step.operand)]) {
                case .text(let text)?: TemplateEscaping.escape(text.renderText, into: &out)
                case .number(let number)?: out.append(decimal: number.value)
                case .bytes(let bytes)?: bytes.withUnsafeBufferPointer { TemplateEscaping.escape($0, into: &out) }
                case let value?: TemplateEscaping.escape(printed(value), into: &out)
                case nil: break
                }
            case .unescapedVariable:
                switch stack.lookUp(code.names[Int(step.operand)]) {
                case .bytes(let bytes)?: out.append(bytes)
                case let value?: out.append(printed(value))
                case nil: break
                }
            case .section:
                let inner = Int(step.start)..<Int(step.end)
                place = inner.upperBound
                // As the library: each item of a list on the stack in turn, `true` without one, no value nothing,
                // and another value on the stack (an empty text too).
                switch stack.lookUp(code.names[Int(step.operand)]) {
                case .list(let list)?:
                    for object in list {
                        stack.push(object)
                        render(code, text, inner, stack: &stack, partials: partials, into: &out)
                        stack.pop()
                    }
                case .flag(let flag)?:
                    if flag { render(code, text, inner, stack: &stack, partials: partials, into: &out) }
                case .null?, nil: break
                case let value?:
                    stack.push(value)
                    render(code, text, inner, stack: &stack, partials: partials, into: &out)
                    stack.pop()
                }
            case .invertedSection:
                let inner = Int(step.start)..<Int(step.end)
                place = inner.upperBound
                switch stack.lookUp(code.names[Int(step.operand)]) {
                case .list(let list)?:
                    // The library puts the empty list on the stack.
                    if list.isEmpty {
                        stack.push(.list(list))
                        render(code, text, inner, stack: &stack, partials: partials, into: &out)
                        stack.pop()
                    }
                case .flag(let flag)?:
                    if !flag { render(code, text, inner, stack: &stack, partials: partials, into: &out) }
                case .null?, nil: render(code, text, inner, stack: &stack, partials: partials, into: &out)
                case .some: break
                }
            case .partial:
                if let partial = partials[code.partials[Int(step.operand)]] {
                    let partialCode = partial.code
                    partialCode.text.withUnsafeBufferPointer { partialText in
                        render(
                            partialCode,
                            partialText,
                            0..<partialCode.steps.count,
                            stack: &stack,
                            partials: partials,
                            into: &out
                        )
                    }
                }
            }
        }
    }

    /// What the library prints for `value`: the text of a text, number or no value, else its description.
    private static func printed(_ value: TemplateValue) -> String {
        switch value {
        case .text(let text): text.renderText
        case .number(let number): number.renderText
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .null: ""
        case .flag(let flag): String(describing: flag)
        case .object(let object): String(describing: object)
        case .list(let list): String(describing: list)
        }
    }

    /// Reads a template as swift-mustache's parser does, for the tags a program renders.
    private struct Reader {
        let characters: [Character]
        /// The template's UTF-8 bytes, and where each character starts in them (and where the text ends, last): a
        /// run of characters is made a `String` from its bytes, not a character at a time.
        let bytes: [UInt8]
        let offsets: [Int]
        var position = 0

        init(_ text: String) {
            var characters: [Character] = []
            var offsets: [Int] = []
            var offset = 0
            for character in text {
                characters.append(character)
                offsets.append(offset)
                offset += character.utf8.count
            }
            offsets.append(offset)
            self.characters = characters
            self.offsets = offsets
            bytes = Array(text.utf8)
        }

        /// The characters `range`, as a string: the same text as `String(characters[range])`.
        func text(_ range: Range<Int>) -> String {
            String(decoding: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
        }

        var atEnd: Bool { position == characters.count }
        var current: Character { atEnd ? "\0" : characters[position] }

        /// The tokens up to the end of the section `closing` (its closing tag read), or of the text when it is
        /// `nil`; `newLine` when reading starts at the start of a line.
        mutating func tokens(closing: String?, newLine startsLine: Bool) -> [Token]? {
            var tokens: [Token] = []
            var newLine = startsLine
            var whiteSpaceBefore = ""
            while !atEnd {
                if newLine { whiteSpaceBefore = read { $0 == " " || $0 == "\t" } }
                guard let text = readUntilTagOrNewline() else { return nil }
                if current.isNewline {
                    tokens.append(.text(Array((whiteSpaceBefore + text + String(current)).utf8)))
                    newLine = true
                    position += 1
                    continue
                }
                if !text.isEmpty {
                    tokens.append(.text(Array((whiteSpaceBefore + text).utf8)))
                    whiteSpaceBefore = ""
                    newLine = false
                }
                if atEnd { break }
                var setNewLine = false
                switch current {
                case "#", "^":
                    let inverted = current == "^"
                    position += 1
                    guard let name = readName() else { return nil }
                    if isStandalone(newLine) {
                        setNewLine = true
                    } else if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(Array(whiteSpaceBefore.utf8)))
                        whiteSpaceBefore = ""
                    }
                    guard let inner = self.tokens(closing: name, newLine: setNewLine) else { return nil }
                    tokens.append(
                        inverted ? .invertedSection(TemplateName(name), inner) : .section(TemplateName(name), inner)
                    )
                case "/":
                    position += 1
                    guard let name = readName(), name == closing else { return nil }
                    if !isStandalone(newLine), !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(Array(whiteSpaceBefore.utf8)))
                    }
                    return tokens
                case "{":
                    if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(Array(whiteSpaceBefore.utf8)))
                        whiteSpaceBefore = ""
                    }
                    position += 1
                    guard let name = readName(), current == "}" else { return nil }
                    position += 1
                    tokens.append(.unescapedVariable(TemplateName(name)))
                case ">":
                    position += 1
                    read(while: \.isWhitespace)
                    let name = read(while: Self.isPartialNameCharacter)
                    read(while: \.isWhitespace)
                    guard !name.isEmpty, !name.hasPrefix("*"), readEndDelimiter() else { return nil }
                    if !whiteSpaceBefore.isEmpty { tokens.append(.text(Array(whiteSpaceBefore.utf8))) }
                    if isStandalone(newLine) {
                        setNewLine = true
                        // An indented partial has its lines indented: not done here.
                        guard whiteSpaceBefore.isEmpty else { return nil }
                    }
                    tokens.append(.partial(name))
                    whiteSpaceBefore = ""
                case "%":
                    position += 1
                    guard readPragma() else { return nil }
                    setNewLine = isStandalone(newLine)
                case "!", "&", "<", "$", "=":
                    return nil
                default:
                    if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(Array(whiteSpaceBefore.utf8)))
                        whiteSpaceBefore = ""
                    }
                    guard let name = readName() else { return nil }
                    tokens.append(.variable(TemplateName(name)))
                }
                newLine = setNewLine
            }
            return closing == nil ? Self.joiningTexts(tokens) : nil
        }

        /// `tokens` with each run of texts made one text: the same text out, in fewer appends.
        static func joiningTexts(_ tokens: [Token]) -> [Token] {
            var joined: [Token] = []
            for token in tokens {
                switch (token, joined.last) {
                case (.text(let text), .text(let before)?): joined[joined.count - 1] = .text(before + text)
                case (.section(let name, let inner), _): joined.append(.section(name, joiningTexts(inner)))
                case (.invertedSection(let name, let inner), _):
                    joined.append(.invertedSection(name, joiningTexts(inner)))
                default: joined.append(token)
                }
            }
            return joined
        }

        @discardableResult
        mutating func read(while belongs: (Character) -> Bool) -> String {
            let start = position
            while !atEnd, belongs(characters[position]) { position += 1 }
            return text(start..<position)
        }

        /// Text up to a line feed (not read) or past `{{`; `nil` for a `{` that ends the text, which the library
        /// does not read.
        mutating func readUntilTagOrNewline() -> String? {
            var text = ""
            while !atEnd {
                text += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
                if current.isNewline { break }
                if current == "{" {
                    guard position + 1 < characters.count else { return nil }
                    if characters[position + 1] == "{" {
                        position += 2
                        break
                    }
                    text += "{"
                    position += 1
                }
            }
            return text
        }

        mutating func readEndDelimiter() -> Bool {
            guard position + 1 < characters.count, characters[position] == "}", characters[position + 1] == "}"
            else { return false }
            position += 2
            return true
        }

        /// A plain name or `.`, and the tag's end; `nil` for a dotted name or a transform.
        mutating func readName() -> String? {
            read(while: \.isWhitespace)
            let name = read(while: Self.isNameCharacter)
            read(while: \.isWhitespace)
            guard readEndDelimiter(), !name.isEmpty else { return nil }
            guard name == "." || !name.contains(where: { $0 == "." || $0 == "(" || $0 == ")" }) else { return nil }
            return name
        }

        /// The rest of ``TemplateEscaping/pragma``.
        mutating func readPragma() -> Bool {
            read(while: \.isWhitespace)
            let variable = read(while: Self.isNameCharacter)
            read(while: \.isWhitespace)
            guard variable == "CONTENT_TYPE", current == ":" else { return false }
            position += 1
            read(while: \.isWhitespace)
            let value = read(while: Self.isNameCharacter)
            read(while: \.isWhitespace)
            return value == TemplateEscaping.name && readEndDelimiter()
        }

        /// Whether the tag just read stands alone on its line; if so, the line's end is read.
        mutating func isStandalone(_ newLine: Bool) -> Bool {
            guard newLine else { return false }
            if atEnd { return true }
            var end = position
            while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
            guard end < characters.count, characters[end].isNewline else { return false }
            position = end + 1
            return true
        }

        /// Whether `character` may be in a name: an ASCII letter or digit, or one of `.-_?()*`.
        static func isNameCharacter(_ character: Character) -> Bool {
            // A character of several scalars has no ASCII value but CR LF, whose value (LF) is none of these.
            guard let byte = character.asciiValue else { return false }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                return true
            default: return "._-?()*".utf8.contains(byte)
            }
        }

        /// Whether `character` may be in a partial's name: a name's characters and `/`.
        static func isPartialNameCharacter(_ character: Character) -> Bool {
            character == "/" || isNameCharacter(character)
        }
    }
}
