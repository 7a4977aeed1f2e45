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

    @Test func theReaderAndTheCacheServeWhatWasAppended() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spill = try SpillFile(in: folder, bufferSize: 1000)
        // Sizes from none to larger than the reader's block, the cache's block and the write buffer.
        let records = (0..<400).map { index in
            (0..<(index % 37 == 0 ? 40_000 + index : index % 11 * 57)).map {
                UInt8(truncatingIfNeeded: $0 &* 31 &+ index)
            }
        }
        let refs = try records.map { record in try record.withUnsafeBytes { try spill.append($0) } }
        try spill.flush()
        #expect(spill.length == Int64(records.reduce(0) { $0 + $1.count }))
        let reader = SpillFile.Reader(spill, blockSize: 4096)
        for (record, ref) in zip(records, refs) {
            #expect(try reader.withBytes(ref) { Array($0) } == record)
        }
        // Back to an earlier record, and the cache from two places at once.
        #expect(try reader.withBytes(refs[3]) { Array($0) } == records[3])
        let cache = SpillFile.Cache(spill, blockSize: 2048, blockCount: 2)
        for (place, (record, ref)) in zip(records, refs).enumerated() {
            #expect(try cache.read(ref) == record)
            let other = records.count - 1 - place
            #expect(try cache.read(refs[other]) == records[other])
        }
        #expect(throws: OutputFolder.WriteError.self) {
            try cache.read(SpillFile.Ref(offset: spill.length - 2, length: 10))
        }
    }
}
