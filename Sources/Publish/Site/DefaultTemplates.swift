/// The templates of the HTML digest, shipped inside the binary; `--templates DIR` overrides any of them by file
/// name (`meeting.mustache`, `style.css`…).
///
/// Templates are Mustache: `{{name}}` escapes, and everything taken from a note is only ever put in with `{{ }}`.
/// The only triple-brace values are HTML and JSON that minutes made safe itself (the note rendered by cmark in its
/// safe mode, JSON-LD with `<` escaped).
enum DefaultTemplates {
    /// Mustache templates by name.
    static let mustache: [String: String] = [
        "head": head, "foot": foot, "pager": pager, "index": index, "meeting": meeting, "actions": actions,
        "people": people,
        "feed": feed,
    ]

    /// Static files by name.
    static let files: [String: String] = ["style.css": style, "filter.js": filter]

    static let head = """
        <!DOCTYPE html>
        <html lang="{{language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="minutes {{version}}">
        <title>{{pageTitle}} · {{siteTitle}}</title>
        <link rel="stylesheet" href="{{root}}style.css">
        <link rel="alternate" type="application/atom+xml" title="{{siteTitle}}" href="{{root}}feed.xml">
        {{{jsonLD}}}
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
        <p class="site-title"><a href="{{root}}index.html">{{siteTitle}}</a></p>
        <nav aria-label="Site">
        <ul>
        <li><a href="{{root}}index.html">Meetings</a></li>
        <li><a href="{{root}}actions.html">Actions</a></li>
        <li><a href="{{root}}people.html">People</a></li>
        <li><a href="{{root}}feed.xml">Feed</a></li>
        </ul>
        </nav>
        </header>
        <main id="main">

        """

    static let foot = """
        </main>
        <footer class="site">
        <p>Built by minutes {{version}} on {{buildDate}}{{#meetingCount}} from {{.}} notes{{/meetingCount}}.</p>
        </footer>
        </body>
        </html>

        """

    /// The links between the pages of an overview too long for one page; nothing when it fits on one.
    static let pager = """
        {{#pager}}
        <nav class="pager" aria-label="Pages">
        <p>Page {{number}} of {{count}}{{#previous}} · <a href="{{.}}" rel="prev">Previous</a>{{/previous}}{{#next}} · <a href="{{.}}" rel="next">Next</a>{{/next}}</p>
        <ol>
        {{#pages}}<li>{{#current}}<strong>{{label}}</strong>{{/current}}{{^current}}<a href="{{href}}">{{label}}</a>{{/current}}</li>
        {{/pages}}
        </ol>
        </nav>
        {{/pager}}

        """

    static let index = """
        {{> head}}<h1>Meetings</h1>
        <p class="lead">{{meetingCount}} meetings, newest first; {{actionCount}} actions.</p>
        <p class="filter"><label for="filter">Filter meetings</label>
        <input id="filter" type="search" data-filter="meetings" placeholder="Title, date or place" autocomplete="off"></p>
        {{> pager}}<table id="meetings" class="records">
        <caption>Meetings, newest first</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Meeting</th><th scope="col">Attendees</th><th scope="col">Actions</th><th scope="col">Decisions</th></tr></thead>
        <tbody>
        {{#meetings}}
        <tr><td>{{#date}}<time datetime="{{.}}">{{.}}</time>{{/date}}{{^date}}<span class="muted">undated</span>{{/date}}</td><td><a href="meetings/{{id}}.html">{{title}}</a>{{#location}}<br><span class="muted">{{.}}</span>{{/location}}</td><td class="number">{{attendeeCount}}</td><td class="number">{{actionCount}}</td><td class="number">{{decisionCount}}</td></tr>
        {{/meetings}}
        </tbody>
        </table>
        {{> pager}}<script src="filter.js"></script>
        {{> foot}}
        """

