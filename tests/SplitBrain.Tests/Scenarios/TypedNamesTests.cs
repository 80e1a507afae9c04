using System.Reflection;

namespace SplitBrain.Tests.Scenarios;

/// <summary>Figures and invariants are named once, by type: every name a run reports is one of the catalogue's.</summary>
public class TypedNamesTests
{
    [Fact]
    public void Every_figure_a_scenario_reports_is_in_the_catalogue_under_one_name()
    {
        Assert.Equal(RunFigure.All.Count, RunFigure.All.Select(f => f.Name).Distinct().Count());
        var fields = typeof(RunFigure).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (RunFigure)f.GetValue(null)!).ToArray();
        Assert.Equal(fields.OrderBy(f => f.Name, StringComparer.Ordinal), RunFigure.All);
        var reported = new HashSet<RunFigure>();
        foreach (var scenario in SplitBrain.Scenarios.All)
        {
            foreach (var settings in new[] { scenario.UnsafeSettings, scenario.SafeSettings })
            {
                var figures = scenario.Run(settings).Figures;
                Assert.All(figures.Keys, f => Assert.Contains(f, RunFigure.All));
                Assert.Equal(figures.Keys.Select(f => f.Name).Order(StringComparer.Ordinal), figures.Keys.Select(f => f.Name));
                reported.UnionWith(figures.Keys);
            }
        }

        Assert.Equal(RunFigure.All, reported.OrderBy(f => f.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_checker_has_one_field_and_every_scenario_teaches_one_of_its_checks()
    {
        var fields = typeof(Checkers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(IChecker).IsAssignableFrom(f.FieldType)).Select(f => (IChecker)f.GetValue(null)!).ToArray();
        Assert.Equal(fields, Checkers.All);
        Assert.Equal(Checkers.All.Count, Checkers.All.Select(c => c.Id).Distinct().Count());
        foreach (var scenario in SplitBrain.Scenarios.All)
        {
            Assert.Contains(scenario.Teaches, scenario.Checks);
            Assert.True(scenario.Run(scenario.UnsafeSettings).Broke(scenario.Teaches), $"{scenario.Name}: the unsafe settings should break {scenario.Teaches.Id}");
        }
    }

    [Fact]
    public void The_json_report_names_figures_and_checks_as_the_catalogue_does()
    {
        var result = SplitBrain.Scenarios.Get("bank-ledger").Run(new ScenarioOptions { Seed = 1 });
        var json = RunReport.ToJson(result);
        Assert.Equal(result.Figures[RunFigure.PaidOut], json["paidOut"]);
        Assert.Equal(new[] { "no-overdraft", "no-lost-ack", "one-leader-per-term", "no-stale-write" }, (string[])json["checks"]!);
        Assert.True(result.Violations[0].Breaks(Checkers.NoOverdraft));
        Assert.False(result.Violations[0].Breaks(Checkers.JobOnce));
    }
}
