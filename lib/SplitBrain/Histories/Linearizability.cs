using System.Diagnostics;

namespace SplitBrain;

/// <summary>
/// Decides whether a history is linearizable: whether some order of its operations, each placed at one instant
/// between its invocation and its completion, is legal for a sequential model.
/// </summary>
/// <remarks>
/// <para>
/// The search is Wing and Gong's, with Lowe's memoisation (as Porcupine does it). The invocations and
/// completions form one list in time order. Walking it, the search tries to place ("linearize") the next
/// invoked operation: if the model accepts what the operation was told, the operation is lifted out of the list,
/// pushed on a stack, and the walk starts again from the front. Meeting a completion means that operation had to
/// be placed by now and was not: the search backtracks, undoing the last placement and trying the next candidate.
/// A pair (set of placed operations, model state) that was seen before leads where it led before, so the
/// search remembers each pair and never explores one twice. The list empties: linearizable. The stack
/// empties at a completion: not.
/// </para>
/// <para>
/// The worst case is exponential (a set of operations per state); memoisation keeps real histories small.
/// An indeterminate operation completes at the end of time: it may be placed anywhere after its invocation,
/// and placing it last is the same as its never taking effect. A model may split a history into independent
/// parts (one per key) that are checked alone, which turns one huge search into many small ones.
/// </para>
/// <para>
/// Two shortcuts keep indeterminate operations from multiplying the search: an indeterminate operation is never placed
/// where it would change nothing (it can as well go last, where it is always legal), and once every operation that
/// completed is placed, the indeterminate ones left all go last and the search is done. Two indeterminate operations
/// that do the same thing are interchangeable, so the later one waits until the earlier is placed. On Jepsen's etcd logs, with up to
/// 19 indeterminate operations each, this cuts the steps of the hardest log from 1.4 million to a few thousand.
/// </para>
/// </remarks>
public static class Linearizability
{
    /// <summary>Checks <paramref name="history"/> against <paramref name="model"/>.</summary>
    /// <typeparam name="TState">The model's state.</typeparam>
    /// <param name="model">The sequential specification.</param>
    /// <param name="history">The history.</param>
    /// <param name="options">Budget and progress; null for the defaults.</param>
    public static LinearizabilityResult Check<TState>(Model<TState> model, History history, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(history);
        options ??= new CheckOptions();
        var relevant = new List<Operation>(history.Count);
        foreach (var operation in history.Operations)
        {
            if (model.Matters(operation))
            {
                relevant.Add(operation);
            }
        }

        var parts = model.Partition(relevant);
        var budget = new Budget(options);
        var order = new List<Operation>(relevant.Count);
        bool unknown = false;
        for (int p = 0; p < parts.Count; p++)
        {
            var search = new Search<TState>(model, parts[p], budget, p, parts.Count);
            var outcome = search.Run();
            options.Progress?.Invoke(new CheckProgress(budget.Steps, p + 1, parts.Count, search.Deepest, parts[p].Count));
            if (outcome == Verdict.NotLinearizable)
            {
                return new LinearizabilityResult
                {
                    Model = model.Name,
                    Verdict = Verdict.NotLinearizable,
                    Operations = history.Count,
                    Parts = parts.Count,
                    Steps = budget.Steps,
                    Failure = search.Explain(parts.Count > 1 ? model.DescribePart(parts[p]) : null),
                };
            }

            if (outcome == Verdict.Unknown)
            {
                unknown = true;
                if (budget.Exhausted)
                {
                    break;
                }
            }
            else
            {
                order.AddRange(search.Order);
            }
        }

        return unknown
            ? new LinearizabilityResult
            {
                Model = model.Name,
                Verdict = Verdict.Unknown,
                Operations = history.Count,
                Parts = parts.Count,
                Steps = budget.Steps,
                UnknownReason = budget.Reason,
            }
            : new LinearizabilityResult
            {
                Model = model.Name,
                Verdict = Verdict.Linearizable,
                Operations = history.Count,
                Parts = parts.Count,
                Steps = budget.Steps,
                Linearization = order,
            };
    }

    /// <summary>The steps and time a check may still spend, shared by its parts.</summary>
    private sealed class Budget(CheckOptions options)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public CheckOptions Options { get; } = options;

        public long Steps { get; private set; }

        public bool Exhausted { get; private set; }

        public string? Reason { get; private set; }