    static let meeting = """
        {{> head}}<article class="meeting">
        <h1>{{title}}</h1>
        <dl class="facts">
        {{#date}}<dt>Date</dt><dd><time datetime="{{.}}">{{.}}</time></dd>{{/date}}
        {{#time}}<dt>Time</dt><dd>{{.}}</dd>{{/time}}
        {{#location}}<dt>Place</dt><dd>{{.}}</dd>{{/location}}
        <dt>Source</dt><dd><code>{{sourcePath}}</code> ({{format}})</dd>
        </dl>
        {{#peopleGroups}}
        <section class="people">
        <h2 id="{{anchor}}">{{heading}}</h2>
        <table class="records">
        <caption>{{heading}} ({{count}})</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Organisation</th><th scope="col">Role</th><th scope="col">Lines</th></tr></thead>
        <tbody>
        {{#people}}<tr><th scope="row">{{name}}{{#handle}} <span class="muted">{{.}}</span>{{/handle}}</th><td>{{organization}}</td><td>{{role}}</td><td><a href="#L{{firstLine}}">{{lines}}</a></td></tr>
        {{/people}}
        </tbody>
        </table>
        </section>
        {{/peopleGroups}}
        {{#hasActions}}
        <section class="actions">
        <h2 id="actions">Actions</h2>
        <table class="records">
        <caption>Actions ({{actionCount}})</caption>
        <thead><tr><th scope="col">Action</th><th scope="col">Owners</th><th scope="col">Due</th><th scope="col">Lines</th></tr></thead>
        <tbody>
        {{#actions}}<tr id="{{id}}"><td>{{text}}</td><td>{{owners}}</td><td>{{#due}}<time datetime="{{.}}">{{.}}</time>{{/due}}{{^due}}{{dueText}}{{/due}}{{#overdue}} <strong class="overdue">overdue</strong>{{/overdue}}</td><td><a href="#L{{firstLine}}">{{lines}}</a></td></tr>
        {{/actions}}
        </tbody>
        </table>
        </section>
        {{/hasActions}}
        {{#hasDecisions}}
        <section class="decisions">
        <h2 id="decisions">Decisions</h2>
        <ol>
        {{#decisions}}<li id="{{id}}">{{text}} <a class="lines" href="#L{{firstLine}}">lines {{lines}}</a></li>
        {{/decisions}}
        </ol>
        </section>
        {{/hasDecisions}}
        {{#hasRecommendations}}
        <section class="recommendations">
        <h2 id="recommendations">Recommendations</h2>
        <ol>
        {{#recommendations}}<li id="{{id}}">{{text}}{{#to}} <span class="muted">(to {{.}})</span>{{/to}} <a class="lines" href="#L{{firstLine}}">lines {{lines}}</a></li>
        {{/recommendations}}
        </ol>
        </section>
        {{/hasRecommendations}}
        <section class="note">
        <h2 id="note">The note</h2>
        <div class="note-body">
        {{{noteHTML}}}
        </div>
        </section>
        {{#hasDiagnostics}}
        <section class="diagnostics">
        <h2 id="diagnostics">Reading problems</h2>
        <ul>
        {{#diagnostics}}<li>{{severity}}: {{message}}{{#line}} (<a href="#L{{.}}">line {{.}}</a>){{/line}}</li>
        {{/diagnostics}}
        </ul>
        </section>
        {{/hasDiagnostics}}
        </article>
        {{> foot}}
        """

    static let actions = """
        {{> head}}<h1>Actions</h1>
        <p class="lead">{{actionCount}} actions across {{meetingCount}} meetings, grouped by owner; due dates as of {{buildDate}}.</p>
        <p class="filter"><label for="filter">Filter actions</label>
        <input id="filter" type="search" data-filter="owners" placeholder="Owner or words" autocomplete="off"></p>
        {{> pager}}<div id="owners">
        {{#owners}}
        <section class="owner">
        <h2{{#anchor}} id="{{.}}"{{/anchor}}>{{owner}} <span class="muted">({{count}}){{#continued}}, continued{{/continued}}</span></h2>
        <table class="records">
        <thead><tr><th scope="col">Action</th><th scope="col">Due</th><th scope="col">Meeting</th></tr></thead>
        <tbody>
        {{#actions}}<tr><td>{{text}}</td><td>{{#due}}<time datetime="{{.}}">{{.}}</time>{{/due}}{{^due}}{{dueText}}{{/due}}{{#overdue}} <strong class="overdue">overdue</strong>{{/overdue}}</td><td><a href="meetings/{{meetingID}}.html#{{id}}">{{meetingTitle}}</a>{{#meetingDate}} <span class="muted">{{.}}</span>{{/meetingDate}}</td></tr>
        {{/actions}}
        </tbody>
        </table>
        </section>
        {{/owners}}
        </div>
        {{> pager}}<script src="filter.js"></script>
        {{> foot}}
        """

    static let people = """
        {{> head}}<h1>People</h1>
        <p class="lead">{{personCount}} people across {{meetingCount}} meetings.</p>
        <p class="filter"><label for="filter">Filter people</label>
        <input id="filter" type="search" data-filter="people" placeholder="Name or organisation" autocomplete="off"></p>
        {{> pager}}<table id="people" class="records">
        <caption>People and the meetings they attended</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Organisations</th><th scope="col">Meetings</th></tr></thead>
        <tbody>
        {{#persons}}
        <tr><th scope="row">{{name}}{{#continued}} <span class="muted">(continued)</span>{{/continued}}</th><td>{{organizations}}</td><td><ul class="plain">{{#meetings}}<li><a href="meetings/{{id}}.html">{{title}}</a> <span class="muted">{{date}} · {{group}}{{#role}}, {{.}}{{/role}}</span></li>{{/meetings}}</ul></td></tr>
        {{/persons}}
        </tbody>
        </table>
        {{> pager}}<script src="filter.js"></script>
        {{> foot}}
        """

