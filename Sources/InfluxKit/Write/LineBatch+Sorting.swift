import Glibc

extension LineBatch {
    /// Groups the lines by series: orders them by series key (measurement and tags as written,
    /// compared byte by byte) and, within a series, keeps them in input order, so that of two
    /// points of one series at one time the later one still wins.
    ///
    /// influxd spends markedly less time on a request whose points come sorted by series key.
    /// Every line keeps its source and line number, so the server's answers still map back.
    /// The sorted lines are written into the memory of `spare`, which gets the memory the
    /// lines were in (the same memory when they were in order already).
    mutating func sortBySeries(using spare: inout LineBatch) {
        guard lines.count > 1, let order = bytes.withUnsafeBytes({ seriesOrder(in: $0) }) else { return }
        spare.take(self, inOrder: order)
        swap(&self, &spare)
    }

    /// The indices of `lines` in series order, or `nil` when they already are in that order.
    private func seriesOrder(in buffer: UnsafeRawBufferPointer) -> [Int]? {
        func key(_ index: Int) -> SeriesKey {
            SeriesKey(bytes: UnsafeRawBufferPointer(rebasing: buffer[lines[index].key]))
        }
        guard (1..<lines.count).contains(where: { key($0) < key($0 - 1) }) else { return nil }
        // Number the series in order of appearance, then sort the (usually few) series.
        var seriesNumbers: [SeriesKey: Int] = [:]
        var seriesKeys: [SeriesKey] = []
        var seriesSizes: [Int] = []
        var seriesOfLine = [Int32](repeating: 0, count: lines.count)
        for index in lines.indices {
            let key = key(index)
            let number: Int
            if let known = seriesNumbers[key] {
                number = known
            } else {
                number = seriesKeys.count
                seriesNumbers[key] = number
                seriesKeys.append(key)
                seriesSizes.append(0)
            }
            seriesOfLine[index] = Int32(number)
            seriesSizes[number] += 1
        }
        // Where each series' lines start in the new order (a counting sort: stable).
        var next = [Int](repeating: 0, count: seriesKeys.count)
        var start = 0
        for number in seriesKeys.indices.sorted(by: { seriesKeys[$0] < seriesKeys[$1] }) {
            next[number] = start
            start += seriesSizes[number]
        }
        var order = [Int](repeating: 0, count: lines.count)
        for index in lines.indices {
            let number = Int(seriesOfLine[index])
            order[next[number]] = index
            next[number] += 1
        }
        return order
    }
}

/// The bytes of a series key in a batch's body, compared byte by byte.
private struct SeriesKey: Hashable, Comparable {
    let bytes: UnsafeRawBufferPointer
    /// A quick digest of the bytes, eight at a time: what `Hasher` gets instead of every byte.
    let digest: UInt64

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        var digest = UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            digest = (digest ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            digest ^= digest &>> 29
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count {
            tail = tail &<< 8 | UInt64(bytes[offset])
            offset += 1
        }
        self.digest = (digest ^ tail) &* 0x9E37_79B9_7F4A_7C15
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    static func == (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        lhs.digest == rhs.digest && lhs.bytes.count == rhs.bytes.count && compare(lhs, rhs, count: lhs.bytes.count) == 0
    }

    static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        let common = min(lhs.bytes.count, rhs.bytes.count)
        let order = compare(lhs, rhs, count: common)
        return order != 0 ? order < 0 : lhs.bytes.count < rhs.bytes.count
    }

    private static func compare(_ lhs: SeriesKey, _ rhs: SeriesKey, count: Int) -> Int32 {
        guard count > 0, let left = lhs.bytes.baseAddress, let right = rhs.bytes.baseAddress else { return 0 }
        return memcmp(left, right, count)
    }
}
