/// Where the workers of a parallel export take slices and leave what they read, and where the
/// delivering thread waits for the next slice in order. Workers run at most `lookahead` slices
/// ahead of the delivery, so finished slices waiting for their turn stay few.
final class SliceBoard: @unchecked Sendable {
    typealias Outcome = Result<(SliceBuffer, ExportSliceStatistics, Int), any Error>

    private let condition = Condition()
    private let count: Int
    private let lookahead: Int
    private var next = 0
    private var deliveredThrough = -1
    private var outcomes: [Int: Outcome] = [:]
    private var stopped = false
    private var workers = 0

    init(count: Int, lookahead: Int) {
        self.count = count
        self.lookahead = lookahead
    }

    /// The next slice to read, waiting while the workers are far enough ahead; `nil` when
    /// there is none left or the export stopped.
    func take() -> Int? {
        condition.withLock {
            while !stopped && next < count && next > deliveredThrough + lookahead { condition.wait() }
            guard !stopped && next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Leaves the outcome of slice `index`.
    func finish(_ index: Int, with outcome: Outcome) {
        condition.withLock {
            outcomes[index] = outcome
            condition.broadcast()
        }
    }

    /// Waits for the outcome of slice `index` and takes it.
    func wait(for index: Int) -> Outcome {
        condition.withLock {
            while outcomes[index] == nil { condition.wait() }
            return outcomes.removeValue(forKey: index)!
        }
    }

    /// Slice `index` has been handed over.
    func delivered(_ index: Int) {
        condition.withLock {
            deliveredThrough = index
            condition.broadcast()
        }
    }

    /// No more slices are taken.
    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }

    func workerStarted() { condition.withLock { workers += 1 } }

    func workerEnded() {
        condition.withLock {
            workers -= 1
            condition.broadcast()
        }
    }

    /// Waits until every worker has ended.
    func waitForWorkers() {
        condition.withLock {
            while workers > 0 { condition.wait() }
        }
    }
}
