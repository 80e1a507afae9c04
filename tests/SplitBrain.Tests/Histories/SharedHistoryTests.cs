namespace SplitBrain.Tests.Histories;

/// <summary>Histories recorded by others against real systems (Jepsen's etcd runs, Porcupine's kv test data) get the verdicts they are known to have.</summary>
public sealed class SharedHistoryTests
{
    [Theory]
    [MemberData(nameof(SharedHistories.All), MemberType = typeof(SharedHistories))]
    public void Every_shared_history_gets_its_expected_verdict(string set, string file, bool expected)
    {
        var history = History.Load(SharedHistories.PathOf(set, file));
        var model = Models.Infer(history);
        Assert.Equal(set == "kv" ? "kv" : "register", model.Name);

        var result = model.Check(history);

        Assert.True(result.IsLinearizable == expected, $"{set}/{file}: EXPECTED says {expected}, the checker says {result}");
        if (!expected)
        {
            Assert.NotNull(result.Failure);
            Assert.Contains(result.Failure!.Stuck, history.Operations);
        }
    }

    [Fact]
    public void The_etcd_logs_read_as_register_operations_with_timeouts_left_open()
    {
        var history = History.Load(SharedHistories.PathOf("jepsen-etcd", "etcd_000.log"));

        Assert.True(history.Count > 50, $"etcd_000.log has {history.Count} operations");
        Assert.All(history.Operations, o => Assert.Contains(o.Function, new[] { "read", "write", "cas" }));
        Assert.Contains(history.Operations, o => o.Outcome == OperationOutcome.Info && o.Completed is null && o.Error is Keyword { Name: "timed-out" });
        Assert.Contains(history.Operations, o => o.Function == "cas" && o.Outcome == OperationOutcome.Fail);
    }

    [Fact]
    public void A_kv_history_splits_into_one_part_per_key()
    {
        var history = History.Load(SharedHistories.PathOf("kv", "c10-ok.txt"));
        int keys = history.Operations.Select(o => o.Key).Distinct().Count();

        var result = Models.KeyValue.Check(history);

        Assert.Equal(keys, result.Parts);
        Assert.True(keys > 1);
    }
}
