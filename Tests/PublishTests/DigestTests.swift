import Foundation
import Ingest
import Testing

@testable import Publish

@Suite struct DigestTests {
    @Test func spellsTheSHA256OfTheTextInHex() {
        for text in ["", "abc", "Zoë\u{0}minutes", String(repeating: "x", count: 1000)] {
            #expect(Digest(of: text).description == NoteIngestor.digest(text))
        }
        #expect(
            Digest(of: "abc").description == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    }

    @Test func joiningHashesThePartsAsIfJoinedByNULBytes() {
        for parts in [[], [""], ["", ""], ["a"], ["settings", "0\u{1}a.md\u{1}key", "Zoë"]] {
            #expect(Digest(joining: parts) == Digest(of: parts.joined(separator: "\u{0}")))
        }
        #expect(Digest(joining: ["ab", "c"]) != Digest(joining: ["a", "bc"]))
    }

    @Test func readsBackFromHexAndRefusesWhatIsNotADigest() {
        let digest = Digest(of: "note")
        #expect(Digest(hex: digest.description) == digest)
        #expect(Digest(hex: digest.description.uppercased()) == nil)
        #expect(Digest(hex: String(digest.description.dropLast())) == nil)
        #expect(Digest(hex: digest.description + "0") == nil)
        #expect(Digest(hex: "") == nil)
        #expect(Digest(of: "a") != Digest(of: "b"))
    }

    @Test func codesAsAHexString() throws {
        let digest = Digest(of: "note")
        let data = try JSONEncoder().encode([digest])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(digest)\"]")
        #expect(try JSONDecoder().decode([Digest].self, from: data) == [digest])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Digest].self, from: Data("[\"xyz\"]".utf8)) }
    }
}
