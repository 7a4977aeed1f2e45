import Extract

@testable import Publish

// Whole copies of bytes the library hands on where they lie: tests compare them, a build never needs them.

extension NoteCacheEntry {
    /// The bytes of the entry of `key`: `record` is compact JSON as UTF-8 and `html` is the note's HTML as UTF-8,
    /// copied as it is.
    static func bytes(key: Digest, record: [UInt8], html: [UInt8]) -> [UInt8] {
        withParts(key: key, record: record, html: html) { Array($0.joined()) }
    }
}

extension SiteRenderer {
    /// The page of one meeting, around its note rendered by ``noteHTML(_:document:)``.
    func meetingPage(_ meeting: Meeting, noteHTML: [UInt8]) throws -> [UInt8] {
        try meetingPage(meeting, noteHTML: noteHTML) { Array($0) }
    }
}

extension SiteRenderer.OverviewPage {
    /// The page's bytes.
    func render() throws -> [UInt8] {
        var bytes: [UInt8] = []
        try write { bytes = Array($0) }
        return bytes
    }
}