        /// <summary>Counts one step; false once the budget is spent.</summary>
        public bool Take()
        {
            Steps++;
            if (Steps > Options.MaxSteps)
            {
                Exhausted = true;
                Reason = $"the search took {Options.MaxSteps:N0} steps without deciding (raise the step budget)";
                return false;
            }

            if ((Steps & 0xFFF) == 0 && Options.Timeout is { } timeout && clock.Elapsed > timeout)
            {
                Exhausted = true;
                Reason = $"the search ran out of its {timeout.TotalSeconds:0.###} s";
                return false;
            }

            return true;
        }
    }

    /// <summary>One search over one independent part of a history.</summary>
    private sealed class Search<TState>
    {
        private readonly Model<TState> model;
        private readonly IReadOnlyList<Operation> operations;
        private readonly Budget budget;
        private readonly int partIndex;
        private readonly int partCount;

        // The event list, doubly linked over arrays. Entries 0..2n-1 are events; entry 2n is the head.
        private readonly int[] next;
        private readonly int[] prev;
        private readonly int[] operationOf;
        private readonly int[] match; // for a call: its return entry; for a return: -1
        private readonly bool[] open; // indeterminate: its return is at the end of time
        private readonly int[] twin; // for an indeterminate operation: an earlier indeterminate one that does the same, or -1
        private readonly int head;
        private int definiteLeft; // operations with a completion not yet placed

        private readonly ulong[] placed;
        private readonly ulong[] keyOf;
        private readonly HashSet<Seen> seen = new(SeenComparer.Instance);
        private readonly EqualityComparer<TState> equality = EqualityComparer<TState>.Default;

        private int[] stackEntry;
        private TState[] stackState;
        private int depth;
        private ulong placedHash;

        private int bestDepth = -1;
        private int[] bestPrefix = [];
        private int bestStuck = -1;
        private TState? bestState;

        public Search(Model<TState> model, IReadOnlyList<Operation> operations, Budget budget, int partIndex, int partCount)
        {
            this.model = model;
            this.operations = operations;
            this.budget = budget;
            this.partIndex = partIndex;
            this.partCount = partCount;
            int n = operations.Count;
            next = new int[2 * n + 1];
            prev = new int[2 * n + 1];
            operationOf = new int[2 * n];
            match = new int[2 * n];
            open = new bool[n];
            twin = new int[n];
            head = 2 * n;
            placed = new ulong[(n + 63) / 64];
            keyOf = new ulong[n];
            stackEntry = new int[Math.Max(n, 1)];
            stackState = new TState[Math.Max(n, 1)];

            var events = new (long Time, int Kind, int Operation)[2 * n];
            for (int i = 0; i < n; i++)
            {
                var operation = operations[i];
                open[i] = operation.Outcome == OperationOutcome.Info || operation.Completed is null;
                long completed = open[i] ? long.MaxValue : operation.Completed!.Value;
                definiteLeft += open[i] ? 0 : 1;
                events[2 * i] = (operation.Invoked, 0, i);
                events[2 * i + 1] = (completed, 1, i);
                keyOf[i] = Mix((ulong)i + 1);
            }

            var lastAlike = new Dictionary<(string, string?, string), int>();
            for (int i = 0; i < n; i++)
            {
                twin[i] = -1;
                if (open[i])
                {
                    var alike = (operations[i].Function, operations[i].Key, Edn.Write(operations[i].Argument));
                    if (lastAlike.TryGetValue(alike, out int earlier))
                    {
                        twin[i] = earlier;
                    }

                    lastAlike[alike] = i;
                }
            }

            // Time order; at equal times a call comes before a return (the two overlap).
            Array.Sort(events, (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Operation.CompareTo(b.Operation));
            var callEntry = new int[n];
            for (int e = 0; e < events.Length; e++)
            {
                operationOf[e] = events[e].Operation;
                match[e] = -1;
                if (events[e].Kind == 0)
                {
                    callEntry[events[e].Operation] = e;
                }
                else
                {
                    match[callEntry[events[e].Operation]] = e;
                }
            }

            int last = head;
            for (int e = 0; e < events.Length; e++)
            {
                next[last] = e;
                prev[e] = last;
                last = e;
            }

            next[last] = -1;
        }

        /// <summary>The order found, when the part is linearizable.</summary>
        public List<Operation> Order { get; } = [];

        /// <summary>The deepest stack so far.</summary>
        public int Deepest { get; private set; }

        public Verdict Run()
        {
            TState state = model.Init();
            int entry = next[head];
            var options = budget.Options;
            while (definiteLeft > 0)
            {
                if (!budget.Take())
                {
                    return Verdict.Unknown;
                }

                if (options.Progress is { } progress && budget.Steps % options.ProgressEvery == 0)
                {
                    progress(new CheckProgress(budget.Steps, partIndex, partCount, Deepest, operations.Count));
                }

                if (match[entry] >= 0)
                {
                    int op = operationOf[entry];

                    // Two indeterminate operations that do the same are interchangeable: place the earlier one first.
                    bool twinWaiting = twin[op] >= 0 && (placed[twin[op] >> 6] & (1UL << (twin[op] & 63))) == 0;
                    if (!twinWaiting && model.Step(state, operations[op], out TState after) && !(open[op] && equality.Equals(after, state)))
                    {
                        placed[op >> 6] |= 1UL << (op & 63);
                        ulong hash = placedHash ^ keyOf[op];
                        var probe = new Seen(placed, hash, after, equality);
                        if (!seen.Contains(probe))
                        {
                            seen.Add(new Seen((ulong[])placed.Clone(), hash, after, equality));
                            stackEntry[depth] = entry;
                            stackState[depth] = state;
                            depth++;
                            if (depth > Deepest)
                            {
                                Deepest = depth;
                            }

                            placedHash = hash;
                            state = after;
                            definiteLeft -= open[op] ? 0 : 1;
                            Lift(entry);
                            entry = next[head];
                            continue;
                        }

                        placed[op >> 6] &= ~(1UL << (op & 63));
                    }

                    entry = next[entry];
                }
                else
                {
                    // A completion: its operation had to be placed by now. Remember the longest prefix that got here.
                    if (depth > bestDepth)
                    {
                        bestDepth = depth;
                        bestPrefix = stackEntry[..depth];
                        bestStuck = operationOf[entry];
                        bestState = state;
                    }

                    if (depth == 0)
                    {
                        return Verdict.NotLinearizable;
                    }

                    depth--;
                    int call = stackEntry[depth];
                    state = stackState[depth];
                    int op = operationOf[call];
                    placed[op >> 6] &= ~(1UL << (op & 63));
                    placedHash ^= keyOf[op];
                    definiteLeft += open[op] ? 0 : 1;
                    Unlift(call);
                    entry = next[call];
                }
            }

            for (int i = 0; i < depth; i++)
            {
                Order.Add(operations[operationOf[stackEntry[i]]]);
            }

            // The indeterminate operations not placed yet go last, in order of invocation, where any of them is legal.
            for (int e = next[head]; e != -1; e = next[e])
            {
                if (match[e] >= 0)
                {
                    Order.Add(operations[operationOf[e]]);
                }
            }

            return Verdict.Linearizable;
        }

        public LinearizabilityFailure Explain(string? part)
        {
            var prefix = bestPrefix.Select(e => operations[operationOf[e]]).ToArray();
            var stuck = operations[bestStuck];
            TState state = bestState!;
            bool legalHere = model.Step(state, stuck, out _);
            return new LinearizabilityFailure
            {
                Part = part,
                Prefix = prefix,
                PrefixInWords = prefix.Select(model.Describe).ToArray(),
                Stuck = stuck,
                Returned = model.Describe(stuck),
                State = model.DescribeState(state),
                Allowed = legalHere
                    ? "this answer here, but then the operations that completed before it was invoked cannot all follow"
                    : model.Allowed(state, stuck),
            };
        }

        private void Lift(int call)
        {
            next[prev[call]] = next[call];
            if (next[call] != -1)
            {
                prev[next[call]] = prev[call];
            }

            int ret = match[call];
            next[prev[ret]] = next[ret];
            if (next[ret] != -1)
            {
                prev[next[ret]] = prev[ret];
            }
        }

        private void Unlift(int call)
        {
            int ret = match[call];
            next[prev[ret]] = ret;
            if (next[ret] != -1)
            {
                prev[next[ret]] = ret;
            }

            next[prev[call]] = call;
            if (next[call] != -1)
            {
                prev[next[call]] = call;
            }
        }

        private static ulong Mix(ulong x)
        {
            // SplitMix64's finaliser: a fixed, well-spread 64-bit key per operation.
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }

        /// <summary>A (placed set, state) pair the search has explored.</summary>
        private readonly struct Seen(ulong[] placed, ulong hash, TState state, EqualityComparer<TState> equality)
        {
            public readonly ulong[] Placed = placed;
            public readonly ulong Hash = hash;
            public readonly TState State = state;
            public readonly EqualityComparer<TState> Equality = equality;
        }

        private sealed class SeenComparer : IEqualityComparer<Seen>
        {
            public static readonly SeenComparer Instance = new();

            public bool Equals(Seen a, Seen b) =>
                a.Hash == b.Hash && a.Placed.AsSpan().SequenceEqual(b.Placed) && a.Equality.Equals(a.State, b.State);

            public int GetHashCode(Seen seen) =>
                HashCode.Combine(seen.Hash, seen.State is null ? 0 : seen.Equality.GetHashCode(seen.State));
        }
    }
}
