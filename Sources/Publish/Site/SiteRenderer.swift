import Foundation
import Ingest
import Mustache

/// Renders the HTML digest: a page per meeting as each is built, then the meetings, actions and people pages (a
/// page at a time, so many as the archive needs) and the feed from an ``OverviewIndex`` of every meeting.
struct SiteRenderer: Sendable {
    let library: MustacheLibrary
    let templates: [String: String]
    let files: [String: String]
    let buildDate: CalendarDate
    let siteTitle: String
    let siteURL: String

    /// Loads the default templates, then those in `templatesFolder` (by file name) over them.
    ///
    /// A page whose template and partials are all built in renders as a ``TemplateProgram``, the same text as
    /// swift-mustache's; with `usesPrograms` false (for tests that compare the two) every page renders through the
    /// library.
    init(
        templatesFolder: String?,
        buildDate: CalendarDate,
        siteTitle: String,
        siteURL: String,
        usesPrograms: Bool = true
    ) throws {
        var templates = DefaultTemplates.mustache
        var files = DefaultTemplates.files
        if let templatesFolder {
            let folder = URL(fileURLWithPath: templatesFolder)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            for name in names.sorted() {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                if name.hasSuffix(".mustache") {
                    templates[String(name.dropLast(".mustache".count))] = text
                } else if files[name] != nil {
                    files[name] = text
                }
            }
        }
        TemplateEscaping.register()
        (pagePrograms, partialPrograms) = usesPrograms ? Self.programs(templates) : ([:], [:])
        var library = MustacheLibrary()
        // The library renders the pages that are not programs, and reports a template that does not parse; with
        // every template built in and every page a program, it has nothing to do.
        if pagePrograms.count < Self.pageTemplates.count || templates != DefaultTemplates.mustache {
            for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
                do {
                    // As a partial and, if it is one, as a page, both selecting the faster escaping, same text out (a
                    // partial would otherwise escape as Mustache does, whatever its caller selected). The partial's
                    // pragma stands on a line of its own, which Mustache drops, so that a partial that starts with a
                    // section stays standalone.
                    try library.register(TemplateEscaping.pragma + "\n" + text, named: name)
                    if Self.pageTemplates.contains(name) {
                        try library.register(TemplateEscaping.pragma + text, named: TemplateEscaping.pageName(name))
                    }
                } catch {
                    // The template as written, so that the error names its own lines.
                    do { _ = try MustacheTemplate(string: text) } catch {
                        throw SiteError(message: "template \(name) does not parse: \(error)")
                    }
                    throw SiteError(message: "template \(name) does not parse: \(error)")
                }
            }
        }
        self.library = library
        self.templates = templates
        self.files = files
        self.buildDate = buildDate
        self.siteTitle = siteTitle
        self.siteURL = siteURL
        siteTitleText = TemplateText(siteTitle)
        buildDateText = TemplateText(buildDate.description)
    }

    /// The pages rendered as programs, and the partials they render, by name.
    private let pagePrograms: [String: TemplateProgram]
    private let partialPrograms: [String: TemplateProgram]

    /// Programs for the pages whose template, and every partial it renders, are the built-in ones (as written
    /// there) and read as programs; the others render through the library.
    private static func programs(
        _ templates: [String: String]
    ) -> (pages: [String: TemplateProgram], partials: [String: TemplateProgram]) {
        var pages: [String: TemplateProgram] = [:]
        var partials: [String: TemplateProgram] = [:]
        // The partial `name` as a program, when it is built in and reads as one.
        func partial(_ name: String) -> TemplateProgram? {
            if let program = partials[name] { return program }
            guard let text = templates[name], DefaultTemplates.mustache[name] == text else { return nil }
            partials[name] = TemplateProgram(TemplateEscaping.pragma + "\n" + text)
            return partials[name]
        }
        for name in pageTemplates {
            guard let text = templates[name], DefaultTemplates.mustache[name] == text,
                let program = TemplateProgram(TemplateEscaping.pragma + text)
            else { continue }
            // Every partial it renders, and theirs, must be a program too.
            var seen = Set<String>()
            var waiting = Array(program.partials)
            var rendersPrograms = true
            while rendersPrograms, let next = waiting.popLast() {
                guard seen.insert(next).inserted else { continue }
                if let partial = partial(next) { waiting += partial.partials } else { rendersPrograms = false }
            }
            if rendersPrograms { pages[name] = program }
        }
        return (pages, partials)
    }

    /// What every page prints of the title and the build date.
    private let siteTitleText: TemplateText
    private let buildDateText: TemplateText
    /// What every page prints of the program and the language.
    private static let versionText = TemplateText(ToolVersion.current)
    private static let languageText = TemplateText("en")

    /// The templates rendered as pages; the others (`head`, `foot`, `pager` and any a folder adds) only as partials.
    static let pageTemplates: Set<String> = ["index", "meeting", "actions", "people", "feed"]

    struct SiteError: Error, CustomStringConvertible {
        var message: String
        var description: String { "error: \(message)" }
    }

    /// What every page shows, with room for `capacity` names in all, so that a page adds its own without growing.
    ///
    /// `meetingCount` only on the overview pages, so that a meeting's page does not change when another note is
    /// added.
    private func base(pageTitle: String, root: String, meetingCount: Int?, capacity: Int) -> TemplateObject {
        // The names the head and foot look up most come first.
        var context = TemplateObject(
            keys: meetingCount == nil ? RowKeys.base : RowKeys.counted,
            values: [
                .text(TemplateText(root)), .text(siteTitleText), .text(TemplateText(pageTitle)),
                .text(Self.languageText),
                .text(Self.versionText), .text(buildDateText),
            ] + (meetingCount.map { [.number(TemplateNumber($0))] } ?? [])
        )
        context.reserveCapacity(capacity)
        return context
    }

    /// Hands `body` the page `template` renders with `context`, as the UTF-8 bytes it is written as, where they were
    /// rendered: a page goes to its file without a copy.
    private func render<Result>(
        _ template: String,
        _ context: TemplateObject,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        if let program = pagePrograms[template] {
            var out = ByteWriter(capacity: 32_768)
            program.render(context, partials: partialPrograms, into: &out)
            return try out.withBytes(body)
        }
        guard var html = library.render(context, withTemplate: TemplateEscaping.pageName(template)) else {
            throw SiteError(message: "no template named \(template)")
        }
        return try html.withUTF8(body)
    }

    // MARK: Meeting pages

    /// The note as HTML with its records marked in place: what a meeting page shows of the note itself, which
    /// depends on nothing but the note and its record; UTF-8 bytes, as the page and the cache take them.
    static func noteHTML(_ meeting: Meeting, document: NoteDocument) -> [UInt8] {
        // In this order, so that an action's mark wins over a decision's, and a decision's over a recommendation's.
        var marks: [(line: Int, mark: NoteHTML.Mark)] = []
        marks.reserveCapacity(meeting.recommendations.count + meeting.decisions.count + meeting.actions.count)
        for item in meeting.recommendations { marks.append((item.lines.first, .recommendation)) }
        for item in meeting.decisions { marks.append((item.lines.first, .decision)) }
        for item in meeting.actions { marks.append((item.lines.first, .action)) }
        return NoteHTML.render(document, marks: NoteHTML.LineMarks(inOrder: marks))
    }

    /// What the pages depend on besides the records: templates, files, title, URL and the build date.
    var fingerprint: String {
        var parts = [ToolVersion.current, buildDate.description, siteTitle, siteURL]
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) { parts += [name, text] }
        for (name, text) in files.sorted(by: { $0.key < $1.key }) { parts += [name, text] }
        return NoteIngestor.digest(parts.joined(separator: "\u{0}"))
    }

    /// Hands `body` the bytes of the page of one meeting, where they were rendered, around its note rendered by
    /// ``noteHTML(_:document:)`` (valid UTF-8: its bytes go into the page as they are).
    func meetingPage<Result>(
        _ meeting: Meeting,
        noteHTML: [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        var context = base(pageTitle: safe(meeting.title ?? meeting.id), root: "../", meetingCount: nil, capacity: 32)
        // Each name set once, in the order the subscript would have set them, appended without a search.
        context.append("title", .text(text(meeting.title ?? "Untitled meeting")))
        if let date = meeting.date { context.append("date", .text(TemplateText(date))) }
        if let start = meeting.startTime {
            context.append("time", .text(TemplateText(meeting.endTime.map { start + "–" + $0 } ?? start)))
        }
        if let location = meeting.location { context.append("location", .text(text(location))) }
        context.append("sourcePath", .text(text(meeting.source.path)))
        context.append("format", .text(TemplateText(meeting.source.format.rawValue)))
        let groups: [(String, String, [Person])] = [
            ("attendees", "Attendees", meeting.attendees), ("officials", "Officials and guests", meeting.officials),
            ("apologies", "Apologies", meeting.absent),
        ]
        let peopleGroups = groups.filter { !$0.2.isEmpty }.map { anchor, heading, people -> TemplateObject in
            TemplateObject(
                keys: RowKeys.peopleGroup,
                values: [
                    .text(TemplateText(anchor)), .text(TemplateText(heading)), .number(TemplateNumber(people.count)),
                    .list(
                        people.map { person in
                            TemplateObject(
                                keys: RowKeys.attendee,
                                values: [
                                    .text(text(person.name)), .text(or: person.handle.map(text)),
                                    .text(text(person.organization ?? "")), .text(text(person.role ?? "")),
                                    .number(TemplateNumber(person.lines.first)),
                                    .text(Self.linesText(person.lines)),
                                ]
                            )
                        }
                    ),
                ]
            )
        }
        context.append("peopleGroups", .list(peopleGroups))
        context.append("hasActions", .flag(!meeting.actions.isEmpty))
        context.append("actionCount", .number(TemplateNumber(meeting.actions.count)))
        context.append("actions", .list(meeting.actions.map { actionContext($0) }))
        context.append("hasDecisions", .flag(!meeting.decisions.isEmpty))
        let decisions = meeting.decisions.map { decision in
            TemplateObject(
                keys: RowKeys.decision,
                values: [
                    .text(TemplateText(decision.id)), .text(text(decision.text)),
                    .number(TemplateNumber(decision.lines.first)), .text(Self.linesText(decision.lines)),
                ]
            )
        }
        context.append("decisions", .list(decisions))
        context.append("hasRecommendations", .flag(!meeting.recommendations.isEmpty))
        let recommendations = meeting.recommendations.map { recommendation in
            TemplateObject(
                keys: RowKeys.recommendation,
                values: [
                    .text(TemplateText(recommendation.id)), .text(text(recommendation.text)),
                    .text(or: recommendation.to.map(text)), .number(TemplateNumber(recommendation.lines.first)),
                    .text(Self.linesText(recommendation.lines)),
                ]
            )
        }
        context.append("recommendations", .list(recommendations))
        context.append("noteHTML", .bytes(noteHTML))
        context.append("hasDiagnostics", .flag(!meeting.diagnostics.isEmpty))
        let diagnostics = meeting.diagnostics.map { diagnostic in
            TemplateObject(
                keys: RowKeys.diagnostic,
                values: [
                    .text(TemplateText(diagnostic.severity.rawValue)), .text(text(diagnostic.message)),
                    .number(or: diagnostic.position.map { TemplateNumber($0.line) }),
                ]
            )
        }
        context.append("diagnostics", .list(diagnostics))
        context.append("jsonLD", .bytes(Self.jsonLD(meeting)))
        return try render("meeting", context, body)
    }

    /// An action as the meeting and actions pages show it, with `meeting` (its id, title and date) on the actions
    /// page.
    private func actionContext(_ action: Action, meeting: MeetingTexts.Texts? = nil) -> TemplateObject {
        // One array, made as large as it will be.
        var values: [TemplateValue] = []
        values.reserveCapacity(meeting == nil ? RowKeys.action.count : RowKeys.listedAction.count)
        values.append(.text(TemplateText(action.id)))
        values.append(.text(text(action.text)))
        values.append(.text(text(action.owners.joined(separator: ", "))))
        values.append(.text(or: action.due.map(TemplateText.init)))
        values.append(.text(text(action.dueText ?? "")))
        values.append(.flag(isOverdue(action)))
        values.append(.number(TemplateNumber(action.lines.first)))
        values.append(.text(Self.linesText(action.lines)))
        guard let meeting else { return TemplateObject(keys: RowKeys.action, values: values) }
        values.append(.text(meeting.id))
        values.append(.text(meeting.title))
        values.append(.text(or: meeting.date))
        return TemplateObject(keys: RowKeys.listedAction, values: values)
    }

    /// The text of `lines` as a page prints it, ``LineSpan/description`` (`first-last`, or `first` for one line),
    /// made from the digits' bytes rather than by interpolation.
    static func linesText(_ lines: LineSpan) -> TemplateText {
        let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * JSONValue.maximumDigits + 1) { buffer in
            guard let base = buffer.baseAddress else { return lines.description }
            var count = JSONValue.digits(of: lines.first, into: base)
            if lines.last != lines.first {
                base[count] = UInt8(ascii: "-")
                count += 1
                count += JSONValue.digits(of: lines.last, into: base + count)
            }
            return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
        }
        return TemplateText(text)
    }

    /// What the people page prints for a meeting without a date.
    private static let undated = TemplateText("undated")

    /// The id, title and date of the meetings a page lists, as it prints them, each read from the index once.
    private struct MeetingTexts {
        typealias Texts = (id: TemplateText, title: TemplateText, date: TemplateText?)
        let index: OverviewIndex.Sealed
        private var known: [Int32: Texts] = [:]

        init(index: OverviewIndex.Sealed) { self.index = index }

        /// The texts of the meeting added `number`th.
        subscript(number: Int32) -> Texts {
            mutating get {
                if let texts = known[number] { return texts }
                let row = index.row(Int(number))
                let texts = (TemplateText(row.id), TemplateText(row.title), row.date.map(TemplateText.init))
                known[number] = texts
                return texts
            }
        }
    }

    /// The names of the objects made for each row of a list, in order, shared by all rows.
    private enum RowKeys {
        /// What every page shows (``base(pageTitle:root:meetingCount:capacity:)``), and with the meeting count.
        static let base: [TemplateName] = ["root", "siteTitle", "pageTitle", "language", "version", "buildDate"]
        static let counted: [TemplateName] = base + ["meetingCount"]
        static let peopleGroup: [TemplateName] = ["anchor", "heading", "count", "people"]
        static let attendee: [TemplateName] = ["name", "handle", "organization", "role", "firstLine", "lines"]
        static let owner: [TemplateName] = ["anchor", "owner", "count", "continued", "actions"]
        static let person: [TemplateName] = ["name", "continued", "organizations", "meetings"]
        static let decision: [TemplateName] = ["id", "text", "firstLine", "lines"]
        static let recommendation: [TemplateName] = ["id", "text", "to", "firstLine", "lines"]
        static let diagnostic: [TemplateName] = ["severity", "message", "line"]
        static let action: [TemplateName] = ["id", "text", "owners", "due", "dueText", "overdue", "firstLine", "lines"]
        static let listedAction: [TemplateName] = action + ["meetingID", "meetingTitle", "meetingDate"]
        static let meeting: [TemplateName] = [
            "date", "id", "title", "location", "attendeeCount", "actionCount", "decisionCount",
        ]
        static let appearance: [TemplateName] = ["id", "title", "date", "group", "role"]
    }

    private func isOverdue(_ action: Action) -> Bool {
        guard let due = action.due.flatMap(Self.date) else { return false }
        return due < buildDate
    }

    /// The date `text` names, as ``CalendarDate/init(iso:)`` reads it: `YYYY-MM-DD` read on its bytes, other text
    /// by that initialiser.
    static func date(_ text: String) -> CalendarDate? {
        let parts = text.withUTF8Bytes { bytes -> (year: Int, month: Int, day: Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        guard let parts else { return CalendarDate(iso: text) }
        return CalendarDate(year: parts.year, month: parts.month, day: parts.day)
    }

    /// schema.org `Event` with its attendees, as JSON-LD that cannot close its `<script>`: compact JSON, members in
    /// a fixed order, written straight to bytes: the UTF-8 bytes of the `<script>` element.
    static func jsonLD(_ meeting: Meeting) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(512)
        func literal(_ text: StaticString) {
            json.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        literal(#"{"@context":"https://schema.org","@type":"Event","name":"#)
        JSONValue.writeString(meeting.title ?? meeting.id, to: &json)
        if let date = meeting.date {
            literal(#","startDate":"#)
            JSONValue.writeString(meeting.startTime.map { date + "T" + $0 } ?? date, to: &json)
            if let end = meeting.endTime {
                literal(#","endDate":"#)
                JSONValue.writeString(date + "T" + end, to: &json)
            }
        }
        if let location = meeting.location {
            literal(#","location":"#)
            JSONValue.writeString(location, to: &json)
        }
        var first = true
        for people in [meeting.attendees, meeting.officials] {
            for person in people {
                literal(first ? #","attendee":[{"@type":"Person","name":"# : #",{"@type":"Person","name":"#)
                first = false
                JSONValue.writeString(person.name, to: &json)
                if let organization = person.organization {
                    literal(#","affiliation":{"@type":"Organization","name":"#)
                    JSONValue.writeString(organization, to: &json)
                    literal("}")
                }
                literal("}")
            }
        }
        if !first { literal("]") }
        literal("}")
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 64)
        out.append(contentsOf: #"<script type="application/ld+json">"#.utf8)
        // Copied a run at a time up to each `<`, `>`, `&` or unsafe character: most JSON-LD has none.
        json.withUnsafeBufferPointer { HTML.appendReplacing($0, HTML.jsonReplacement, quotes: false, to: &out) }
        out.append(contentsOf: "</script>".utf8)
        return out
    }

    // MARK: Overview pages

    /// One page of an overview: its file name in `site/` and how to render it.
    struct OverviewPage: Sendable {
        var name: String
        /// Renders the page and hands its bytes to the function it is given, where they were rendered.
        var write: @Sendable ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void
    }

    /// Every overview page of the archive in `index`, at most `pageSize` meetings, actions or appearances of people
    /// a page, each rendered only when asked for, so that no page grows with the archive.
    func overviewPages(_ index: OverviewIndex.Sealed, pageSize: Int) throws -> [OverviewPage] {
        try meetingsPages(index, pageSize: pageSize) + actionsPages(index, pageSize: pageSize)
            + peoplePages(index, pageSize: pageSize) + [OverviewPage(name: "feed.xml") { try feed(index, $0) }]
    }

    /// The pages of the list `name` (`index`, `actions`, `people`, each its template) over `count` items: each page
    /// gets the common context and its pager, then what `fill` adds for its range of items.
    private func pages(
        _ name: String,
        title: String,
        of index: OverviewIndex.Sealed,
        count: Int,
        pageSize: Int,
        label: (Range<Int>) throws -> String,
        fill: @escaping @Sendable (inout TemplateObject, Range<Int>) throws -> Void
    ) throws -> [OverviewPage] {
        let ranges = Self.pageRanges(count, size: pageSize)
        let labels = try ranges.map(label)
        return ranges.enumerated().map { offset, range in
            OverviewPage(name: Self.pageName(name, offset + 1)) { body in
                var context = base(pageTitle: title, root: "", meetingCount: index.meetingCount, capacity: 12)
                context["pager"] = pager(name, number: offset + 1, labels: labels)
                try fill(&context, range)
                try render(name, context, body)
            }
        }
    }

    private func meetingsPages(_ index: OverviewIndex.Sealed, pageSize: Int) throws -> [OverviewPage] {
        let order = index.newestFirst
        let actionCount = index.actionCount
        return try pages(
            "index",
            title: "Meetings",
            of: index,
            count: order.count,
            pageSize: pageSize,
            label: { range in Self.label(range.map { index.row(order[$0]).date ?? "undated" }) }
        ) { context, range in
            context["actionCount"] = TemplateNumber(actionCount)
            context["meetings"] = range.map { place in
                let row = index.row(order[place])
                return TemplateObject(
                    keys: RowKeys.meeting,
                    values: [
                        .text(or: row.date.map(TemplateText.init)), .text(TemplateText(row.id)),
                        .text(TemplateText(row.title)), .text(or: row.location.map(text)),
                        .number(TemplateNumber(row.attendeeCount)), .number(TemplateNumber(row.actionCount)),
                        .number(TemplateNumber(row.decisionCount)),
                    ]
                )
            }
        }
    }

    private func actionsPages(_ index: OverviewIndex.Sealed, pageSize: Int) throws -> [OverviewPage] {
        let actions = index.actions
        let actionCount = index.actionCount
        return try pages(
            "actions",
            title: "Actions",
            of: index,
            count: actions.count,
            pageSize: pageSize,
            label: { range in Self.label(try actions.records(range).map { index.ownerNames[Int($0.owner)] }) }
        ) { context, range in
            context["actionCount"] = TemplateNumber(actionCount)
            let refs = try actions.records(range)
            var meetings = MeetingTexts(index: index)
            context["owners"] = try Self.groups(refs.indices, of: refs.map(\.owner)).map { owner, part in
                let span = actions.span(of: owner)
                let continued = range.lowerBound + part.lowerBound > span.lowerBound
                return TemplateObject(
                    keys: RowKeys.owner,
                    values: [
                        continued ? .null : .text(TemplateText(index.ownerAnchors[Int(owner)])),
                        .text(text(index.ownerNames[Int(owner)])), .number(TemplateNumber(span.count)),
                        .flag(continued),
                        .list(
                            try refs[part].map { ref in
                                actionContext(try index.action(ref), meeting: meetings[ref.meeting])
                            }
                        ),
                    ]
                )
            }
        }
    }

    private func peoplePages(_ index: OverviewIndex.Sealed, pageSize: Int) throws -> [OverviewPage] {
        let people = index.people
        // A person is shown under the name of their newest appearance, with every organisation they gave.
        let name = { @Sendable (person: Int32) throws -> String in index.names[Int(try people.first(of: person).name)] }
        let groupNames = ["attendee", "official", "absent"].map(TemplateText.init)
        return try pages(
            "people",
            title: "People",
            of: index,
            count: people.count,
            pageSize: pageSize,
            label: { range in
                let ends = [range.first, range.last].compactMap { $0 }
                return Self.label(try ends.map { try name(try people.records($0..<($0 + 1))[0].person) })
            }
        ) { context, range in
            let appearances = try people.records(range)
            var meetings = MeetingTexts(index: index)
            context["personCount"] = TemplateNumber(index.personCount)
            context["persons"] = try Self.groups(appearances.indices, of: appearances.map(\.person)).map {
                person,
                part in
                let span = people.span(of: person)
                let start = range.lowerBound + part.lowerBound
                let all = span == start..<(start + part.count) ? Array(appearances[part]) : try people.records(span)
                var organizations: [Int32] = []
                for appearance in all where appearance.organization >= 0 {
                    if !organizations.contains(appearance.organization) {
                        organizations.append(appearance.organization)
                    }
                }
                // The person's newest appearance is the first of their span: on this page when the span starts here.
                let newest = start == span.lowerBound ? appearances[part.lowerBound] : try people.first(of: person)
                return TemplateObject(
                    keys: RowKeys.person,
                    values: [
                        .text(text(index.names[Int(newest.name)])), .flag(start > span.lowerBound),
                        .text(text(organizations.map { index.organizations[Int($0)] }.joined(separator: "; "))),
                        .list(
                            appearances[part].map { ref in
                                let meeting = meetings[ref.meeting]
                                return TemplateObject(
                                    keys: RowKeys.appearance,
                                    values: [
                                        .text(meeting.id), .text(meeting.title), .text(meeting.date ?? Self.undated),
                                        .text(groupNames[Int(ref.group)]),
                                        ref.role < 0 ? .null : .text(text(index.roles[Int(ref.role)])),
                                    ]
                                )
                            }
                        ),
                    ]
                )
            }
        }
    }

    private func feed(_ index: OverviewIndex.Sealed, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let dated = index.newestFirst.prefix(50).map { index.row($0) }
        let timestamp = { (date: String?) in (date ?? self.buildDate.description) + "T00:00:00Z" }
        var context = base(pageTitle: "Feed", root: "", meetingCount: index.meetingCount, capacity: 12)
        context["siteURL"] = TemplateText(siteURL)
        context["feedID"] = TemplateText(siteURL.isEmpty ? "urn:minutes:digest" : siteURL + "feed.xml")
        context["updated"] = TemplateText(timestamp(dated.first?.date))
        context["entries"] = dated.map { row -> TemplateObject in
            [
                "title": TemplateText(row.title),
                "entryID": TemplateText(
                    siteURL.isEmpty ? "urn:minutes:meeting:\(row.id)" : siteURL + "meetings/\(row.id).html"
                ),
                "updated": TemplateText(timestamp(row.date)), "siteURL": TemplateText(siteURL),
                "id": TemplateText(row.id), "author": TemplateText(siteTitle),
                "summary": TemplateText(
                    "\(row.attendeeCount) attendees, \(row.actionCount) actions, \(row.decisionCount) decisions"
                ),
            ]
        }
        try render("feed", context, body)
    }

    // MARK: Paging

    /// `count` items in pages of `size`: always one page at least, so that an empty archive still has its pages.
    static func pageRanges(_ count: Int, size: Int) -> [Range<Int>] {
        guard count > 0 else { return [0..<0] }
        let size = max(1, size)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// The file of page `number` (from 1) of the list `base`: `people.html`, then `people-2.html` and on.
    static func pageName(_ base: String, _ number: Int) -> String {
        number == 1 ? "\(base).html" : "\(base)-\(number).html"
    }

    /// What a page holds, for the pager: its first and last item.
    private static func label(_ items: [String]) -> String {
        guard let first = items.first, let last = items.last else { return "" }
        return first == last ? first : "\(first) – \(last)"
    }

    /// The pager of page `number` (from 1) of as many pages as `labels`; none when there is one page.
    private func pager(_ base: String, number: Int, labels: [String]) -> TemplateObject? {
        guard labels.count > 1 else { return nil }
        return [
            "number": TemplateNumber(number), "count": TemplateNumber(labels.count),
            "previous": number > 1 ? TemplateText(Self.pageName(base, number - 1)) : TemplateNull(),
            "next": number < labels.count ? TemplateText(Self.pageName(base, number + 1)) : TemplateNull(),
            "pages": labels.enumerated().map { offset, label -> TemplateObject in
                [
                    "current": offset + 1 == number, "label": text(label),
                    "href": TemplateText(Self.pageName(base, offset + 1)), "number": TemplateNumber(offset + 1),
                ]
            },
        ]
    }

    /// The runs of one key within `range` of `keys`, in order.
    private static func groups(_ range: Range<Int>, of keys: [Int32]) -> [(key: Int32, part: Range<Int>)] {
        var groups: [(key: Int32, part: Range<Int>)] = []
        var start = range.lowerBound
        for place in range where place + 1 == range.upperBound || keys[place + 1] != keys[place] {
            groups.append((keys[place], start..<(place + 1)))
            start = place + 1
        }
        return groups
    }

    private func safe(_ text: String) -> String { HTML.safe(text) }

    /// Text from a note as a page shows it (``HTML/safe(_:)``), for a template to print.
    private func text(_ text: String) -> TemplateText { TemplateText(HTML.safe(text)) }
}
