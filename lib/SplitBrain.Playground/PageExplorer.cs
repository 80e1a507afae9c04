using System.Diagnostics;

namespace SplitBrain.Playground;

/// <summary>
/// The explorer, in the page: the same schedules as <c>course explore</c> (<see cref="ExploreSchedules"/>), tried one
/// seed after another in small batches so the page can draw its progress bar and hear the stop button between them.
/// The browser runs one thread, so the lowest violating seed is simply the first one found: the same answer the
/// parallel explorer gives.
/// </summary>
public sealed class PageExplorer
{
    /// <summary>How many schedules run between two redraws of the page. Counted, not timed.</summary>
    public const int SchedulesPerBatch = 20;

    private readonly Scenario scenario;
    private readonly ExploreSchedules schedules;
    private readonly long firstSeed;
    private readonly int count;
    private readonly Stopwatch watch = new();
    private ScenarioResult? first;

    /// <summary>Prepares a search of <paramref name="count"/> schedules of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="fencing">Whether its protection is on.</param>
    /// <param name="quorum">The election quorum; null for a majority.</param>
    /// <param name="count">How many schedules to try, at most.</param>
    /// <param name="firstSeed">The seed of the first schedule.</param>
    /// <param name="margin">The lease holders' safety margin alone; null: as <paramref name="fencing"/>.</param>
    /// <param name="tokens">The token check alone; null: as <paramref name="fencing"/>.</param>
    /// <exception cref="ArgumentException">The options do not fit the scenario, or the count is below 1.</exception>
    public PageExplorer(Scenario scenario, bool fencing, int? quorum, int count, long firstSeed = 1, bool? margin = null, bool? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Explore at least 1 schedule.");
        }

        this.scenario = scenario;
        this.count = count;
        this.firstSeed = firstSeed;
        schedules = new ExploreSchedules(scenario, fencing, quorum, margin, tokens);
        Fencing = fencing;
        scenario.Run(schedules.OptionsFor(firstSeed) with { Faults = [] }); // options the scenario does not take fail here
    }

    /// <summary>Whether the scenario's protection is on.</summary>
    public bool Fencing { get; }

    /// <summary>How many schedules have run.</summary>
    public int Done { get; private set; }

    /// <summary>How many schedules the search tries at most.</summary>
    public int Count => count;

    /// <summary>Whether the search is over: a violation found, or every schedule tried.</summary>
    public bool Finished => first is not null || Done >= count;

    /// <summary>Runs the next batch of schedules; stops early at a violation.</summary>
    public void RunBatch()
    {
        watch.Start();
        for (int k = 0; k < SchedulesPerBatch && !Finished; k++)
        {
            var result = scenario.Run(schedules.OptionsFor(firstSeed + Done));
            Done++;
            if (result.Violations.Count > 0)
            {
                first = result;
            }
        }

        watch.Stop();
    }

    /// <summary>What the search found so far; with a violation, its schedule shrunk and the replay command.</summary>
    public ExploreResult Result()
    {
        var found = new ExploreResult
        {
            Scenario = scenario.Name,
            Fencing = Fencing,
            Schedules = Done,
            Violations = first is null ? 0 : 1,
            Elapsed = watch.Elapsed,
        };
        return first is null ? found : schedules.Shrink(found, first);
    }
}
