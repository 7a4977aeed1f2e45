import Foundation
import Testing

@testable import Publish

@Suite struct SpillFileTests {
    @Test func recordsReadBackAsWrittenAcrossTheWriteBuffer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spill = try SpillFile(in: folder)
        // Records of many sizes, some larger than the 64 KiB buffer, so that reads cross flushed and buffered parts.
        let records = (0..<300).map { index in
            [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: index % 7 == 0 ? 70_000 + index : index * 13)
        }
        let refs = try records.map { try spill.append($0) }
        try spill.flush()
        for (record, ref) in zip(records, refs).reversed() {
            #expect(try spill.read(ref) == record)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "the file has no name")
    }

    @Test func aReadPastTheEndIsAnErrorNotGarbage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spill = try SpillFile(in: folder)
        let ref = try spill.append([1, 2, 3])
        try spill.flush()
        #expect(throws: OutputFolder.WriteError.self) {
            try spill.read(SpillFile.Ref(offset: ref.offset, length: 10))
        }
    }
}
