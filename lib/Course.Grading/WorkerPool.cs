using System.Diagnostics;
using System.Globalization;

namespace Course.Grading;

/// <summary>
/// Runs one submission's graded tests in a small pool of worker processes (<see cref="WorkerProcess"/>), the
/// exercises shared out among them, and turns whatever happens into one outcome per test.
/// </summary>
/// <remarks>
/// A test still running after the per-test limit fails with "timed out" and its worker is killed; a worker that
/// ends during a test (<c>Environment.Exit</c>, a stack overflow, any crash) fails that test with what happened.
/// Either way a fresh worker takes over at the next test. When the submission's own time cap runs out, every
/// worker is killed and each test without a result fails with "not run: the time cap ...".
/// </remarks>
internal static class WorkerPool
{
    /// <summary>How the message of a test that was stopped (or never started) at the submission's time cap begins.</summary>
    public const string CappedPrefix = "Not run: the submission's time cap";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(15);

    /// <summary>Runs the tests <paramref name="indices"/> of <paramref name="plan"/> in <paramref name="work"/>.</summary>
    /// <param name="plan">Every graded test.</param>
    /// <param name="indices">The plan indices to run, in order.</param>
    /// <param name="work">The work folder holding the worker's files.</param>
    /// <param name="options">The per-test limit, the per-submission cap and the number of workers.</param>
    /// <param name="sandbox">How to isolate the workers.</param>
    /// <param name="hidden">Folders the workers must not see.</param>
    /// <returns>One outcome per index, and whether the time cap stopped the run.</returns>
    public static (Dictionary<int, TestOutcome> Outcomes, bool Capped) Run(
        IReadOnlyList<GradedTest> plan, IReadOnlyList<int> indices, string work, GradeOptions options, Sandbox sandbox, IReadOnlyList<string> hidden)
    {
        var outcomes = new Dictionary<int, TestOutcome>();
        var slots = Share(plan, indices, Math.Max(1, options.Workers)).Select(q => new Slot(q)).ToList();
        var cap = Stopwatch.StartNew();
        bool capped = false;
        try
        {
            while (slots.Any(s => s.Remaining.Count > 0))
            {
                if (cap.Elapsed > options.SubmissionTimeCap)
                {
                    capped = true;
                    break;
                }

                foreach (var slot in slots)
                {
                    Step(slot, plan, outcomes, work, options, sandbox, hidden);
                }

                Thread.Sleep(Poll);
            }
        }
        finally
        {
            foreach (var slot in slots)
            {
                slot.Worker?.Dispose();
            }
        }

        if (capped)
        {
            var seconds = options.SubmissionTimeCap.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            foreach (var index in indices)
            {
                if (!outcomes.ContainsKey(index))
                {
                    outcomes[index] = new TestOutcome(plan[index], TestStatus.Fail,
                        $"{CappedPrefix} of {seconds} s ran out before this test finished: earlier tests hung or ran long. Fix those first.", "");
                }
            }
        }

        return (outcomes, capped);
    }

    /// <summary>Shares the tests out among <paramref name="workers"/> queues, a whole exercise to one queue, keeping the plan's order.</summary>
    private static List<Queue<int>> Share(IReadOnlyList<GradedTest> plan, IReadOnlyList<int> indices, int workers)
    {
        var exercises = indices.Select(i => plan[i].Exercise).Distinct().ToList();
        var queues = Enumerable.Range(0, Math.Min(workers, Math.Max(1, exercises.Count))).Select(_ => new Queue<int>()).ToList();
        foreach (var index in indices)
        {
            queues[exercises.IndexOf(plan[index].Exercise) % queues.Count].Enqueue(index);
        }

        return queues;
    }

