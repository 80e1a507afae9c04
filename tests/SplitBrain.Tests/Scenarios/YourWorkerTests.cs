namespace SplitBrain.Tests.Scenarios;

/// <summary>gc-pause with a worker decision of your own, as lesson 3's swap-in cell runs it.</summary>
public sealed class YourWorkerTests
{
    [Fact]
    public void A_worker_that_remembers_the_highest_token_runs_each_job_once()
    {
        var asked = new List<(int Job, long Token)>();
        JobGate Remembering()
        {
            long highest = long.MinValue;
            return (job, token) =>
            {
                asked.Add((job, token.Value));
                if (token.Value < highest)
                {
                    return $"token {token.Value} is lower than {highest}";
                }

                highest = token.Value;
                return null;
            };
        }

        var result = new GcPauseScenario(Remembering).Run(new ScenarioOptions { Fencing = true });
        Assert.Empty(result.Violations);
        Assert.Equal(0, result.Figures[RunFigure.JobsRunTwice]);
        Assert.Equal(6, result.Figures[RunFigure.JobRuns]);
        Assert.Contains(asked, a => a.Token == 33);
        Assert.Contains(asked, a => a.Token == 34);
        Assert.Contains(result.Trace.Protocol, e => e.Kind == TraceKind.WriteRejected && e.Detail!.ToString()!.Contains("refused by your worker: token 33 is lower than 34", StringComparison.Ordinal));
    }

    [Fact]
    public void A_worker_that_runs_everything_runs_the_late_batch_again()
    {
        var result = new GcPauseScenario(() => (_, _) => null).Run(new ScenarioOptions { Fencing = true });
        Assert.Equal(6, result.Figures[RunFigure.JobsRunTwice]);
        Assert.True(result.Broke(Checkers.JobOnce));
    }

    [Fact]
    public void The_stub_that_throws_surfaces_as_not_implemented()
    {
        var scenario = new GcPauseScenario(() => (_, _) => throw new NotImplementedException());
        Assert.ThrowsAny<NotImplementedException>(() => scenario.Run(new ScenarioOptions()));
    }
}
