import Dispatch
import Glibc
import Synchronization

/// Runs independent jobs on every core while the memory they are expected to hold together stays
/// within a budget: a job starts when a core is free and its cost fits beside the jobs running
/// (or when nothing else runs, so that any job whose cost is within the budget can run).
enum BudgetedWork {
    /// `body(index)` for every index in `order`, the results by index.
    static func run<Result: Sendable>(order: [Int], count: Int, cost: (Int) -> Int, budget: Int,
                                      _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
        let results = Mutex([Result?](repeating: nil, count: count))
        let state = Mutex((running: 0, inFlight: 0))
        let finished = DispatchSemaphore(value: 0)
        let cores = max(1, System.coreCount)
        let group = DispatchGroup()
        for index in order {
            let needed = cost(index)
            while !state.withLock({ $0.running < cores && ($0.running == 0 || $0.inFlight + needed <= budget) }) {
                finished.wait()
            }
            state.withLock { $0.running += 1; $0.inFlight += needed }
            DispatchQueue.global().async(group: group) {
                let result = body(index)
                results.withLock { $0[index] = result }
                state.withLock { $0.running -= 1; $0.inFlight -= needed }
                finished.signal()
            }
        }
        group.wait()
        return results.withLock { $0.map { $0! } }
    }
}

/// Facts about the machine.
enum System {
    /// The cores this process may run on.
    static var coreCount: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
