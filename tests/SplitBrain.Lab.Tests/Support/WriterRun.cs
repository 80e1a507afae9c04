using SplitBrain.Lab;

namespace SplitBrain.Lab.Tests.Support;

/// <summary>Runs <c>course lab-writer</c> processes against one store and collects what they acknowledged.</summary>
public static class WriterRun
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Starts one writer per entry, waits until all are ready, tells them all to go at once, and waits for them to
    /// finish. Returns every <c>wrote</c> line, acknowledged after its commit.
    /// </summary>
    public static async Task<List<ClientLine>> RunTogetherAsync(string store, string database, string guard, string resource, params (string Name, long First, long Step, int Count)[] writers)
    {
        var lines = new List<ClientLine>();
        var processes = writers.Select(w => Start(store, database, guard, resource, w.Name, w.First, w.Step, w.Count)).ToList();
        try
        {
            foreach (var process in processes)
            {
                await process.WaitForAsync("ready", Limit, _ => { }, CancellationToken.None);
            }

            foreach (var process in processes)
            {
                await process.SendAsync("go");
            }

            await Task.WhenAll(processes.Select(p => p.WaitForAsync("done", Limit, line => { lock (lines) { if (line.Kind == "wrote") { lines.Add(line); } } }, CancellationToken.None)));
            return lines;
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    public static LabProcess Start(string store, string database, string guard, string resource, string name, long first, long step, int count) =>
        Course.Start("lab-writer", "--name", name, "--store", store, "--database", database, "--guard", guard, "--resource", resource,
            "--first", $"{first}", "--step", $"{step}", "--count", $"{count}");
}