    static let feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
        <title>{{siteTitle}}</title>
        <id>{{feedID}}</id>
        <updated>{{updated}}</updated>
        <generator version="{{version}}">minutes</generator>
        <link rel="self" href="{{siteURL}}feed.xml"/>
        <link rel="alternate" type="text/html" href="{{siteURL}}index.html"/>
        {{#entries}}
        <entry>
        <title>{{title}}</title>
        <id>{{entryID}}</id>
        <updated>{{updated}}</updated>
        <link rel="alternate" type="text/html" href="{{siteURL}}meetings/{{id}}.html"/>
        <author><name>{{author}}</name></author>
        <summary>{{summary}}</summary>
        </entry>
        {{/entries}}
        </feed>

        """

    static let filter = """
        // Filters the rows or sections of a digest page by the words typed in the search box. No network, no data.
        (function () {
          var box = document.getElementById('filter');
          if (!box) { return; }
          var target = document.getElementById(box.getAttribute('data-filter'));
          if (!target) { return; }
          var items = target.querySelectorAll('tbody tr, section.owner');
          box.addEventListener('input', function () {
            var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
            items.forEach(function (item) {
              var text = item.textContent.toLowerCase();
              item.hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
            });
          });
        })();

        """

    static let style = """
        :root {
          color-scheme: light dark;
          --text: #1b1b1f; --muted: #5a5a66; --background: #ffffff; --surface: #f4f4f7; --line: #d0d0d8;
          --link: #0b57d0; --focus: #b35c00; --mark-action: #fff4cc; --mark-decision: #dff5e3;
          --mark-recommendation: #e4ecff; --overdue: #a4000f;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --text: #ececf1; --muted: #b4b4c0; --background: #141418; --surface: #1f1f26; --line: #3a3a46;
            --link: #8ab4ff; --focus: #ffb86b; --mark-action: #4a3d00; --mark-decision: #123d1d;
            --mark-recommendation: #1d2a4d; --overdue: #ff8a8a;
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: var(--background); }
        main, header.site, footer.site { max-width: 68rem; margin: 0 auto; padding: 0 1.25rem; }
        header.site { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; border-bottom: 1px solid var(--line); }
        header.site ul { list-style: none; display: flex; gap: 1.25rem; padding: 0; }
        .site-title { font-weight: 700; }
        footer.site { border-top: 1px solid var(--line); margin-top: 3rem; color: var(--muted); font-size: 0.9rem; }
        a { color: var(--link); }
        a:focus-visible, input:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: var(--background); padding: 0.5rem; z-index: 1; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 1.5rem 0 0.5rem; }
        h2 { font-size: 1.35rem; margin-top: 2.25rem; }
        .lead, .muted { color: var(--muted); }
        .filter input { font: inherit; padding: 0.35rem 0.6rem; margin-left: 0.5rem; border: 1px solid var(--line); border-radius: 4px; background: var(--surface); color: var(--text); }
        table.records { width: 100%; border-collapse: collapse; margin: 1rem 0; }
        table.records caption { text-align: left; color: var(--muted); padding-bottom: 0.35rem; }
        table.records th, table.records td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--line); }
        table.records thead th { background: var(--surface); }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        time { white-space: nowrap; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        ul.plain { list-style: none; margin: 0; padding: 0; }
        nav.pager ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35rem 1rem; padding: 0; font-size: 0.9rem; }
        .overdue { color: var(--overdue); }
        .note-body { border: 1px solid var(--line); border-radius: 6px; padding: 0.25rem 1.25rem; background: var(--surface); overflow-wrap: anywhere; }
        .record.action { background: var(--mark-action); }
        .record.decision { background: var(--mark-decision); }
        .record.recommendation { background: var(--mark-recommendation); }
        :target { outline: 3px solid var(--focus); outline-offset: 2px; }
        pre.plain-note { white-space: pre-wrap; font: 0.95rem/1.5 ui-monospace, "SFMono-Regular", Menlo, monospace; counter-reset: line; }
        pre.plain-note .line { display: block; }
        pre.plain-note .line::before { counter-increment: line; content: counter(line); display: inline-block; width: 3.5ch; margin-right: 1ch; color: var(--muted); text-align: right; }
        @media print {
          header.site nav, .filter, .skip, script { display: none; }
          body { font-size: 11pt; color: #000; background: #fff; }
          a { color: inherit; text-decoration: none; }
          .note-body { border: none; background: none; padding: 0; }
          .record.action, .record.decision, .record.recommendation { background: none; border-left: 3pt solid #999; padding-left: 4pt; }
          table.records thead th { background: none; }
          section { break-inside: avoid-page; }
        }

        """
}
