import Extract
import Foundation
import Ingest

/// Builds the output folder of an archive: `json/<id>.json`, `meetings.jsonl`, `schema/meeting.schema.json`,
/// `csv/*.csv` and the HTML digest in `site/`, with a cache in `.minutes-cache/` so that the next build redoes only
/// what changed.
///
/// Inputs are read and hashed first while they match the last build's; when nothing changed since the last build
/// (inputs, settings, templates, the tool's version) nothing is written. Otherwise notes are taken a batch at a time,
/// those not hashed yet read and hashed once, there: a note whose cache entry matches its path and bytes is not
/// extracted again, and a meeting whose page was rendered under the same key is not rendered again. A note that cannot
/// be read is a diagnostic, and the other notes carry on.
public struct ArchiveBuilder: Sendable {
    /// Why shard outputs cannot be merged.
    public struct MergeError: Error, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// `error: message`.
        public var description: String { "error: \(message)" }
    }

    /// The settings in force.
    public var options: BuildOptions

    /// Creates a builder.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds `files` (already collected and sorted) into `folder`; with a shard, only that part, into the cache.
    ///
    /// - Throws: ``OutputFolder/WriteError`` when a file cannot be written; problems in notes are diagnostics.
    public func build(_ files: [String], into folder: OutputFolder) throws -> BuildSummary {
        try folder.claim()
        let site = try makeSite()
        // With `--force` nothing is looked up: the entries start again from an empty pack.
        let cache = try NoteCache(root: folder.root, mode: options.force ? .fresh : .append)
        var previous = options.force ? nil : NoteCache.loadManifest(in: folder.root)
        let settings = options.recordSettings
        let inputs = Self.inputsDigest(files)
        let positions = files.indices.filter { options.shard?.contains($0) ?? true }
        var stats = BuildStats()
        // Each note's entry, as planned and then as made: the manifest names the entry each note got.
        var planned: [BuildManifest.Note] = []
        planned.reserveCapacity(positions.count)
        // Notes are hashed ahead only while the build may still be up to date. Once a note differs from the last
        // build's, the rest are read and hashed once each, as they are produced, rather than once to plan and again
        // to extract; with no manifest (a first build, `--force`) that is every note.
        var mayBeUpToDate = previous?.notes.count == positions.count
        while mayBeUpToDate, let previous, planned.count < positions.count {
            let part = positions[planned.count..<min(planned.count + 64 * options.jobs, positions.count)]
            for note in plan(part.map { ($0, files[$0]) }, stats: &stats) {
                mayBeUpToDate = mayBeUpToDate && Self.line(note) == Self.line(previous.notes[planned.count])
                planned.append(note)
            }
        }
        if mayBeUpToDate, let previous,
            previous.fingerprint == fingerprint(of: planned, inputCount: files.count, settings: settings, site: site),
            outputsExist(previous, site: site, cache: cache, in: folder)
        {
            var summary = previous.summary
            summary.upToDate = true
            summary.reused = planned.count { $0.key != nil }
            summary.stats = stats
            return summary
        }
        // From here outputs change: a build killed before its end must leave no manifest that vouches for them.
        try folder.remove(NoteCache.manifest)
        try folder.remove(NoteCache.legacyManifest)
        // Of the last build's manifest only its page keys are needed from here: memory holds no second list of notes.
        let previousPages = previous?.pageKeys ?? []
        previous = nil
        let publisher =
            options.shard == nil
            ? try ArchivePublisher(
                options: options,
                site: site,
                folder: folder,
                previousPages: previousPages,
                remake: { remake($0, key: $1) }
            ) : nil
        var summary = BuildSummary()
        var done = 0
        // Notes past those planned are produced from their path alone, read and hashed there.
        let plannedCount = planned.count
        // A cache with no entries (a first build) has none to look up. Entries this build makes are for notes it has
        // already produced.
        let lookUp = !options.force && !cache.pack.isEmpty
        // The threads read the planned notes while `planned` is filled again with each note's entry as it is made.
        let plannedNotes = planned
        planned = []
        planned.reserveCapacity(positions.count)
        let batchSize = 16 * options.jobs
        var entries: [ArchivePublisher.Entry] = []
        var paths: [String] = []
        // Notes are produced ahead by the threads and published here in order, a batch at a time: no thread waits
        // for the slowest note of a batch, nor for the publishing of the one before.
        try ParallelMap.forEachInOrder(Array(positions.indices), jobs: options.jobs, window: batchSize) { place in
            let note =
                place < plannedCount
                ? plannedNotes[place] : BuildManifest.Note(position: positions[place], path: files[positions[place]])
            return (
                note,
                produce(note, planned: place < plannedCount, lookUp: lookUp, settings: settings, cache: cache)
            )
        } _: { (note: BuildManifest.Note, result: Produced) throws in
            stats = stats + result.stats
            var read = note
            switch result.outcome {
            case .success(let item):
                if result.reused {
                    summary.reused += 1
                    cache.keep(item.key)
                } else {
                    // Stored here, in the notes' order, not by the thread that made it: the pack is the same bytes
                    // for every number of jobs (but where a damaged entry is made again, a batch later).
                    try cache.store(item.note, key: item.key)
                }
                // The note may have changed since it was hashed: the manifest names the entry made.
                read.key = item.key
                entries.append(.note(item))
                if publisher == nil { summary.count(item.note.meeting) }
            case .failure(let diagnostic):
                read.key = nil
                read.error = diagnostic
                entries.append(.failed(diagnostic))
                if publisher == nil { summary.diagnostics.append(diagnostic) }
            }
            planned.append(read)
            paths.append(read.path)
            done += 1
            guard entries.count == batchSize || done == positions.count else { return }
            let start = ContinuousClock.now
            try publisher?.add(entries)
            stats.publish += ContinuousClock.now - start
            options.progress?(BuildProgress(done: done, total: positions.count, reused: summary.reused, paths: paths))
            entries.removeAll(keepingCapacity: true)
            paths.removeAll(keepingCapacity: true)
        }
        let start = ContinuousClock.now
        var pages: [BuildManifest.Page] = []
        var overview: [String] = []
        if let publisher {
            try publisher.finish()
            let reused = summary.reused
            summary = publisher.summary
            summary.reused = reused
            pages = publisher.manifestPages
            overview = publisher.overviewFiles
        }
        try writeManifest(
            BuildManifest(
                version: ToolVersion.current,
                fingerprint: self.fingerprint(of: planned, inputCount: files.count, settings: settings, site: site),
                settings: settings,
                inputs: inputs,
                shard: options.shard,
                inputCount: files.count,
                notes: planned,
                pages: pages,
                overview: overview,
                summary: summary
            ),
            to: folder
        )
        summary.pruned = try prune(folder, cache: cache)
        stats.publish += ContinuousClock.now - start
        summary.stats = stats
        return summary
    }

    /// Joins the outputs of `minutes build --shard I/N` for every I into one output folder, the same as a build of
    /// the whole archive on one machine.
    ///
    /// - Throws: ``MergeError`` when the folders are not the shards of one build; ``OutputFolder/WriteError``.
    public func merge(_ shardFolders: [String], into folder: OutputFolder) throws -> BuildSummary {
        try folder.claim()
        var notes: [(note: BuildManifest.Note, cache: NoteCache)] = []
        var seen: Set<Int> = []
        var counts: Set<Int> = []
        var inputCounts: Set<Int> = []
        var settings: Set<String> = []
        var inputs: Set<String> = []
        for path in shardFolders {
            let root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
            guard root.path != folder.root.path else {
                throw MergeError(message: "\(path) is a shard: merge into another folder")
            }
            guard let manifest = NoteCache.loadManifest(in: root), let shard = manifest.shard else {
                throw MergeError(message: "\(path) holds no shard: build it with --shard I/N first")
            }
            guard manifest.version == ToolVersion.current else {
                throw MergeError(
                    message: "\(path) was built by minutes \(manifest.version), not \(ToolVersion.current)"
                )
            }
            guard seen.insert(shard.index).inserted else {
                throw MergeError(message: "\(path) holds shard \(shard), which another folder holds too")
            }
            counts.insert(shard.count)
            inputCounts.insert(manifest.inputCount)
            settings.insert(manifest.settings)
            inputs.insert(manifest.inputs)
            let cache = try NoteCache(root: root)
            notes += manifest.notes.map { ($0, cache) }
        }
        guard counts.count == 1, inputCounts.count == 1, let count = counts.first, let inputCount = inputCounts.first
        else {
            throw MergeError(message: "the folders are shards of different builds")
        }
        guard seen == Set(0..<count) else {
            let missing = Set(0..<count).subtracting(seen).sorted().map { "\($0)/\(count)" }
            throw MergeError(message: "shards missing: \(missing.joined(separator: ", "))")
        }
        guard inputs.count == 1 else {
            throw MergeError(message: "the shards were built from different lists of notes: build them again")
        }
        guard settings.count == 1, let shardSettings = settings.first else {
            throw MergeError(
                message: "the shards were built with different settings (minutes.yml, --month-first, --format or "
                    + "another build of minutes): build them again alike"
            )
        }
        // The pages of the last build or merge into this folder are reused where their keys are the same.
        let previousPages = NoteCache.loadManifest(in: folder.root)?.pageKeys ?? []
        try folder.remove(NoteCache.manifest)
        notes.sort { $0.note.position < $1.note.position }
        let site = try makeSite()
        // Every entry comes from the shards: the merged folder's pack starts again empty.
        let cache = try NoteCache(root: folder.root, mode: .fresh)
        let publisher = try ArchivePublisher(
            options: options,
            site: site,
            folder: folder,
            previousPages: previousPages,
            remake: { remake($0, key: $1) }
        )
        var stats = BuildStats()
        var done = 0
        for batch in notes.batches(of: 16 * options.jobs) {
            let start = ContinuousClock.now
            let loaded = ParallelMap.map(batch, jobs: options.jobs) {
                entry -> Result<ArchivePublisher.Item, MergeError> in
                guard let key = entry.note.key else {
                    return .failure(MergeError(message: entry.note.error?.description ?? entry.note.path))
                }
                // The record and its HTML, read at once here, in parallel: the merged folder gets a whole copy. An
                // entry damaged in the shard's pack is made again from its note, which this machine sees too.
                if let note = entry.cache.loadWhole(key) { return .success((entry.note.path, key, note, entry.cache)) }
                return remake(entry.note.path, key: key)
                    .map { (entry.note.path, key, $0, entry.cache) }
                    .mapError { failure in
                        MergeError(
                            message: "the cache entry of \(entry.note.path) is missing or damaged, and the note "
                                + "cannot be made again: \(failure.reason)"
                        )
                    }
            }
            var items: [ArchivePublisher.Entry] = []
            for (entry, result) in zip(batch, loaded) {
                switch result {
                case .success(let item):
                    try cache.store(item.note, key: item.key)
                    items.append(.note(item))
                case .failure(let error):
                    guard let diagnostic = entry.note.error else { throw error }
                    items.append(.failed(diagnostic))
                }
            }
            try publisher.add(items)
            stats.publish += ContinuousClock.now - start
            done += batch.count
            options.progress?(
                BuildProgress(done: done, total: notes.count, reused: done, paths: batch.map(\.note.path))
            )
        }
        try publisher.finish()
        let merged = notes.map(\.note)
        var summary = publisher.summary
        summary.reused = merged.count { $0.key != nil }
        try writeManifest(
            BuildManifest(
                version: ToolVersion.current,
                fingerprint: fingerprint(of: merged, inputCount: inputCount, settings: shardSettings, site: site),
                settings: shardSettings,
                inputs: inputs.first ?? "",
                shard: nil,
                inputCount: inputCount,
                notes: merged,
                pages: publisher.manifestPages,
                overview: publisher.overviewFiles,
                summary: summary
            ),
            to: folder
        )
        summary.pruned = try prune(folder, cache: cache)
        summary.stats = stats
        return summary
    }

    // MARK: Stages

    private func makeSite() throws -> SiteRenderer {
        try SiteRenderer(
            templatesFolder: options.templatesFolder,
            buildDate: options.buildDate,
            siteTitle: options.siteTitle,
            siteURL: options.siteURL
        )
    }

    /// Reads and hashes every note, a batch at a time, for its cache key.
    private func plan(_ inputs: [(position: Int, path: String)], stats: inout BuildStats) -> [BuildManifest.Note] {
        let ingestor = NoteIngestor(options: options.ingest)
        let settings = options.recordSettings
        var notes: [BuildManifest.Note] = []
        notes.reserveCapacity(inputs.count)
        for part in inputs.batches(of: 64 * options.jobs) {
            let planned = ParallelMap.map(part, jobs: options.jobs) { input -> (BuildManifest.Note, Duration) in
                let clock = ContinuousClock.now
                var note = BuildManifest.Note(position: input.position, path: input.path)
                do throws(IngestError) {
                    note.key = try Self.read(input.path, with: ingestor, settings: settings).key
                } catch {
                    note.error = error.diagnostic
                }
                return (note, ContinuousClock.now - clock)
            }
            for (note, time) in planned {
                notes.append(note)
                stats.read += time
            }
        }
        return notes
    }

    /// A note ready to publish, or why it is not.
    private enum Outcome: Sendable {
        case success(ArchivePublisher.Item)
        case failure(Diagnostic)
    }

    /// What producing one note gave.
    private struct Produced: Sendable {
        var outcome: Outcome
        var reused = false
        var stats = BuildStats()
    }

    /// A note's record and HTML: from the cache when its entry is there, else read, extracted and rendered, for the
    /// caller to store.
    ///
    /// A note that was not `planned` is read and hashed here, once, for its key; a planned note was hashed for the
    /// key it carries, and is read again only when its entry is not in the cache. The cache is asked only when
    /// `lookUp` (not with `--force`, nor when it has no entries). `settings` are the options' record settings, made
    /// once a build.
    private func produce(
        _ note: BuildManifest.Note,
        planned: Bool,
        lookUp: Bool,
        settings: String,
        cache: NoteCache
    ) -> Produced {
        var stats = BuildStats()
        var clock = ContinuousClock.now
        func lap() -> Duration {
            let now = ContinuousClock.now
            defer { clock = now }
            return now - clock
        }
        let ingestor = producer
        var read: Read?
        let key: Digest
        if planned {
            guard let planned = note.key else {
                return Produced(outcome: .failure(note.error ?? Diagnostic(.error, "cannot be read", file: note.path)))
            }
            key = planned
        } else {
            do throws(IngestError) {
                let fresh = try Self.read(note.path, with: ingestor, settings: settings)
                read = fresh
                key = fresh.key
                stats.read = lap()
            } catch {
                return Produced(outcome: .failure(error.diagnostic), stats: stats)
            }
        }
        if lookUp, let cached = cache.load(key) {
            return Produced(outcome: .success((note.path, key, cached, cache)), reused: true, stats: stats)
        }
        do {
            // The file may have changed since it was hashed: its entry goes under the key of what is read now.
            let current = try read ?? Self.read(note.path, with: ingestor, settings: settings)
            stats.read += lap()
            let made = try make(note.path, read: current, ingestor: ingestor, stats: &stats, lap: lap)
            return Produced(outcome: .success((note.path, current.key, made, cache)), stats: stats)
        } catch let error as IngestError {
            return Produced(outcome: .failure(error.diagnostic), stats: stats)
        } catch {
            return Produced(outcome: .failure(Diagnostic(.error, "\(error)", file: note.path)), stats: stats)
        }
    }

    /// The ingestor of notes to extract: it renders the note's HTML from the tree parsed for extraction, so that
    /// each note is parsed once.
    private var producer: NoteIngestor {
        var ingest = options.ingest
        ingest.rendersHTML = true
        return NoteIngestor(options: ingest)
    }

    /// A note's bytes as read, their SHA-256, and the key of the note's entry.
    private typealias Read = (bytes: [UInt8], sha256: String, key: Digest)

    /// The note at `path`, read with `ingestor`, its entry's key made with the record settings `settings`.
    private static func read(_ path: String, with ingestor: NoteIngestor, settings: String) throws(IngestError) -> Read
    {
        let bytes = try ingestor.read(path: path)
        let sha256 = NoteIngestor.digest(bytes)
        return (bytes, sha256, NoteCache.key(path: path, sha256: sha256, settings: settings))
    }

    /// The entry of the note at `path` as `read`: parsed once, extracted and rendered as HTML, each stage's time
    /// added to `stats` as `lap` measures it.
    private func make(
        _ path: String,
        read: Read,
        ingestor: NoteIngestor,
        stats: inout BuildStats,
        lap: () -> Duration
    ) throws -> CachedNote {
        let document = try ingestor.ingest(bytes: read.bytes, path: path, sha256: read.sha256)
        stats.parse += lap()
        let meeting = MeetingExtractor(options: options.extract).extract(document)
        stats.extract += lap()
        let html = SiteRenderer.noteHTML(meeting, document: document)
        let made = try CachedNote(meeting, html: html)
        stats.publish += lap()
        return made
    }

    /// The entry of the note at `path` made again from its file, for a page whose cached HTML is gone or damaged:
    /// when the file still holds what `key` was made from, else why not.
    private func remake(_ path: String, key: Digest) -> Result<CachedNote, ArchivePublisher.RemakeFailure> {
        let ingestor = producer
        let read: Read
        do throws(IngestError) {
            read = try Self.read(path, with: ingestor, settings: options.recordSettings)
        } catch {
            return .failure(ArchivePublisher.RemakeFailure(reason: error.message))
        }
        guard read.key == key else {
            return .failure(ArchivePublisher.RemakeFailure(reason: "it has changed since it was read: build again"))
        }
        var stats = BuildStats()
        do {
            return .success(try make(path, read: read, ingestor: ingestor, stats: &stats) { .zero })
        } catch {
            return .failure(ArchivePublisher.RemakeFailure(reason: "\(error)"))
        }
    }

    /// A digest of everything the outputs depend on.
    private func fingerprint(
        of notes: [BuildManifest.Note],
        inputCount: Int,
        settings: String,
        site: SiteRenderer
    ) -> String {
        let head = [
            ToolVersion.current, settings, site.fingerprint,
            "csv=\(options.csvGuardsFormulas),\(options.csvByteOrderMark)", "page=\(options.pageSize)",
            options.shard?.description ?? "whole",
            "\(inputCount)",
        ]
        // A line per note, made as it is hashed: an archive's worth of lines is never held at once.
        let lines = notes.lazy.map(Self.line)
        return Digest(joining: [AnySequence(head), AnySequence(lines)].joined()).description
    }

    /// What the fingerprint takes of a note: its position, path, and key or why it could not be read.
    private static func line(_ note: BuildManifest.Note) -> String {
        "\(note.position)\u{1}\(note.path)\u{1}\(note.key?.description ?? note.error?.description ?? "")"
    }

    /// A digest of every input's path, in order, which the shards of one build share.
    private static func inputsDigest(_ files: [String]) -> String {
        Digest(joining: files).description
    }

    /// Whether every file the last build wrote is still there: a file deleted by hand is written again.
    private func outputsExist(
        _ manifest: BuildManifest,
        site: SiteRenderer,
        cache: NoteCache,
        in folder: OutputFolder
    ) -> Bool {
        guard manifest.notes.allSatisfy({ $0.key.map(cache.pack.contains) ?? true }) else {
            return false
        }
        if options.shard != nil { return true }
        let overview = ["meetings.jsonl", "schema/meeting.schema.json"] + manifest.overview
        let tables = CSVTables.headers.map { "csv/\($0.file)" } + site.files.keys.map { "site/\($0)" }
        let pages = manifest.pages.flatMap { ["json/\($0.id).json", "site/meetings/\($0.id).html"] }
        return (overview + tables + pages).allSatisfy(folder.contains)
    }

    private func writeManifest(_ manifest: BuildManifest, to folder: OutputFolder) throws {
        var manifest = manifest
        manifest.summary.stats = BuildStats()
        manifest.summary.pruned = []
        manifest.summary.upToDate = false
        manifest.summary.reused = 0
        try manifest.write(to: folder, at: NoteCache.manifest)
    }

    /// Drops the cache's entries and the outputs this build did not use; returns the files removed.
    private func prune(_ folder: OutputFolder, cache: NoteCache) throws -> [String] {
        try cache.pack.prune(in: folder)
        // The entries of earlier builds, a file each: none is kept.
        var pruned = folder.prune(NoteCache.legacyEntries)
        folder.removeFolderIfEmpty(NoteCache.legacyEntries)
        // `site/` whole: the overview may need fewer pages than last time.
        if options.shard == nil { pruned += folder.prune("json") + folder.prune("site") }
        return pruned + folder.prune("")
    }
}
