using System.Diagnostics;
using SplitBrain;

namespace SplitBrain.Benchmarks;

/// <summary>
/// The linearizability checker's figures on the shared histories (Jepsen's etcd logs, Porcupine's kv histories):
/// in-process time to read and check them all, the way Porcupine's own test suite measures it. Not a test.
/// </summary>
internal static class HistoryBenchmarks
{
    public static int Run(string? folder)
    {
        folder ??= FindShared();
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine("histories: the histories folder was not found; pass it: --histories PATH (it is <repo>/notebooks/data/histories)");
            return 2;
        }

        string[] etcd = Directory.GetFiles(Path.Combine(folder, "jepsen-etcd"), "*.log").Order(StringComparer.Ordinal).ToArray();
        string[] kv = Directory.GetFiles(Path.Combine(folder, "kv"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        string[] all = [.. etcd, .. kv];

        // A fresh process, as `course check` is: JIT included.
        var cold = CheckAll(all, out int notLinearizable);
        Console.WriteLine($"histories: {etcd.Length} etcd logs + {kv.Length} kv histories, read and checked in one fresh process: {cold.TotalMilliseconds:N0} ms ({notLinearizable} not linearizable). Porcupine: about 1,300 ms on this machine.");

        var times = new List<TimeSpan>();
        for (int round = 0; round < 5; round++)
        {
            times.Add(CheckAll(all, out _));
        }

        times.Sort();
        Console.WriteLine($"histories: the same, warmed up: median {times[2].TotalMilliseconds:N0} ms of 5 (from {times[0].TotalMilliseconds:N0} to {times[4].TotalMilliseconds:N0} ms)");
        var etcdOnly = CheckAll(etcd, out _);
        Console.WriteLine($"histories: the {etcd.Length} etcd logs alone, warmed up: {etcdOnly.TotalMilliseconds:N0} ms");
        foreach (string file in kv)
        {
            var watch = Stopwatch.StartNew();
            var history = History.Load(file);
            var result = Models.KeyValue.Check(history);
            watch.Stop();
            Console.WriteLine($"histories: {Path.GetFileName(file)}: {history.Count} operations in {result.Parts} keys, {result.Steps:N0} steps, {(result.IsLinearizable == true ? "linearizable" : "not linearizable")}, {watch.Elapsed.TotalMilliseconds:N1} ms");
        }

        return 0;
    }

    private static TimeSpan CheckAll(string[] files, out int notLinearizable)
    {
        notLinearizable = 0;
        var watch = Stopwatch.StartNew();
        foreach (string file in files)
        {
            var history = History.Load(file);
            if (Models.Infer(history).Check(history).IsLinearizable == false)
            {
                notLinearizable++;
            }
        }

        watch.Stop();
        return watch.Elapsed;
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "course.sln")))
            {
                return Path.Combine(dir.FullName, "notebooks", "data", "histories");
            }
        }

        return null;
    }
}
