namespace SplitBrain.Tests.Tracing;

/// <summary>Typed questions to a trace: a detail as its own type, the lines of a kind with their details.</summary>
public class TraceLinesTests
{
    private static readonly ScenarioResult Fenced = SplitBrain.Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = true });

    [Fact]
    public void A_detail_comes_back_as_its_own_type()
    {
        var refused = Fenced.Trace.OfKind(TraceKind.WriteRejected).First();
        var decision = refused.DetailAs<WriteDecision>();
        Assert.Same(refused.Detail, decision);
        Assert.Equal(new FencingToken(1), decision.Token);
    }

    [Fact]
    public void Asking_for_the_wrong_type_says_what_the_detail_is()
    {
        var refused = Fenced.Trace.OfKind(TraceKind.WriteRejected).First();
        var error = Assert.Throws<InvalidOperationException>(() => refused.DetailAs<Lease>());
        Assert.Contains("is a WriteDecision, not a Lease", error.Message, StringComparison.Ordinal);

        var empty = new TraceEntry(TimeSpan.Zero, TraceKind.Heal, null, null, null);
        Assert.Contains("is empty, not a Term", Assert.Throws<InvalidOperationException>(() => empty.DetailAs<Term>()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lines_of_a_kind_come_with_their_details_and_only_those_of_the_type_asked()
    {
        var elected = Fenced.Trace.OfKind<Term>(TraceKind.Elected).ToArray();
        Assert.Equal(Fenced.Trace.OfKind(TraceKind.Elected).Count(), elected.Length);
        Assert.All(elected, e => Assert.Equal(e.Line.Detail, e.Detail));
        Assert.Empty(Fenced.Trace.OfKind<Lease>(TraceKind.Elected));

        var requests = Fenced.Trace.OfKind<RequestVote>(TraceKind.Send).ToArray();
        Assert.NotEmpty(requests);
        Assert.True(requests.Length < Fenced.Trace.OfKind(TraceKind.Send).Count(), "the sends include messages other than vote requests");
    }

    [Fact]
    public void The_writes_are_split_into_accepted_and_refused()
    {
        var accepted = Fenced.Trace.Writes(accepted: true).ToArray();
        var refused = Fenced.Trace.Writes(accepted: false).ToArray();
        Assert.Equal(Fenced.RejectedWrites, refused.Length);
        Assert.Equal(Fenced.Trace.OfKind(TraceKind.WriteAccepted).Count(), accepted.Length);
        Assert.All(refused, r => Assert.Equal(TraceKind.WriteRejected, r.Line.Kind));
        Assert.Contains(accepted, a => a.Write.Token == new FencingToken(2));
    }
}
