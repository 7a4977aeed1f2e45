import Foundation
import Ingest

/// What tells one build of the running program from another, for the keys of cached records.
///
/// The linker's build ID where the executable has one (a hash of the linked program, in its first few kilobytes),
/// else the SHA-256 of the whole executable: hashing a binary of tens of megabytes costs a tenth of a second a run.
enum ProgramIdentity {
    /// `build-id:<hex>`, or the executable's SHA-256, or `unknown`.
    static let current: String = {
        guard let path = Bundle.main.executablePath else { return "unknown" }
        if let head = FileHandle(forReadingAtPath: path).flatMap({ try? $0.read(upToCount: headLength) }),
            let id = buildID(inELF: Array(head))
        {
            return "build-id:" + id.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
        // Streamed: the binary is tens of megabytes, more than a build otherwise holds.
        return NoteIngestor.digest(fileAt: path) ?? "unknown"
    }()

    /// How much of the executable is read for its build ID: linkers put the notes just after the headers.
    static let headLength = 64 * 1024

    /// The `NT_GNU_BUILD_ID` note of a little-endian 64-bit ELF file whose first bytes are `bytes`, if it has one of
    /// at least 8 bytes within them.
    static func buildID(inELF bytes: [UInt8]) -> [UInt8]? {
        // ELF magic, 64-bit, little-endian.
        guard bytes.count >= 64, bytes[0..<6] == [0x7F, 0x45, 0x4C, 0x46, 2, 1] else { return nil }
        func integer(_ offset: Int, _ size: Int) -> Int? {
            guard offset >= 0, offset <= bytes.count - size else { return nil }
            return (0..<size).reversed().reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
        }
        // Offsets past the bytes read give no ID (and no arithmetic on a hostile header can overflow).
        guard let headers = integer(32, 8), let headerSize = integer(54, 2), let headerCount = integer(56, 2),
            (0...bytes.count).contains(headers)
        else { return nil }
        for index in 0..<headerCount {
            let header = headers + index * headerSize
            // PT_NOTE segments: where they are in the file and how long.
            guard integer(header, 4) == 4, let start = integer(header + 8, 8), let size = integer(header + 32, 8),
                (0...bytes.count).contains(start), (0...bytes.count).contains(size)
            else { continue }
            var offset = start
            while offset + 12 <= start + size {
                guard let nameSize = integer(offset, 4), let descriptorSize = integer(offset + 4, 4),
                    let type = integer(offset + 8, 4)
                else { return nil }
                let name = offset + 12
                let descriptor = name + (nameSize + 3) & ~3
                if type == 3, nameSize == 4, integer(name, 4) == 0x0055_4E47, descriptorSize >= 8,  // "GNU\0"
                    descriptor + descriptorSize <= bytes.count
                {
                    return Array(bytes[descriptor..<descriptor + descriptorSize])
                }
                offset = descriptor + (descriptorSize + 3) & ~3
            }
        }
        return nil
    }
}