    private static void Step(Slot slot, IReadOnlyList<GradedTest> plan, Dictionary<int, TestOutcome> outcomes, string work, GradeOptions options, Sandbox sandbox, IReadOnlyList<string> hidden)
    {
        if (slot.Remaining.Count == 0)
        {
            return;
        }

        if (slot.Worker is null)
        {
            slot.Worker = new WorkerProcess(work, string.Join(',', slot.Remaining), sandbox, hidden);
            slot.Running = -1;
            slot.Progressed = false;
        }

        var worker = slot.Worker;
        bool ended = worker.HasEnded;
        while (worker.TryTake(out var line))
        {
            Read(slot, line, plan, outcomes);
        }

        if (ended)
        {
            if (slot.Running >= 0)
            {
                Finish(slot, outcomes, new TestOutcome(plan[slot.Running], TestStatus.Fail, Crashed(worker), ""));
            }
            else if (!slot.Progressed)
            {
                // The worker ended before its first test: nothing it could run will go better next time.
                var why = $"The graded tests could not run (exit code {worker.ExitCode}). {Tail(worker.Errors)}";
                while (slot.Remaining.Count > 0)
                {
                    Finish(slot, outcomes, new TestOutcome(plan[slot.Remaining.Peek()], TestStatus.Fail, why, ""));
                }
            }

            worker.Dispose();
            slot.Worker = null;
        }
        else if (slot.Running >= 0 && slot.Since.Elapsed > options.TestTimeout)
        {
            worker.Kill();
            var seconds = options.TestTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            Finish(slot, outcomes, new TestOutcome(plan[slot.Running], TestStatus.Fail,
                $"{Grader.TimedOutPrefix} {seconds} s: the code ran on and on. Look for a loop that never ends or a wait that nothing ends.", ""));
            worker.Dispose();
            slot.Worker = null;
        }
    }

    private static void Read(Slot slot, WorkerLine? line, IReadOnlyList<GradedTest> plan, Dictionary<int, TestOutcome> outcomes)
    {
        if (line is null || slot.Remaining.Count == 0)
        {
            if (slot.Running >= 0)
            {
                Finish(slot, outcomes, new TestOutcome(plan[slot.Running], TestStatus.Fail, Garbled, ""));
            }

            return;
        }

        int expected = slot.Remaining.Peek();
        switch (line.Kind)
        {
            case WorkerLine.StartKind when line.Index == expected && slot.Running < 0:
                slot.Running = expected;
                slot.Since.Restart();
                slot.Progressed = true;
                break;
            case WorkerLine.StartKind when slot.Running >= 0:
                // The end of the running test was lost (code under test broke the line it came on).
                Finish(slot, outcomes, new TestOutcome(plan[slot.Running], TestStatus.Fail, Garbled, ""));
                if (slot.Remaining.Count > 0 && line.Index == slot.Remaining.Peek())
                {
                    slot.Running = line.Index;
                    slot.Since.Restart();
                }

                break;
            case WorkerLine.EndKind when line.Index == expected && slot.Running == expected:
                Finish(slot, outcomes, new TestOutcome(plan[expected], line.Status == TestStatus.Pass ? TestStatus.Pass : TestStatus.Fail,
                    line.Status == TestStatus.Pass ? null : line.Message ?? "The test failed.", Cap(line.Output)));
                break;
            default:
                if (slot.Running >= 0)
                {
                    Finish(slot, outcomes, new TestOutcome(plan[slot.Running], TestStatus.Fail, Garbled, ""));
                }

                break;
        }
    }

    private const string Garbled = "The test's result reached the grader garbled: the code under test wrote to the grader's channel. Code under test must not write to the process's standard output stream directly.";

    private static void Finish(Slot slot, Dictionary<int, TestOutcome> outcomes, TestOutcome outcome)
    {
        int index = slot.Remaining.Dequeue();
        outcomes[index] = outcome;
        slot.Running = -1;
        slot.Progressed = true;
    }

    private static string Crashed(WorkerProcess worker)
    {
        var errors = worker.Errors;
        if (errors.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return "The test process crashed with a stack overflow: a method calls itself without end. Look for recursion that never reaches its base case.";
        }

        if (errors.Contains("OutOfMemory", StringComparison.Ordinal) || worker.ExitCode == 137)
        {
            return $"The test process ran out of memory (the limit is {Sandbox.HeapLimitBytes >> 20} MiB). Look for a collection that grows without end.";
        }

        if (worker.ExitCode is 0 or 1 || !errors.Contains("Unhandled exception", StringComparison.Ordinal))
        {
            return $"The test process ended during this test with exit code {worker.ExitCode}: the code called Environment.Exit (or otherwise ended the process). Code under test must return, never exit.";
        }

        return $"The test process crashed during this test (exit code {worker.ExitCode}): {Tail(errors)}";
    }

    private static string Tail(string text)
    {
        text = text.Trim();
        return text.Length <= 300 ? text : text[..300] + " ...";
    }

    private static string Cap(string? output)
    {
        if (string.IsNullOrEmpty(output))
        {
            return "";
        }

        return output.Length <= GradingWorker.KeptOutput ? output : output[..GradingWorker.KeptOutput];
    }

    private sealed class Slot(Queue<int> remaining)
    {
        public Queue<int> Remaining { get; } = remaining;

        public WorkerProcess? Worker { get; set; }

        public int Running { get; set; } = -1;

        public Stopwatch Since { get; } = new();

        public bool Progressed { get; set; }
    }
}
