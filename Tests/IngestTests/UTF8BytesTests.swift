import Foundation
import Testing

@testable import Ingest

/// ``Swift/StringProtocol/withUTF8Bytes(_:)`` gives the text's UTF-8 bytes, read in place or from a copy.
@Suite struct UTF8BytesTests {
    @Test func givesTheUTF8Bytes() {
        let native = String(repeating: "Zoë & <O'Brien> ", count: 8)
        let texts = [
            "", "a", "short ascii", "fifteen bytes!!", "sixteen bytes!!!", "Zoë", native, String(native.dropFirst(3)),
            String(NSString(string: native)), String(decoding: [0x41, 0xE2, 0x80, 0x93, 0x42], as: UTF8.self),
        ]
        for text in texts {
            #expect(text.withUTF8Bytes { Array($0) } == Array(text.utf8), "\(text.debugDescription)")
            let part = text.dropFirst()
            #expect(part.withUTF8Bytes { Array($0) } == Array(part.utf8), "\(part.debugDescription)")
        }
    }
}
