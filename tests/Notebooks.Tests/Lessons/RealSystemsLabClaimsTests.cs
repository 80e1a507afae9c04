using SplitBrain;
using SplitBrain.Lab;
using SplitBrain.Visuals;

namespace Notebooks.Tests.Lessons;

/// <summary>
/// The numbers lesson 07 (the real-systems lab) states, checked against the lab's settings and parts. The lab's
/// own runs, with real processes and servers, are tested in tests/SplitBrain.Lab.Tests.
/// </summary>
public sealed class RealSystemsLabClaimsTests
{
    private const string Lesson = "07-the-real-systems-lab.ipynb";

    [Fact]
    public void Lesson07_the_ledger_lease_freeze_and_withdrawals_are_the_labs_defaults()
    {
        var options = new LabOptions { ClientProgram = ("course", ["lab-client"]) };

        Assert.Equal(LessonText.Number(Lesson, @"The lab opens a ledger with \*\*\$(\d+)\*\*"), options.OpeningBalance);
        Assert.Equal(LessonText.Number(Lesson, @"gets the lease \(time to live \*\*(\d+) s\*\*\)"), options.Ttl.TotalSeconds);
        Assert.Equal(LessonText.Number(Lesson, @"The lab \*\*freezes client 1\*\* with `SIGSTOP` for \*\*(\d+) s\*\*"), options.Pause.TotalSeconds);
        Assert.Contains("twice the lease's time to live", LessonText.Markdown(Lesson), StringComparison.Ordinal);
        Assert.Equal(2 * options.Ttl, options.Pause);
        double withdrawal = LessonText.Number(Lesson, @"a token and withdraws \$(\d+)");
        Assert.True(withdrawal == LabRun.Withdrawal, $"the lesson says ${withdrawal}, the lab withdraws ${LabRun.Withdrawal}");
        Assert.Equal(EtcdLeaseCoordinator.MinimumTtl, options.Ttl);
        Assert.Equal(("sqlite", "embedded", 1), (options.Store, options.Coordinator, options.EtcdNodes));
    }

    [Fact]
    public void Lesson07_the_embedded_lease_service_hands_out_the_lessons_tokens_once_the_first_lease_expired()
    {
        var tokens = LessonText.Numbers(Lesson, @"With the embedded lease service the tokens are \*\*(\d+)\*\* and \*\*(\d+)\*\*");
        var clock = new StoppedClock();
        var service = new EmbeddedLeaseService(LabOptions.DefaultTtl, time: clock);

        var first = service.Grant("client-1");
        clock.Now += LabOptions.DefaultPause;   // client-1 frozen: no keep-alive
        var second = service.Grant("client-2");

        Assert.Equal(((long)tokens[0], (long)tokens[1]), (first!.Value.Token.Value, second!.Value.Token.Value));
        Assert.False(service.KeepAlive(first.Value.LeaseId));
    }

    [Fact]
    public async Task Lesson07_the_store_refuses_client_1s_late_write_and_keeps_what_the_last_read_says()
    {
        double lastRead = LessonText.Number(Lesson, @"the last read of \$(\d+) agrees");
        await using var ledger = new SimulatedFencedLedger();
        await ledger.CreateAsync(100);

        await ledger.WithdrawAsync("client-1", new FencingToken(33), LabRun.Withdrawal);
        await ledger.WithdrawAsync("client-2", new FencingToken(34), LabRun.Withdrawal);
        var late = await ledger.WithdrawAsync("client-1", new FencingToken(33), LabRun.Withdrawal);

        Assert.Equal((false, "refused: token 33 < highest seen 34", (long)lastRead), (late.Accepted, late.Reason, late.Balance));
        Assert.Equal([33L, 34L], (await ledger.AuditAsync()).Select(a => a.Token.Value));
    }

    [Fact]
    public void Lesson07_the_timeline_marks_accepted_writes_green_and_the_refused_one_with_a_red_cross()
    {
        var report = new LabReport
        {
            Store = "sqlite", Coordinator = "embedded", EtcdNodes = 0, PauseSeconds = 4, TtlSeconds = 2, Notes = [],
            Events =
            [
                new(1.0, "client-1", "acquired", 33, "got the lease"),
                new(1.1, "client-1", "accepted", 33, "ok"),
                new(1.2, "lab", "frozen", 33, "SIGSTOP"),
                new(5.3, "client-2", "acquired", 34, "got the lease"),
                new(5.4, "client-2", "accepted", 34, "ok"),
                new(5.5, "lab", "resumed", 33, "SIGCONT"),
                new(5.6, "client-1", "refused", 33, "refused: token 33 < highest seen 34"),
                new(5.7, "client-1", "lost", 33, "gone"),
            ],
        };

        var timeline = LabPictures.Timeline(report);
        var refused = Assert.Single(timeline.Data, t => t.Name == "write refused by the guard");
        Assert.Equal((Palette.Rejected, "x"), (refused.Marker!.Color, refused.Marker.Symbol));
        Assert.Equal(["33"], refused.Text!);
        Assert.Equal((1.2, 5.5), (timeline.Layout.Shapes![0].X0, timeline.Layout.Shapes[0].X1));   // the grey band: client-1 frozen

        var beliefs = LabPictures.Beliefs(report);
        Assert.Equal(["client-1", "client-2"], beliefs.Data[0].Y!);
        Assert.Equal(5.3, beliefs.Layout.Shapes![0].X0);   // the overlap: client-2 holds while client-1 still believes
        Assert.Equal(5.7, beliefs.Layout.Shapes![0].X1);
    }

    [Theory]
    [InlineData("fail :fenced", 80, true)]    // the lab's run: the late write refused, $80 left
    [InlineData("ok", 70, true)]              // had the guard let it through: $30 out of $100 is still one account's history
    [InlineData("fail :fenced", 70, false)]   // refused, yet the money gone: no single account explains that
    public void Lesson07_the_checker_sees_answers_not_tokens(string lateWrite, long lastRead, bool linearizable)
    {
        string[] late = lateWrite.Split(' ');
        var history = History.ParseEdn($$"""
            {:process 0, :type :invoke, :f :deposit, :value 100}
            {:process 0, :type :ok, :f :deposit, :value 100}
            {:process 1, :type :invoke, :f :withdraw, :value 10}
            {:process 1, :type :ok, :f :withdraw, :value 10}
            {:process 2, :type :invoke, :f :withdraw, :value 10}
            {:process 2, :type :ok, :f :withdraw, :value 10}
            {:process 1, :type :invoke, :f :withdraw, :value 10}
            {:process 1, :type :{{late[0]}}, :f :withdraw, :value 10{{(late.Length > 1 ? $", :error {late[1]}" : "")}}}
            {:process 3, :type :invoke, :f :read, :value nil}
            {:process 3, :type :ok, :f :read, :value {{lastRead}}}
            """);

        var check = history.Check(Models.BankAccount);

        Assert.True(check.IsLinearizable == linearizable, check.ToString());
    }

    private sealed class StoppedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
