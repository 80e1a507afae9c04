using System.Globalization;
using Course.Notebooks;
using Notebooks.Tests.Support;
using SplitBrain;

namespace Notebooks.Tests.Lessons;

/// <summary>
/// The numbers and verdicts lesson 09 (what the clients saw) states, checked against the histories its cells check:
/// the three clients on a register, bank-ledger and replicated-register with fencing off and on, the two Jepsen etcd
/// logs in notebooks/data/histories/jepsen-etcd, and the explorer on replicated-register.
/// </summary>
public sealed class WhatTheClientsSawClaimsTests
{
    private const string Lesson = "09-what-the-clients-saw.ipynb";
    private static readonly string Histories = Path.Combine(Repository.NotebooksFolder, "data", "histories", "jepsen-etcd");

    private static readonly ScenarioResult Bank = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = false });
    private static readonly ScenarioResult FencedBank = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = true });
    private static readonly ScenarioResult Register = Scenarios.Run("replicated-register", new ScenarioOptions { Seed = 1, Fencing = false });
    private static readonly ScenarioResult FencedRegister = Scenarios.Run("replicated-register", new ScenarioOptions { Seed = 1, Fencing = true });

    /// <summary>The lesson's ThreeClients: process 0 writes 1, process 1 reads during the write, process 2 reads after it.</summary>
    private static History ThreeClients(string writeEnded, string lastRead) => History.ParseEdn($$"""
        {:process 0, :type :invoke, :f :write, :value 1}
        {:process 1, :type :invoke, :f :read, :value nil}
        {:process 1, :type :ok, :f :read, :value nil}
        {:process 0, :type :{{writeEnded}}, :f :write, :value 1}
        {:process 2, :type :invoke, :f :read, :value nil}
        {:process 2, :type :ok, :f :read, :value {{lastRead}}}
        """);

    [Fact]
    public void Lesson09_the_three_clients_are_linearizable_in_the_order_read_nil_write_read_1()
    {
        var history = ThreeClients("ok", "1");
        var write = history.Operations.Single(o => o.Function == "write");
        Assert.Equal((0L, 3L), (write.Invoked, write.Completed!.Value));

        var result = history.Check();

        Assert.Equal(Verdict.Linearizable, result.Verdict);
        Assert.Equal([1L, 0L, 2L], result.Linearization.Select(o => o.Process));
    }

    [Fact]
    public void Lesson09_a_read_after_the_write_that_is_told_nil_is_stale_and_is_the_operation_that_cannot_be_placed()
    {
        var result = ThreeClients("ok", "nil").Check();

        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
        Assert.Equal((2L, "read"), (result.Failure!.Stuck.Process, result.Failure.Stuck.Function));
        Assert.Equal("the register holds 1", result.Failure.State);
    }

    [Theory]
    [InlineData("ok", Verdict.Linearizable, Verdict.NotLinearizable)]
    [InlineData("fail", Verdict.NotLinearizable, Verdict.Linearizable)]
    [InlineData("info", Verdict.Linearizable, Verdict.Linearizable)]
    public void Lesson09_only_an_indeterminate_write_lets_both_answers_be_linearizable(string writeEnded, Verdict readsOne, Verdict readsNil)
    {
        Assert.Equal(readsOne, ThreeClients(writeEnded, "1").Check().Verdict);
        Assert.Equal(readsNil, ThreeClients(writeEnded, "nil").Check().Verdict);
    }

    [Fact]
    public void Lesson09_the_double_withdrawal_is_not_linearizable_the_longest_order_holds_2_and_the_second_paid_withdrawal_cannot_be_placed()
    {
        var history = Bank.History!;
        var result = history.Check();

        Assert.Equal(3, history.Count);
        var deposit = history.Operations[0];
        Assert.Equal((0L, "deposit", (object)100L), (deposit.Process, deposit.Function, deposit.Argument!));
        Assert.All(history.Operations.Skip(1), o => Assert.Equal(("withdraw", (object)60L, OperationOutcome.Ok, 2.0), (o.Function, o.Argument!, o.Outcome, o.InvokedAt!.Value.TotalSeconds)));

        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
        var failure = result.Failure!;
        Assert.Equal(["deposit", "withdraw"], failure.Prefix.Select(o => o.Function));
        Assert.Equal(("withdraw", OperationOutcome.Ok), (failure.Stuck.Function, failure.Stuck.Outcome));
        Assert.DoesNotContain(failure.Stuck, failure.Prefix);
        Assert.Equal("the balance is $40", failure.State);
        Assert.Equal(120, Bank.Figures[RunFigure.PaidOut]);

        // Both withdrawals lie inside the shaded split-brain window.
        var window = Assert.Single(Leadership.SplitBrainWindows(Bank.Trace));
        Assert.All(history.Operations.Skip(1), o => Assert.True(window.From <= o.InvokedAt && o.CompletedAt <= window.Until, $"{o} outside {window}"));
    }

    [Fact]
    public void Lesson09_with_fencing_the_deposed_leaders_withdrawal_is_refused_and_the_bank_history_is_linearizable()
    {
        var history = FencedBank.History!;

        Assert.Equal(Verdict.Linearizable, history.Check().Verdict);
        Assert.Equal(1, history.Operations.Count(o => o.Function == "withdraw" && o.Outcome == OperationOutcome.Ok));
        Assert.Equal(1, history.Operations.Count(o => o.Function == "withdraw" && o.Outcome == OperationOutcome.Fail));
        Assert.Equal(60, FencedBank.Figures[RunFigure.PaidOut]);
        var refused = Assert.Single(FencedBank.Trace.OfKind(TraceKind.WriteRejected));
        Assert.Equal("A", refused.Peer?.Name);
    }

    [Fact]
    public void Lesson09_unfenced_the_register_serves_client_1_a_stale_read_of_2_at_2_4_s_after_the_cas_to_3_finished_at_2_224_s()
    {
        var history = Register.History!;
        var result = history.Check();

        Assert.Equal("17 operations by 3 processes", history.ToString());
        Assert.Equal(Verdict.NotLinearizable, result.Verdict);
        var failure = result.Failure!;
        Assert.Equal(7, failure.Prefix.Count);
        var lastChange = failure.Prefix[^1];
        Assert.Equal(("cas", OperationOutcome.Ok), (lastChange.Function, lastChange.Outcome));
        Assert.Equal([2L, 3L], ((IReadOnlyList<object?>)lastChange.Argument!).Cast<long>());
        Assert.Equal("2.224", lastChange.CompletedAt!.Value.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
        Assert.Equal("the register holds 3", failure.State);

        var stale = failure.Stuck;
        Assert.Equal((0L, "read", (object?)2L), (stale.Process, stale.Function, stale.Result));
        Assert.Equal(2.4, stale.InvokedAt!.Value.TotalSeconds, 6);

        // Process 0 is client-1 (its plan opens with a write of 1 at 0.3 s); it reads 2 again at 3.4 s and 4.2 s.
        var first = ReplicatedRegisterScenario.Plans["client-1"][0];
        Assert.Equal((first.At, "write", (object?)1L), (history.Operations[0].InvokedAt!.Value, history.Operations[0].Function, history.Operations[0].Argument));
        Assert.Equal(0L, history.Operations[0].Process);
        var laterReads = history.Operations.Where(o => o.Process == 0 && o.Function == "read" && o.InvokedAt > TimeSpan.FromSeconds(3)).ToArray();
        Assert.Equal([3.4, 4.2], laterReads.Select(o => Math.Round(o.InvokedAt!.Value.TotalSeconds, 3)));
        Assert.All(laterReads, o => Assert.Equal(2L, o.Result));
        Assert.Contains(history.Operations, o => o.Process != 0 && o.Function == "write" && Equals(o.Argument, 6L));
        Assert.Contains(history.Operations, o => o.Process != 0 && o.Function == "write" && Equals(o.Argument, 5L));

        // A was deposed at about 1.1 s: the split-brain window opens when the other side elects its leader.
        var window = Assert.Single(Leadership.SplitBrainWindows(Register.Trace));
        Assert.Equal(1.1, window.From.TotalSeconds, 1);
    }

    [Fact]
    public void Lesson09_fenced_the_register_is_linearizable_with_12_ok_2_fail_3_info_and_client_1_as_3_processes()
    {
        var history = FencedRegister.History!;

        Assert.Equal(Verdict.Linearizable, history.Check().Verdict);
        Assert.Equal((17L, 12L, 2L, 3L), (FencedRegister.Figures[RunFigure.Operations], FencedRegister.Figures[RunFigure.Ok], FencedRegister.Figures[RunFigure.Failed], FencedRegister.Figures[RunFigure.Indeterminate]));
        Assert.Equal((17L, 15L, 2L, 0L), (Register.Figures[RunFigure.Operations], Register.Figures[RunFigure.Ok], Register.Figures[RunFigure.Failed], Register.Figures[RunFigure.Indeterminate]));
        Assert.Equal(5, history.Operations.Select(o => o.Process).Distinct().Count());

        // B wins term 2; once it has used term 2 at the store, the store refuses A's commands with term 1.
        var elected = FencedRegister.Trace.OfKind(TraceKind.Elected).Select(e => (Term: e.DetailAs<Term>().ToString(), Node: e.Node!.Value.Name)).ToArray();
        Assert.Contains(("term 2", "B"), elected);
        var refusals = FencedRegister.Trace.OfKind(TraceKind.WriteRejected).ToArray();
        Assert.NotEmpty(refusals);
        Assert.All(refusals, e => Assert.Equal("A", e.Peer?.Name));

        // Client-1's read at 2.4 s is refused by the store; its next three commands time out, under processes 0, 3 and 4.
        var refused = history.Operations.Single(o => o.Process == 0 && o.InvokedAt == TimeSpan.FromSeconds(2.4));
        Assert.Equal((OperationOutcome.Fail, (object?)new Keyword("fenced")), (refused.Outcome, refused.Error));
        var timedOut = history.Operations.Where(o => o.Outcome == OperationOutcome.Info).ToArray();
        Assert.Equal([2.8, 3.4, 4.2], timedOut.Select(o => Math.Round(o.InvokedAt!.Value.TotalSeconds, 3)));
        Assert.Equal([0L, 3L, 4L], timedOut.Select(o => o.Process));
        var clientOne = ReplicatedRegisterScenario.Plans["client-1"].Select(p => p.At).ToArray();
        Assert.All(timedOut, o => Assert.Contains(o.InvokedAt!.Value, clientOne));
        Assert.DoesNotContain(history.Operations, o => o.Process is 0 or 3 or 4 && o.Outcome == OperationOutcome.Ok && o.InvokedAt > TimeSpan.FromSeconds(2.4));
    }

    [Theory]
    [InlineData("etcd_000.log", 85, 19, 16, 1_112)]
    [InlineData("etcd_002.log", 77, 23, 19, 256_416)]
    public void Lesson09_each_jepsen_etcd_history_gets_the_verdict_its_EXPECTED_line_gives(string file, int operations, int processes, int indeterminate, long steps)
    {
        var history = History.Load(Path.Combine(Histories, file));
        bool expected = bool.Parse(File.ReadLines(Path.Combine(Histories, "EXPECTED")).Single(l => l.StartsWith(file + " ", StringComparison.Ordinal)).Split(' ')[1]);

        var result = history.Check();

        Assert.Equal($"{operations} operations by {processes} processes ({indeterminate} indeterminate)", history.ToString());
        Assert.Equal("register", result.Model);
        Assert.Equal(expected, result.IsLinearizable);
        Assert.Equal(steps, result.Steps);
    }

    [Fact]
    public void Lesson09_etcd_000_is_not_linearizable_its_longest_order_holds_42_then_a_read_of_2_cannot_be_placed_where_0_is_held()
    {
        var failure = History.Load(Path.Combine(Histories, "etcd_000.log")).Check().Failure!;

        Assert.Equal(42, failure.Prefix.Count);
        Assert.Equal("the register holds 0", failure.State);
        Assert.Equal(("read", (object?)2L), (failure.Stuck.Function, failure.Stuck.Result));
    }

    [Fact]
    public void Lesson09_the_copied_histories_are_the_shared_ones_unchanged_with_their_licence()
    {
        Assert.Equal(50, Directory.GetFiles(Histories, "etcd_*.log").Length);
        Assert.Contains("Copyright (c) Anish Athalye", File.ReadAllText(Path.Combine(Histories, "..", "LICENSE-porcupine.md")), StringComparison.Ordinal);
        var expected = File.ReadAllLines(Path.Combine(Histories, "EXPECTED"));
        Assert.Contains("etcd_000.log false", expected);
        Assert.Contains("etcd_002.log true", expected);
    }

    [Fact]
    public void Lesson09_the_simulated_histories_take_a_few_steps_and_a_budget_of_10000_steps_leaves_etcd_002_unknown()
    {
        Assert.All(new[] { ThreeClients("ok", "nil"), Bank.History!, FencedBank.History!, Register.History!, FencedRegister.History! },
            h => Assert.InRange(h.Check().Steps, 1, 100));

        var undecided = History.Load(Path.Combine(Histories, "etcd_002.log")).Check(options: new CheckOptions { MaxSteps = 10_000 });

        Assert.Equal(Verdict.Unknown, undecided.Verdict);
    }

    [Fact]
    public void Lesson09_the_explorer_finds_non_linearizable_registers_in_418_of_1000_schedules_without_fencing_and_none_with_it()
    {
        var scenario = Scenarios.Get("replicated-register");
        var invariants = new System.Collections.Concurrent.ConcurrentBag<string>();
        ExploreResult Explore(bool fencing) => Explorer.Run(scenario, new ExploreOptions
        {
            Schedules = 1000,
            FirstSeed = 1001,
            Fencing = fencing,
            StopAtFirstViolation = false,
            OnViolation = run => invariants.Add(string.Join(",", run.Violations.Select(v => v.Invariant).Distinct())),
        });

        var unfenced = Explore(fencing: false);

        Assert.Equal(418, unfenced.Violations);
        Assert.All(invariants, i => Assert.Equal(Checkers.Linearizable.Id, i));
        Assert.Equal(1004, unfenced.FirstViolatingSeed);
        Assert.Equal(Checkers.Linearizable.Id, unfenced.FirstViolation!.Invariant);
        var shrunk = Assert.Single(unfenced.ShrunkSchedule!);
        Assert.Equal("t=1.35s partition {A,client-1} | {B,C,client-2,client-3}", shrunk.ToString());

        var replayed = scenario.Run(new ScenarioOptions { Seed = 1004, Fencing = false, Faults = unfenced.ShrunkSchedule });
        var failure = replayed.History!.Check().Failure!;
        Assert.Equal(("read", (object?)2L, "the register holds 3"), (failure.Stuck.Function, failure.Stuck.Result, failure.State));

        Assert.Equal(0, Explore(fencing: true).Violations);
    }

    [Fact]
    public void Lesson09_the_swap_in_cells_own_bank_histories_are_not_linearizable_then_linearizable()
    {
        var timedOut = History.ParseEdn("""
            {:process 0, :type :invoke, :f :deposit, :value 100}
            {:process 0, :type :ok, :f :deposit, :value 100}
            {:process 1, :type :invoke, :f :withdraw, :value 60}
            {:process 1, :type :info, :f :withdraw, :value 60, :error :timed-out}
            {:process 2, :type :invoke, :f :read, :value nil}
            {:process 2, :type :ok, :f :read, :value 40}
            """);
        var staleBalance = History.ParseEdn("""
            {:process 0, :type :invoke, :f :deposit, :value 100}
            {:process 0, :type :ok, :f :deposit, :value 100}
            {:process 1, :type :invoke, :f :withdraw, :value 60}
            {:process 1, :type :ok, :f :withdraw, :value 60}
            {:process 2, :type :invoke, :f :read, :value nil}
            {:process 2, :type :ok, :f :read, :value 100}
            """);

        Assert.Equal(
            [Verdict.NotLinearizable, Verdict.Linearizable, Verdict.Linearizable, Verdict.NotLinearizable],
            new[] { Bank.History!, FencedBank.History!, timedOut, staleBalance }.Select(h => Models.BankAccount.Check(h).Verdict));
    }

    [Fact]
    public void Lesson09_the_prose_states_the_figures_these_tests_check()
    {
        var document = LessonFile.Read(Path.Combine(Repository.NotebooksFolder, Lesson));
        string prose = string.Concat(document.Elements.Where(c => !LessonFile.IsCode(c)).Select(c => c.Contents));

        foreach (string figure in new[] { "1,112", "256,416", "418 of the 1,000", "seed 1004", "1.35 s", "2.224 s", "2.400 s", "85 operations by 19 processes, 16 of them indeterminate", "42 operations", "19 indeterminate", "5 processes" })
        {
            Assert.Contains(figure, prose, StringComparison.Ordinal);
        }
    }
}
