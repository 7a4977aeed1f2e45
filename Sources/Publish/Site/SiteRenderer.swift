import Foundation
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
        self.files = files
        self.buildDate = buildDate
        self.siteTitle = siteTitle
        self.siteURL = siteURL
    }

    struct SiteError: Error, CustomStringConvertible {
        var message: String
        var description: String { "error: \(message)" }
    }

    private func base(pageTitle: String, root: String, meetingCount: Int) -> [String: Any] {
        [
            "language": "en", "version": ToolVersion.current, "siteTitle": siteTitle, "pageTitle": pageTitle,
            "root": root, "buildDate": buildDate.description, "meetingCount": meetingCount,
        ]
    }

    private func render(_ template: String, _ context: [String: Any]) throws -> String {
        guard let html = library.render(context, withTemplate: template) else {
            throw SiteError(message: "no template named \(template)")
        }
        return html
    }

    // MARK: Meeting pages

    func meetingPage(_ meeting: Meeting, document: NoteDocument, meetingCount: Int) throws -> String {
        var marks: [Int: NoteHTML.Mark] = [:]
        for item in meeting.recommendations { marks[item.lines.first] = .recommendation }
        for item in meeting.decisions { marks[item.lines.first] = .decision }
        for item in meeting.actions { marks[item.lines.first] = .action }
        var context = base(pageTitle: safe(meeting.title ?? meeting.id), root: "../", meetingCount: meetingCount)
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
        context["noteHTML"] = NoteHTML.render(document, marks: marks)
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
        context["meetings"] = newestFirst(summaries).map { summary in
            [
                "id": summary.id, "title": safe(summary.title), "date": summary.date,
                "location": summary.location.map(safe), "attendeeCount": summary.attendeeCount,
                "actionCount": summary.actions.count, "decisionCount": summary.decisionCount,
            ].compacted
        }
        return try render("index", context)
    }

    func actionsPage(_ summaries: [Summary]) throws -> String {
        var byOwner: [String: [[String: Any]]] = [:]
        for summary in newestFirst(summaries) {
            for action in summary.actions {
                var item = actionContext(action)
                item["meetingID"] = summary.id
                item["meetingTitle"] = safe(summary.title)
                if let date = summary.date { item["meetingDate"] = date }
                let owners = action.owners.isEmpty ? ["Nobody named"] : action.owners
                for owner in owners { byOwner[owner, default: []].append(item) }
            }
        }
        var context = base(pageTitle: "Actions", root: "", meetingCount: summaries.count)
        context["actionCount"] = summaries.reduce(0) { $0 + $1.actions.count }
        var anchors = MeetingIDAllocator()
        context["owners"] = byOwner.keys.sorted { ownerOrder($0) < ownerOrder($1) }.map { owner in
            let slug = Slug.make(owner)
            return [
                "owner": safe(owner),
                "anchor": anchors.unique("owner-" + (slug.isEmpty ? "x" : slug)),
                "count": byOwner[owner]?.count ?? 0, "actions": byOwner[owner] ?? [],
            ].compacted
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
            var meetings: [[String: Any]] = []
        }
        var people: [String: Entry] = [:]
        for summary in newestFirst(summaries) {
            for (group, person) in summary.people {
                let key = person.name.lowercased()
                var entry = people[key] ?? Entry(name: person.name)
                if let organization = person.organization, !entry.organizations.contains(organization) {
                    entry.organizations.append(organization)
                }
                let meeting: [String: Any?] = [
                    "id": summary.id, "title": safe(summary.title), "date": summary.date ?? "undated", "group": group,
                    "role": person.role.map(safe),
                ]
                entry.meetings.append(meeting.compacted)
                people[key] = entry
            }
        }
        var context = base(pageTitle: "People", root: "", meetingCount: summaries.count)
        context["personCount"] = people.count
        context["persons"] = people.keys.sorted().compactMap { people[$0] }.map { entry in
            [
                "name": safe(entry.name), "organizations": safe(entry.organizations.joined(separator: "; ")),
                "meetings": entry.meetings,
            ].compacted
        }
        return try render("people", context)
    }

    func feed(_ summaries: [Summary]) throws -> String {
        let dated = newestFirst(summaries).prefix(50)
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

    /// Newest first; undated meetings last, then by id.
    private func newestFirst(_ summaries: [Summary]) -> [Summary] {
        summaries.sorted { ($0.date ?? "", $1.id) > ($1.date ?? "", $0.id) }
    }

    private func safe(_ text: String) -> String { HTML.isolatingMarkup(DisplaySafety.neutralise(text)) }
}

extension Dictionary where Key == String, Value == Any? {
    /// The entries with a value: Mustache shows a missing key as nothing, but a `nil` inside `Any` as "nil".
    var compacted: [String: Any] { compactMapValues { $0 } }
}
