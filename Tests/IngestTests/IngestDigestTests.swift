import Testing

@testable import Ingest

/// The hex spelling of SHA-256 digests, written digit by digit.
@Suite struct IngestDigestTests {
    @Test func digestsAreLowerCaseHex() {
        #expect(NoteIngestor.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(NoteIngestor.digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(NoteIngestor.digest(Array("abc".utf8)) == NoteIngestor.digest("abc"))
    }
}
