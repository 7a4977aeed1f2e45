import Foundation
import Ingest
import Mustache

/// Renders the HTML digest: a page per meeting as each is built, then the index, actions, people and feed from
/// compact summaries of every meeting.
struct SiteRenderer: Sendable {
    /// What the overview pages need of one meeting, kept after its full record is gone.
    struct Summary: Sendable {
        var id: String
        var title: String
        var date: String?
        var location: String?
        var attendeeCount: Int
        var decisionCount: Int
        var actions: [Action]
        var people: [(group: String, person: Person)]

        /// The summary of `meeting`.
        init(_ meeting: Meeting) {
            id = meeting.id
            title = meeting.title ?? meeting.id
            date = meeting.date
            location = meeting.location
            attendeeCount = meeting.attendees.count
            decisionCount = meeting.decisions.count
            actions = meeting.actions
            people =
                meeting.attendees.map { ("attendee", $0) } + meeting.officials.map { ("official", $0) }
                + meeting.absent.map { ("absent", $0) }
        }
    }

    let library: MustacheLibrary
    let templates: [String: String]
    let files: [String: String]
    let buildDate: CalendarDate
    let siteTitle: String
    let siteURL: String

    /// Loads the default templates, then those in `templatesFolder` (by file name) over them.
    init(templatesFolder: String?, buildDate: CalendarDate, siteTitle: String, siteURL: String) throws {
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
        var library = MustacheLibrary()
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw SiteError(message: "template \(name) does not parse: \(error)")
            }
        }
        self.library = library
        self.templates = templates
        self.files = files
        self.buildDate = buildDate
        self.siteTitle = siteTitle
        self.siteURL = siteURL
    }

    struct SiteError: Error, CustomStringConvertible {
        var message: String
        var description: String { "error: \(message)" }
    }

    /// What every page shows; `meetingCount` only on the overview pages, so that a meeting's page does not change
    /// when another note is added.
    private func base(pageTitle: String, root: String, meetingCount: Int?) -> [String: Any] {
        let context: [String: Any?] = [
            "language": "en", "version": ToolVersion.current, "siteTitle": siteTitle, "pageTitle": pageTitle,
            "root": root, "buildDate": buildDate.description, "meetingCount": meetingCount,
        ]
        return context.compacted
    }

    private func render(_ template: String, _ context: [String: Any]) throws -> String {
        guard let html = library.render(context, withTemplate: template) else {
            throw SiteError(message: "no template named \(template)")
        }
        return html
    }

    // MARK: Meeting pages

    /// The note as HTML with its records marked in place: what a meeting page shows of the note itself, which
    /// depends on nothing but the note and its record.
    static func noteHTML(_ meeting: Meeting, document: NoteDocument) -> String {
        var marks: [Int: NoteHTML.Mark] = [:]
        for item in meeting.recommendations { marks[item.lines.first] = .recommendation }
        for item in meeting.decisions { marks[item.lines.first] = .decision }
        for item in meeting.actions { marks[item.lines.first] = .action }
        return NoteHTML.render(document, marks: marks)
    }

    /// What the pages depend on besides the records: templates, files, title, URL and the build date.
    var fingerprint: String {
        var parts = [ToolVersion.current, buildDate.description, siteTitle, siteURL]
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) { parts += [name, text] }
        for (name, text) in files.sorted(by: { $0.key < $1.key }) { parts += [name, text] }
        return NoteIngestor.digest(parts.joined(separator: "\u{0}"))
    }

    /// The page of one meeting, around its note rendered by ``noteHTML(_:document:)``.
    func meetingPage(_ meeting: Meeting, noteHTML: String) throws -> String {
        var context = base(pageTitle: safe(meeting.title ?? meeting.id), root: "../", meetingCount: nil)
        context["title"] = safe(meeting.title ?? "Untitled meeting")
        if let date = meeting.date { context["date"] = date }
        if let start = meeting.startTime {
            context["time"] = [start, meeting.endTime].compactMap { $0 }.joined(separator: "–")
        }
        if let location = meeting.location { context["location"] = safe(location) }
        context["sourcePath"] = safe(meeting.source.path)
        context["format"] = meeting.source.format.rawValue
        let groups: [(String, String, [Person])] = [
            ("attendees", "Attendees", meeting.attendees), ("officials", "Officials and guests", meeting.officials),
            ("apologies", "Apologies", meeting.absent),
        ]
        context["peopleGroups"] = groups.filter { !$0.2.isEmpty }.map { anchor, heading, people in
            [
                "anchor": anchor, "heading": heading, "count": people.count,
                "people": people.map { person in
                    [
                        "name": safe(person.name), "organization": safe(person.organization ?? ""),
                        "role": safe(person.role ?? ""), "handle": person.handle.map(safe),
                        "firstLine": person.lines.first, "lines": person.lines.description,
                    ].compacted
                },
            ].compacted
        }
        context["hasActions"] = !meeting.actions.isEmpty
        context["actionCount"] = meeting.actions.count
        context["actions"] = meeting.actions.map(actionContext)
        context["hasDecisions"] = !meeting.decisions.isEmpty
        context["decisions"] = meeting.decisions.map {
            ["id": $0.id, "text": safe($0.text), "firstLine": $0.lines.first, "lines": $0.lines.description].compacted
        }
        context["hasRecommendations"] = !meeting.recommendations.isEmpty
        context["recommendations"] = meeting.recommendations.map {
            [
                "id": $0.id, "text": safe($0.text), "to": $0.to.map(safe), "firstLine": $0.lines.first,
                "lines": $0.lines.description,
            ].compacted
        }
        context["noteHTML"] = noteHTML
        context["hasDiagnostics"] = !meeting.diagnostics.isEmpty
        context["diagnostics"] = meeting.diagnostics.map {
            ["severity": $0.severity.rawValue, "message": safe($0.message), "line": $0.position?.line].compacted
        }
        context["jsonLD"] = try jsonLD(meeting)
        return try render("meeting", context)
    }

    private func actionContext(_ action: Action) -> [String: Any] {
        let context: [String: Any?] = [
            "id": action.id, "text": safe(action.text), "owners": safe(action.owners.joined(separator: ", ")),
            "due": action.due, "dueText": safe(action.dueText ?? ""), "overdue": isOverdue(action),
            "firstLine": action.lines.first, "lines": action.lines.description,
        ]
        return context.compacted
    }

    private func isOverdue(_ action: Action) -> Bool {
        guard let due = action.due.flatMap(CalendarDate.init(iso:)) else { return false }
        return due < buildDate
    }

    /// schema.org `Event` with its attendees, as JSON-LD that cannot close its `<script>`.
    private func jsonLD(_ meeting: Meeting) throws -> String {
        var event: [(key: String, value: JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("Event")),
            ("name", .string(meeting.title ?? meeting.id)),
        ]
        if let date = meeting.date {
            event.append(("startDate", .string(meeting.startTime.map { "\(date)T\($0)" } ?? date)))
            if let end = meeting.endTime { event.append(("endDate", .string("\(date)T\(end)"))) }
        }
        if let location = meeting.location { event.append(("location", .string(location))) }
        let attendees = (meeting.attendees + meeting.officials).map { person -> JSONValue in
            var fields: [(key: String, value: JSONValue)] = [
                ("@type", .string("Person")), ("name", .string(person.name)),
            ]
            if let organization = person.organization {
                fields.append(
                    ("affiliation", .object([("@type", .string("Organization")), ("name", .string(organization))]))
                )
            }
            return .object(fields)
        }
        if !attendees.isEmpty { event.append(("attendee", .array(attendees))) }
        let json = HTML.scriptSafeJSON(JSONValue.object(event).serialized(pretty: false))
        return "<script type=\"application/ld+json\">\(json)</script>"
    }

    // MARK: Overview pages

    func indexPage(_ summaries: [Summary]) throws -> String {
        var context = base(pageTitle: "Meetings", root: "", meetingCount: summaries.count)
        context["actionCount"] = summaries.reduce(0) { $0 + $1.actions.count }
        context["meetings"] = LazyContexts(newestFirst(summaries)) { index in
            let summary = summaries[index]
            let item: [String: Any?] = [
                "id": summary.id, "title": safe(summary.title), "date": summary.date,
                "location": summary.location.map(safe), "attendeeCount": summary.attendeeCount,
                "actionCount": summary.actions.count, "decisionCount": summary.decisionCount,
            ]
            return item.compacted
        }
        return try render("index", context)
    }

    func actionsPage(_ summaries: [Summary]) throws -> String {
        // Which actions each owner has, as positions: the contexts are made as the page is rendered.
        var byOwner: [String: [(summary: Int, action: Int)]] = [:]
        for index in newestFirst(summaries) {
            for (position, action) in summaries[index].actions.enumerated() {
                let owners = action.owners.isEmpty ? ["Nobody named"] : action.owners
                for owner in owners { byOwner[owner, default: []].append((index, position)) }
            }
        }
        var context = base(pageTitle: "Actions", root: "", meetingCount: summaries.count)
        context["actionCount"] = summaries.reduce(0) { $0 + $1.actions.count }
        var anchors = MeetingIDAllocator()
        let owners = byOwner.keys.sorted { ownerOrder($0) < ownerOrder($1) }
        let ownerAnchors = owners.map { owner in
            let slug = Slug.make(owner)
            return anchors.unique("owner-" + (slug.isEmpty ? "x" : slug))
        }
        context["owners"] = LazyContexts(Array(owners.indices)) { ownerIndex in
            let owner = owners[ownerIndex]
            let actions = byOwner[owner] ?? []
            return [
                "owner": safe(owner), "anchor": ownerAnchors[ownerIndex], "count": actions.count,
                "actions": LazyContexts(actions) { place in
                    let summary = summaries[place.summary]
                    var item = actionContext(summary.actions[place.action])
                    item["meetingID"] = summary.id
                    item["meetingTitle"] = safe(summary.title)
                    if let date = summary.date { item["meetingDate"] = date }
                    return item
                },
            ]
        }
        return try render("actions", context)
    }

    /// Owners alphabetically, with actions nobody owns last.
    private func ownerOrder(_ owner: String) -> (Int, String) {
        (owner == "Nobody named" ? 1 : 0, owner.lowercased())
    }

    func peoplePage(_ summaries: [Summary]) throws -> String {
        struct Entry {
            var name: String
            var organizations: [String] = []
            /// Where the person appears, as positions in the summaries and their people.
            var meetings: [(summary: Int, person: Int)] = []
        }
        var people: [String: Entry] = [:]
        for index in newestFirst(summaries) {
            for (position, (_, person)) in summaries[index].people.enumerated() {
                let key = person.name.lowercased()
                var entry = people[key] ?? Entry(name: person.name)
                if let organization = person.organization, !entry.organizations.contains(organization) {
                    entry.organizations.append(organization)
                }
                entry.meetings.append((index, position))
                people[key] = entry
            }
        }
        var context = base(pageTitle: "People", root: "", meetingCount: summaries.count)
        context["personCount"] = people.count
        let entries = people.keys.sorted().compactMap { people[$0] }
        people = [:]
        context["persons"] = LazyContexts(entries) { entry in
            [
                "name": safe(entry.name), "organizations": safe(entry.organizations.joined(separator: "; ")),
                "meetings": LazyContexts(entry.meetings) { place in
                    let summary = summaries[place.summary]
                    let (group, person) = summary.people[place.person]
                    let meeting: [String: Any?] = [
                        "id": summary.id, "title": safe(summary.title), "date": summary.date ?? "undated",
                        "group": group, "role": person.role.map(safe),
                    ]
                    return meeting.compacted
                },
            ]
        }
        return try render("people", context)
    }

    func feed(_ summaries: [Summary]) throws -> String {
        let dated = newestFirst(summaries).prefix(50).map { summaries[$0] }
        let timestamp = { (date: String?) in (date ?? self.buildDate.description) + "T00:00:00Z" }
        var context = base(pageTitle: "Feed", root: "", meetingCount: summaries.count)
        context["siteURL"] = siteURL
        context["feedID"] = siteURL.isEmpty ? "urn:minutes:digest" : siteURL + "feed.xml"
        context["updated"] = timestamp(dated.first?.date)
        context["entries"] = dated.map { summary in
            [
                "id": summary.id, "title": safe(summary.title), "updated": timestamp(summary.date),
                "entryID": siteURL.isEmpty
                    ? "urn:minutes:meeting:\(summary.id)" : siteURL + "meetings/\(summary.id).html",
                "siteURL": siteURL, "author": siteTitle,
                "summary":
                    "\(summary.attendeeCount) attendees, \(summary.actions.count) actions, \(summary.decisionCount) decisions",
            ].compacted
        }
        return try render("feed", context)
    }

    /// The positions of `summaries`, newest first; undated meetings last, then by id.
    private func newestFirst(_ summaries: [Summary]) -> [Int] {
        summaries.indices.sorted {
            (summaries[$0].date ?? "", summaries[$1].id) > (summaries[$1].date ?? "", summaries[$0].id)
        }
    }

    private func safe(_ text: String) -> String { HTML.isolatingMarkup(DisplaySafety.neutralise(text)) }
}

/// A section's items, each context made only when the template reaches it, so that a page over the whole archive
/// never holds every item's context at once.
struct LazyContexts<Base: Collection>: Sequence, MustacheSequence {
    let base: Base
    let make: (Base.Element) -> [String: Any]

    init(_ base: Base, _ make: @escaping (Base.Element) -> [String: Any]) {
        self.base = base
        self.make = make
    }

    func makeIterator() -> LazyMapSequence<Base, [String: Any]>.Iterator {
        base.lazy.map(make).makeIterator()
    }
}

extension Dictionary where Key == String, Value == Any? {
    /// The entries with a value: Mustache shows a missing key as nothing, but a `nil` inside `Any` as "nil".
    var compacted: [String: Any] { compactMapValues { $0 } }
}
